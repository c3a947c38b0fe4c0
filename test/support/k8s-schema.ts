/**
 * Validates workload objects against the official Kubernetes OpenAPI schema (kubernetes-models).
 * Test-only: the engine never depends on this.
 */
import { parseAllDocuments } from 'yaml';
import { DaemonSet } from 'kubernetes-models/apps/v1/DaemonSet';
import { Deployment } from 'kubernetes-models/apps/v1/Deployment';
import { ReplicaSet } from 'kubernetes-models/apps/v1/ReplicaSet';
import { StatefulSet } from 'kubernetes-models/apps/v1/StatefulSet';
import { CronJob } from 'kubernetes-models/batch/v1/CronJob';
import { Job } from 'kubernetes-models/batch/v1/Job';
import { Pod } from 'kubernetes-models/v1/Pod';
import { ReplicationController } from 'kubernetes-models/v1/ReplicationController';

interface Validatable {
  validate(): void;
}
type ModelClass = new (data: never) => Validatable;

/** The workload kinds kubernetes-models knows, by `apiVersion kind`. */
const MODELS: ReadonlyMap<string, ModelClass> = new Map<string, ModelClass>([
  ['apps/v1 Deployment', Deployment as unknown as ModelClass],
  ['apps/v1 StatefulSet', StatefulSet as unknown as ModelClass],
  ['apps/v1 DaemonSet', DaemonSet as unknown as ModelClass],
  ['apps/v1 ReplicaSet', ReplicaSet as unknown as ModelClass],
  ['v1 Pod', Pod as unknown as ModelClass],
  ['v1 ReplicationController', ReplicationController as unknown as ModelClass],
  ['batch/v1 Job', Job as unknown as ModelClass],
  ['batch/v1 CronJob', CronJob as unknown as ModelClass],
]);

export const WORKLOAD_KINDS: ReadonlySet<string> = new Set(['Pod', 'Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet', 'ReplicationController', 'Job', 'CronJob']);

export type Validation =
  /** Validated: the schema errors (`/json/pointer message`), empty when valid. */
  | { status: 'checked'; errors: string[] }
  /** A workload kind at an API version kubernetes-models has no model for (extensions/v1beta1 …). */
  | { status: 'old-api' };

export interface ObjectValidation {
  /** `doc 2` or `doc 0 items[3]`: where the object sits, stable across fixes. */
  at: string;
  apiVersion: string;
  kind: string;
  name: string;
  result: Validation;
}

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

function isObject(v: Json | undefined): v is { [k: string]: Json } {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export function validateObject(obj: { [k: string]: Json }): Validation {
  const Model = MODELS.get(`${String(obj.apiVersion)} ${String(obj.kind)}`);
  if (!Model) return { status: 'old-api' };
  try {
    new Model(obj as never).validate();
    return { status: 'checked', errors: [] };
  } catch (err) {
    const list = (err as { errors?: Array<{ instancePath?: string; message?: string }> }).errors;
    const errors = Array.isArray(list) ? list.map((e) => `${e.instancePath || '/'} ${e.message ?? ''}`.trim()) : [String((err as Error).message)];
    return { status: 'checked', errors: [...new Set(errors)].sort() };
  }
}

/**
 * Parses a YAML/JSON stream the way Kubernetes reads it (YAML 1.1, merge keys, a repeated key
 * keeps its last value) and validates every workload object, List items included.
 * Documents that do not parse are returned in `unparsed`.
 */
export function validateWorkloads(text: string): { objects: ObjectValidation[]; unparsed: number[] } {
  const objects: ObjectValidation[] = [];
  const unparsed: number[] = [];
  const docs = parseAllDocuments(text.replace(/^\uFEFF/, ''), { version: '1.1', merge: true, uniqueKeys: false, prettyErrors: false });
  const list = Array.isArray(docs) ? docs : [];
  list.forEach((doc, i) => {
    if (doc.errors.length) {
      unparsed.push(i);
      return;
    }
    visit(doc.toJS({ maxAliasCount: 10_000 }) as Json, `doc ${i}`, 0);
  });
  function visit(v: Json, at: string, depth: number): void {
    if (!isObject(v) || typeof v.kind !== 'string') return;
    const items = v.items;
    if (v.kind.endsWith('List') && Array.isArray(items) && depth < 4) {
      items.forEach((it, j) => visit(it, `${at} items[${j}]`, depth + 1));
      return;
    }
    if (!WORKLOAD_KINDS.has(v.kind)) return;
    const meta = isObject(v.metadata) ? v.metadata : {};
    objects.push({ at, apiVersion: String(v.apiVersion), kind: v.kind, name: String(meta.name ?? meta.generateName ?? '(unnamed)'), result: validateObject(v) });
  }
  return { objects, unparsed };
}

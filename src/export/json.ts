/**
 * Plain JSON values of the objects in a manifest: what the exports compare, patch and print.
 * Built from rootlock's own YAML tree (YAML 1.1, aliases and merge keys resolved as Kubernetes reads them).
 */
import { parseYaml } from '../yaml/parse.ts';
import type { YNode } from '../yaml/tree.ts';
import type { Json } from '../yaml/export-yaml.ts';

export type { Json } from '../yaml/export-yaml.ts';
export type JsonObject = { [key: string]: Json };

export function isObject(v: Json | undefined): v is JsonObject {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** The plain value of a node. Merge keys (`<<: *a`) are resolved: local keys win, then merges in order. */
export function toJson(n: YNode | null | undefined): Json {
  if (!n) return null;
  if (n.kind === 'scalar') return n.value;
  if (n.kind === 'seq') return n.items.map(toJson);
  const out: JsonObject = {};
  for (const p of n.pairs) out[p.name] = toJson(p.value);
  const addMerged = (m: YNode): void => {
    if (m.kind !== 'map') return;
    for (const p of m.pairs) if (!(p.name in out)) out[p.name] = toJson(p.value);
    for (const mm of m.merges) addMerged(mm);
  };
  for (const m of n.merges) addMerged(m);
  return out;
}

export function deepEqual(a: Json | undefined, b: Json | undefined): boolean {
  if (a === b) return true;
  if (typeof a !== typeof b || a === null || b === null || a === undefined || b === undefined) return false;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    return a.every((x, i) => deepEqual(x, b[i]));
  }
  if (Array.isArray(b) || typeof a !== 'object' || typeof b !== 'object') return false;
  const ka = Object.keys(a);
  if (ka.length !== Object.keys(b).length) return false;
  return ka.every((k) => Object.prototype.hasOwnProperty.call(b, k) && deepEqual(a[k], b[k]));
}

export function clone<T extends Json>(v: T): T {
  return (v === null || typeof v !== 'object' ? v : JSON.parse(JSON.stringify(v))) as T;
}

/** One Kubernetes object of a manifest: a document, or an item of a `kind: …List` document. */
export interface ManifestObject {
  docIndex: number;
  /** JSON Pointer of the object inside its document: '' for the document itself, '/items/3' for a List item. */
  pointer: string;
  apiVersion: string | undefined;
  kind: string;
  name: string | undefined;
  namespace: string | undefined;
  value: JsonObject;
  /** Offsets of the object in the text. */
  start: number;
  end: number;
}

export interface ParsedManifest {
  objects: ManifestObject[];
  /** Documents that did not parse; their objects are missing from `objects`. */
  brokenDocs: number[];
  docCount: number;
}

const str = (v: Json | undefined): string | undefined => (typeof v === 'string' ? v : typeof v === 'number' || typeof v === 'boolean' ? String(v) : undefined);

/** Every object of the text, in order; Lists are opened (as kubectl and kustomize open them). */
export function manifestObjects(text: string): ParsedManifest {
  const docs = parseYaml(text);
  const objects: ManifestObject[] = [];
  const brokenDocs: number[] = [];
  for (const d of docs) {
    if (d.errors.length) {
      brokenDocs.push(d.index);
      continue;
    }
    visit(d.contents, d.index, '', 0, objects);
  }
  return { objects, brokenDocs, docCount: docs.length };
}

function visit(n: YNode | null, docIndex: number, pointer: string, depth: number, out: ManifestObject[]): void {
  if (!n || n.kind !== 'map') return;
  const value = toJson(n);
  if (!isObject(value)) return;
  const kind = str(value.kind);
  if (kind === undefined) return;
  const itemsNode = n.pairs.find((p) => p.name === 'items')?.value;
  if (kind.endsWith('List') && depth < 4 && itemsNode?.kind === 'seq') {
    itemsNode.items.forEach((it, i) => visit(it, docIndex, `${pointer}/items/${i}`, depth + 1, out));
    return;
  }
  const meta = isObject(value.metadata) ? value.metadata : {};
  out.push({ docIndex, pointer, apiVersion: str(value.apiVersion), kind, name: str(meta.name), namespace: str(meta.namespace), value, start: n.start, end: n.end });
}

/** kind/namespace/name, the identity kubectl and kustomize give an object. */
export function objectId(o: Pick<ManifestObject, 'kind' | 'name' | 'namespace'>): string {
  return `${o.kind}/${o.namespace ?? ''}/${o.name ?? ''}`;
}

export interface ObjectPair {
  before: ManifestObject | undefined;
  after: ManifestObject | undefined;
}

/**
 * Pairs each object of the original with the same object in the corrected text: by kind, namespace and
 * name (the n-th object of one identity with the n-th), so a document added or removed in between
 * does not shift the others. Objects with no name pair by position among the unnamed ones.
 */
export function pairObjects(before: readonly ManifestObject[], after: readonly ManifestObject[]): ObjectPair[] {
  const key = (o: ManifestObject, seen: Map<string, number>): string => {
    const base = o.name === undefined ? `${o.kind}//?` : objectId(o);
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    return `${base}#${n}`;
  };
  const seenA = new Map<string, number>();
  const byKey = new Map<string, ManifestObject>();
  for (const o of after) byKey.set(key(o, seenA), o);
  const seenB = new Map<string, number>();
  const out: ObjectPair[] = [];
  const used = new Set<ManifestObject>();
  for (const o of before) {
    const match = byKey.get(key(o, seenB));
    if (match) used.add(match);
    out.push({ before: o, after: match });
  }
  for (const o of after) if (!used.has(o)) out.push({ before: undefined, after: o });
  return out;
}

/** RFC 6901: `~` becomes `~0` and `/` becomes `~1`, in that order. */
export function escapePointer(token: string): string {
  return token.replace(/~/g, '~0').replace(/\//g, '~1');
}

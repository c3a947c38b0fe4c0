/**
 * Form edits: every change the editor's form makes becomes a minimal text edit on the source,
 * computed with the same edit builder as the fixes, so comments and formatting elsewhere stay.
 */
import type { TextEdit } from './types.ts';
import { parseYaml } from './yaml/parse.ts';
import type { Plain } from './yaml/render.ts';
import { findWorkloads } from './model/index.ts';
import type { Container, Pod, Workload } from './model/index.ts';
import { EditBuilder, EditContext } from './fixes/edits.ts';
import { detectStyle } from './fixes/style.ts';

export type { Plain } from './yaml/render.ts';

/** A container by workload index (Analysis.workloads) and its position in the pod (init, sidecars, app, ephemeral order). */
export interface ContainerRef {
  workload: number;
  container: number;
}

export type VolumeSource =
  | { type: 'emptyDir'; medium?: 'Memory' | ''; sizeLimit?: string }
  | { type: 'configMap'; name: string }
  | { type: 'secret'; secretName: string }
  | { type: 'persistentVolumeClaim'; claimName: string; readOnly?: boolean };

export type FormOp =
  /** Sets (value) or removes (null) a field under the container's securityContext, e.g. ['readOnlyRootFilesystem']. */
  | { op: 'containerSecurity'; target: ContainerRef; path: string[]; value: Plain | null }
  /** Sets or removes a field under the pod's securityContext, e.g. ['seccompProfile', 'type']. */
  | { op: 'podSecurity'; workload: number; path: string[]; value: Plain | null }
  | { op: 'addVolume'; workload: number; name: string; source: VolumeSource }
  /** Replaces a volume's source (emptyDir ↔ configMap …) or edits its fields. */
  | { op: 'setVolumeSource'; workload: number; name: string; source: VolumeSource }
  | { op: 'removeVolume'; workload: number; name: string; removeMounts?: boolean }
  /** Renames a volume and every mount of it, in every container of the pod. */
  | { op: 'renameVolume'; workload: number; from: string; to: string }
  | { op: 'addMount'; target: ContainerRef; name: string; mountPath: string; readOnly?: boolean; subPath?: string }
  /** Creates an emptyDir volume (a free name based on the path) and mounts it, in one step. */
  | { op: 'addEmptyDirMount'; target: ContainerRef; mountPath: string; medium?: 'Memory'; sizeLimit?: string }
  /** Sets (value) or removes (null) a field of a mount: mountPath, readOnly, subPath, name. */
  | { op: 'setMount'; target: ContainerRef; index: number; field: 'mountPath' | 'readOnly' | 'subPath' | 'name'; value: string | boolean | null }
  | { op: 'removeMount'; target: ContainerRef; index: number };

export type FormResult = { ok: true; edits: TextEdit[] } | { ok: false; error: string };

/** The edits that carry out `op` on `text`, or why it cannot be done (the text does not parse …). */
export function formEdits(text: string, op: FormOp): FormResult {
  try {
    const docs = parseYaml(text);
    const broken = docs.find((d) => d.errors.length);
    if (broken) return { ok: false, error: 'The YAML has a syntax error; fix it in the editor first.' };
    const workloads = findWorkloads(docs.map((d) => ({ index: d.index, contents: d.contents })));
    const ctx = new EditContext(text, detectStyle(text, docs.map((d) => d.contents)));
    const e = new EditBuilder(ctx);
    const error = run(op, workloads, e);
    return error ? { ok: false, error } : { ok: true, edits: e.edits };
  } catch (err) {
    return { ok: false, error: `rootlock could not make this change (${String((err as Error)?.message ?? err)}); the text is unchanged.` };
  }
}

function run(op: FormOp, workloads: Workload[], e: EditBuilder): string | undefined {
  const w = workloads['workload' in op ? op.workload : op.target.workload];
  if (!w) return 'That workload is no longer in the text.';
  const pod = w.pod;
  const container = (): Container | undefined => ('target' in op ? pod.containers[op.target.container] : undefined);
  switch (op.op) {
    case 'containerSecurity': {
      const c = container();
      if (!c) return 'That container is no longer in the text.';
      if (op.value === null) e.remove(c.node, ['securityContext', ...op.path]);
      else e.set(c.node, ['securityContext', ...op.path], op.value);
      return;
    }
    case 'podSecurity':
      if (op.value === null) e.remove(pod.node, ['securityContext', ...op.path]);
      else e.set(pod.node, ['securityContext', ...op.path], op.value);
      return;
    case 'addVolume': {
      const name = op.name.trim();
      const bad = checkName(name, pod);
      if (bad) return bad;
      e.append(pod.node, 'volumes', { name, ...sourcePlain(op.source) });
      return;
    }
    case 'setVolumeSource': {
      const v = pod.volumes.find((x) => x.name === op.name && !x.claimTemplate);
      if (!v) return `The pod has no volume "${op.name}".`;
      const src = sourcePlain(op.source);
      const [key, value] = Object.entries(src)[0] as [string, { [k: string]: Plain }];
      if (v.type === key) {
        // the same kind of volume: change only the fields that differ, in place
        const fields = FIELDS[key] ?? Object.keys(value);
        const current = (f: string) => (v.type === 'emptyDir' ? (f === 'medium' ? v.medium : f === 'sizeLimit' ? v.sizeLimit : undefined) : undefined);
        for (const f of fields) {
          const want = value[f];
          if (want === undefined || want === '') {
            if (v.type !== 'emptyDir' || current(f) !== undefined) e.remove(v.node, [key, f]);
          } else if (v.type !== 'emptyDir' || current(f) !== String(want)) e.set(v.node, [key, f], want);
        }
        return;
      }
      if (v.type !== 'unknown') e.remove(v.node, [v.type]);
      e.set(v.node, [key], value);
      return;
    }
    case 'removeVolume': {
      const v = pod.volumes.find((x) => x.name === op.name && !x.claimTemplate);
      if (!v) return `The pod has no volume "${op.name}".`;
      e.removeItem(pod.node, 'volumes', v.index);
      if (op.removeMounts) for (const c of pod.containers) {
        const idx = c.mounts.filter((m) => m.name === op.name).map((m) => m.index);
        if (idx.length) removeItems(e, c, idx);
      }
      return;
    }
    case 'renameVolume': {
      const to = op.to.trim();
      const v = pod.volumes.find((x) => x.name === op.from && !x.claimTemplate);
      if (!v || !v.nameNode) return `The pod has no volume "${op.from}".`;
      if (to === op.from) return;
      const bad = checkName(to, pod);
      if (bad) return bad;
      e.replaceScalar(v.nameNode, to);
      for (const c of pod.containers) for (const m of c.mounts) if (m.name === op.from && m.nameNode) e.replaceScalar(m.nameNode, to);
      return;
    }
    case 'addMount': {
      const c = container();
      if (!c) return 'That container is no longer in the text.';
      const path = op.mountPath.trim();
      if (!path.startsWith('/')) return 'A mount path must be absolute (start with /).';
      if (c.mounts.some((m) => m.mountPath === path)) return `Container "${c.name}" already mounts something at ${path}.`;
      const mount: { [k: string]: Plain } = { name: op.name, mountPath: path };
      if (op.readOnly) mount.readOnly = true;
      if (op.subPath) mount.subPath = op.subPath;
      e.append(c.node, 'volumeMounts', mount);
      return;
    }
    case 'addEmptyDirMount': {
      const c = container();
      if (!c) return 'That container is no longer in the text.';
      const path = op.mountPath.trim();
      if (!path.startsWith('/')) return 'A mount path must be absolute (start with /).';
      if (c.mounts.some((m) => m.mountPath === path)) return `Container "${c.name}" already mounts something at ${path}.`;
      e.addEmptyDir(pod, c, { path, ...(op.medium ? { medium: op.medium } : {}), ...(op.sizeLimit ? { sizeLimit: op.sizeLimit } : {}) });
      return;
    }
    case 'setMount': {
      const c = container();
      const m = c?.mounts.find((x) => x.index === op.index);
      if (!c || !m) return 'That mount is no longer in the text.';
      if (op.field === 'mountPath' && typeof op.value === 'string' && !op.value.startsWith('/')) return 'A mount path must be absolute (start with /).';
      if (op.value === null || op.value === '' || (op.field === 'readOnly' && op.value === false)) e.remove(m.node, [op.field]);
      else e.set(m.node, [op.field], op.value);
      return;
    }
    case 'removeMount': {
      const c = container();
      if (!c || !c.mounts.some((m) => m.index === op.index)) return 'That mount is no longer in the text.';
      e.removeItem(c.node, 'volumeMounts', op.index);
      return;
    }
  }
}

/** Removing several items of one list: one edit each, but the whole key when all go. */
function removeItems(e: EditBuilder, c: Container, indexes: number[]): void {
  if (c.mountsNode && indexes.length === c.mountsNode.items.length) {
    e.remove(c.node, ['volumeMounts']);
    return;
  }
  for (const i of indexes) e.removeItem(c.node, 'volumeMounts', i);
}

/** The fields the form edits, per volume source. */
const FIELDS: Record<string, string[]> = {
  emptyDir: ['medium', 'sizeLimit'],
  configMap: ['name'],
  secret: ['secretName'],
  persistentVolumeClaim: ['claimName', 'readOnly'],
};

function checkName(name: string, pod: Pod): string | undefined {
  if (!/^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/.test(name)) return `"${name}" is not a valid volume name: use lower-case letters, digits and "-", at most 63 characters, starting and ending with a letter or digit.`;
  if (pod.volumes.some((v) => v.name === name)) return `The pod already has a volume named "${name}".`;
  return undefined;
}

function sourcePlain(s: VolumeSource): { [k: string]: Plain } {
  switch (s.type) {
    case 'emptyDir': {
      const ed: { [k: string]: Plain } = {};
      if (s.medium) ed.medium = s.medium;
      if (s.sizeLimit) ed.sizeLimit = s.sizeLimit;
      return { emptyDir: ed };
    }
    case 'configMap':
      return { configMap: { name: s.name } };
    case 'secret':
      return { secret: { secretName: s.secretName } };
    case 'persistentVolumeClaim':
      return { persistentVolumeClaim: s.readOnly ? { claimName: s.claimName, readOnly: true } : { claimName: s.claimName } };
  }
}

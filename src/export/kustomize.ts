/**
 * A kustomize overlay that turns the original manifest into the corrected one: kustomization.yaml
 * plus one patch per changed object — a strategic merge patch for the built-in workload kinds, a
 * JSON 6902 patch for kinds kustomize has no schema for (custom resources such as Argo Rollouts).
 */
import type { JsonObject, ManifestObject } from './json.ts';
import { deepEqual, isObject, manifestObjects, pairObjects } from './json.ts';
import { changedPairs, diffJson } from './jsonPatch.ts';
import { applyStrategic, isStrategicKind, normalizeObject, NotStrategic, strategicDiff } from './smp.ts';
import { splitFiles } from './files.ts';
import { stringifyYaml } from '../yaml/export-yaml.ts';

export interface KustomizeOptions {
  /** The original file's name, which kustomization.yaml lists as its resource (default 'manifest.yaml'). */
  baseFile?: string;
}

export interface OverlayFile {
  path: string;
  content: string;
}

export interface OverlayPatch {
  kind: string;
  name: string;
  namespace: string | undefined;
  path: string;
  type: 'strategic' | 'json6902' | 'delete';
}

export interface KustomizeOverlay {
  /** kustomization.yaml first, then the patches (in rootlock-patches/), then added objects if any. */
  files: OverlayFile[];
  patches: OverlayPatch[];
  /** What the overlay cannot express, in words for the user (empty when it carries every change). */
  notes: string[];
}

export const PATCH_DIR = 'rootlock-patches';

/**
 * The overlay. Layout: kustomization.yaml sits beside the manifest (kustomize reads only files at or
 * below its kustomization's folder, so `../manifest.yaml` would be refused) and lists it as its
 * resource; the patches go in rootlock-patches/. A text joined from several files (joinFiles) lists
 * each file instead.
 */
export function kustomizeOverlay(original: string, corrected: string, opts: KustomizeOptions = {}): KustomizeOverlay {
  const before = manifestObjects(original);
  const after = manifestObjects(corrected);
  const notes: string[] = [];
  if (before.brokenDocs.length || after.brokenDocs.length) {
    notes.push(`Some documents do not parse (original: ${list(before.brokenDocs)}; corrected: ${list(after.brokenDocs)}); their changes are not in the overlay.`);
  }
  const resources = baseResources(original, opts.baseFile);
  const pairs = pairObjects(before.objects, after.objects);
  const files: OverlayFile[] = [];
  const patches: OverlayPatch[] = [];
  const entries: JsonObject[] = [];
  const usedNames = new Set<string>();
  const fileName = (o: ManifestObject, ext: string): string => {
    const base = [o.namespace, o.kind, o.name].filter((x): x is string => !!x).map(slug).join('-') || 'object';
    let name = `${base}.${ext}`;
    for (let n = 2; usedNames.has(name); n++) name = `${base}-${n}.${ext}`;
    usedNames.add(name);
    return `${PATCH_DIR}/${name}`;
  };

  for (const { before: a, after: b } of changedPairs(pairs)) {
    if (a.name === undefined) {
      notes.push(`A ${a.kind} without metadata.name changed; kustomize cannot patch an object with no name, so that change is not in the overlay.`);
      continue;
    }
    const strategic = isStrategicKind(a.apiVersion, a.kind) && a.apiVersion === b.apiVersion && a.kind === b.kind ? strategicPatch(a, b) : undefined;
    if (strategic) {
      const path = fileName(a, 'yaml');
      files.push({ path, content: `# Strategic merge patch made by rootlock: the fields that change in ${a.kind} ${a.namespace ? `${a.namespace}/` : ''}${a.name}.\n${stringifyYaml(strategic)}` });
      entries.push({ path });
      patches.push({ kind: a.kind, name: a.name, namespace: a.namespace, path, type: 'strategic' });
      continue;
    }
    const path = fileName(a, 'json');
    files.push({ path, content: JSON.stringify(diffJson(a.value, b.value), null, 2) + '\n' });
    entries.push({ path, target: target(a) });
    patches.push({ kind: a.kind, name: a.name, namespace: a.namespace, path, type: 'json6902' });
  }

  // Objects only in the original are deleted with a `$patch: delete` patch; objects only in the
  // corrected text go in a resource file of their own.
  const added: JsonObject[] = [];
  for (const { before: a, after: b } of pairs) {
    if (a && !b) {
      if (a.name === undefined) {
        notes.push(`A ${a.kind} without metadata.name was removed; kustomize cannot delete an object with no name, so the overlay keeps it.`);
        continue;
      }
      const path = fileName(a, 'yaml');
      files.push({ path, content: stringifyYaml({ ...identity(a), $patch: 'delete' }) });
      entries.push({ path });
      patches.push({ kind: a.kind, name: a.name, namespace: a.namespace, path, type: 'delete' });
    } else if (b && !a) {
      added.push(b.value);
    }
  }
  if (added.length) {
    const path = `${PATCH_DIR}/added.yaml`;
    files.push({ path, content: added.map((o) => stringifyYaml(o)).join('---\n') });
    resources.push(path);
  }

  const kustomization: JsonObject = {
    apiVersion: 'kustomize.config.k8s.io/v1beta1',
    kind: 'Kustomization',
    resources,
    ...(entries.length ? { patches: entries } : {}),
  };
  files.unshift({ path: 'kustomization.yaml', content: header(resources, patches) + stringifyYaml(kustomization) });
  return { files, patches, notes };
}

function list(ns: number[]): string {
  return ns.length ? ns.map((n) => `document ${n + 1}`).join(', ') : 'none';
}

/** apiVersion, kind and metadata.name/namespace: what kustomize matches a patch by. */
function identity(o: ManifestObject): JsonObject {
  const metadata: JsonObject = { name: o.name ?? null };
  if (o.namespace !== undefined) metadata.namespace = o.namespace;
  return { apiVersion: o.apiVersion ?? null, kind: o.kind, metadata };
}

/** The strategic merge patch for the pair, or undefined when one would not give exactly `b`. */
function strategicPatch(a: ManifestObject, b: ManifestObject): JsonObject | undefined {
  let diff: JsonObject;
  try {
    diff = strategicDiff(a.value, b.value);
  } catch (err) {
    if (err instanceof NotStrategic) return undefined;
    throw err;
  }
  const meta = isObject(diff.metadata) ? diff.metadata : {};
  // metadata.name and namespace identify the object; a patch cannot change them (nor the kind).
  if ('name' in meta || 'namespace' in meta || 'apiVersion' in diff || 'kind' in diff) return undefined;
  const id = identity(a);
  const patch: JsonObject = { ...id, ...diff, metadata: { ...(id.metadata as JsonObject), ...meta } };
  const result = applyStrategic(a.value, stripIdentity(patch));
  if (result === undefined || !deepEqual(normalizeObject(result), normalizeObject(b.value))) return undefined;
  return patch;
}

/** The patch without apiVersion/kind (which are equal) for the merge model. */
function stripIdentity(p: JsonObject): JsonObject {
  const { apiVersion: _v, kind: _k, ...rest } = p;
  return rest;
}

function target(o: ManifestObject): JsonObject {
  const [group, version] = (o.apiVersion ?? '').includes('/') ? (o.apiVersion as string).split('/', 2) : ['', o.apiVersion ?? ''];
  const t: JsonObject = {};
  if (group) t.group = group;
  if (version) t.version = version;
  t.kind = o.kind;
  t.name = o.name ?? null;
  if (o.namespace !== undefined) t.namespace = o.namespace;
  return t;
}

function slug(s: string): string {
  return s.toLowerCase().replace(/[^a-z0-9.]+/g, '-').replace(/^[-.]+|[-.]+$/g, '') || 'x';
}

/** The resource paths: the file name given, or the files of a joined text, or manifest.yaml. */
function baseResources(original: string, baseFile: string | undefined): string[] {
  if (baseFile === undefined) {
    const split = splitFiles(original);
    if (split && split.length) return split.map((f) => relativePath(f.name));
  }
  return [relativePath(baseFile ?? 'manifest.yaml')];
}

/** A path kustomize accepts as a resource below the kustomization: no drive, no leading slash, no `..`. */
function relativePath(name: string): string {
  const parts = name.replace(/\\/g, '/').split('/').filter((p) => p && p !== '.');
  if (parts.includes('..') || /^[A-Za-z]:/.test(parts[0] ?? '')) return parts[parts.length - 1] ?? 'manifest.yaml';
  return parts.join('/') || 'manifest.yaml';
}

function header(resources: string[], patches: OverlayPatch[]): string {
  const lines = [
    'Made by rootlock: this overlay turns the manifest into its corrected form without editing it.',
    `Put this file and the ${PATCH_DIR}/ folder beside ${resources.length === 1 ? resources[0] : 'the listed files'} (kustomize reads`,
    'only files at or below the folder of its kustomization.yaml), then check and apply:',
    '  kubectl kustomize .        # prints the corrected objects',
    '  kubectl apply -k .',
    'If that folder already has a kustomization.yaml, add these patches entries to it instead.',
  ];
  if (patches.some((p) => p.type === 'strategic')) {
    lines.push(
      'The .yaml patches are strategic merge patches: containers, initContainers and volumes merge by',
      'name and volumeMounts by mountPath; `null` removes a field. kustomize lists volumes and mounts',
      'that a patch adds first, which changes nothing: Kubernetes does not depend on their order.',
    );
  }
  if (patches.some((p) => p.type === 'json6902')) {
    lines.push(
      'The .json patches are RFC 6902 JSON patches, used for kinds kustomize has no schema for (custom',
      'resources such as Argo Rollouts, where strategic merge does not know the list keys) and for',
      'changes a strategic merge cannot express exactly.',
    );
  }
  return lines.map((l) => `# ${l}`).join('\n') + '\n';
}

/**
 * Strategic merge patches for the kinds kustomize knows (the built-in workload kinds), written the
 * way kustomize (kyaml) merges them, and a model of that merge to check each patch before it is
 * offered: a patch whose merge would not give the corrected object is not used (the overlay falls
 * back to a JSON 6902 patch for that object).
 */
import type { Json, JsonObject } from './json.ts';
import { clone, deepEqual, isObject } from './json.ts';

/** Kinds (by apiVersion) whose schema kustomize carries, so that it merges their lists by key. */
export const STRATEGIC_KINDS: Readonly<Record<string, readonly string[]>> = {
  v1: ['Pod', 'PodTemplate', 'ReplicationController'],
  'apps/v1': ['Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet'],
  'batch/v1': ['Job', 'CronJob'],
};

export function isStrategicKind(apiVersion: string | undefined, kind: string): boolean {
  return !!apiVersion && (STRATEGIC_KINDS[apiVersion]?.includes(kind) ?? false);
}

/**
 * Lists that the Kubernetes API merges by a key (`patchMergeKey` in its schema) inside the built-in
 * workload kinds; every other list is replaced as a whole by a strategic merge patch.
 */
export const MERGE_KEYS: Readonly<Record<string, string>> = {
  containers: 'name',
  initContainers: 'name',
  ephemeralContainers: 'name',
  volumes: 'name',
  imagePullSecrets: 'name',
  hostAliases: 'ip',
  topologySpreadConstraints: 'topologyKey',
  env: 'name',
  ports: 'containerPort',
  volumeMounts: 'mountPath',
  volumeDevices: 'devicePath',
  ownerReferences: 'uid',
};

/**
 * Keyed lists whose order means nothing to Kubernetes: volumes are a set by name, and container
 * runtimes (containerd, CRI-O) sort mounts by path before mounting. kustomize puts the entries a
 * patch adds first; for these lists that is accepted, for the others (containers run in order, env
 * entries may refer to earlier ones) a patch that would reorder replaces the list instead.
 */
export const UNORDERED_LISTS: ReadonlySet<string> = new Set(['volumes', 'volumeMounts', 'volumeDevices']);

/** Lists the API merges as sets of scalars; a strategic merge patch cannot remove from them simply. */
const PRIMITIVE_MERGE_LISTS: ReadonlySet<string> = new Set(['finalizers']);

export class NotStrategic extends Error {}

/**
 * The strategic merge patch that turns `a` into `b` (both objects), without apiVersion, kind and
 * metadata identity: only what differs. Removed keys become `null`; removed items of keyed lists
 * `{key: value, $patch: delete}`; a keyed list that a merge cannot reproduce (duplicate keys, items
 * without the key, a new item where kustomize would put it elsewhere) becomes
 * `[{$patch: replace}, …all items]`. Throws NotStrategic when no patch of this form can do it.
 */
export function strategicDiff(a: JsonObject, b: JsonObject): JsonObject {
  return diffMap(a, b);
}

function diffMap(a: JsonObject, b: JsonObject, listItem = false): JsonObject {
  const out: JsonObject = {};
  for (const k of Object.keys(a)) if (!(k in b) && a[k] !== null) out[k] = null;
  for (const k of Object.keys(b)) {
    const bv = b[k] as Json;
    if (!(k in a) || a[k] === null) {
      if (bv === null) continue; // null and absent are the same to the API
      checkValue(bv, k);
      out[k] = bv;
      continue;
    }
    const av = a[k] as Json;
    if (deepEqual(av, bv)) continue;
    if (bv === null) {
      out[k] = null;
      continue;
    }
    if (typeof av === 'string' && bv !== null && typeof bv !== 'object' && typeof bv !== 'string') {
      // kustomize keeps a quoted string quoted when a patch sets it to a boolean or a number
      // ('true' stays "true"), so the whole map is replaced instead.
      if (listItem) throw new NotStrategic('a string becomes a boolean or number inside a list item');
      checkValue(b, '');
      return { $patch: 'replace', ...b };
    }
    out[k] = diffValue(av, bv, k);
  }
  return out;
}

function diffValue(a: Json, b: Json, field: string): Json {
  if (isObject(a) && isObject(b)) return diffMap(a, b);
  if (Array.isArray(a) && Array.isArray(b)) return diffList(a, b, field);
  checkValue(b, field);
  return b;
}

/** A value put in a patch whole: a strategic merge would read its nulls and `$patch` keys as directives. */
function checkValue(v: Json, field: string): void {
  if (PRIMITIVE_MERGE_LISTS.has(field)) throw new NotStrategic(`${field} is merged as a set`);
  if (v === null) throw new NotStrategic('a null inside a new value would read as a deletion');
  if (Array.isArray(v)) for (const x of v) checkValue(x, '');
  else if (isObject(v)) for (const [k, x] of Object.entries(v)) {
    if (k.startsWith('$')) throw new NotStrategic(`a key "${k}" reads as a directive`);
    checkValue(x, k);
  }
}

function diffList(a: Json[], b: Json[], field: string): Json {
  if (PRIMITIVE_MERGE_LISTS.has(field)) throw new NotStrategic(`${field} is merged as a set`);
  const key = MERGE_KEYS[field];
  if (!key) {
    checkValue(b, field);
    return b; // replaced whole
  }
  const replace = (): Json => {
    checkValue(b, field);
    return [{ $patch: 'replace' }, ...b];
  };
  const keyOf = (x: Json): string | undefined => (isObject(x) && (typeof x[key] === 'string' || typeof x[key] === 'number') ? JSON.stringify(x[key]) : undefined);
  const ka = a.map(keyOf);
  const kb = b.map(keyOf);
  // kustomize merges entries of one key even inside a `$patch: replace` list, so a list that is to
  // keep two entries of one key (or entries without it) cannot be written as a strategic merge.
  if (kb.includes(undefined) || new Set(kb).size !== kb.length) throw new NotStrategic(`${field} has entries with the same ${key}`);
  if (ka.includes(undefined) || new Set(ka).size !== ka.length) return replace();
  const inA = new Map(ka.map((k, i) => [k as string, a[i] as JsonObject]));
  const inB = new Set(kb);
  const ordered = !UNORDERED_LISTS.has(field);
  // kustomize merges a keyed list as: the patch's entries in the patch's order, then the entries
  // the patch does not name in their old order. Where order matters, the patch names every entry
  // up to the last one it changes (an entry with only its key changes nothing).
  let lastChanged = -1;
  const entries: Array<Json | undefined> = b.map((item, i) => {
    const k = kb[i] as string;
    const before = inA.get(k);
    if (!before) {
      checkValue(item, '');
      lastChanged = i;
      return item;
    }
    const d = diffMap(before, item as JsonObject, true);
    if (!Object.keys(d).length) return undefined;
    lastChanged = i;
    return { [key]: (item as JsonObject)[key] as Json, ...d };
  });
  const items: Json[] = [];
  entries.forEach((e, i) => {
    if (e !== undefined) items.push(e);
    else if (ordered && i < lastChanged) items.push({ [key]: (b[i] as JsonObject)[key] as Json });
  });
  const removed = ka.filter((k) => !inB.has(k));
  for (const k of removed) items.push({ [key]: (inA.get(k as string) as JsonObject)[key] as Json, $patch: 'delete' });
  if (ordered) {
    const named = kb.slice(0, lastChanged + 1);
    const rest = ka.filter((k) => inB.has(k) && !named.includes(k));
    if ([...named, ...rest].join('\n') !== kb.join('\n')) return replace();
  }
  return items;
}

/** What kustomize makes of `base` with the strategic merge patch `patch` (the subset rootlock writes). */
export function applyStrategic(base: Json | undefined, patch: Json, field = ''): Json | undefined {
  if (isObject(patch)) {
    if (patch.$patch === 'delete') return undefined;
    if (patch.$patch === 'replace' || !isObject(base)) return stripDirectives(patch);
    const out = clone(base);
    for (const [k, v] of Object.entries(patch)) {
      if (k.startsWith('$')) continue;
      if (v === null) {
        delete out[k];
        continue;
      }
      const next = applyStrategic(out[k], v, k);
      if (next === undefined) delete out[k];
      else out[k] = next;
    }
    return out;
  }
  if (Array.isArray(patch)) {
    const key = MERGE_KEYS[field];
    if (!key || !Array.isArray(base)) return stripDirectives(patch);
    if (patch.some((x) => isObject(x) && x.$patch === 'replace')) return stripDirectives(patch.filter((x) => !(isObject(x) && x.$patch === 'replace')));
    const matches = (x: Json, p: JsonObject) => isObject(x) && deepEqual(x[key], p[key]);
    const named: Json[] = [];
    for (const p of patch) {
      if (!isObject(p) || p.$patch === 'delete') continue;
      const at = base.find((x) => matches(x, p));
      named.push(at === undefined ? stripDirectives(p) : (applyStrategic(at, p) as Json));
    }
    const rest = base.filter((x) => !patch.some((p) => isObject(p) && matches(x, p)));
    return [...named, ...clone(rest)];
  }
  // kustomize keeps a quoted string quoted when a patch gives it another type
  if (typeof base === 'string' && patch !== null && typeof patch !== 'string') return String(patch);
  return patch;
}

function stripDirectives(v: Json): Json {
  if (Array.isArray(v)) return v.map(stripDirectives);
  if (isObject(v)) {
    const out: JsonObject = {};
    for (const [k, x] of Object.entries(v)) if (!k.startsWith('$') && x !== null) out[k] = stripDirectives(x);
    return out;
  }
  return v;
}

/**
 * The object as the API would store it, for comparing: null fields dropped (null and absent are the
 * same to the API server), and the lists whose order means nothing sorted by their key.
 */
export function normalizeObject(v: Json, field = ''): Json {
  if (Array.isArray(v)) {
    const items = v.map((x) => normalizeObject(x));
    const key = MERGE_KEYS[field];
    if (key && UNORDERED_LISTS.has(field)) {
      const k = (x: Json): string => (isObject(x) ? JSON.stringify(x[key] ?? null) : JSON.stringify(x));
      return [...items].sort((x, y) => (k(x) < k(y) ? -1 : k(x) > k(y) ? 1 : 0));
    }
    return items;
  }
  if (isObject(v)) {
    const out: JsonObject = {};
    for (const [k, x] of Object.entries(v)) if (x !== null) out[k] = normalizeObject(x, k);
    return out;
  }
  return v;
}

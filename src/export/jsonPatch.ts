/**
 * RFC 6902 JSON Patch per changed object, computed from the parsed original and corrected objects.
 */
import type { Json, JsonObject, ObjectPair } from './json.ts';
import { deepEqual, escapePointer, isObject, manifestObjects, pairObjects } from './json.ts';

export type JsonPatchOp =
  | { op: 'add'; path: string; value: Json }
  | { op: 'replace'; path: string; value: Json }
  | { op: 'remove'; path: string };

export interface WorkloadPatch {
  kind: string;
  apiVersion: string | undefined;
  name: string | undefined;
  namespace: string | undefined;
  /** The document (from 0) that holds the object in the original text. */
  docIndex: number;
  /**
   * JSON Pointer of the object inside its document: '' for a document, '/items/3' for an item of a
   * List. The patch's paths are relative to the object itself, as `kubectl patch --type json` and a
   * kustomize JSON 6902 patch expect.
   */
  pointer: string;
  patch: JsonPatchOp[];
}

/**
 * One RFC 6902 patch per object that differs between the two texts, paths relative to the object.
 * Objects that exist in only one of the texts are left out (a patch cannot create or delete one).
 */
export function jsonPatches(original: string, corrected: string): WorkloadPatch[] {
  const pairs = pairObjects(manifestObjects(original).objects, manifestObjects(corrected).objects);
  return changedPairs(pairs).map(({ before, after }) => ({
    kind: before.kind,
    apiVersion: before.apiVersion,
    name: before.name,
    namespace: before.namespace,
    docIndex: before.docIndex,
    pointer: before.pointer,
    patch: diffJson(before.value, after.value),
  }));
}

type Full<T> = { [K in keyof T]-?: NonNullable<T[K]> };

export function changedPairs(pairs: readonly ObjectPair[]): Array<Full<ObjectPair>> {
  return pairs.filter((p): p is Full<ObjectPair> => !!p.before && !!p.after && !deepEqual(p.before.value, p.after.value));
}

/** List items are matched by these keys when their items are maps that all carry one, else by value. */
const ITEM_KEYS = ['name', 'mountPath', 'devicePath', 'containerPort', 'ip', 'uid', 'topologyKey'];

/** The operations that turn `a` into `b`, in the order they must be applied. */
export function diffJson(a: Json, b: Json, path = ''): JsonPatchOp[] {
  if (deepEqual(a, b)) return [];
  if (isObject(a) && isObject(b)) return diffObject(a, b, path);
  if (Array.isArray(a) && Array.isArray(b)) return diffArray(a, b, path);
  return [{ op: 'replace', path, value: b }];
}

function diffObject(a: JsonObject, b: JsonObject, path: string): JsonPatchOp[] {
  const ops: JsonPatchOp[] = [];
  for (const k of Object.keys(a)) {
    const p = `${path}/${escapePointer(k)}`;
    if (!(k in b)) ops.push({ op: 'remove', path: p });
    else ops.push(...diffJson(a[k] as Json, b[k] as Json, p));
  }
  for (const k of Object.keys(b)) if (!(k in a)) ops.push({ op: 'add', path: `${path}/${escapePointer(k)}`, value: b[k] as Json });
  return ops;
}

/**
 * Aligns the two lists (longest common subsequence of item identities), then walks them: an item
 * only in `a` is removed, one only in `b` added (`/-` when it goes at the end), a matched pair that
 * differs is diffed in place. Indexes are those of the list as the earlier operations left it.
 */
function diffArray(a: Json[], b: Json[], path: string): JsonPatchOp[] {
  const identity = itemIdentity(a, b);
  const ia = a.map(identity);
  const ib = b.map(identity);
  const steps = align(ia, ib);
  const ops: JsonPatchOp[] = [];
  let index = 0;
  let length = a.length;
  for (const s of steps) {
    if (s.type === 'remove') {
      ops.push({ op: 'remove', path: `${path}/${index}` });
      length--;
    } else if (s.type === 'add') {
      ops.push({ op: 'add', path: index === length ? `${path}/-` : `${path}/${index}`, value: b[s.b] as Json });
      index++;
      length++;
    } else {
      ops.push(...diffJson(a[s.a] as Json, b[s.b] as Json, `${path}/${index}`));
      index++;
    }
  }
  // A list that changed everywhere is shorter as one replace.
  if (ops.length > 1 && JSON.stringify(ops).length > JSON.stringify({ op: 'replace', path, value: b }).length && steps.every((s) => s.type !== 'keep')) {
    return [{ op: 'replace', path, value: b }];
  }
  return ops;
}

function itemIdentity(a: Json[], b: Json[]): (v: Json) => string {
  const all = [...a, ...b];
  for (const k of ITEM_KEYS) {
    if (all.length && all.every((x) => isObject(x) && (typeof x[k] === 'string' || typeof x[k] === 'number'))) {
      return (v) => `${k}=${JSON.stringify((v as JsonObject)[k])}`;
    }
  }
  return (v) => JSON.stringify(v);
}

type Step = { type: 'keep'; a: number; b: number } | { type: 'remove'; a: number } | { type: 'add'; b: number };

/** LCS alignment of two short sequences (lists inside one object). */
function align(a: string[], b: string[]): Step[] {
  const n = a.length;
  const m = b.length;
  const lcs: number[][] = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(0));
  for (let i = n - 1; i >= 0; i--) {
    const row = lcs[i] as number[];
    const next = lcs[i + 1] as number[];
    for (let j = m - 1; j >= 0; j--) row[j] = a[i] === b[j] ? (next[j + 1] as number) + 1 : Math.max(next[j] as number, row[j + 1] as number);
  }
  const steps: Step[] = [];
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && a[i] === b[j]) steps.push({ type: 'keep', a: i++, b: j++ });
    else if (j < m && (i === n || (lcs[i] as number[])[j + 1]! >= (lcs[i + 1] as number[])[j]!)) steps.push({ type: 'add', b: j++ });
    else steps.push({ type: 'remove', a: i++ });
  }
  return steps;
}

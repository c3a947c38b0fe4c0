/**
 * rootlock's own view of a YAML document: plain objects with source offsets. The model and the
 * edit builder read this tree, never the `yaml` package's classes, so only src/yaml/ depends on it.
 *
 * Aliases resolve to the very node they name (no copies), so a finding on an aliased value points
 * at its anchor, and an edit there changes every place that uses the anchor.
 */
export type YNode = YMap | YSeq | YScalar;

export interface YBase {
  /** [start, end) of the node's own text, without trailing comments. */
  start: number;
  end: number;
  /** True when the node is a flow collection (`{…}` / `[…]`) or JSON. */
  flow: boolean;
  /** Set on nodes reached through `*alias` somewhere in the document. */
  aliased?: boolean;
}

export interface YPair {
  key: YScalar;
  /** The key as a string ('' when it is not a scalar). */
  name: string;
  /** Null only when the key has no value node at all (rare: `? key`). */
  value: YNode | null;
  /** True when the value was written as `*alias`. */
  valueIsAlias: boolean;
  /** Offset of the alias text when valueIsAlias. */
  aliasStart?: number;
  aliasEnd?: number;
}

export interface YMap extends YBase {
  kind: 'map';
  pairs: YPair[];
  /** Maps merged in with `<<: *anchor` (YAML 1.1 merge keys), in priority order. */
  merges: YMap[];
  /** Start of the first key and end of the last value, merge keys included (-1 when empty). */
  firstKeyStart: number;
  lastValueEnd: number;
}

export interface YSeq extends YBase {
  kind: 'seq';
  items: YNode[];
}

export type ScalarStyle = 'plain' | 'single' | 'double' | 'literal' | 'folded';

export interface YScalar extends YBase {
  kind: 'scalar';
  value: string | number | boolean | null;
  style: ScalarStyle;
  /** True for a value left empty (`key:`), which has no text of its own. */
  empty: boolean;
}

/** A value from a map: local keys win over merged ones. */
export function get(map: YMap | null | undefined, key: string): YNode | null {
  if (!map) return null;
  for (const p of map.pairs) if (p.name === key) return p.value;
  for (const m of map.merges) {
    const v = get(m, key);
    if (v) return v;
  }
  return null;
}

export function getPair(map: YMap | null | undefined, key: string): YPair | null {
  if (!map) return null;
  for (const p of map.pairs) if (p.name === key) return p;
  return null;
}

export function asMap(n: YNode | null | undefined): YMap | null {
  return n && n.kind === 'map' ? n : null;
}
export function asSeq(n: YNode | null | undefined): YSeq | null {
  return n && n.kind === 'seq' ? n : null;
}
export function asScalar(n: YNode | null | undefined): YScalar | null {
  return n && n.kind === 'scalar' ? n : null;
}

/** The string value of a scalar (numbers and booleans as written), or undefined. */
export function str(n: YNode | null | undefined): string | undefined {
  if (!n || n.kind !== 'scalar' || n.value === null) return undefined;
  return typeof n.value === 'string' ? n.value : String(n.value);
}

export function getStr(map: YMap | null | undefined, key: string): string | undefined {
  return str(get(map, key));
}

export function getPath(node: YNode | null | undefined, path: readonly string[]): YNode | null {
  let cur: YNode | null | undefined = node;
  for (const k of path) {
    const m = asMap(cur);
    if (!m) return null;
    cur = get(m, k);
  }
  return cur ?? null;
}

/** True for a scalar that is null or empty (`key:`, `key: ~`, `key: null`). */
export function isNullish(n: YNode | null | undefined): boolean {
  return !n || (n.kind === 'scalar' && n.value === null);
}

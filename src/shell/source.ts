/**
 * One argv element as the analyser sees it: the text the program receives after the kubelet's
 * `$(VAR)` substitution, plus a map back to the element as written so that every finding points
 * at the user's own characters.
 *
 * The kubelet rewrites `command` and `args` before the container starts: `$(NAME)` becomes the
 * value of the container's env var NAME when it is defined (left as is otherwise), and `$$`
 * becomes `$`. A shell behind `sh -c` therefore never sees `$(NAME)` for a defined NAME — it
 * sees the value — and sees `$` where the manifest says `$$`.
 */

/** Scripts and argv elements longer than this are analysed up to here. */
export const MAX_TEXT = 100_000;

/** First private-use code point: a stand-in for the value of an env var set from valueFrom. */
const SENTINEL_BASE = 0xe000;
const SENTINEL_COUNT = 0x1900;

export interface Src {
  /** Index of the element in command ++ args. */
  readonly arg: number;
  /** The element as written. */
  readonly orig: string;
  /** What the program receives, truncated to MAX_TEXT. */
  readonly text: string;
  /** text index → index in orig where that character starts; null when text is a prefix of orig. */
  readonly starts: readonly number[] | null;
  /** text index → index in orig where that character ends. */
  readonly ends: readonly number[] | null;
  /** Sentinel character → name of the env var set from valueFrom it stands for. */
  readonly sentinels: ReadonlyMap<string, string>;
}

/** A container env var: a known value, or set from valueFrom (value unknown until run time). */
export type EnvValue = { readonly known: string } | { readonly valueFrom: true };

interface Expanded {
  text: string;
  starts: number[] | null;
  ends: number[] | null;
  sentinels: Map<string, string>;
}

/**
 * The kubelet's expansion (k8s.io/kubernetes third_party/forked/golang/expansion): `$$` → `$`,
 * `$(NAME)` → the value when NAME is defined, anything else unchanged.
 */
export function kubeExpand(s: string, lookup: (name: string) => EnvValue | undefined): Expanded {
  const sentinels = new Map<string, string>();
  if (!s.includes('$')) return { text: s, starts: null, ends: null, sentinels };
  const byName = new Map<string, string>();
  let text = '';
  const starts: number[] = [];
  const ends: number[] = [];
  let changed = false;
  const put = (chunk: string, from: number, to: number, spread: boolean): void => {
    for (let k = 0; k < chunk.length; k++) {
      starts.push(spread ? from : from + k);
      ends.push(spread ? to : from + k + 1);
    }
    text += chunk;
  };
  let i = 0;
  while (i < s.length) {
    const c = s[i];
    if (c !== '$' || i + 1 >= s.length) {
      // Copy the run up to the next `$` in one go.
      let j = s.indexOf('$', i + 1);
      if (j < 0) j = s.length;
      if (c === '$') j = i + 1;
      put(s.slice(i, j), i, j, false);
      i = j;
      continue;
    }
    const n = s[i + 1];
    if (n === '$') {
      put('$', i, i + 2, true);
      changed = true;
      i += 2;
      continue;
    }
    if (n === '(') {
      const close = s.indexOf(')', i + 2);
      if (close >= 0) {
        const name = s.slice(i + 2, close);
        const v = lookup(name);
        if (v !== undefined) {
          changed = true;
          if ('known' in v) put(v.known, i, close + 1, true);
          else {
            let ch = byName.get(name);
            if (ch === undefined) {
              ch = String.fromCharCode(SENTINEL_BASE + (sentinels.size % SENTINEL_COUNT));
              sentinels.set(ch, name);
              byName.set(name, ch);
            }
            put(ch, i, close + 1, true);
          }
          i = close + 1;
          continue;
        }
        put(s.slice(i, close + 1), i, close + 1, false);
        i = close + 1;
        continue;
      }
    }
    put(s.slice(i, i + 2), i, i + 2, false);
    i += 2;
  }
  if (!changed) return { text: s, starts: null, ends: null, sentinels };
  return { text, starts, ends, sentinels };
}

export function makeSrc(orig: string, arg: number, lookup: (name: string) => EnvValue | undefined): Src {
  const cut = orig.length > MAX_TEXT ? orig.slice(0, MAX_TEXT) : orig;
  const x = kubeExpand(cut, lookup);
  if (x.text.length > MAX_TEXT) {
    const text = x.text.slice(0, MAX_TEXT);
    return { arg, orig, text, starts: x.starts && x.starts.slice(0, MAX_TEXT), ends: x.ends && x.ends.slice(0, MAX_TEXT), sentinels: x.sentinels };
  }
  return { arg, orig, text: x.text, starts: x.starts, ends: x.ends, sentinels: x.sentinels };
}

/** The range [s, e) of src.text as a range of the element as written. */
export function origRange(src: Src, s: number, e: number): [number, number] {
  if (!src.starts || !src.ends) return [s, e];
  const len = src.text.length;
  const a = s < len ? (src.starts[s] ?? src.orig.length) : (src.ends[len - 1] ?? 0);
  const b = e > s ? (src.ends[Math.min(e, len) - 1] ?? a) : a;
  return [a, Math.max(a, b)];
}

/** The name of the valueFrom var a sentinel in `s` stands for, or null when there is none. */
export function sentinelIn(src: Src, s: string): string | null {
  if (src.sentinels.size === 0) return null;
  for (const ch of s) {
    const name = src.sentinels.get(ch);
    if (name !== undefined) return name;
  }
  return null;
}

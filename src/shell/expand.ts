/**
 * Word expansion over what is known statically: the container env, assignments made earlier in the
 * script, the positional parameters of `sh -c 'script' $0 $1 …`, `~`, `${VAR:-default}` and
 * friends. Anything that is only known at run time (command substitution, an unset variable, a
 * valueFrom env var) makes the word unknown, with the reason kept for the user.
 */
import type { Part, Word } from './lexer.ts';
import type { Src } from './source.ts';
import { origRange, sentinelIn } from './source.ts';

/** A known value (glob: it came from a pattern, e.g. a for-loop over `/data/*`), or unknown and why. */
export type Val = { readonly v: string; readonly glob?: boolean } | { readonly u: string };

export interface State {
  vars: Map<string, Val>;
  cwd: Val;
  arg0: Val;
  positional: Val[];
}

export function cloneState(st: State): State {
  return { vars: new Map(st.vars), cwd: st.cwd, arg0: st.arg0, positional: [...st.positional] };
}

/**
 * One argument after expansion, tied to the characters it came from: `raw` is
 * `argv[arg].slice(offset, offset + raw.length)`.
 */
export interface Arg {
  /** The value, or null when it is only known at run time. */
  readonly value: string | null;
  readonly reason?: string;
  /** The known text before the first unknown part (to recognise `--opt=$X`). */
  readonly prefix: string;
  /** Contains an unquoted glob (`*`, `?`, `[`, `{a,b}`): the path is its directory part. */
  readonly glob: boolean;
  readonly raw: string;
  readonly arg: number;
  readonly offset: number;
  /** Where the value lies verbatim in a source, so it can be parsed as a nested script. */
  readonly inner?: { readonly src: Src; readonly s: number; readonly e: number };
}

/** Hooks the expander needs from the analyser: running a command substitution's script. */
export interface ExpandHooks {
  subshell(src: Src, s: number, e: number, st: State): void;
}

interface Seg {
  text: string;
  q: boolean;
  exp: boolean;
  glob?: boolean;
}

type Result = { segs: Seg[]; reason: null; prefix: string } | { segs: Seg[]; reason: string; prefix: string };

const GLOB = /[*?[]/;
const BRACE = /\{[^{}]*(,|\.\.)[^{}]*\}/;
const MAX_PATTERN_VALUE = 256;

export function unsetReason(name: string): string {
  return `variable $${name} is not set`;
}

function lookup(name: string, st: State): Val | undefined {
  if (name === '@' || name === '*') {
    const u = st.positional.find((p): p is { u: string } => 'u' in p);
    if (u) return u;
    return { v: st.positional.map((p) => ('v' in p ? p.v : '')).join(' ') };
  }
  if (name === '#') return { v: String(st.positional.length) };
  if (name === '0') return st.arg0;
  if (/^[0-9]+$/.test(name)) return st.positional[Number(name) - 1];
  if (name.length === 1 && '?$!-'.includes(name)) return { u: `special parameter $${name}` };
  return st.vars.get(name);
}

/**
 * Whether `s` matches the shell pattern `pat` (`*`, `?`, `[…]`, `\x`): the usual two-pointer
 * wildcard match, O(|s|·|pat|) at worst.
 */
export function globMatch(pat: string, s: string): boolean {
  let p = 0;
  let i = 0;
  let starP = -1;
  let starI = 0;
  while (i < s.length) {
    const c = pat[p];
    if (c === '*') {
      starP = p++;
      starI = i;
      continue;
    }
    if (c !== undefined) {
      const m = matchOne(pat, p, s[i] ?? '');
      if (m > 0) {
        p = m;
        i++;
        continue;
      }
    }
    if (starP < 0) return false;
    p = starP + 1;
    i = ++starI;
  }
  while (pat[p] === '*') p++;
  return p >= pat.length;
}

/** Matches one character of the pattern at p against ch: the index after that pattern element, or -1. */
function matchOne(pat: string, p: number, ch: string): number {
  const c = pat[p];
  if (c === '?') return p + 1;
  if (c === '\\' && p + 1 < pat.length) return pat[p + 1] === ch ? p + 2 : -1;
  if (c === '[') {
    let j = p + 1;
    const negate = pat[j] === '!' || pat[j] === '^';
    if (negate) j++;
    let found = false;
    let first = true;
    while (j < pat.length && (pat[j] !== ']' || first)) {
      first = false;
      const lo = pat[j] ?? '';
      if (pat[j + 1] === '-' && j + 2 < pat.length && pat[j + 2] !== ']') {
        const hi = pat[j + 2] ?? '';
        if (ch >= lo && ch <= hi) found = true;
        j += 3;
      } else {
        if (lo === ch) found = true;
        j++;
      }
    }
    if (j >= pat.length) return pat[p] === ch ? p + 1 : -1; // no closing ]: a literal [
    return found !== negate ? j + 1 : -1;
  }
  return c === ch ? p + 1 : -1;
}

/** ${v#pat}, ${v##pat}, ${v%pat}, ${v%%pat}; null when the value is too long to try every cut. */
function removePattern(v: string, pat: string, op: string): string | null {
  if (v.length > MAX_PATTERN_VALUE || pat.length > MAX_PATTERN_VALUE) return null;
  const longest = op === '##' || op === '%%';
  if (op === '#' || op === '##') {
    if (longest) for (let i = v.length; i >= 0; i--) { if (globMatch(pat, v.slice(0, i))) return v.slice(i); }
    else for (let i = 0; i <= v.length; i++) { if (globMatch(pat, v.slice(0, i))) return v.slice(i); }
  } else {
    if (longest) for (let i = 0; i <= v.length; i++) { if (globMatch(pat, v.slice(i))) return v.slice(0, i); }
    else for (let i = v.length; i >= 0; i--) { if (globMatch(pat, v.slice(i))) return v.slice(0, i); }
  }
  return v;
}

export class Expander {
  constructor(
    private readonly src: Src,
    private readonly hooks: ExpandHooks,
  ) {}

  /** Expands the parts of one word: no splitting yet. */
  parts(parts: readonly Part[], st: State, tilde: boolean): Result {
    const segs: Seg[] = [];
    let reason: string | null = null;
    let prefix = '';
    const fail = (r: string): void => {
      if (reason === null) {
        reason = r;
        prefix = segs.map((s) => s.text).join('');
      }
    };
    parts.forEach((p, idx) => {
      switch (p.t) {
        case 'lit': {
          let text = p.text;
          if (idx === 0 && tilde && !p.q && text.startsWith('~')) {
            const slash = text.indexOf('/');
            if (slash >= 0 || parts.length === 1) {
              const user = text.slice(1, slash >= 0 ? slash : undefined);
              const home: Val | undefined = user === '' ? st.vars.get('HOME') : user === '+' ? st.cwd : { u: `home directory of ~${user}` };
              text = slash >= 0 ? text.slice(slash) : '';
              if (home === undefined) fail(unsetReason('HOME'));
              else if ('u' in home) fail(home.u);
              else segs.push({ text: home.v, q: true, exp: true });
            }
          }
          const sentinel = sentinelIn(this.src, text);
          if (sentinel !== null) fail(`variable $${sentinel} is set from valueFrom`);
          segs.push({ text, q: p.q, exp: false });
          break;
        }
        case 'param': {
          const r = this.param(p, st);
          if ('segs' in r) for (const seg of r.segs) segs.push({ ...seg, q: seg.q || p.q });
          else if ('u' in r) fail(r.u);
          else segs.push({ text: r.v, q: p.q, exp: true, glob: r.glob === true });
          break;
        }
        case 'cmd':
          if (!p.bt || !this.src.text.slice(p.is, p.ie).includes('\\')) this.hooks.subshell(this.src, p.is, p.ie, st);
          fail('command substitution');
          break;
        case 'arith':
          fail('arithmetic expansion');
          break;
        case 'proc':
          this.hooks.subshell(this.src, p.is, p.ie, st);
          segs.push({ text: '/dev/fd/63', q: true, exp: true });
          break;
      }
    });
    if (reason !== null) return { segs, reason, prefix };
    return { segs, reason: null, prefix: '' };
  }

  /** The value of a parameter expansion, or unknown; a default or alternative word keeps its own quoting. */
  private param(p: Extract<Part, { t: 'param' }>, st: State): Val | { segs: Seg[] } {
    const name = p.name;
    const val = name ? lookup(name, st) : undefined;
    const unset = (): Val => ({ u: unsetReason(name) });
    const argVal = (): Val => {
      const r = this.parts(p.arg ?? [], st, true);
      if (r.reason !== null) return { u: r.reason };
      return { v: r.segs.map((s) => s.text).join('') };
    };
    const argSegs = (): Val | { segs: Seg[] } => {
      const r = this.parts(p.arg ?? [], st, true);
      if (r.reason !== null) return { u: r.reason };
      return { segs: r.segs.map((s) => ({ ...s, exp: s.exp || !s.q })) };
    };
    switch (p.op) {
      case '':
        return val ?? unset();
      case '#len':
        if (!val) return unset();
        return 'u' in val ? val : { v: String(val.v.length) };
      case ':-':
      case '-':
      case ':=':
      case '=': {
        const useDefault = val === undefined || (p.op.startsWith(':') && 'v' in val && val.v === '');
        if (!useDefault) return val;
        if (p.op === ':-' || p.op === '-') return argSegs();
        const d = argVal();
        if (/^[A-Za-z_]/.test(name)) st.vars.set(name, d);
        return d;
      }
      case ':+':
      case '+': {
        if (val === undefined) return { v: '' };
        if ('u' in val) return val;
        if (p.op === ':+' && val.v === '') return { v: '' };
        return argSegs();
      }
      case ':?':
      case '?':
        return val ?? unset();
      case '#':
      case '##':
      case '%':
      case '%%': {
        if (!val) return unset();
        if ('u' in val) return val;
        const pat = argVal();
        if ('u' in pat) return pat;
        const cut = removePattern(val.v, pat.v, p.op);
        return cut === null ? { u: `parameter expansion \${${name}${p.op}…} of a long value is not evaluated` } : { v: cut };
      }
      case '^^':
      case ',,': {
        if (!val) return unset();
        if ('u' in val) return val;
        return { v: p.op === '^^' ? val.v.toUpperCase() : val.v.toLowerCase() };
      }
      default:
        return { u: `parameter expansion \${${name}${p.op === 'bad' || p.op === 'indirect' || p.op === '#len' ? '' : p.op}…} is not evaluated` };
    }
  }

  /** The value of an assignment or a redirection target: no field splitting, no empty removal. */
  single(w: Word, st: State, tilde = true): Arg {
    const r = this.parts(w.parts, st, tilde);
    const glob = r.segs.some((s) => s.glob === true || (!s.q && (GLOB.test(s.text) || (!s.exp && BRACE.test(s.text)))));
    return this.arg(w, r.reason === null ? r.segs.map((s) => s.text).join('') : null, r.reason, r.prefix, glob);
  }

  /** A command word: expanded, split on unquoted expansions, dropped when empty and unquoted. */
  fields(w: Word, st: State): Arg[] {
    const meaningful = w.parts.filter((p) => p.t !== 'lit' || p.text !== '');
    const only = meaningful[0];
    if (meaningful.length === 1 && only && only.t === 'param' && only.q && only.name === '@' && only.op === '') {
      // "$@": one field per positional parameter.
      return st.positional.map((p) => ('u' in p ? this.arg(w, null, p.u, '', false) : this.arg(w, p.v, null, '', p.glob === true)));
    }
    const r = this.parts(w.parts, st, true);
    if (r.reason !== null) return [this.arg(w, null, r.reason, r.prefix, false)];
    const out: { text: string; quoted: boolean; glob: boolean }[] = [];
    let cur: { text: string; quoted: boolean; glob: boolean } | null = null;
    const open = (): { text: string; quoted: boolean; glob: boolean } => {
      if (!cur) {
        cur = { text: '', quoted: false, glob: false };
        out.push(cur);
      }
      return cur;
    };
    for (const s of r.segs) {
      const g = s.glob === true || (!s.q && (GLOB.test(s.text) || (!s.exp && BRACE.test(s.text))));
      if (s.exp && !s.q) {
        const pieces = s.text.split(/[ \t\n]+/);
        pieces.forEach((piece, i) => {
          if (i > 0) cur = null;
          if (piece) {
            const f = open();
            f.text += piece;
            f.glob ||= g;
          }
        });
        if (s.text !== '' && /[ \t\n]$/.test(s.text)) cur = null;
        continue;
      }
      const f = open();
      f.text += s.text;
      f.quoted ||= s.q;
      f.glob ||= g;
    }
    const kept = out.filter((f) => f.text !== '' || f.quoted);
    const inner = this.innerOf(w);
    return kept.map((f) => ({ ...this.arg(w, f.text, null, '', f.glob), ...(inner && kept.length === 1 && f.text === this.src.text.slice(inner.s, inner.e) ? { inner } : {}) }));
  }

  private innerOf(w: Word): { src: Src; s: number; e: number } | undefined {
    const p = w.parts[0];
    if (w.parts.length !== 1 || !p || p.t !== 'lit') return undefined;
    if (p.text !== this.src.text.slice(p.s, p.e)) return undefined;
    return { src: this.src, s: p.s, e: p.e };
  }

  private arg(w: Word, value: string | null, reason: string | null, prefix: string, glob: boolean): Arg {
    const [a, b] = origRange(this.src, w.s, w.e);
    const base = { value, prefix, glob, raw: this.src.orig.slice(a, b), arg: this.src.arg, offset: a };
    return reason === null ? base : { ...base, reason };
  }

  /** The text of the word from start to end, in the element as written. */
  rawRange(s: number, e: number): { raw: string; offset: number } {
    const [a, b] = origRange(this.src, s, e);
    return { raw: this.src.orig.slice(a, b), offset: a };
  }
}

/** Arg for an argv element of the exec form: the text after the kubelet's substitution. */
export function execArg(src: Src): Arg {
  const name = sentinelIn(src, src.text);
  const base = { raw: src.orig, arg: src.arg, offset: 0, glob: false, inner: { src, s: 0, e: src.text.length } };
  if (name === null) return { ...base, value: src.text, prefix: '' };
  const cut = [...src.text].findIndex((ch) => src.sentinels.has(ch));
  return { ...base, value: null, reason: `variable $${name} is set from valueFrom`, prefix: [...src.text].slice(0, Math.max(0, cut)).join('') };
}

/** The part of an argument after its first n characters (`--output=FILE` → `FILE`). */
export function subArg(a: Arg, n: number): Arg {
  const known = a.value ?? a.prefix;
  const rawMatches = a.raw.length >= n && a.raw.slice(0, n) === known.slice(0, n);
  const loc = rawMatches ? { raw: a.raw.slice(n), offset: a.offset + n } : { raw: a.raw, offset: a.offset };
  const base = { glob: a.glob, arg: a.arg, ...loc };
  if (a.value !== null) return { ...base, value: a.value.slice(n), prefix: '' };
  return { ...base, value: null, prefix: a.prefix.slice(n), ...(a.reason !== undefined ? { reason: a.reason } : {}) };
}

/** A value that stands for something only known at run time, located at `a`. */
export function unknownArg(a: Arg, reason: string): Arg {
  return { value: null, reason, prefix: '', glob: false, raw: a.raw, arg: a.arg, offset: a.offset };
}

export function valOf(a: Arg): Val {
  return a.value === null ? { u: a.reason ?? 'unknown value' } : { v: a.value };
}

// ---- paths -------------------------------------------------------------------------------------

/** Normalises an absolute path: collapses `//`, drops `.`, resolves `..` (never above `/`). */
export function normalize(p: string): string {
  const parts: string[] = [];
  for (const seg of p.split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..') parts.pop();
    else parts.push(seg);
  }
  return '/' + parts.join('/');
}

/** The directory part of a glob: `/tmp/*.log` → `/tmp`, `*.log` → `.`. */
export function globDir(v: string): string {
  const segs = v.split('/');
  const idx = segs.findIndex((s) => GLOB.test(s) || BRACE.test(s));
  if (idx < 0) return v;
  const keep = segs.slice(0, idx).join('/');
  if (keep === '') return v.startsWith('/') ? '/' : '.';
  return keep;
}

export type Resolved = { path: string; reason?: undefined } | { path: null; reason: string };

export function resolvePath(value: string | null, reason: string | undefined, glob: boolean, cwd: Val): Resolved {
  if (value === null) return { path: null, reason: reason ?? 'unknown value' };
  let v = glob ? globDir(value) : value;
  if (v === '') return { path: null, reason: 'empty path' };
  if (v.startsWith('/')) return { path: normalize(v) };
  if ('u' in cwd) return { path: null, reason: cwd.u };
  if (v === '.') v = '';
  return { path: normalize(`${cwd.v}/${v}`) };
}

/** /dev, /proc and /sys are not the root filesystem: a write there never needs a writable root. */
export function isPseudoFs(path: string): boolean {
  return /^\/(dev|proc|sys)(\/|$)/.test(path);
}

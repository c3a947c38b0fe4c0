/**
 * getopt_long as GNU tools parse their arguments: short clusters (`-pv`, `-tDIR`), long options
 * (`--target-directory=DIR`, `--output FILE`), `--` ending options, and — unless `posix` —
 * options after operands. Arguments whose value is only known at run time are options when
 * their known prefix says so (`--output=$OUT`), operands otherwise.
 */
import type { Arg } from './expand.ts';
import { subArg } from './expand.ts';

export interface OptSpec {
  /** Short options that take a value (`-t DIR`, `-tDIR`). */
  readonly short?: string;
  /** Short options whose value, if any, is attached (`sed -i.bak`). */
  readonly optional?: string;
  /** Short options followed by exactly one more letter (`wget -nv`). */
  readonly pair?: string;
  /** Long options that take a value (`--output FILE`, `--output=FILE`). */
  readonly long?: readonly string[];
  /** Stop at the first operand: the rest belongs to the command being wrapped. */
  readonly posix?: boolean;
}

export interface Opt {
  /** The letter or the long name, without dashes. */
  readonly name: string;
  readonly value: Arg | null;
  readonly word: Arg;
}

export interface Parsed {
  readonly opts: Opt[];
  readonly operands: Arg[];
  /** With posix: index in words of the first operand (words.length when there is none). */
  readonly stop: number;
}

export function getopt(words: readonly Arg[], spec: OptSpec): Parsed {
  const opts: Opt[] = [];
  const operands: Arg[] = [];
  const short = spec.short ?? '';
  const optional = spec.optional ?? '';
  const pair = spec.pair ?? '';
  const long = spec.long ?? [];
  let stop = words.length;
  for (let i = 0; i < words.length; i++) {
    const w = words[i];
    if (!w) continue;
    const known = w.value !== null;
    const text = w.value ?? (w.prefix.length > 1 && w.prefix.startsWith('-') ? w.prefix : null);
    if (text === null || text === '-' || !text.startsWith('-')) {
      if (spec.posix) {
        stop = i;
        break;
      }
      operands.push(w);
      continue;
    }
    if (text === '--' && known) {
      if (spec.posix) {
        stop = i + 1;
        break;
      }
      for (const rest of words.slice(i + 1)) operands.push(rest);
      break;
    }
    if (text.startsWith('--')) {
      const eq = text.indexOf('=');
      const name = eq >= 0 ? text.slice(2, eq) : text.slice(2);
      if (eq >= 0) opts.push({ name, value: subArg(w, eq + 1), word: w });
      else if (known && long.includes(name)) {
        const next = words[i + 1];
        if (next) i++;
        opts.push({ name, value: next ?? null, word: w });
      } else opts.push({ name, value: null, word: w });
      continue;
    }
    for (let j = 1; j < text.length; j++) {
      const c = text[j] ?? '';
      if (short.includes(c)) {
        if (j + 1 < text.length || !known) opts.push({ name: c, value: subArg(w, j + 1), word: w });
        else {
          const next = words[i + 1];
          if (next) i++;
          opts.push({ name: c, value: next ?? null, word: w });
        }
        break;
      }
      if (optional.includes(c)) {
        opts.push({ name: c, value: j + 1 < text.length ? subArg(w, j + 1) : null, word: w });
        break;
      }
      if (pair.includes(c)) {
        opts.push({ name: c + (text[j + 1] ?? ''), value: null, word: w });
        j++;
        continue;
      }
      opts.push({ name: c, value: null, word: w });
    }
  }
  return { opts, operands, stop };
}

export function has(p: Parsed, ...names: string[]): boolean {
  return p.opts.some((o) => names.includes(o.name));
}

/** The value of the last occurrence of any of the named options. */
export function last(p: Parsed, ...names: string[]): Arg | null {
  let found: Arg | null = null;
  for (const o of p.opts) if (names.includes(o.name) && o.value) found = o.value;
  return found;
}

export function all(p: Parsed, ...names: string[]): Opt[] {
  return p.opts.filter((o) => names.includes(o.name));
}

/** Shared by the shell analyser's tests: the invariants every analysis must satisfy. */
import type { CommandAnalysis, CommandInput } from './types.ts';

function argv(input: CommandInput): string[] {
  const s = (xs: unknown): string[] => (Array.isArray(xs) ? xs.map((x) => (typeof x === 'string' ? x : x === null || x === undefined ? '' : String(x))) : []);
  return [...s(input.command), ...s(input.args)];
}

/**
 * Every write and install points at its raw text in argv; a null path says why; a path is
 * absolute and normalised and never under /dev, /proc or /sys. Returns the problems found.
 */
export function invariantProblems(input: CommandInput, r: CommandAnalysis): string[] {
  const problems: string[] = [];
  const av = argv(input);
  const at = (kind: string, x: { raw: string; arg: number; offset: number }): void => {
    const el = av[x.arg];
    if (el === undefined) problems.push(`${kind} ${JSON.stringify(x)}: arg ${x.arg} out of range`);
    else if (!Number.isInteger(x.offset) || x.offset < 0 || el.slice(x.offset, x.offset + x.raw.length) !== x.raw) problems.push(`${kind} ${JSON.stringify(x)}: raw is not at offset ${x.offset} of ${JSON.stringify(el)}`);
  };
  for (const w of r.writes) {
    at('write', w);
    if (w.path === null) {
      if (typeof w.reason !== 'string' || w.reason === '') problems.push(`write ${JSON.stringify(w)}: null path without a reason`);
    } else {
      if (!w.path.startsWith('/') || (w.path !== '/' && w.path.endsWith('/')) || /\/\/|\/\.\.?(\/|$)/.test(w.path)) problems.push(`write ${JSON.stringify(w)}: path not absolute and normalised`);
      if (/^\/(dev|proc|sys)(\/|$)/.test(w.path)) problems.push(`write ${JSON.stringify(w)}: pseudo filesystem`);
      if (w.reason !== undefined) problems.push(`write ${JSON.stringify(w)}: resolved path with a reason`);
    }
    if (!w.op) problems.push(`write ${JSON.stringify(w)}: no op`);
  }
  for (const i of r.installs) {
    at('install', i);
    if (!i.tool) problems.push(`install ${JSON.stringify(i)}: no tool`);
  }
  for (const e of r.executables) if (!e || e.includes('/')) problems.push(`executable ${JSON.stringify(e)} is not a basename`);
  if (new Set(r.executables).size !== r.executables.length) problems.push('executables has duplicates');
  return problems;
}

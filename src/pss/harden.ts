/**
 * "Harden to restricted + read-only root": the hardening fixes of pss-restricted (and pss-baseline's
 * removal of `privileged: true`) together with
 * the read-only fixes (ro-root-fs-missing, tmp-not-writable, image-path-not-writable), applied
 * with the fix loop until nothing is left to fix, for one workload or all. The result comes back
 * as line-level text edits on the original text, so the editor can show a diff first and apply
 * them as one undoable step.
 */
import type { AppliedFix } from '../fixes/apply.ts';
import { fixAll } from '../fixes/apply.ts';
import { analyze } from '../analyze.ts';
import type { AnalyzeOptions } from '../analyze.ts';
import type { Analysis, TextEdit } from '../types.ts';
import type { Rule } from '../rules/define.ts';
import { rules as allRules } from '../rules/index.ts';
import pssBaseline from '../rules/pss-baseline.ts';
import pssRestricted from '../rules/pss-restricted.ts';
import type { PssVersion } from './version.ts';
import { HARDENING } from './fixes.ts';

/** The read-only rules whose fixes the hardening applies. */
export const READ_ONLY_RULES: readonly string[] = ['ro-root-fs-missing', 'tmp-not-writable', 'image-path-not-writable'];

export interface HardenResult {
  /** The hardened text. */
  text: string;
  /** Line-level edits that turn the original text into `text`. */
  edits: TextEdit[];
  applied: AppliedFix[];
  /** Set when a pass was refused because its output did not parse (a rootlock bug). */
  refused?: string;
}

export interface HardenOptions {
  pssVersion?: PssVersion;
  /** Also make the roots read-only (the read-only rules' fixes); default true. */
  readOnly?: boolean;
}

function hardeningRules(readOnly: boolean): Rule[] {
  const ro = readOnly ? READ_ONLY_RULES.map((id) => allRules.find((r) => r.id === id)).filter((r): r is Rule => !!r) : [];
  return [pssBaseline, pssRestricted, ...ro];
}

/** Hardens one workload (its index in Analysis.workloads) or every workload of the text. */
export function harden(text: string, workloadIndex?: number, options: HardenOptions = {}): HardenResult {
  const rules = hardeningRules(options.readOnly ?? true);
  const analyzeOptions: AnalyzeOptions & { pssVersion?: PssVersion } = { rules, ...(options.pssVersion ? { pssVersion: options.pssVersion } : {}) };
  // the hardening fixes are manual (never applied by Fix all); here the user asked for them
  const analyzeFn = (t: string): Analysis => {
    const a = analyze(t, analyzeOptions);
    const findings = a.findings
      .filter((f) => workloadIndex === undefined || f.workload === workloadIndex)
      .map((f) => (f.ruleId === pssRestricted.id || f.ruleId === pssBaseline.id ? { ...f, fixes: f.fixes.map((x) => (x.applicability === HARDENING ? { ...x, applicability: 'unsafe' as const } : x)) } : f));
    return { ...a, findings };
  };
  const r = fixAll(text, analyzeFn, { rules, maxPasses: 16 });
  return { text: r.text, edits: lineEdits(text, r.text), applied: r.applied, ...(r.refused ? { refused: r.refused } : {}) };
}

/** The edits of "Harden to restricted + read-only root" (see harden()). */
export function hardenEdits(text: string, workloadIndex?: number, options: HardenOptions = {}): TextEdit[] {
  return harden(text, workloadIndex, options).edits;
}

/** Splits a text into lines that keep their line breaks. */
function splitLines(text: string): string[] {
  const out: string[] = [];
  let at = 0;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', at)) {
    out.push(text.slice(at, i + 1));
    at = i + 1;
  }
  if (at < text.length) out.push(text.slice(at));
  return out;
}

/**
 * Edits that turn `a` into `b`, one per changed run of lines (Myers' diff over lines, after the
 * common head and tail are set aside). Offsets are in `a`.
 */
export function lineEdits(a: string, b: string): TextEdit[] {
  if (a === b) return [];
  const x = splitLines(a);
  const y = splitLines(b);
  let head = 0;
  while (head < x.length && head < y.length && x[head] === y[head]) head++;
  let tail = 0;
  while (tail < x.length - head && tail < y.length - head && x[x.length - 1 - tail] === y[y.length - 1 - tail]) tail++;
  const xs = x.slice(head, x.length - tail);
  const ys = y.slice(head, y.length - tail);
  const ops = myers(xs, ys);
  // offsets of the lines of a
  const offsets: number[] = [0];
  for (const l of x) offsets.push((offsets[offsets.length - 1] as number) + l.length);
  const edits: TextEdit[] = [];
  let i = 0;
  let j = 0;
  let k = 0;
  while (k < ops.length) {
    if (ops[k] === '=') {
      i++;
      j++;
      k++;
      continue;
    }
    const startLine = head + i;
    let text = '';
    while (k < ops.length && ops[k] !== '=') {
      if (ops[k] === '-') i++;
      else text += ys[j++] as string;
      k++;
    }
    edits.push({ start: offsets[startLine] as number, end: offsets[head + i] as number, text });
  }
  return edits;
}

/** The shortest edit script from xs to ys as '=', '-', '+' steps (Myers 1986). */
function myers(xs: readonly string[], ys: readonly string[]): Array<'=' | '-' | '+'> {
  const n = xs.length;
  const m = ys.length;
  const max = n + m;
  const v = new Map<number, number>([[1, 0]]);
  const trace: Array<Map<number, number>> = [];
  for (let d = 0; d <= max; d++) {
    trace.push(new Map(v));
    for (let k = -d; k <= d; k += 2) {
      const down = k === -d || (k !== d && (v.get(k - 1) ?? -1) < (v.get(k + 1) ?? -1));
      let px = down ? (v.get(k + 1) ?? 0) : (v.get(k - 1) ?? 0) + 1;
      let py = px - k;
      while (px < n && py < m && xs[px] === ys[py]) {
        px++;
        py++;
      }
      v.set(k, px);
      if (px >= n && py >= m) return backtrack(trace, n, m);
    }
  }
  return [];
}

function backtrack(trace: ReadonlyArray<Map<number, number>>, n: number, m: number): Array<'=' | '-' | '+'> {
  const ops: Array<'=' | '-' | '+'> = [];
  let x = n;
  let y = m;
  for (let d = trace.length - 1; d >= 0; d--) {
    const v = trace[d] as Map<number, number>;
    const k = x - y;
    const down = k === -d || (k !== d && (v.get(k - 1) ?? -1) < (v.get(k + 1) ?? -1));
    const prevK = down ? k + 1 : k - 1;
    const prevX = v.get(prevK) ?? 0;
    const prevY = prevX - prevK;
    while (x > prevX && y > prevY) {
      ops.push('=');
      x--;
      y--;
    }
    if (d > 0) ops.push(down ? '+' : '-');
    x = prevX;
    y = prevY;
  }
  return ops.reverse();
}

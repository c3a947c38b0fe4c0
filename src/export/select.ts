/**
 * Fixes the user can switch on and off before export. listFixes() runs the "Fix all" loop and names
 * every fix it applies with an id that depends neither on offsets nor on the fix's title (which can
 * change with what other fixes did), so the same fix found again in a later pass, or in the text
 * after some other fix, or with some other fix switched off, has the same id; applySelected() runs
 * the same loop taking only the chosen ids.
 */
import type { Analysis, Applicability, Finding, Severity, TextEdit } from '../types.ts';
import { analyze } from '../analyze.ts';
import type { AnalyzeOptions } from '../analyze.ts';
import { applyEdits, compatibleFixes, preferredFix } from '../fixes/apply.ts';
import type { FixAllOptions } from '../fixes/apply.ts';
import type { Fix } from '../types.ts';
import { LineIndex } from '../text.ts';

export interface FixChoice {
  /**
   * `ruleId|kind/namespace/name|container`, then `|subject` when the finding has one (the path, volume,
   * variable … Finding.subject): the same for the same fix in every pass, whatever other fixes are
   * chosen. A second object of one identity is `kind/namespace/name#2`; a fix that would still share
   * its id with an earlier one of the same pass gets `#2`, `#3` … at the end.
   */
  id: string;
  ruleId: string;
  title: string;
  applicability: Applicability;
  severity: Severity;
  /** The finding's message. */
  message: string;
  workload: { kind: string; name: string; namespace: string | undefined };
  container?: string;
  /** Line of the finding in the input text (for a fix found in a later pass: where its text came from). */
  line: number;
  /** The "Fix all" pass that applies it, from 1; fixes of later passes build on earlier ones. */
  pass: number;
}

export type SelectOptions = Pick<FixAllOptions, 'applicability' | 'maxPasses'> & AnalyzeOptions;

export interface SelectedResult {
  text: string;
  /** The fixes applied, in order. */
  applied: FixChoice[];
  /**
   * Ids asked for that were not applied: the fix builds on one that was not chosen (it only shows
   * up once that one is applied), or the text no longer has it.
   */
  skipped: string[];
  /** The analysis of the returned text. */
  analysis: Analysis;
  /** Set when a pass was refused because its output did not parse (a rootlock bug). */
  refused?: string;
}

/** The fixes "Fix all" would apply to the text, each once, in the order it applies them. */
export function listFixes(text: string, options: SelectOptions = {}): FixChoice[] {
  return run(text, () => true, options).applied;
}

/** Runs the "Fix all" loop with only the fixes whose ids are given. Deterministic and idempotent. */
export function applySelected(text: string, ids: readonly string[], options: SelectOptions = {}): SelectedResult {
  const wanted = new Set(ids);
  const result = run(text, (id) => wanted.has(id), options);
  const done = new Set(result.applied.map((f) => f.id));
  return { ...result, skipped: [...wanted].filter((id) => !done.has(id)) };
}

/**
 * The fix loop of fixAll() (src/fixes/apply.ts) with a filter on fix ids: analyse, apply every
 * compatible chosen fix, analyse again … A pass whose output has more syntax errors is refused.
 * With every id accepted it gives exactly what applyFixes() gives (a test checks this).
 */
function run(input: string, accept: (id: string) => boolean, options: SelectOptions): Omit<SelectedResult, 'skipped'> {
  const allowed: readonly Applicability[] = options.applicability ?? ['safe', 'unsafe'];
  const maxPasses = options.maxPasses ?? 8;
  const analyzeFn = (t: string): Analysis => analyze(t, options);
  const inputLines = new LineIndex(input);
  const history: TextEdit[][] = [];
  const applied: FixChoice[] = [];
  const seen = new Set<string>();
  let text = input;
  let analysis = analyzeFn(text);
  let refused: string | undefined;
  const errors = (a: Analysis) => a.diagnostics.filter((d) => d.severity === 'error').length;
  for (let pass = 1; pass <= maxPasses; pass++) {
    const ids = workloadIds(analysis);
    const candidates: Array<{ f: Finding; fix: Fix; id: string }> = [];
    const taken = new Set<string>();
    for (const f of analysis.findings) {
      const fix = preferredFix(f, allowed);
      if (!fix) continue;
      const id = unique(fixId(f, ids), taken);
      if (accept(id)) candidates.push({ f, fix, id });
    }
    if (!candidates.length) break;
    const chosen = new Set(compatibleFixes(candidates.map((c) => c.fix), text));
    const edits = candidates.filter((c) => chosen.has(c.fix)).flatMap((c) => c.fix.edits);
    const next = applyEdits(text, edits);
    const nextAnalysis = analyzeFn(next);
    if (errors(nextAnalysis) > errors(analysis)) {
      refused = `a fix produced text that does not parse (${nextAnalysis.diagnostics.find((d) => d.severity === 'error')?.message ?? 'syntax error'}); it was not applied`;
      break;
    }
    for (const c of candidates) {
      if (!chosen.has(c.fix) || seen.has(c.id)) continue;
      seen.add(c.id);
      const w = analysis.workloads[c.f.workload];
      applied.push({
        id: c.id,
        ruleId: c.f.ruleId,
        title: c.fix.title,
        applicability: c.fix.applicability,
        severity: c.f.severity,
        message: c.f.message,
        workload: { kind: c.f.kind, name: c.f.name, namespace: w?.namespace ?? c.f.namespace },
        ...(c.f.container !== undefined ? { container: c.f.container } : {}),
        line: inputLines.position(mapBack(c.f.range.start, history)).line,
        pass,
      });
    }
    if (next === text) break;
    history.push(edits);
    text = next;
    analysis = nextAnalysis;
  }
  return { text, applied, analysis, ...(refused ? { refused } : {}) };
}

/** `kind/namespace/name` of each workload, with `#2`, `#3` … for a second object of one identity. */
function workloadIds(a: Analysis): string[] {
  const count = new Map<string, number>();
  return a.workloads.map((w) => {
    const base = `${w.kind}/${w.namespace ?? ''}/${w.name}`;
    const n = (count.get(base) ?? 0) + 1;
    count.set(base, n);
    return n === 1 ? base : `${base}#${n}`;
  });
}

/** The finding's rule, workload identity (not its index), container and subject; never the fix's title. */
function fixId(f: Finding, workloads: string[]): string {
  const parts = [f.ruleId, workloads[f.workload] ?? `${f.kind}/${f.namespace ?? ''}/${f.name}`, f.container ?? ''];
  if (f.subject !== undefined) parts.push(f.subject);
  return parts.join('|');
}

/** `id`, or `id#2`, `id#3` … when an earlier fix of the pass has it (a rule that gives no subject). */
function unique(id: string, taken: Set<string>): string {
  let out = id;
  for (let n = 2; taken.has(out); n++) out = `${id}#${n}`;
  taken.add(out);
  return out;
}

/** An offset in the text after the given passes, as an offset in the text before them. */
function mapBack(offset: number, history: readonly TextEdit[][]): number {
  let o = offset;
  for (let p = history.length - 1; p >= 0; p--) {
    const edits = [...(history[p] as TextEdit[])].sort((a, b) => a.start - b.start || a.end - b.end);
    let shift = 0; // new position minus old position, for text after the edits seen so far
    let cursor = 0;
    let mapped: number | undefined;
    for (const e of edits) {
      if (e.start < cursor) continue; // dropped by applyEdits as overlapping
      const newStart = e.start + shift;
      if (o < newStart) break;
      if (o < newStart + e.text.length) {
        mapped = e.start; // inside inserted text: where it was inserted
        break;
      }
      shift += e.text.length - (e.end - e.start);
      cursor = e.end;
    }
    o = mapped ?? o - shift;
  }
  return Math.max(0, o);
}

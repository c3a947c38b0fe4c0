import type { Analysis, Applicability, Finding, Fix, TextEdit } from '../types.ts';

/**
 * Applies edits to the text. Edits are sorted by position; insertions at one point keep their
 * order. Overlapping edits are a bug in the caller: the later one is dropped.
 */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const sorted = edits
    .map((e, i) => ({ e, i, depth: e.start === e.end ? blockIndent(e.text) : -1 }))
    .sort((a, b) => a.e.start - b.e.start || a.e.end - b.e.end || b.depth - a.depth || a.i - b.i);
  let out = '';
  let cursor = 0;
  for (const { e } of sorted) {
    if (e.start < cursor) continue;
    out += text.slice(cursor, e.start) + e.text;
    cursor = e.end;
  }
  return out + text.slice(cursor);
}

/**
 * Indentation of whole lines inserted at one point. When a container's new `volumeMounts:` and the
 * pod's new `volumes:` land at the same offset (the container is the pod's last entry), the deeper
 * block must come first or it would nest under the shallower one. At the same indentation a new
 * item of a flush sequence (`- name: tmp` under `volumeMounts:`) goes before a new key of the map
 * that holds that sequence (`securityContext:`): the sequence ends there, inside the map.
 */
function blockIndent(text: string): number {
  const body = text.replace(/^\r?\n/, '');
  // whole lines end with a line break, or start with one at the end of a file that has none
  if (!/\n$/.test(body) && body.length === text.length) return -1; // not whole lines: a flow insertion
  const indent = /^ */.exec(body)?.[0].length ?? 0;
  // the first line that is not a comment says what is inserted (a new volume may lead with one)
  const first = /^ *(?!#)\S/m.exec(body);
  return first && first[0].endsWith('-') && first[0].length === indent + 1 ? indent + 0.5 : indent;
}

/**
 * True when two edits touch the same text: overlapping ranges, an insertion strictly inside a
 * replacement, or (with the text) block lines inserted right after a removed block at a deeper
 * indentation than it: they belong inside what is removed (a key set into a securityContext that
 * another fix removes whole) and would dangle under the line before.
 */
function clash(a: TextEdit, b: TextEdit, text?: string): boolean {
  if (a.start === a.end && b.start === b.end) return false; // two insertions: both go in, in order
  if (a.start === a.end) return (a.start > b.start && a.start < b.end) || intoRemoved(a, b, text);
  if (b.start === b.end) return (b.start > a.start && b.start < a.end) || intoRemoved(b, a, text);
  // The very same replacement (two workloads sharing an anchored map both remove one key from
  // it): applyEdits makes it once, and both fixes are done.
  if (a.start === b.start && a.end === b.end && a.text === b.text) return false;
  return a.start < b.end && b.start < a.end;
}

/** An insertion at the end of a removed run of whole lines, indented deeper than the run's first line. */
function intoRemoved(insert: TextEdit, removal: TextEdit, text: string | undefined): boolean {
  if (text === undefined || removal.text !== '' || insert.start !== removal.end || removal.start === removal.end) return false;
  if (removal.start > 0 && text[removal.start - 1] !== '\n') return false; // not whole lines
  const indent = blockIndent(insert.text);
  if (indent < 0) return false;
  const removedIndent = /^ */.exec(text.slice(removal.start, removal.end))?.[0].length ?? 0;
  return indent > removedIndent;
}

/**
 * Picks fixes whose edits do not clash with each other, in order; the rest wait for the next pass.
 * With the text the edits are for, it also holds back block lines inserted into a block another
 * fix removes (see clash).
 */
export function compatibleFixes(fixes: readonly Fix[], text?: string): Fix[] {
  const chosen: Fix[] = [];
  const taken: TextEdit[] = [];
  const locks = new Set<string>();
  for (const f of fixes) {
    if (f.edits.some((e) => taken.some((t) => clash(e, t, text)))) continue;
    if (f.locks?.some((l) => locks.has(l))) continue;
    chosen.push(f);
    taken.push(...f.edits);
    for (const l of f.locks ?? []) locks.add(l);
  }
  return chosen;
}

export interface FixAllOptions {
  /** Which fixes to apply: by default safe and unsafe ones ('manual' ones never). */
  applicability?: readonly Exclude<Applicability, 'manual'>[];
  /**
   * Only findings of these rules, given by id or as the rule objects themselves. Rule objects let
   * one `rules` option serve both analyze() (which runs them) and fixAll() (which filters by id),
   * as applyFixes() passes the same options to both.
   */
  rules?: readonly (string | { readonly id: string })[];
  /** Upper bound on analyse-and-fix rounds (default 8). */
  maxPasses?: number;
}

export interface AppliedFix {
  ruleId: string;
  title: string;
  applicability: Applicability;
  kind: string;
  name: string;
  container: string | undefined;
  /** Line of the finding in the text of the pass that fixed it. */
  line: number;
}

export interface FixAllResult {
  text: string;
  applied: AppliedFix[];
  passes: number;
  /** The analysis of the returned text. */
  analysis: Analysis;
  /** Set when a pass was refused because its output did not parse (a rootlock bug). */
  refused?: string;
}

export type Analyzer = (text: string) => Analysis;

/** The fix a "Fix all" would take for a finding, if any. */
export function preferredFix(f: Finding, allowed: readonly Applicability[]): Fix | undefined {
  return f.fixes.find((x) => x.applicability !== 'manual' && allowed.includes(x.applicability));
}

/**
 * Analyse, apply every compatible fix, analyse again … until nothing is left to fix or `maxPasses`
 * is reached. A pass whose output has more syntax errors than its input is refused and the
 * previous text kept. Applying it to its own output changes nothing.
 */
export function fixAll(text: string, analyzeFn: Analyzer, options: FixAllOptions = {}): FixAllResult {
  const allowed: readonly Applicability[] = options.applicability ?? ['safe', 'unsafe'];
  const maxPasses = options.maxPasses ?? 8;
  const applied: AppliedFix[] = [];
  let analysis = analyzeFn(text);
  const parseErrors = (a: Analysis) => a.diagnostics.filter((d) => d.severity === 'error').length;
  let passes = 0;
  let refused: string | undefined;
  const only = options.rules ? new Set(options.rules.map((r) => (typeof r === 'string' ? r : r.id))) : undefined;
  for (; passes < maxPasses; passes++) {
    const candidates: Array<{ f: Finding; fix: Fix }> = [];
    for (const f of analysis.findings) {
      if (only && !only.has(f.ruleId)) continue;
      const fix = preferredFix(f, allowed);
      if (fix) candidates.push({ f, fix });
    }
    if (!candidates.length) break;
    const chosen = new Set(compatibleFixes(candidates.map((c) => c.fix), text));
    const edits = candidates.filter((c) => chosen.has(c.fix)).flatMap((c) => c.fix.edits);
    const next = applyEdits(text, edits);
    const nextAnalysis = analyzeFn(next);
    if (parseErrors(nextAnalysis) > parseErrors(analysis)) {
      refused = `a fix produced text that does not parse (${nextAnalysis.diagnostics.find((d) => d.severity === 'error')?.message ?? 'syntax error'}); it was not applied`;
      break;
    }
    for (const c of candidates) {
      if (!chosen.has(c.fix)) continue;
      applied.push({ ruleId: c.f.ruleId, title: c.fix.title, applicability: c.fix.applicability, kind: c.f.kind, name: c.f.name, container: c.f.container, line: c.f.range.line });
    }
    if (next === text) break;
    text = next;
    analysis = nextAnalysis;
  }
  return { text, applied, passes, analysis, ...(refused ? { refused } : {}) };
}

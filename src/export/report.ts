/**
 * A review report in GitHub-flavoured Markdown, to paste into a pull-request comment: per workload
 * a findings table with severities, the start-up errors predicted for the manifest as written, and
 * the suggested change as a diff.
 */
import type { Analysis, Finding, Severity, WorkloadInfo } from '../types.ts';
import { analyze } from '../analyze.ts';
import { diffLines, formatHunks, hunks, splitLines } from './diff.ts';
import type { Hunk } from './diff.ts';

export interface ReportOptions {
  /** The manifest's file name, shown in the heading. */
  fileName?: string;
  /** Largest report in characters; diffs are left out above it (GitHub takes 65,536 in a comment). */
  maxLength?: number;
}

export const GITHUB_COMMENT_MAX = 65_536;

const ICON: Record<Severity, string> = { error: '🔴 error', warning: '🟠 warning', info: '🔵 info' };

export function reviewReport(original: string, analysisOfOriginal: Analysis, corrected: string, options: ReportOptions = {}): string {
  const maxLength = options.maxLength ?? GITHUB_COMMENT_MAX - 536;
  const full = build(original, analysisOfOriginal, corrected, options, true);
  if (full.length <= maxLength) return full;
  const short = build(original, analysisOfOriginal, corrected, options, false);
  return short.length <= maxLength ? short : short.slice(0, Math.max(0, maxLength - 80)).replace(/\n[^\n]*$/, '') + '\n\n*(report cut short: it is longer than a comment can hold)*\n';
}

function build(original: string, a: Analysis, corrected: string, options: ReportOptions, withDiffs: boolean): string {
  const changed = corrected !== original;
  const after = changed ? analyze(corrected) : a;
  const afterKeys = findingKeys(after);
  const ids = workloadIds(a.workloads);
  const out: string[] = [];
  out.push(`### rootlock review${options.fileName ? `: ${code(options.fileName, false)}` : ''}`, '');
  out.push(summary(a, after, changed), '');

  const syntax = a.diagnostics.filter((d) => d.severity !== 'info');
  if (syntax.length) {
    out.push('#### Problems with the text', '', '| Severity | Line | Problem |', '| :-- | --: | :-- |');
    for (const d of syntax) out.push(`| ${ICON[d.severity]} | ${d.range.line} | ${cell(d.message)} |`);
    out.push('');
  }

  const diffHunks = changed ? hunks(diffLines(splitLines(original), splitLines(corrected))) : [];
  const hunkOwner = assignHunks(diffHunks, a.workloads);
  const clean: string[] = [];
  a.workloads.forEach((w, wi) => {
    const findings = a.findings.filter((f) => f.workload === wi);
    const predicted = w.containers.filter((c) => c.predicted.length);
    const mine = diffHunks.filter((_, hi) => hunkOwner[hi] === wi);
    if (!findings.length && !predicted.length && !mine.length) {
      clean.push(`${w.kind} ${code(w.name, false)}`);
      return;
    }
    out.push(`#### ${w.kind} ${code(w.name, false)}${w.namespace ? ` · namespace ${code(w.namespace, false)}` : ''}`, '');
    if (findings.length) {
      out.push(`| Severity | Rule | Container | Line | Finding |${changed ? ' After the change |' : ''}`);
      out.push(`| :-- | :-- | :-- | --: | :-- |${changed ? ' :-- |' : ''}`);
      for (const f of sortFindings(findings)) {
        const status = afterKeys.has(findingKey(f, ids[wi] ?? '')) ? 'remains' : '✅ fixed';
        out.push(`| ${ICON[f.severity]} | ${code(f.ruleId, true)} | ${f.container !== undefined ? code(f.container, true) : '—'} | ${f.range.line} | ${cell(f.message)} |${changed ? ` ${status} |` : ''}`);
      }
      out.push('');
    }
    if (predicted.length) {
      out.push('**Predicted start-up errors** (as written):', '', '| Container | Path | Error |', '| :-- | :-- | :-- |');
      for (const c of predicted) for (const p of c.predicted) out.push(`| ${code(c.name, true)} | ${code(p.path, true)} | ${code(p.error, true)} |`);
      out.push('');
    }
    if (mine.length) {
      if (withDiffs) out.push('**Suggested change:**', '', fenced(formatHunks(mine), 'diff'), '');
      else out.push(`*Suggested change: ${mine.length} hunk${mine.length === 1 ? '' : 's'} (left out: too long for a comment; export the corrected manifest instead).*`, '');
    }
  });
  const orphans = diffHunks.filter((_, hi) => hunkOwner[hi] === -1);
  if (orphans.length) {
    out.push('#### Other changes', '');
    out.push(withDiffs ? fenced(formatHunks(orphans), 'diff') : '*(left out: too long for a comment)*', '');
  }
  if (clean.length) out.push(`No findings: ${clean.join(', ')}.`, '');
  out.push('<sub>Made by rootlock: readOnlyRootFilesystem done right.</sub>', '');
  return out.join('\n');
}

function summary(a: Analysis, after: Analysis, changed: boolean): string {
  const { errors, warnings, infos } = a.summary;
  const parts = [[errors, 'error'], [warnings, 'warning'], [infos, 'info']].filter(([n]) => (n as number) > 0).map(([n, w]) => `${n} ${w}${n === 1 ? '' : 's'}`);
  const total = a.findings.length;
  const containers = a.summary.containers;
  let s = `**${parts.length ? parts.join(', ') : 'No findings'}** in ${a.workloads.length} workload${a.workloads.length === 1 ? '' : 's'} (${containers} container${containers === 1 ? '' : 's'}, ${a.summary.readOnlyContainers} with a read-only root filesystem).`;
  if (changed && total) {
    const remaining = after.findings.length;
    s += ` The suggested change leaves ${remaining} of ${total} finding${total === 1 ? '' : 's'}.`;
  }
  return s;
}

function workloadIds(ws: readonly WorkloadInfo[]): string[] {
  const count = new Map<string, number>();
  return ws.map((w) => {
    const base = `${w.kind}/${w.namespace ?? ''}/${w.name}`;
    const n = (count.get(base) ?? 0) + 1;
    count.set(base, n);
    return `${base}#${n}`;
  });
}

/** A finding that is still there after the change has the same rule, workload, container and message. */
function findingKey(f: Finding, workload: string): string {
  return `${f.ruleId}|${workload}|${f.container ?? ''}|${f.message}`;
}

function findingKeys(a: Analysis): Set<string> {
  const ids = workloadIds(a.workloads);
  return new Set(a.findings.map((f) => findingKey(f, ids[f.workload] ?? '')));
}

const RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };
function sortFindings(fs: Finding[]): Finding[] {
  return [...fs].sort((x, y) => RANK[x.severity] - RANK[y.severity] || x.range.start - y.range.start);
}

/** Each hunk goes to the workload its first changed line lies in (the last one starting at or before it), or -1. */
function assignHunks(hs: readonly Hunk[], ws: readonly WorkloadInfo[]): number[] {
  return hs.map((h) => {
    const first = h.lines.find((l) => l.type !== ' ');
    if (!first) return -1;
    const line = first.a + 1; // 1-based line of the original at (or before which) the change is
    let owner = -1;
    ws.forEach((w, i) => {
      if (w.range.line <= line && line <= w.range.endLine + 1 && (owner === -1 || (ws[owner] as WorkloadInfo).range.line <= w.range.line)) owner = i;
    });
    return owner;
  });
}

/** Text for a table cell: Markdown and HTML characters escaped, pipes as `\|`, line breaks as <br>. */
export function cell(s: string): string {
  return s.replace(/[\\`*_[\]<>|]/g, (c) => (c === '<' ? '&lt;' : c === '>' ? '&gt;' : `\\${c}`)).replace(/\r?\n/g, '<br>');
}

/** An inline code span that holds any text; in a table its pipes are escaped (GFM reads `\|` there as `|`). */
export function code(s: string, inTable: boolean): string {
  const flat = s.replace(/\r?\n/g, ' ');
  const longest = Math.max(0, ...(flat.match(/`+/g) ?? []).map((r) => r.length));
  const ticks = '`'.repeat(longest + 1);
  const pad = flat.startsWith('`') || flat.endsWith('`') || (flat.startsWith(' ') && flat.endsWith(' ') && flat.trim()) ? ' ' : '';
  const body = inTable ? flat.replace(/\|/g, '\\|') : flat;
  return `${ticks}${pad}${body}${pad}${ticks}`;
}

/** A fenced code block whose fence is longer than any backtick run in the body. */
export function fenced(body: string, lang: string): string {
  const longest = Math.max(0, ...(body.match(/`{3,}/g) ?? []).map((r) => r.length));
  const fence = '`'.repeat(Math.max(3, longest + 1));
  return `${fence}${lang}\n${body}\n${fence}`;
}

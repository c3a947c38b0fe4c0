import type { Severity } from '../index.ts';
import type { FileResult } from './report.ts';
import { problems, totals } from './report.ts';
import { plural } from './io.ts';

const ANSI = {
  reset: '\x1b[0m',
  bold: '\x1b[1m',
  dim: '\x1b[2m',
  red: '\x1b[31m',
  yellow: '\x1b[33m',
  cyan: '\x1b[36m',
};

const SEVERITY_COLOUR: Record<Severity, string> = { error: ANSI.red, warning: ANSI.yellow, info: ANSI.cyan };

/**
 * One line per problem, `path:line:column  severity  message  [rule-id]`, grouped per file with a
 * blank line between files, then a summary line.
 */
export function formatText(results: readonly FileResult[], opts: { colour: boolean; unreadable?: number }): string {
  const paint = (code: string, s: string) => (opts.colour ? `${code}${s}${ANSI.reset}` : s);
  const blocks: string[] = [];
  for (const file of results) {
    const list = problems(file.analysis);
    if (!list.length) continue;
    const locs = list.map((p) => `${file.display}:${p.line}:${p.column}`);
    const width = Math.max(...locs.map((l) => l.length));
    const lines = list.map((p, i) => {
      const loc = (locs[i] as string).padEnd(width);
      const sev = p.severity.padEnd(7);
      const message = p.message.replace(/\s*\n\s*/g, ' ');
      return `${paint(ANSI.bold, loc)}  ${paint(SEVERITY_COLOUR[p.severity], sev)}  ${message}  ${paint(ANSI.dim, `[${p.ruleId}]`)}`;
    });
    // What would fail at start-up as written, per container, in the program's own words.
    for (const w of file.analysis.workloads) {
      for (const c of w.containers) {
        if (!c.predicted.length) continue;
        lines.push('', paint(ANSI.bold, `${file.display}: ${w.kind} "${w.name}", container "${c.name}" would fail at start-up:`));
        for (const p of c.predicted) {
          lines.push(`  ${p.path}  ${paint(SEVERITY_COLOUR.error, p.error)}`);
          if (p.fix) lines.push(`  ${' '.repeat(p.path.length)}  ${paint(ANSI.dim, `fix: ${p.fix}`)}`);
        }
      }
    }
    blocks.push(lines.join('\n'));
  }
  const t = totals(results);
  let summary = `${plural(t.errors, 'error')}, ${plural(t.warnings, 'warning')}, ${plural(t.infos, 'info')} in ${plural(t.files, 'file')} (${t.readOnlyContainers} of ${plural(t.containers, 'container')} read-only)`;
  if (opts.unreadable) summary += `; ${plural(opts.unreadable, 'path')} could not be read`;
  const colouredSummary = t.errors ? paint(ANSI.red + ANSI.bold, summary) : t.warnings ? paint(ANSI.yellow, summary) : summary;
  return [...blocks, colouredSummary].join('\n\n') + '\n';
}

import type { FileResult } from './report.ts';
import { totals } from './report.ts';

/**
 * The JSON report (format version 1). Key order is part of the format; absent values are null,
 * never omitted, so every object has the same shape. Fields after the documented ones are extras.
 */
export function formatJson(results: readonly FileResult[]): string {
  const t = totals(results);
  const report = {
    version: 1,
    files: results.map(({ display, analysis: a }) => ({
      file: display,
      parseErrors: a.diagnostics.filter((d) => d.severity === 'error').map((d) => ({
        message: d.message,
        line: d.range.line,
        column: d.range.column,
        code: d.code,
        endLine: d.range.endLine,
        endColumn: d.range.endColumn,
      })),
      workloads: a.workloads.map((w) => ({
        kind: w.kind,
        name: w.name,
        namespace: w.namespace ?? null,
        pssLevel: w.pssLevel,
        containers: w.containers.map((c) => ({
          name: c.name,
          type: c.type,
          image: c.image ?? null,
          readOnlyRootFilesystem: c.readOnlyRootFilesystem,
          knowledge: c.knowledge ?? null,
          predicted: c.predicted.map((p) => ({ path: p.path, what: p.what, error: p.error, reason: p.reason, origin: p.origin, fix: p.fix ?? null, source: p.source ?? null })),
        })),
      })),
      findings: a.findings.map((f) => ({
        ruleId: f.ruleId,
        severity: f.severity,
        message: f.message,
        kind: f.kind,
        name: f.name,
        container: f.container ?? null,
        line: f.range.line,
        column: f.range.column,
        endLine: f.range.endLine,
        endColumn: f.range.endColumn,
        fixes: f.fixes.map((x) => ({ title: x.title, applicability: x.applicability })),
        control: f.control ?? null,
        namespace: f.namespace ?? null,
      })),
      notices: a.diagnostics.filter((d) => d.severity !== 'error').map((d) => ({
        code: d.code,
        severity: d.severity,
        message: d.message,
        line: d.range.line,
        column: d.range.column,
      })),
    })),
    summary: {
      errors: t.errors,
      warnings: t.warnings,
      infos: t.infos,
      files: t.files,
      containers: t.containers,
      readOnlyContainers: t.readOnlyContainers,
    },
  };
  return `${JSON.stringify(report, null, 2)}\n`;
}

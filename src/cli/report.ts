import type { Analysis, Diagnostic, Finding, Severity } from '../index.ts';

/** One analysed input, as every output format sees it. */
export interface FileResult {
  /** The path as the user wrote it (or as found under their DIR); the stdin name for `-`. */
  display: string;
  /** Absolute path, or undefined for standard input. */
  abs: string | undefined;
  analysis: Analysis;
}

export interface Totals {
  errors: number;
  warnings: number;
  infos: number;
  files: number;
  containers: number;
  readOnlyContainers: number;
}

export function totals(results: readonly FileResult[]): Totals {
  const t: Totals = { errors: 0, warnings: 0, infos: 0, files: results.length, containers: 0, readOnlyContainers: 0 };
  for (const { analysis: a } of results) {
    t.errors += a.summary.errors;
    t.warnings += a.summary.warnings;
    t.infos += a.summary.infos;
    t.containers += a.summary.containers;
    t.readOnlyContainers += a.summary.readOnlyContainers;
  }
  return t;
}

/** Pseudo-rule for every error diagnostic: text that cannot be read as Kubernetes YAML. */
export const SYNTAX_RULE_ID = 'yaml-syntax';

/** The rule id a diagnostic is reported under: `yaml-syntax` for errors, its own code otherwise. */
export function diagnosticRuleId(d: Diagnostic): string {
  return d.severity === 'error' ? SYNTAX_RULE_ID : d.code;
}

/** A finding or a diagnostic, in one list sorted by position (diagnostics first at a tie). */
export interface Problem {
  ruleId: string;
  severity: Severity;
  message: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  finding?: Finding;
  diagnostic?: Diagnostic;
}

export function problems(a: Analysis): Problem[] {
  const out: Problem[] = [];
  for (const d of a.diagnostics) out.push({ ruleId: diagnosticRuleId(d), severity: d.severity, message: d.message, ...pos(d.range), diagnostic: d });
  for (const f of a.findings) out.push({ ruleId: f.ruleId, severity: f.severity, message: f.message, ...pos(f.range), finding: f });
  // Array.prototype.sort is stable: equal positions keep diagnostics first, then report order.
  return out.sort((x, y) => x.line - y.line || x.column - y.column);
}

function pos(r: { line: number; column: number; endLine: number; endColumn: number }) {
  return { line: r.line, column: r.column, endLine: r.endLine, endColumn: r.endColumn };
}

/** An analysis holding one diagnostic, for a file rootlock could read but not decode. */
export function unreadableAnalysis(code: string, message: string, line: number, column: number): Analysis {
  return {
    diagnostics: [{ code, severity: 'error', message, range: { start: 0, end: 0, line, column, endLine: line, endColumn: column }, docIndex: undefined }],
    workloads: [],
    findings: [],
    namespaces: [],
    summary: { errors: 1, warnings: 0, infos: 0, containers: 0, readOnlyContainers: 0 },
  };
}

import type { Analysis, Severity } from '../../src/index.ts';
import type { Monaco } from './monaco.ts';
import type { editor } from 'monaco-editor';

export const MARKER_OWNER = 'rootlock';

/** rootlock's findings and text diagnostics as Monaco markers: owner 'rootlock', code = rule id. */
export function setMarkers(monaco: Monaco, model: editor.ITextModel, analysis: Analysis): void {
  const severity = (s: Severity) => (s === 'error' ? monaco.MarkerSeverity.Error : s === 'warning' ? monaco.MarkerSeverity.Warning : monaco.MarkerSeverity.Info);
  const marker = (start: number, end: number, code: string, s: Severity, message: string): editor.IMarkerData => {
    const a = model.getPositionAt(start);
    // an empty range still needs a visible squiggle: extend it to the end of its word or line
    const b = model.getPositionAt(Math.max(end, start));
    const endColumn = b.lineNumber === a.lineNumber && b.column === a.column ? model.getLineMaxColumn(a.lineNumber) : b.column;
    return { startLineNumber: a.lineNumber, startColumn: a.column, endLineNumber: b.lineNumber, endColumn, code, severity: severity(s), message, source: 'rootlock' };
  };
  monaco.editor.setModelMarkers(model, MARKER_OWNER, [
    ...analysis.diagnostics.map((d) => marker(d.range.start, d.range.end, d.code, d.severity, d.message)),
    ...analysis.findings.map((f) => marker(f.range.start, f.range.end, f.ruleId, f.severity, f.message)),
  ]);
}

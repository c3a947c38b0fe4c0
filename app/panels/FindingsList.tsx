import type { Analysis } from '../../src/index.ts';

export function FindingsList({ analysis }: { analysis: Analysis }) {
  const items = [
    ...analysis.diagnostics.map((d) => ({ key: `d${d.range.start}${d.code}`, id: d.code, severity: d.severity, message: d.message, line: d.range.line, column: d.range.column })),
    ...analysis.findings.map((f) => ({ key: f.key, id: f.ruleId, severity: f.severity, message: f.message, line: f.range.line, column: f.range.column })),
  ];
  if (!items.length) return <p className="empty">No findings: every container is read-only and has what it needs.</p>;
  return (
    <ul className="findings" aria-label="Findings">
      {items.map((i) => (
        <li key={i.key} className={`finding sev-${i.severity}`}>
          <span className="rule">{i.id}</span> <span className="sev">{i.severity}</span>{' '}
          <span className="where">line {i.line}, column {i.column}</span>
          <p className="message">{i.message}</p>
        </li>
      ))}
    </ul>
  );
}

import { memo, useId } from 'react';
import type { Analysis, Finding, RuleMeta } from '../../src/index.ts';
import { applyFix, fixAll } from '../actions.ts';
import { reveal } from '../editor/bridge.ts';
import { groupFindings } from '../lib/findings.ts';
import { useStore } from '../store/index.ts';

const TYPE_LABEL: Record<string, string> = { app: 'app container', init: 'init container', sidecar: 'sidecar container', ephemeral: 'ephemeral container' };

/** Findings grouped by workload and container, each with its explanation, fix, and place in the text. */
export function FindingsPanel() {
  const current = useStore((s) => s.current);
  const catalog = useStore((s) => s.catalog);
  const editorReady = useStore((s) => s.editorReady);
  if (!current) return <p className="empty">Analysing the manifest…</p>;
  const { analysis, version } = current;
  const fixable = analysis.findings.some((f) => f.fixes.some((x) => x.applicability !== 'manual'));
  const frozen = !!current.view.syntaxError;
  return (
    <div className="findings-panel">
      <div className="panel-toolbar">
        <p className="counts">
          <span className="count sev-error">{analysis.summary.errors} {analysis.summary.errors === 1 ? 'error' : 'errors'}</span>
          <span className="count sev-warning">{analysis.summary.warnings} {analysis.summary.warnings === 1 ? 'warning' : 'warnings'}</span>
          <span className="count sev-info">{analysis.summary.infos} {analysis.summary.infos === 1 ? 'info' : 'infos'}</span>
        </p>
        <button type="button" className="btn" disabled={!fixable || frozen} onClick={() => void fixAll()} title="Applies every safe and unsafe fix; suggestions that need your judgement are left to you">
          Fix all
        </button>
      </div>
      {analysis.diagnostics.length > 0 && <Diagnostics analysis={analysis} canReveal={editorReady} />}
      <FindingsList analysis={analysis} version={version} catalog={catalog} canReveal={editorReady} frozen={frozen} />
    </div>
  );
}

function Diagnostics({ analysis, canReveal }: { analysis: Analysis; canReveal: boolean }) {
  return (
    <ul className="diagnostics" aria-label="Problems with the text">
      {analysis.diagnostics.map((d) => (
        <li key={`${d.code}${d.range.start}`} className={`finding sev-${d.severity}`}>
          <span className="sev">{d.severity}</span> {d.message}{' '}
          <button type="button" className="link" disabled={!canReveal} onClick={() => reveal(d.range)}>line {d.range.line}</button>
        </li>
      ))}
    </ul>
  );
}

const FindingsList = memo(function FindingsList({ analysis, version, catalog, canReveal, frozen }: { analysis: Analysis; version: number; catalog: RuleMeta[]; canReveal: boolean; frozen: boolean }) {
  if (!analysis.findings.length) {
    return (
      <p className="empty all-good">
        {analysis.workloads.length
          ? 'No findings: every container is read-only and has what it needs to write.'
          : 'No findings: there is no workload in this text.'}
      </p>
    );
  }
  const groups = groupFindings(analysis);
  return (
    <div role="list" aria-label="Findings" className="findings">
      {groups.map((g) => (
        <div key={g.key} className="group">
          <div className="group-title">
            <span className="group-workload">{g.title}</span>
            {g.container !== undefined ? <span className="group-container"> · {TYPE_LABEL[g.containerType ?? ''] ?? 'container'} <code>{g.container}</code></span> : <span className="group-container"> · pod</span>}
          </div>
          {g.findings.map((f) => <FindingItem key={f.key} finding={f} version={version} docs={catalog.find((r) => r.id === f.ruleId)} canReveal={canReveal} frozen={frozen} />)}
        </div>
      ))}
    </div>
  );
});

/** Rule docs use `backticks` for code. */
function Prose({ text }: { text: string }) {
  return <>{text.split('`').map((part, i) => (i % 2 ? <code key={i}>{part}</code> : part))}</>;
}

function FindingItem({ finding, version, docs, canReveal, frozen }: { finding: Finding; version: number; docs: RuleMeta | undefined; canReveal: boolean; frozen: boolean }) {
  const id = useId();
  const preferred = finding.fixes.findIndex((x) => x.applicability !== 'manual');
  const others = finding.fixes.map((fx, i) => ({ fx, i })).filter(({ i }) => i !== preferred);
  return (
    <div role="listitem" className={`finding sev-${finding.severity}`}>
      <div className="finding-head">
        <code className="rule">{finding.ruleId}</code>
        <span className="sev">{finding.severity}</span>
        <button type="button" className="link where" disabled={!canReveal} onClick={() => reveal(finding.range)} aria-label={`Show line ${finding.range.line} in the editor`}>
          line {finding.range.line}
        </button>
        {preferred >= 0 && (
          <button type="button" className="btn btn-small fix" aria-describedby={`${id}-msg`} title={finding.fixes[preferred]?.title} disabled={frozen} onClick={() => void applyFix(finding, preferred, version)}>
            Fix
          </button>
        )}
      </div>
      <p className="message" id={`${id}-msg`}>{finding.message}<span className="visually-hidden"> ({finding.ruleId})</span></p>
      {preferred >= 0 && <p className="fix-title">Fix: {finding.fixes[preferred]?.title} <span className={`pill pill-${finding.fixes[preferred]?.applicability}`}>{finding.fixes[preferred]?.applicability}</span></p>}
      {(docs || others.length > 0) && (
        <details className="why">
          <summary>Why, and how to fix</summary>
          {docs && (
            <>
              <p><strong>{docs.docs.summary}.</strong> <Prose text={docs.docs.why} /></p>
              <p><strong>Fix:</strong> <Prose text={docs.docs.fix} /></p>
              <p><a href={docs.docs.url} target="_blank" rel="noreferrer noopener">Kubernetes documentation<span className="visually-hidden"> (opens in a new tab)</span></a></p>
            </>
          )}
          {others.length > 0 && (
            <div className="other-fixes">
              <p>Other ways to fix it:</p>
              {others.map(({ fx, i }) => (
                <button key={i} type="button" className="btn btn-small btn-secondary" disabled={frozen} onClick={() => void applyFix(finding, i, version)}>
                  {fx.title}{fx.applicability === 'manual' ? ' (suggestion)' : ''}
                </button>
              ))}
            </div>
          )}
        </details>
      )}
    </div>
  );
}

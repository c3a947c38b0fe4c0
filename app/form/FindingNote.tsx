import { useId } from 'react';
import type { Finding } from '../../src/index.ts';
import { applyFix } from '../actions.ts';
import { useStore } from '../store/index.ts';

/** The findings about one field or section, inline, each with its fix. */
export function FindingNotes({ findings, idPrefix }: { findings: readonly Finding[]; idPrefix?: string }) {
  if (!findings.length) return null;
  return (
    <ul className="notes">
      {findings.map((f, i) => <FindingNote key={f.key} finding={f} id={idPrefix ? `${idPrefix}-${i}` : undefined} />)}
    </ul>
  );
}

export function FindingNote({ finding, id }: { finding: Finding; id?: string | undefined }) {
  const own = useId();
  const msgId = id ?? own;
  const version = useStore((s) => s.current?.version ?? 0);
  const frozen = useStore((s) => !!s.current?.view.syntaxError);
  const fixIndex = finding.fixes.findIndex((x) => x.applicability !== 'manual');
  const fix = finding.fixes[fixIndex];
  return (
    <li className={`note sev-${finding.severity}`}>
      <span className="sev-badge" aria-hidden="true">{finding.severity === 'error' ? '!' : finding.severity === 'warning' ? '▲' : 'i'}</span>
      <span className="note-text" id={msgId}>
        <span className="visually-hidden">{finding.severity}: </span>
        {finding.message} <code className="rule-id">{finding.ruleId}</code>
      </span>
      {fix && (
        <button type="button" className="btn btn-small" aria-describedby={msgId} title={fix.title} disabled={frozen} onClick={() => void applyFix(finding, fixIndex, version)}>
          Fix
        </button>
      )}
    </li>
  );
}

/** Ids of the notes for aria-describedby on the field they belong to. */
export function noteIds(prefix: string, findings: readonly Finding[]): string | undefined {
  return findings.length ? findings.map((_, i) => `${prefix}-${i}`).join(' ') : undefined;
}

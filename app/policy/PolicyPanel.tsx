import { useId, useRef } from 'react';
import type { ReactNode } from 'react';
import type { Analysis, Finding, NamespaceInfo, PssViolationInfo, WorkloadInfo } from '../../src/index.ts';
import { reveal } from '../editor/bridge.ts';
import { useStore } from '../store/index.ts';
import type { Analysed } from '../store/index.ts';
import { PolicyExport } from './PolicyExport.tsx';
import './policy.css';

type Level = WorkloadInfo['pssLevel'];

const LEVEL_TEXT: Record<Level, string> = {
  restricted: 'restricted',
  baseline: 'baseline',
  privileged: 'privileged',
};
/** A shape besides the colour, so the level reads without colour vision. */
const LEVEL_MARK: Record<Level, string> = { restricted: '✓', baseline: '◐', privileged: '✕' };
const LEVEL_MEANS: Record<Level, string> = {
  restricted: 'meets the restricted Pod Security Standard',
  baseline: 'meets baseline but not restricted',
  privileged: 'fails baseline: only a privileged namespace admits it',
};

export function LevelBadge({ level }: { level: Level }) {
  return (
    <span className={`level level-${level}`} title={`Pod Security level: ${LEVEL_MEANS[level]}`}>
      <span aria-hidden="true">{LEVEL_MARK[level]} </span>
      <span className="visually-hidden">Pod Security level: </span>
      {LEVEL_TEXT[level]}
    </span>
  );
}

/**
 * The Policy tab: each workload's Pod Security level (the highest it meets), the controls it fails
 * with jumps to their fields, what its namespace's pod-security labels do with it, "Harden to
 * restricted + read-only root", and a policy that enforces read-only roots (which restricted does
 * not).
 */
export function PolicyPanel() {
  const current = useStore((s) => s.current);
  const lastValid = useStore((s) => s.lastValid);
  const frozen = !!current?.view.syntaxError;
  const analysed: Analysed | null = frozen ? lastValid : current;
  const exportRef = useRef<HTMLElement>(null);
  if (!current) return <p className="empty">Analysing the manifest…</p>;
  if (!analysed) return <p className="empty">Pod Security levels appear once the YAML parses.</p>;
  const { analysis } = analysed;
  const toExport = () => {
    exportRef.current?.scrollIntoView({ block: 'start' });
    exportRef.current?.querySelector<HTMLElement>('input, select, button')?.focus();
  };
  return (
    <div className="policy">
      {analysis.workloads.length ? (
        <Workloads analysis={analysis} frozen={frozen} onExport={toExport} />
      ) : (
        <p className="empty">
          No workload here. The Policy tab evaluates pod specs (Pod, Deployment, StatefulSet, DaemonSet, Job, CronJob …) against the Pod Security
          Standards, and namespaces by their <code>pod-security.kubernetes.io</code> labels.
        </p>
      )}
      {analysis.namespaces.length > 0 && <Namespaces analysis={analysis} />}
      <PolicyExport analysis={analysis} sectionRef={exportRef} />
    </div>
  );
}

function Workloads({ analysis, frozen, onExport }: { analysis: Analysis; frozen: boolean; onExport: () => void }) {
  const selection = useStore((s) => s.selection);
  const select = useStore((s) => s.select);
  const setHarden = useStore((s) => s.setHarden);
  const editorReady = useStore((s) => s.editorReady);
  const headId = useId();
  const wi = Math.min(selection.workload, analysis.workloads.length - 1);
  const w = analysis.workloads[wi]!;
  const version = w.pss.version;
  const writable = (x: WorkloadInfo) => x.containers.filter((c) => !c.readOnlyRootFilesystem).length;
  const needsWork = analysis.workloads.some((x) => x.pssLevel !== 'restricted' || writable(x) > 0);
  const notCovered = analysis.findings.filter((f) => f.ruleId === 'restricted-not-read-only' && f.workload === wi);
  return (
    <section className="section" aria-labelledby={headId}>
      <div className="policy-head">
        <h3 id={headId} className="section-title">
          Pod Security level
        </h3>
        <PssVersionPicker resolved={version} />
        {analysis.workloads.length > 1 && (
          <button type="button" className="btn btn-small btn-secondary" aria-haspopup="dialog" disabled={frozen || !needsWork} onClick={() => setHarden({ workload: null })}>
            Harden all…
          </button>
        )}
      </div>
      <ul className="level-list" aria-label="Workloads by Pod Security level">
        {analysis.workloads.map((x, i) => {
          const n = writable(x);
          return (
            <li key={i} className={i === wi ? 'current' : ''}>
              <button type="button" className="level-pick" aria-current={i === wi ? 'true' : undefined} onClick={() => select({ workload: i })}>
                <span className="level-name">
                  {x.kind} {x.namespace ? `${x.namespace}/` : ''}
                  {x.name}
                </span>
                <LevelBadge level={x.pssLevel} />
                <span className={`level-ro${n ? ' writable' : ''}`}>
                  {n ? `${n} writable ${n === 1 ? 'root' : 'roots'}` : x.containers.length ? 'read-only roots' : 'no containers'}
                </span>
              </button>
            </li>
          );
        })}
      </ul>

      <div className="policy-workload">
        <div className="policy-head">
          <h4 className="policy-workload-title">
            {w.kind} {w.name} <LevelBadge level={w.pssLevel} />
          </h4>
          <button
            type="button"
            className="btn btn-small"
            aria-haspopup="dialog"
            disabled={frozen || (w.pssLevel === 'restricted' && writable(w) === 0)}
            onClick={() => setHarden({ workload: wi })}
          >
            Harden to restricted + read-only root…
          </button>
        </div>
        <p className="hint">{`${w.kind} ${w.name} ${LEVEL_MEANS[w.pssLevel]}.`}</p>
        <Verdict w={w} hasNamespaces={analysis.namespaces.length > 0} />
        {notCovered.map((f) => <NotCovered key={f.key} finding={f} onExport={onExport} />)}
        <Controls violations={w.pss.restricted} canReveal={editorReady} />
      </div>
    </section>
  );
}

/** The Pod Security Standards version to evaluate at: latest, or the version of the cluster (v1.0 to the newest). */
function PssVersionPicker({ resolved }: { resolved: string }) {
  const id = useId();
  const pssVersion = useStore((s) => s.pssVersion);
  const setPssVersion = useStore((s) => s.setPssVersion);
  const newest = useStore((s) => s.pssNewest);
  const minors = newest === null ? [] : Array.from({ length: newest + 1 }, (_, i) => newest - i);
  return (
    <div className="pss-version">
      <label htmlFor={id}>Pod Security Standards</label>
      <select id={id} value={pssVersion} onChange={(e) => setPssVersion(e.target.value)} aria-describedby={`${id}-hint`}>
        <option value="latest">{`latest${newest !== null ? ` (v1.${newest})` : pssVersion === 'latest' ? ` (${resolved})` : ''}`}</option>
        {minors.map((m) => <option key={m} value={`v1.${m}`}>{`v1.${m}`}</option>)}
        {pssVersion !== 'latest' && !minors.includes(Number(pssVersion.slice(3))) && <option value={pssVersion}>{pssVersion}</option>}
      </select>
      <span id={`${id}-hint`} className="visually-hidden">The policy version to evaluate at, as a namespace's -version label would pin it: your cluster's Kubernetes minor version, or latest.</span>
    </div>
  );
}

function Verdict({ w, hasNamespaces }: { w: WorkloadInfo; hasNamespaces: boolean }) {
  const v = w.pss.namespace;
  if (!v) {
    return (
      <p className="hint">
        {w.namespace
          ? `Namespace "${w.namespace}" is not in this text: its pod-security labels decide what is admitted. Add its Namespace object to see the verdict.`
          : hasNamespaces
            ? 'This workload names no namespace: it goes to the namespace it is applied in.'
            : 'Add the Namespace object with its pod-security.kubernetes.io labels to see whether it would be admitted.'}
      </p>
    );
  }
  const rejected = !v.enforce.allowed;
  return (
    <div className={`note ${rejected ? 'sev-error' : !v.warn.allowed || !v.audit.allowed ? 'sev-warning' : 'sev-info'} verdict`} role="group" aria-label={`Namespace ${v.namespace} verdict`}>
      <span className="note-icon" aria-hidden="true">{rejected ? '✕' : !v.warn.allowed ? '!' : '✓'}</span>
      <div className="note-text">
        <p className="verdict-summary">{v.summary}.</p>
        <ModesTable
          namespace={v.namespace}
          last="Result"
          rows={[v.enforce, v.audit, v.warn].map((m) => ({
            mode: m.mode,
            level: `${m.level}:${m.version}`,
            last: <span className={m.allowed ? 'ok' : 'bad'}>{m.allowed ? '✓ meets it' : `✕ fails ${m.controls.join(', ')}`}</span>,
          }))}
        />
      </div>
    </div>
  );
}

/** A namespace's enforce/audit/warn modes: the level of each, and one more column. */
function ModesTable({ namespace, last, rows }: { namespace: string; last: string; rows: Array<{ mode: string; level: ReactNode; last: ReactNode }> }) {
  return (
    <table className="modes">
      <caption className="visually-hidden">Pod Security modes of namespace {namespace}</caption>
      <thead>
        <tr>
          <th scope="col">Mode</th>
          <th scope="col">Level</th>
          <th scope="col">{last}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.mode}>
            <th scope="row">{r.mode}</th>
            <td>{r.level}</td>
            <td>{r.last}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function NotCovered({ finding, onExport }: { finding: Finding; onExport: () => void }) {
  return (
    <div className="note sev-warning not-covered">
      <span className="note-icon" aria-hidden="true">!</span>
      <div className="note-text">
        <p>{finding.message}</p>
        <button type="button" className="btn btn-small btn-secondary" onClick={onExport}>
          Export a policy that enforces read-only roots
        </button>
      </div>
    </div>
  );
}

function Controls({ violations, canReveal }: { violations: PssViolationInfo[]; canReveal: boolean }) {
  if (!violations.length) return <p className="policy-ok">✓ No failing control: every restricted control is met.</p>;
  return (
    <>
      <h5 className="controls-title">
        {violations.length} failing {violations.length === 1 ? 'control' : 'controls'} <span className="section-sub">to reach restricted</span>
      </h5>
      <ul className="controls" aria-label="Failing Pod Security controls">
        {violations.map((v, i) => (
          <li key={`${v.control}-${i}`} className={`control control-${v.controlLevel}`}>
            <div className="control-head">
              <span className="control-title">{v.title}</span>
              <span className={`pill pill-${v.controlLevel}`}>{v.controlLevel}</span>
              <code className="control-id">{v.control}</code>
            </div>
            <p className="control-reason">{v.reason}</p>
            <ul className="control-fields" aria-label={`Fields of ${v.title}`}>
              {(v.locations.length ? v.locations : [{ range: v.range, field: v.field, missing: false, container: v.container, problem: v.reason }]).map((l, j) => (
                <li key={j}>
                  <button
                    type="button"
                    className="link"
                    disabled={!canReveal}
                    onClick={() => reveal(l.range)}
                    aria-label={`Show ${l.field} in the editor (line ${l.range.line})`}
                    title={l.problem}
                  >
                    <code>{l.field}</code>
                  </button>
                  <span className="hint">
                    {' '}
                    {l.missing ? 'not set' : l.problem !== v.reason ? l.problem : ''} · line {l.range.line}
                  </span>
                </li>
              ))}
            </ul>
          </li>
        ))}
      </ul>
    </>
  );
}

function Namespaces({ analysis }: { analysis: Analysis }) {
  const headId = useId();
  const editorReady = useStore((s) => s.editorReady);
  return (
    <section className="section" aria-labelledby={headId}>
      <h3 id={headId} className="section-title">
        Namespaces <span className="section-sub">pod-security.kubernetes.io labels</span>
      </h3>
      <ul className="namespaces" aria-label="Namespaces">
        {analysis.namespaces.map((n) => <NamespaceItem key={`${n.name}-${n.docIndex}`} ns={n} analysis={analysis} canReveal={editorReady} />)}
      </ul>
    </section>
  );
}

function NamespaceItem({ ns, analysis, canReveal }: { ns: NamespaceInfo; analysis: Analysis; canReveal: boolean }) {
  const verdicts = analysis.workloads.filter((w) => w.pss.namespace?.namespace === ns.name);
  const modes = (['enforce', 'audit', 'warn'] as const).map((m) => ({ mode: m, ...ns.modes[m] }));
  return (
    <li className="namespace">
      <div className="policy-head">
        <button type="button" className="link namespace-name" disabled={!canReveal} onClick={() => reveal(ns.range)} aria-label={`Show namespace ${ns.name} in the editor (line ${ns.range.line})`}>
          {ns.name}
        </button>
      </div>
      <ModesTable
        namespace={ns.name}
        last="Version"
        rows={modes.map((m) => ({ mode: m.mode, level: m.labelled ? m.level : <span className="muted">{m.level} (no label: the default)</span>, last: m.version }))}
      />
      {ns.problems.length > 0 && (
        <ul className="notes" aria-label={`Label problems of namespace ${ns.name}`}>
          {ns.problems.map((p, i) => (
            <li key={i} className="note sev-warning">
              <span className="note-icon" aria-hidden="true">!</span>
              <span className="note-text">
                {p.message}{' '}
                <button type="button" className="link" disabled={!canReveal} onClick={() => reveal(p.range)}>
                  line {p.range.line}
                </button>
              </span>
            </li>
          ))}
        </ul>
      )}
      {verdicts.length > 0 && (
        <ul className="verdicts" aria-label={`Workloads in namespace ${ns.name}`}>
          {verdicts.map((w, i) => (
            <li key={i} className={w.pss.namespace!.enforce.allowed ? 'admitted' : 'rejected'}>
              <span aria-hidden="true">{w.pss.namespace!.enforce.allowed ? '✓ ' : '✕ '}</span>
              {w.pss.namespace!.summary}.
            </li>
          ))}
        </ul>
      )}
    </li>
  );
}

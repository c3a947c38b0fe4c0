import { useId, useMemo } from 'react';
import type { Analysis, Finding } from '../../src/index.ts';
import { useStore } from '../store/index.ts';
import type { Analysed } from '../store/index.ts';
import { placeOf } from '../lib/findings.ts';
import type { FindingPlace } from '../lib/findings.ts';
import { DraftNotes } from '../draft/DraftNotes.tsx';
import { FindingNotes } from './FindingNote.tsx';
import { ContainerSecurity } from './ContainerSecurity.tsx';
import { Mounts } from './Mounts.tsx';
import { PodSecurity } from './PodSecurity.tsx';
import { Volumes } from './Volumes.tsx';

export const TYPE_LABEL: Record<string, string> = { app: 'app', init: 'init', sidecar: 'sidecar', ephemeral: 'ephemeral' };

/** The findings of an analysis, with where each shows in the form. */
export function usePlaced(analysis: Analysis): Array<{ finding: Finding; place: FindingPlace }> {
  return useMemo(() => analysis.findings.map((finding) => ({ finding, place: placeOf(analysis, finding) })), [analysis]);
}

export type Placed = ReturnType<typeof usePlaced>;

export function FormPanel() {
  const current = useStore((s) => s.current);
  const lastValid = useStore((s) => s.lastValid);
  const frozen = !!current?.view.syntaxError;
  const shown: Analysed | null = frozen ? lastValid : current;
  if (!current) return <p className="empty">Analysing the manifest…</p>;
  if (!shown) return <p className="empty">The form appears once the YAML parses.</p>;
  return <WorkloadForm analysed={shown} frozen={frozen} />;
}

function WorkloadForm({ analysed, frozen }: { analysed: Analysed; frozen: boolean }) {
  const { analysis, view } = analysed;
  const selection = useStore((s) => s.selection);
  const select = useStore((s) => s.select);
  const placed = usePlaced(analysis);
  const workloadId = useId();
  const containerId = useId();
  const setNewOpen = useStore((s) => s.setNewOpen);
  const setAddContainerOpen = useStore((s) => s.setAddContainerOpen);
  const addedNotes = useStore((s) => s.addedNotes);
  const setAddedNotes = useStore((s) => s.setAddedNotes);

  if (!view.workloads.length) {
    return (
      <div className="empty-form">
        <p className="empty">
          No workload here to edit. The form edits pod specs: Pod, Deployment, StatefulSet, DaemonSet, ReplicaSet, Job, CronJob and
          other objects with a pod template.
        </p>
        {analysis.diagnostics.length > 0 && (
          <ul className="notes">
            {analysis.diagnostics.map((d) => <li key={`${d.code}${d.range.start}`} className={`note sev-${d.severity}`}><span className="note-text">{d.message}</span></li>)}
          </ul>
        )}
        <button type="button" className="btn" aria-haspopup="dialog" disabled={frozen} onClick={() => setNewOpen(true)}>New workload from an image…</button>
      </div>
    );
  }

  const wi = Math.min(selection.workload, view.workloads.length - 1);
  const w = view.workloads[wi]!;
  const info = analysis.workloads[wi]!;
  const ci = Math.min(selection.container, Math.max(0, w.containers.length - 1));
  const c = w.containers[ci];
  const at = (pred: (p: FindingPlace) => boolean) => placed.filter((x) => pred(x.place)).map((x) => x.finding);
  const workloadFindings = at((p) => p.at === 'workload' && p.workload === wi);
  const containerFindings = at((p) => p.at === 'container' && p.workload === wi && p.container === ci);

  return (
    <fieldset className="form" disabled={frozen} aria-describedby={frozen ? 'syntax-banner' : undefined}>
      <legend className="visually-hidden">Security context and volumes{frozen ? ' (read-only until the YAML parses)' : ''}</legend>
      <div className="pickers">
        <div className="field">
          <label htmlFor={workloadId}>Workload</label>
          <select id={workloadId} value={wi} onChange={(e) => select({ workload: Number(e.target.value) })}>
            {view.workloads.map((x, i) => (
              <option key={i} value={i}>{`${x.kind} ${analysis.workloads[i]?.namespace ? `${analysis.workloads[i]?.namespace}/` : ''}${x.name}`}</option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={containerId}>Container</label>
          <select id={containerId} value={ci} disabled={!w.containers.length} onChange={(e) => select({ container: Number(e.target.value) })}>
            {w.containers.length === 0 && <option value={0}>(no containers)</option>}
            {w.containers.map((x, i) => <option key={i} value={i}>{`${x.name} (${TYPE_LABEL[x.type] ?? x.type})`}</option>)}
          </select>
        </div>
      </div>
      <div className="picker-actions">
        <button type="button" className="btn btn-small btn-secondary" aria-haspopup="dialog" onClick={() => setAddContainerOpen(true)}>Add container…</button>
      </div>
      {addedNotes && (
        <div className="added-notes" role="status">
          <div className="added-head">
            <p className="added-title">{addedNotes.title}</p>
            <button type="button" className="icon-button" aria-label="Dismiss the notes on the added container" onClick={() => setAddedNotes(null)}>×</button>
          </div>
          <DraftNotes notes={addedNotes.notes} label="Notes on the added container" />
        </div>
      )}
      <FindingNotes findings={workloadFindings} />

      {c && (
        <>
          <ContainerSecurity workload={wi} container={ci} view={c} placed={placed} />
          <FindingNotes findings={containerFindings} />
          <Mounts workload={wi} container={ci} view={c} info={info.containers[ci]} volumes={w.volumes} placed={placed} />
        </>
      )}
      <Volumes workload={wi} view={w} info={info} text={analysed.text} placed={placed} />
      <PodSecurity workload={wi} view={w.pod} placed={placed} />
    </fieldset>
  );
}

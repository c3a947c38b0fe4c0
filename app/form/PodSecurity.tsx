import type { PodSecurityView } from '../../src/index.ts';
import { runFormOp } from '../actions.ts';
import { FindingNotes } from './FindingNote.tsx';
import { integerOrEmpty, SelectField, TextField, TriStateField } from './fields.tsx';
import type { Placed } from './FormPanel.tsx';

const SECCOMP = [
  { value: '', label: 'Not set' },
  { value: 'RuntimeDefault', label: 'RuntimeDefault' },
  { value: 'Localhost', label: 'Localhost' },
  { value: 'Unconfined', label: 'Unconfined' },
];

/** The pod's securityContext (settings every container inherits unless it sets its own). */
export function PodSecurity({ workload, view, placed }: { workload: number; view: PodSecurityView; placed: Placed }) {
  const set = (path: string[], value: string | number | boolean | null) => runFormOp({ op: 'podSecurity', workload, path, value });
  const id = (v: string) => (v === '' ? null : Number(v));
  const findings = placed.filter((p) => p.place.at === 'pod-security' && p.place.workload === workload).map((p) => p.finding);
  return (
    <section className="section" aria-labelledby="pod-security-title">
      <h3 id="pod-security-title" className="section-title">Pod security context <span className="section-sub">every container inherits these</span></h3>
      <FindingNotes findings={findings} />
      <div className="grid-2">
        <TriStateField label="Run as non-root" yamlKey="runAsNonRoot" value={view.runAsNonRoot} onChange={(v) => set(['runAsNonRoot'], v)} />
        <TextField label="Run as user (UID)" yamlKey="runAsUser" value={view.runAsUser ?? ''} inputMode="numeric" validate={integerOrEmpty} onCommit={(v) => set(['runAsUser'], id(v))} />
        <TextField label="Run as group (GID)" yamlKey="runAsGroup" value={view.runAsGroup ?? ''} inputMode="numeric" validate={integerOrEmpty} onCommit={(v) => set(['runAsGroup'], id(v))} />
        <TextField label="Filesystem group (GID)" yamlKey="fsGroup" value={view.fsGroup ?? ''} inputMode="numeric" validate={integerOrEmpty} onCommit={(v) => set(['fsGroup'], id(v))} />
        <SelectField
          label="Seccomp profile"
          yamlKey="seccompProfile.type"
          value={view.seccompProfileType ?? ''}
          options={SECCOMP}
          onChange={(v) => (v === '' ? runFormOp({ op: 'podSecurity', workload, path: ['seccompProfile'], value: null }) : set(['seccompProfile', 'type'], v))}
        />
      </div>
    </section>
  );
}

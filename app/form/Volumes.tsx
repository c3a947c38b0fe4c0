import { useId, useState } from 'react';
import type { VolumeSource, VolumeView, WorkloadInfo, WorkloadView } from '../../src/index.ts';
import { runFormOp } from '../actions.ts';
import { FindingNotes } from './FindingNote.tsx';
import { CheckboxField, SelectField, TextField } from './fields.tsx';
import type { Placed } from './FormPanel.tsx';

export const VOLUME_NAME = /^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/;
export const volumeNameError = (v: string) => (VOLUME_NAME.test(v) ? undefined : 'Use lower-case letters, digits and "-" (at most 63), starting and ending with a letter or digit.');
const quantityError = (v: string) => (v === '' || /^\d+(\.\d+)?(Ki|Mi|Gi|Ti|Pi|Ei|k|M|G|T|P|E|m)?$/.test(v) ? undefined : 'Enter a quantity such as 64Mi or 1Gi, or leave it empty.');

const TYPES = [
  { value: 'emptyDir', label: 'emptyDir' },
  { value: 'configMap', label: 'configMap' },
  { value: 'secret', label: 'secret' },
  { value: 'persistentVolumeClaim', label: 'persistentVolumeClaim' },
];

const TYPE_HINT: Record<string, string> = {
  emptyDir: 'scratch space, empty at start',
  configMap: 'always mounted read-only',
  secret: 'always mounted read-only',
  persistentVolumeClaim: 'storage that outlives the pod',
};

const MEDIUM = [
  { value: '', label: 'Disk (default)' },
  { value: 'Memory', label: 'Memory (tmpfs)' },
];

function defaultSource(type: string, name: string): VolumeSource {
  switch (type) {
    case 'configMap':
      return { type: 'configMap', name };
    case 'secret':
      return { type: 'secret', secretName: name };
    case 'persistentVolumeClaim':
      return { type: 'persistentVolumeClaim', claimName: name };
    default:
      return { type: 'emptyDir' };
  }
}

/** The pod's volumes: each editable for the four common sources, any other shown as its YAML. */
export function Volumes({ workload, view, info, text, placed }: { workload: number; view: WorkloadView; info: WorkloadInfo; text: string; placed: Placed }) {
  return (
    <section className="section" aria-labelledby="volumes-title">
      <h3 id="volumes-title" className="section-title">Volumes <span className="section-sub">of the pod · {view.kind} {view.name}</span></h3>
      {view.volumes.length === 0 && <p className="empty">No volumes yet.</p>}
      <ul className="rows">
        {view.volumes.map((v, i) => {
          const users = info.containers.flatMap((c) => c.mounts.filter((m) => m.name === v.name).map((m) => `${c.name} at ${m.mountPath}`));
          const findings = placed.filter((p) => p.place.at === 'volume' && p.place.workload === workload && p.place.volume === i).map((p) => p.finding);
          return (
            <li key={`${i}:${v.name}`} className="row">
              <VolumeRow workload={workload} volume={v} users={users} text={text} findings={findings} />
            </li>
          );
        })}
      </ul>
      <AddVolume workload={workload} existing={view.volumes.map((v) => v.name)} />
    </section>
  );
}

function VolumeRow({ workload, volume, users, text, findings }: { workload: number; volume: VolumeView; users: string[]; text: string; findings: Placed[number]['finding'][] }) {
  const src = volume.source;
  const setSource = (s: VolumeSource) => runFormOp({ op: 'setVolumeSource', workload, name: volume.name, source: s });
  const editable = src.type !== 'other';
  const legend = `Volume ${volume.name || '(unnamed)'}`;
  return (
    <fieldset className="row-fields">
      <legend className="row-title">
        {legend}
        <span className="row-meta">{users.length ? ` · mounted by ${users.join(', ')}` : ' · not mounted'}</span>
      </legend>
      <FindingNotes findings={findings} />
      {editable ? (
        <div className="grid-3">
          <TextField label="Name" value={volume.name} validate={volumeNameError} hint={users.length ? 'renaming renames its mounts' : undefined} onCommit={(v) => runFormOp({ op: 'renameVolume', workload, from: volume.name, to: v })} />
          <SelectField label="Type" value={src.type} options={TYPES} hint={TYPE_HINT[src.type]} onChange={(t) => setSource(defaultSource(t, volume.name))} />
          {src.type === 'emptyDir' && (
            <>
              <SelectField label="Medium" yamlKey="emptyDir.medium" value={src.medium ?? ''} options={MEDIUM} onChange={(m) => setSource({ type: 'emptyDir', medium: m === 'Memory' ? 'Memory' : '', ...(src.sizeLimit ? { sizeLimit: src.sizeLimit } : {}) })} />
              <TextField label="Size limit" yamlKey="emptyDir.sizeLimit" value={src.sizeLimit ?? ''} placeholder="e.g. 256Mi" validate={quantityError} onCommit={(s) => setSource({ type: 'emptyDir', ...(src.medium === 'Memory' ? { medium: 'Memory' as const } : {}), ...(s ? { sizeLimit: s } : {}) })} />
            </>
          )}
          {src.type === 'configMap' && <TextField label="ConfigMap name" yamlKey="configMap.name" value={src.name ?? ''} onCommit={(n) => setSource({ type: 'configMap', name: n })} />}
          {src.type === 'secret' && <TextField label="Secret name" yamlKey="secret.secretName" value={src.secretName ?? ''} onCommit={(n) => setSource({ type: 'secret', secretName: n })} />}
          {src.type === 'persistentVolumeClaim' && (
            <>
              <TextField label="Claim name" yamlKey="persistentVolumeClaim.claimName" value={src.claimName ?? ''} onCommit={(n) => setSource({ type: 'persistentVolumeClaim', claimName: n, readOnly: src.readOnly })} />
              <CheckboxField label="Read-only claim" yamlKey="persistentVolumeClaim.readOnly" checked={src.readOnly} onChange={(r) => setSource({ type: 'persistentVolumeClaim', claimName: src.claimName ?? volume.name, readOnly: r })} />
            </>
          )}
        </div>
      ) : (
        <div className="readonly-volume">
          <p className="hint">
            {volume.claimTemplate ? 'A StatefulSet volume claim template: each pod gets its own PersistentVolumeClaim. Edit it in the YAML.' : `A ${src.sourceType} volume: the form shows it as written; edit it in the YAML.`}
          </p>
          <pre className="yaml-snippet" tabIndex={0} aria-label={`YAML of volume ${volume.name}`}>{dedent(text.slice(volume.start, volume.end))}</pre>
        </div>
      )}
      {!volume.claimTemplate && (
        <div className="row-actions">
          <button
            type="button"
            className="btn btn-small btn-danger"
            onClick={() => void runFormOp({ op: 'removeVolume', workload, name: volume.name, removeMounts: true })}
            aria-label={`Remove volume ${volume.name}${users.length ? ' with its mounts' : ''}`}
          >
            Remove
          </button>
        </div>
      )}
    </fieldset>
  );
}

/** Text of a block that starts mid-line, with its common indentation removed. */
function dedent(s: string): string {
  const lines = s.replace(/\s+$/, '').split('\n');
  const indents = lines.slice(1).filter((l) => l.trim()).map((l) => l.length - l.trimStart().length);
  const cut = indents.length ? Math.min(...indents) : 0;
  return [lines[0] ?? '', ...lines.slice(1).map((l) => l.slice(Math.min(cut, l.length - l.trimStart().length)))].join('\n');
}

function AddVolume({ workload, existing }: { workload: number; existing: string[] }) {
  const id = useId();
  const [name, setName] = useState('');
  const [type, setType] = useState('emptyDir');
  const [ref, setRef] = useState('');
  const [sizeLimit, setSizeLimit] = useState('');
  const [error, setError] = useState<string | undefined>();
  const submit = async () => {
    const n = name.trim();
    const bad = volumeNameError(n) ?? (existing.includes(n) ? `The pod already has a volume named "${n}".` : undefined) ?? (type === 'emptyDir' ? quantityError(sizeLimit.trim()) : undefined);
    if (bad) {
      setError(bad);
      return;
    }
    setError(undefined);
    const r = ref.trim() || n;
    const source: VolumeSource = type === 'emptyDir' ? { type: 'emptyDir', ...(sizeLimit.trim() ? { sizeLimit: sizeLimit.trim() } : {}) } : defaultSource(type, r);
    if (await runFormOp({ op: 'addVolume', workload, name: n, source })) {
      setName('');
      setRef('');
      setSizeLimit('');
    }
  };
  const refLabel = type === 'configMap' ? 'ConfigMap name' : type === 'secret' ? 'Secret name' : 'Claim name';
  return (
    <form className="add-form" aria-labelledby={`${id}-title`} onSubmit={(e) => { e.preventDefault(); void submit(); }}>
      <h4 id={`${id}-title`} className="add-title">Add a volume</h4>
      <div className="grid-3">
        <div className="field">
          <label htmlFor={`${id}-name`}>Name</label>
          <input id={`${id}-name`} type="text" value={name} spellCheck={false} autoComplete="off" placeholder="e.g. cache" aria-invalid={error ? true : undefined} aria-describedby={error ? `${id}-error` : undefined} onChange={(e) => setName(e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor={`${id}-type`}>Type</label>
          <select id={`${id}-type`} value={type} onChange={(e) => setType(e.target.value)}>
            {TYPES.map((t) => <option key={t.value} value={t.value}>{t.label}</option>)}
          </select>
        </div>
        {type === 'emptyDir' ? (
          <div className="field">
            <label htmlFor={`${id}-size`}>Size limit</label>
            <input id={`${id}-size`} type="text" value={sizeLimit} placeholder="e.g. 256Mi" spellCheck={false} autoComplete="off" onChange={(e) => setSizeLimit(e.target.value)} />
          </div>
        ) : (
          <div className="field">
            <label htmlFor={`${id}-ref`}>{refLabel}</label>
            <input id={`${id}-ref`} type="text" value={ref} placeholder={name || 'same as the volume'} spellCheck={false} autoComplete="off" onChange={(e) => setRef(e.target.value)} />
          </div>
        )}
      </div>
      {error && <p className="field-error" id={`${id}-error`} role="alert">{error}</p>}
      <button type="submit" className="btn btn-secondary" disabled={!name.trim()}>Add volume</button>
    </form>
  );
}

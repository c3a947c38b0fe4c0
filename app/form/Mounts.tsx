import { useId, useState } from 'react';
import type { ContainerInfo, ContainerView, VolumeView } from '../../src/index.ts';
import { runFormOp } from '../actions.ts';
import { FindingNotes } from './FindingNote.tsx';
import { CheckboxField, SelectField, TextField } from './fields.tsx';
import type { Placed } from './FormPanel.tsx';

const pathError = (v: string) => (v.startsWith('/') ? undefined : 'A mount path must be absolute (start with /).');
const NEW_EMPTY_DIR = '\u0000new-empty-dir';

/** The selected container's volume mounts. */
export function Mounts({ workload, container, view, info, volumes, placed }: { workload: number; container: number; view: ContainerView; info: ContainerInfo | undefined; volumes: VolumeView[]; placed: Placed }) {
  const target = { workload, container };
  const sectionFindings = placed.filter((p) => p.place.at === 'mounts' && p.place.workload === workload && p.place.container === container).map((p) => p.finding);
  const names = volumes.map((v) => v.name);
  return (
    <section className="section" aria-labelledby="mounts-title">
      <h3 id="mounts-title" className="section-title">Volume mounts <span className="section-sub">of {view.name}</span></h3>
      <FindingNotes findings={sectionFindings} />
      {view.mounts.length === 0 && <p className="empty">No volume mounts: with a read-only root, this container cannot write anywhere.</p>}
      <ul className="rows">
        {view.mounts.map((m, i) => {
          const mi = info?.mounts[i];
          const findings = placed.filter((p) => p.place.at === 'mount' && p.place.workload === workload && p.place.container === container && p.place.mount === i).map((p) => p.finding);
          const state = !mi ? '' : mi.writable === true ? 'writable' : mi.writable === false ? 'read-only' : 'no such volume';
          const options = [...(names.includes(m.name) ? [] : [{ value: m.name, label: `${m.name} (missing)` }]), ...names.map((n) => ({ value: n, label: n }))];
          return (
            <li key={`${m.index}:${m.mountPath}`} className="row">
              <fieldset className="row-fields">
                <legend className="row-title">
                  Mount at <code>{m.mountPath || '(no path)'}</code>
                  {state && <span className={`pill pill-${state === 'writable' ? 'ok' : state === 'read-only' ? 'muted' : 'bad'}`}>{state}</span>}
                </legend>
                <FindingNotes findings={findings} />
                <div className="grid-3">
                  <SelectField label="Volume" yamlKey="name" value={m.name} options={options} onChange={(v) => runFormOp({ op: 'setMount', target, index: m.index, field: 'name', value: v })} />
                  <TextField label="Mount path" yamlKey="mountPath" value={m.mountPath} validate={pathError} onCommit={(v) => runFormOp({ op: 'setMount', target, index: m.index, field: 'mountPath', value: v })} />
                  <TextField label="Sub path" yamlKey="subPath" value={m.subPath ?? ''} placeholder="whole volume" onCommit={(v) => runFormOp({ op: 'setMount', target, index: m.index, field: 'subPath', value: v || null })} />
                </div>
                <div className="row-actions">
                  <CheckboxField label="Read-only mount" yamlKey="readOnly" checked={m.readOnly} onChange={(v) => runFormOp({ op: 'setMount', target, index: m.index, field: 'readOnly', value: v })} />
                  <button type="button" className="btn btn-small btn-danger" aria-label={`Remove mount at ${m.mountPath}`} onClick={() => void runFormOp({ op: 'removeMount', target, index: m.index })}>Remove</button>
                </div>
              </fieldset>
            </li>
          );
        })}
      </ul>
      <AddMount workload={workload} container={container} volumes={names} taken={view.mounts.map((m) => m.mountPath)} />
    </section>
  );
}

function AddMount({ workload, container, volumes, taken }: { workload: number; container: number; volumes: string[]; taken: string[] }) {
  const id = useId();
  const [volume, setVolume] = useState(NEW_EMPTY_DIR);
  const [path, setPath] = useState('');
  const [readOnly, setReadOnly] = useState(false);
  const [medium, setMedium] = useState('');
  const [sizeLimit, setSizeLimit] = useState('');
  const [error, setError] = useState<string | undefined>();
  const fresh = volume === NEW_EMPTY_DIR || !volumes.includes(volume);
  const submit = async () => {
    const p = path.trim();
    const bad = pathError(p) ?? (taken.includes(p) ? `This container already mounts something at ${p}.` : undefined);
    if (bad) {
      setError(bad);
      return;
    }
    setError(undefined);
    const target = { workload, container };
    const ok = fresh
      ? await runFormOp({ op: 'addEmptyDirMount', target, mountPath: p, ...(medium === 'Memory' ? { medium: 'Memory' as const } : {}), ...(sizeLimit.trim() ? { sizeLimit: sizeLimit.trim() } : {}) })
      : await runFormOp({ op: 'addMount', target, name: volume, mountPath: p, ...(readOnly ? { readOnly: true } : {}) });
    if (ok) {
      setPath('');
      setReadOnly(false);
      setSizeLimit('');
    }
  };
  return (
    <form className="add-form" aria-labelledby={`${id}-title`} onSubmit={(e) => { e.preventDefault(); void submit(); }}>
      <h4 id={`${id}-title`} className="add-title">Add a mount</h4>
      <div className="grid-3">
        <div className="field">
          <label htmlFor={`${id}-volume`}>Volume</label>
          <select id={`${id}-volume`} value={fresh ? NEW_EMPTY_DIR : volume} onChange={(e) => setVolume(e.target.value)}>
            <option value={NEW_EMPTY_DIR}>New emptyDir volume</option>
            {volumes.map((v) => <option key={v} value={v}>{v}</option>)}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-path`}>Mount path</label>
          <input id={`${id}-path`} type="text" value={path} placeholder="/tmp" spellCheck={false} autoComplete="off" aria-invalid={error ? true : undefined} aria-describedby={error ? `${id}-error` : undefined} onChange={(e) => setPath(e.target.value)} />
        </div>
        {fresh ? (
          <>
            <div className="field">
              <label htmlFor={`${id}-medium`}>Medium</label>
              <select id={`${id}-medium`} value={medium} onChange={(e) => setMedium(e.target.value)}>
                <option value="">Disk (default)</option>
                <option value="Memory">Memory (tmpfs)</option>
              </select>
            </div>
            <div className="field">
              <label htmlFor={`${id}-size`}>Size limit</label>
              <input id={`${id}-size`} type="text" value={sizeLimit} placeholder="e.g. 256Mi" spellCheck={false} autoComplete="off" onChange={(e) => setSizeLimit(e.target.value)} />
            </div>
          </>
        ) : (
          <div className="field field-check">
            <input id={`${id}-ro`} type="checkbox" checked={readOnly} onChange={(e) => setReadOnly(e.target.checked)} />
            <div className="field-body"><label htmlFor={`${id}-ro`}>Mount read-only</label></div>
          </div>
        )}
      </div>
      {error && <p className="field-error" id={`${id}-error`} role="alert">{error}</p>}
      <button type="submit" className="btn btn-secondary" disabled={!path.trim()}>{fresh ? 'Add emptyDir and mount' : 'Add mount'}</button>
    </form>
  );
}

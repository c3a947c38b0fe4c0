import { useEffect, useId, useState } from 'react';
import type { AddContainerOptions, ContainerRole, DraftNote } from '../../src/index.ts';
import { addContainerToWorkload } from '../actions.ts';
import { engine } from '../engine/instance.ts';
import { useModalDialog } from '../lib/dialog.ts';
import { useStore } from '../store/index.ts';
import { countNotes, DraftNotes } from './DraftNotes.tsx';
import { ImageCombobox, nameFromImage } from './ImageCombobox.tsx';

const ROLES: Array<{ value: ContainerRole; label: string; hint: string }> = [
  { value: 'app', label: 'App container', hint: 'runs beside the others for the life of the pod' },
  { value: 'init', label: 'Init container', hint: 'runs to completion before the app containers start' },
  { value: 'sidecar', label: 'Native sidecar', hint: 'an init container with restartPolicy: Always: starts first and keeps running' },
];

/** "Add container…" in the form: a hardened container for an image, added to the selected workload. */
export function AddContainerDialog() {
  const open = useStore((s) => s.addContainerOpen);
  const setOpen = useStore((s) => s.setAddContainerOpen);
  // start in the image field, not on the close button
  const ref = useModalDialog(open, { autofocus: true });
  return (
    <dialog ref={ref} className="dialog dialog-wide" aria-labelledby="add-container-title" onClose={() => setOpen(false)}>
      <div className="dialog-head">
        <h2 id="add-container-title">Add a container</h2>
        <button type="button" className="icon-button" aria-label="Close add a container" onClick={() => setOpen(false)}>×</button>
      </div>
      {open && <AddContainerForm onDone={() => setOpen(false)} />}
    </dialog>
  );
}

function AddContainerForm({ onDone }: { onDone: () => void }) {
  const id = useId();
  const current = useStore((s) => s.current);
  const selection = useStore((s) => s.selection);
  const workloads = current?.view.workloads ?? [];
  const wi = Math.min(selection.workload, Math.max(0, workloads.length - 1));
  const w = workloads[wi];
  const [role, setRole] = useState<ContainerRole>('sidecar');
  const [image, setImage] = useState('');
  const [nameInput, setNameInput] = useState<string | null>(null);
  const [share, setShare] = useState('');
  const [mountPath, setMountPath] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  const [preview, setPreview] = useState<{ key: string; notes: DraftNote[] } | null>(null);
  const name = nameInput ?? nameFromImage(image);
  const pathError = share && mountPath.trim() && !mountPath.trim().startsWith('/') ? 'A mount path must be absolute (start with /).' : undefined;
  const options: AddContainerOptions = { workload: wi, role, image: image.trim(), name: name.trim(), ...(share && mountPath.trim() ? { shareVolume: { name: share, mountPath: mountPath.trim() } } : {}) };
  const key = JSON.stringify(options);
  const text = current?.text ?? '';
  const version = current?.version ?? 0;

  // what the engine has to say about the container, before it is added
  useEffect(() => {
    if (!image.trim() || !text) {
      setPreview(null);
      return;
    }
    let live = true;
    const t = setTimeout(() => {
      engine()
        .addContainer(text, version, JSON.parse(key) as AddContainerOptions)
        .then((r) => live && setPreview({ key, notes: r.notes }))
        .catch(() => undefined);
    }, 200);
    return () => {
      live = false;
      clearTimeout(t);
    };
  }, [key, image, text, version]);

  if (!w) return <p className="empty">There is no workload to add a container to: draft one with “New…” first.</p>;

  const submit = async () => {
    if (!image.trim()) {
      setError('Name an image for the container.');
      return;
    }
    if (share && !mountPath.trim()) {
      setError(`Say where to mount the volume "${share}" in the new container (a path such as /shared).`);
      return;
    }
    if (pathError) return;
    setError(undefined);
    setBusy(true);
    try {
      if (await addContainerToWorkload(options)) onDone();
    } catch (err) {
      setError(`rootlock could not add it: ${String((err as Error)?.message ?? err)}`);
    } finally {
      setBusy(false);
    }
  };
  const shown = preview?.notes;
  const fresh = preview?.key === key;

  return (
    <form
      className="draft-form"
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <p className="dialog-lead">
        To {w.kind} <code>{w.name}</code>: a container with a read-only root, the restricted security settings, and a volume for each path rootlock knows the
        image writes.
      </p>
      <fieldset className="field-list role-choice">
        <legend>Container type</legend>
        {ROLES.map((r) => (
          <label key={r.value} className="radio">
            <input type="radio" name={`${id}-role`} value={r.value} checked={role === r.value} onChange={() => setRole(r.value)} />
            <span>
              <strong>{r.label}</strong> <span className="hint">{r.hint}</span>
            </span>
          </label>
        ))}
      </fieldset>
      <div className="grid-2">
        <div className="field field-wide">
          <label htmlFor={`${id}-image`}>Image</label>
          <ImageCombobox id={`${id}-image`} value={image} onChange={setImage} autoFocus invalid={!!error && !image.trim()} describedBy={error ? `${id}-error` : undefined} />
        </div>
        <div className="field">
          <label htmlFor={`${id}-name`}>Name</label>
          <input id={`${id}-name`} type="text" value={name} placeholder="from the image" spellCheck={false} autoComplete="off" onChange={(e) => setNameInput(e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor={`${id}-share`}>Share a volume</label>
          <select id={`${id}-share`} value={share} onChange={(e) => setShare(e.target.value)} aria-describedby={`${id}-share-hint`}>
            <option value="">None</option>
            {w.volumes.map((v) => <option key={v.name} value={v.name}>{v.name}</option>)}
          </select>
          <span className="hint" id={`${id}-share-hint`}>an existing volume of the pod, mounted in the new container too</span>
        </div>
        {share && (
          <div className="field">
            <label htmlFor={`${id}-path`}>Mount path of the shared volume</label>
            <input id={`${id}-path`} type="text" value={mountPath} placeholder="/shared" spellCheck={false} autoComplete="off" aria-invalid={pathError ? true : undefined} aria-describedby={pathError ? `${id}-path-error` : undefined} onChange={(e) => setMountPath(e.target.value)} />
            {pathError && <span className="field-error" id={`${id}-path-error`}>{pathError}</span>}
          </div>
        )}
      </div>
      {error && <p className="field-error" id={`${id}-error`} role="alert">{error}</p>}
      <div className="draft-preview">
        <p className="draft-status" role="status">{!image.trim() ? 'Name an image to see what rootlock adds.' : !shown || !fresh ? 'Preparing…' : `The container: ${countNotes(shown)}.`}</p>
        {shown && image.trim() && <div className={fresh ? undefined : 'stale'}><DraftNotes notes={shown} label="Notes on the container" /></div>}
      </div>
      <div className="dialog-actions">
        <button type="button" className="btn btn-secondary" onClick={onDone}>Cancel</button>
        <button type="submit" className="btn" disabled={!image.trim() || busy}>Add container</button>
      </div>
    </form>
  );
}

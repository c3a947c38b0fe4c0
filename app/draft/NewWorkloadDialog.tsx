import { useEffect, useId, useState } from 'react';
import type { DraftKind, DraftOptions, DraftResult } from '../../src/index.ts';
import { insertDraft, isEmptyText } from '../actions.ts';
import { engine } from '../engine/instance.ts';
import { useModalDialog } from '../lib/dialog.ts';
import { useStore } from '../store/index.ts';
import { countNotes, DraftNotes } from './DraftNotes.tsx';
import { ImageCombobox, nameFromImage } from './ImageCombobox.tsx';
import './draft.css';

// the engine's DRAFT_KINDS, named here so the page does not load the engine for six words
const KINDS = ['Deployment', 'StatefulSet', 'DaemonSet', 'Job', 'CronJob', 'Pod'] as const satisfies readonly DraftKind[];

const KIND_HINT: Record<DraftKind, string> = {
  Deployment: 'replicas of a stateless service',
  StatefulSet: 'a database or anything that keeps data per pod',
  DaemonSet: 'one pod on every node',
  Job: 'runs to completion once',
  CronJob: 'runs to completion on a schedule',
  Pod: 'a single pod, for trying things out',
};

const NAME = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;

/** "New…": a hardened, read-only workload drafted from an image name. */
export function NewWorkloadDialog() {
  const open = useStore((s) => s.newOpen);
  const setOpen = useStore((s) => s.setNewOpen);
  // start in the image field, not on the close button
  const ref = useModalDialog(open, { autofocus: true });
  return (
    <dialog ref={ref} className="dialog dialog-wide" aria-labelledby="new-title" onClose={() => setOpen(false)}>
      <div className="dialog-head">
        <h2 id="new-title">New workload</h2>
        <button type="button" className="icon-button" aria-label="Close new workload" onClick={() => setOpen(false)}>×</button>
      </div>
      {open && <NewWorkloadForm onDone={() => setOpen(false)} />}
    </dialog>
  );
}

function NewWorkloadForm({ onDone }: { onDone: () => void }) {
  const id = useId();
  const text = useStore((s) => s.text);
  const empty = isEmptyText(text);
  const [image, setImage] = useState('');
  const [kind, setKind] = useState<DraftKind>('Deployment');
  const [nameInput, setNameInput] = useState<string | null>(null);
  const [namespace, setNamespace] = useState('');
  const [port, setPort] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [preview, setPreview] = useState<{ key: string; result: DraftResult } | null>(null);
  const [busy, setBusy] = useState(false);
  const name = nameInput ?? nameFromImage(image);
  const portNumber = port.trim() === '' ? undefined : Number(port.trim());
  const portError = portNumber !== undefined && !(Number.isInteger(portNumber) && portNumber >= 1 && portNumber <= 65535) ? 'A port is a whole number from 1 to 65535.' : undefined;
  const nameError = name && !NAME.test(name) ? 'Use lower-case letters, digits and "-", starting and ending with a letter or digit.' : undefined;
  const options: DraftOptions = { image: image.trim(), kind, name: name.trim(), ...(namespace.trim() ? { namespace: namespace.trim() } : {}), ...(portNumber !== undefined && !portError ? { port: portNumber } : {}) };
  const key = JSON.stringify(options);

  // the draft and its notes, as the user types (shown before anything is inserted)
  useEffect(() => {
    if (!image.trim()) {
      setPreview(null);
      return;
    }
    let live = true;
    const t = setTimeout(() => {
      engine()
        .draft(JSON.parse(key) as DraftOptions)
        .then((result) => live && setPreview({ key, result }))
        .catch((err: unknown) => live && setError(String((err as Error)?.message ?? err)));
    }, 150);
    return () => {
      live = false;
      clearTimeout(t);
    };
  }, [key, image]);

  const submit = async (mode: 'replace' | 'append') => {
    if (!image.trim()) {
      setError('Name an image: any image works; rootlock knows what the ones it suggests write.');
      return;
    }
    if (portError || nameError) return;
    setError(undefined);
    setBusy(true);
    try {
      const result = preview?.key === key ? preview.result : await engine().draft(options);
      insertDraft(result.text, mode, { kind, name: name || 'app' });
      onDone();
    } catch (err) {
      setError(`rootlock could not draft it: ${String((err as Error)?.message ?? err)}`);
    } finally {
      setBusy(false);
    }
  };

  // the previous draft stays on show (dimmed) while the new one is computed
  const shown = preview?.result;
  const fresh = preview?.key === key;
  const warnings = shown?.notes.filter((n) => n.level === 'warning').length ?? 0;

  return (
    <form
      className="draft-form"
      onSubmit={(e) => {
        e.preventDefault();
        void submit(empty ? 'replace' : 'append');
      }}
    >
      <p className="dialog-lead">
        Start from an image: rootlock drafts a {kind} with a read-only root filesystem, the restricted security settings, and a volume for every path it
        knows the image writes — each with a comment saying why.
      </p>
      <div className="grid-2">
        <div className="field field-wide">
          <label htmlFor={`${id}-image`}>Image</label>
          <ImageCombobox id={`${id}-image`} value={image} onChange={setImage} autoFocus invalid={!!error && !image.trim()} describedBy={`${id}-image-hint${error ? ` ${id}-error` : ''}`} />
          <span className="hint" id={`${id}-image-hint`}>Suggestions are the images rootlock knows; any other image works too.</span>
        </div>
        <div className="field">
          <label htmlFor={`${id}-kind`}>Kind</label>
          <select id={`${id}-kind`} value={kind} onChange={(e) => setKind(e.target.value as DraftKind)} aria-describedby={`${id}-kind-hint`}>
            {KINDS.map((k) => <option key={k} value={k}>{k}</option>)}
          </select>
          <span className="hint" id={`${id}-kind-hint`}>{KIND_HINT[kind]}</span>
        </div>
        <div className="field">
          <label htmlFor={`${id}-name`}>Name</label>
          <input id={`${id}-name`} type="text" value={name} placeholder="from the image" spellCheck={false} autoComplete="off" aria-invalid={nameError ? true : undefined} aria-describedby={nameError ? `${id}-name-error` : undefined} onChange={(e) => setNameInput(e.target.value)} />
          {nameError && <span className="field-error" id={`${id}-name-error`}>{nameError}</span>}
        </div>
        <div className="field">
          <label htmlFor={`${id}-ns`}>Namespace</label>
          <input id={`${id}-ns`} type="text" value={namespace} placeholder="the current one" spellCheck={false} autoComplete="off" onChange={(e) => setNamespace(e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor={`${id}-port`}>Container port</label>
          <input id={`${id}-port`} type="text" inputMode="numeric" value={port} placeholder="none" spellCheck={false} autoComplete="off" aria-invalid={portError ? true : undefined} aria-describedby={portError ? `${id}-port-error` : undefined} onChange={(e) => setPort(e.target.value)} />
          {portError && <span className="field-error" id={`${id}-port-error`}>{portError}</span>}
        </div>
      </div>
      {error && <p className="field-error" id={`${id}-error`} role="alert">{error}</p>}

      <div className="draft-preview" aria-busy={!fresh || undefined}>
        <p className="draft-status" role="status">
          {!image.trim() ? 'Name an image to see the draft.' : !shown || !fresh ? 'Drafting…' : `The draft: ${countNotes(shown.notes)}${warnings ? ' — read the warnings before you apply it' : ''}.`}
        </p>
        {shown && image.trim() && <div className={fresh ? undefined : 'stale'}><DraftNotes notes={shown.notes} label="Notes on the draft" /></div>}
        {shown && image.trim() && (
          <details className="why">
            <summary>Show the manifest</summary>
            <pre className="yaml-snippet draft-yaml" tabIndex={0} aria-label="The drafted manifest">{shown.text}</pre>
          </details>
        )}
      </div>

      {!empty && (
        <p className="hint">
          The editor already holds a manifest: append the draft after it as a new YAML document (<code>---</code>), or replace it. Either way, Ctrl+Z
          in the editor undoes it.
        </p>
      )}
      <div className="dialog-actions">
        <button type="button" className="btn btn-secondary" onClick={onDone}>Cancel</button>
        {empty ? (
          <button type="submit" className="btn" disabled={!image.trim() || busy}>Insert</button>
        ) : (
          <>
            <button type="button" className="btn btn-secondary" disabled={!image.trim() || busy} onClick={() => void submit('replace')}>Replace the manifest</button>
            <button type="submit" className="btn" disabled={!image.trim() || busy}>Append as a new document</button>
          </>
        )}
      </div>
    </form>
  );
}

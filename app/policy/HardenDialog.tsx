import { lazy, Suspense, useEffect, useId, useState } from 'react';
import { applyEdits, editorText } from '../editor/bridge.ts';
import { exportEngine } from '../export/client.ts';
import { Modal } from '../export/Modal.tsx';
import type { HardenBuild } from '../export/protocol.ts';
import { useStore } from '../store/index.ts';
import '../export/export.css';
import './policy.css';

const DiffView = lazy(() => import('../editor/DiffView.tsx'));

/** The text the preview was computed for: applying is refused if the editor moved on meanwhile. */
interface Snapshot {
  text: string;
  version: number;
  /** The Pod Security Standards version the Policy tab evaluates at. */
  pssVersion: string;
}

/**
 * "Harden to restricted + read-only root", shown as a diff before anything changes: the editor's
 * text against the text with every restricted hardening fix and every read-only fix of the
 * workload (or of all workloads) applied. Apply makes it one undoable edit.
 */
export default function HardenDialog() {
  const target = useStore((s) => s.harden);
  const setHarden = useStore((s) => s.setHarden);
  const workloads = useStore((s) => s.current?.analysis.workloads ?? []);
  const [doc] = useState<Snapshot>(() => ({ text: editorText(), version: useStore.getState().version, pssVersion: useStore.getState().pssVersion }));
  const [result, setResult] = useState<HardenBuild | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const titleId = useId();
  const descId = useId();
  const workload = target?.workload ?? null;
  const w = workload === null ? undefined : workloads[workload];
  const what = w ? `${w.kind} ${w.name}` : 'every workload';

  useEffect(() => {
    let live = true;
    exportEngine()
      .harden(doc.text, workload, doc.pssVersion)
      .then((r) => live && setResult(r))
      .catch((err: unknown) => live && setFailure(String((err as Error)?.message ?? err)));
    return () => {
      live = false;
    };
  }, [doc, workload]);

  const close = () => setHarden(null);
  const apply = () => {
    if (!result) return;
    const s = useStore.getState();
    if (s.version !== doc.version) {
      setFailure('The text changed since this preview was made; nothing was applied. Close and open Harden again.');
      return;
    }
    applyEdits(result.edits, 'rootlock.harden');
    close();
    s.notify(`Hardened ${what}: ${result.applied.length} ${result.applied.length === 1 ? 'fix' : 'fixes'} applied. Ctrl+Z in the editor undoes them.`);
  };
  const unchanged = result !== null && result.text === doc.text;

  return (
    <Modal open onClose={close} labelledBy={titleId} describedBy={descId} className="dialog-export dialog-harden">
      <div className="dialog-head export-head">
        <h2 id={titleId}>Harden {what}</h2>
        <button type="button" className="icon-button" aria-label="Close harden" onClick={close}>×</button>
      </div>
      <p id={descId} className="hint harden-intro">
        To the restricted Pod Security Standard (no privilege escalation, non-root with a non-zero user where the image needs one, all
        capabilities dropped, the RuntimeDefault seccomp profile) and a read-only root with a volume for every path the containers write.
        Nothing changes until you apply.
      </p>
      {failure && <p className="note sev-error export-failure" role="alert">{failure}</p>}
      {result?.refused && <p className="note sev-error export-failure" role="alert">Hardening stopped early: {result.refused}</p>}
      <div className="harden-body" aria-busy={!result && !failure}>
        <section className="harden-fixes" aria-labelledby={`${titleId}-fixes`} tabIndex={0}>
          <h3 id={`${titleId}-fixes`} className="export-section-title">Changes</h3>
          {!result ? (
            <p className="empty">Hardening…</p>
          ) : unchanged ? (
            <p className="empty">Nothing to change: {what} already meets restricted with read-only roots.</p>
          ) : (
            <ol className="harden-list" aria-label="Fixes Harden applies">
              {result.applied.map((t, i) => <li key={i}>{t}</li>)}
            </ol>
          )}
        </section>
        <section className="export-diff" aria-labelledby={`${titleId}-diff`}>
          <h3 id={`${titleId}-diff`} className="export-section-title">
            Current text <span className="diff-arrow" aria-hidden="true"> → </span>
            <span className="visually-hidden"> compared with the </span>
            hardened text
          </h3>
          <div className="export-diff-box">
            <Suspense fallback={<p className="empty">Loading the comparison…</p>}>
              {result ? <DiffView original={doc.text} modified={result.text} originalLabel="Current manifest" modifiedLabel="Hardened manifest" /> : <p className="empty">Hardening…</p>}
            </Suspense>
          </div>
        </section>
      </div>
      <div className="dialog-actions">
        <button type="button" className="btn btn-secondary" onClick={close}>Cancel</button>
        <button type="button" className="btn" disabled={!result || unchanged || !!result.refused} onClick={apply}>Apply the changes</button>
      </div>
    </Modal>
  );
}

import { lazy, Suspense, useEffect, useId, useMemo, useRef, useState } from 'react';
import type { KeyboardEvent, ReactNode } from 'react';
import type { FixChoice } from '../../src/index.ts';
import { editorText } from '../editor/bridge.ts';
import { tabKeyTarget } from '../lib/dialog.ts';
import { copyShortcut, copyText } from '../share/clipboard.ts';
import { useStore } from '../store/index.ts';
import { exportEngine } from './client.ts';
import { download, JSON_TYPE, manifestFileName, MARKDOWN_TYPE, slug, stem, YAML_TYPE, ZIP_TYPE } from './download.ts';
import { Modal } from './Modal.tsx';
import type { ExportBuild } from './protocol.ts';
import './export.css';

const DiffView = lazy(() => import('../editor/DiffView.tsx'));

type Format = 'manifest' | 'kustomize' | 'jsonpatch' | 'report';
const FORMATS: Array<{ id: Format; label: string }> = [
  { id: 'manifest', label: 'Corrected manifest' },
  { id: 'kustomize', label: 'Kustomize overlay' },
  { id: 'jsonpatch', label: 'JSON Patch' },
  { id: 'report', label: 'Review report' },
];

/** The document as it was when the dialog opened: the dialog is modal, so it cannot change meanwhile. */
interface Snapshot {
  text: string;
  baseline: string;
  fileName: string;
}

/** What Copy and Download need: a live message, and the read-only field shown when the clipboard refuses. */
interface Output {
  copy: (text: string, label: string) => void;
  save: (name: string, data: string | Uint8Array, type: string, what?: string) => void;
  zip: (name: string, entries: Array<{ path: string; content: string }>) => void;
}

/**
 * Export: the original text (as opened, pasted or shared) against the corrected one in Monaco's
 * diff editor; the fixes "Fix all" would apply, each switchable; and the formats, each with Copy
 * and Download: the corrected manifest (split back into its files when several were opened), a
 * kustomize overlay, RFC 6902 JSON Patches, a Markdown review report. Everything is computed in
 * the export worker.
 */
export default function ExportDialog() {
  const setOpen = useStore((s) => s.setExportOpen);
  const [doc] = useState<Snapshot>(() => {
    const s = useStore.getState();
    const text = editorText();
    return { text, baseline: s.baseline || text, fileName: s.fileName };
  });
  const [fixes, setFixes] = useState<FixChoice[] | null>(null);
  const [on, setOn] = useState<ReadonlySet<string>>(new Set());
  const [build, setBuild] = useState<ExportBuild | null>(null);
  const [busy, setBusy] = useState(true);
  const [failure, setFailure] = useState<string | null>(null);
  const [format, setFormat] = useState<Format>('manifest');
  const [status, setStatus] = useState('');
  const [fallback, setFallback] = useState<{ label: string; text: string } | null>(null);
  const titleId = useId();
  const ids = useId();
  const buildSeq = useRef(0);

  useEffect(() => {
    let live = true;
    exportEngine()
      .fixes(doc.text)
      .then((list) => {
        if (!live) return;
        setFixes(list);
        setOn(new Set(list.map((f) => f.id)));
      })
      .catch((err: unknown) => live && setFailure(String((err as Error)?.message ?? err)));
    return () => {
      live = false;
    };
  }, [doc]);

  useEffect(() => {
    if (!fixes) return;
    const seq = ++buildSeq.current;
    const chosen = fixes.filter((f) => on.has(f.id)).map((f) => f.id);
    setBusy(true);
    exportEngine()
      .build(doc.baseline, doc.text, chosen, doc.fileName)
      .then((b) => {
        if (seq !== buildSeq.current) return;
        setBuild(b);
        setBusy(false);
      })
      .catch((err: unknown) => {
        if (seq !== buildSeq.current) return;
        setFailure(String((err as Error)?.message ?? err));
        setBusy(false);
      });
  }, [fixes, on, doc]);

  const out: Output = {
    copy: (text, label) => {
      void copyText(text).then((ok) => {
        if (ok) {
          setFallback(null);
          setStatus(`Copied ${label} to the clipboard.`);
        } else {
          setStatus('');
          setFallback({ label, text });
        }
      });
    },
    save: (name, data, type, what) => {
      download(name, data, type);
      if (what === 'manifest') useStore.getState().markExported();
      setStatus(`Downloaded ${name}.`);
    },
    zip: (name, entries) => {
      exportEngine()
        .zip(entries)
        .then((bytes) => {
          download(name, bytes, ZIP_TYPE);
          setStatus(`Downloaded ${name} (${entries.length} ${entries.length === 1 ? 'file' : 'files'}).`);
        })
        .catch((err: unknown) => setStatus(`Could not make ${name}: ${String((err as Error)?.message ?? err)}`));
    },
  };

  const skipped = new Set(build?.skipped ?? []);

  return (
    <Modal open onClose={() => setOpen(false)} labelledBy={titleId} className="dialog-export">
      <div className="dialog-head export-head">
        <h2 id={titleId}>
          Export <span className="export-file">{doc.fileName}</span>
        </h2>
        <p className="export-status" aria-live="polite">{status}</p>
        <button type="button" className="icon-button" aria-label="Close export" onClick={() => setOpen(false)}>×</button>
      </div>
      {failure && <p className="note sev-error export-failure" role="alert">The export could not be prepared: {failure}</p>}
      <div className="export-body" aria-busy={busy}>
        <section className="export-fixes" aria-labelledby={`${ids}-fixes`}>
          <h3 id={`${ids}-fixes`} className="export-section-title">Fixes</h3>
          <FixList fixes={fixes} on={on} skipped={skipped} setOn={setOn} idBase={ids} />
          {doc.baseline !== doc.text && (
            <p className="hint">The comparison also shows the changes already made in the editor since the manifest was opened.</p>
          )}
        </section>
        <section className="export-diff" aria-labelledby={`${ids}-diff`}>
          <h3 id={`${ids}-diff`} className="export-section-title">
            Original <span className="section-sub">as opened, pasted or shared</span>
            <span className="diff-arrow" aria-hidden="true"> → </span>
            <span className="visually-hidden"> compared with the </span>
            Corrected <span className="section-sub">with the fixes switched on</span>
          </h3>
          <div className="export-diff-box">
            <Suspense fallback={<p className="empty">Loading the comparison…</p>}>
              {build ? (
                <DiffView original={doc.baseline} modified={build.corrected} originalLabel="Original manifest" modifiedLabel="Corrected manifest" />
              ) : (
                <p className="empty">Applying the fixes…</p>
              )}
            </Suspense>
          </div>
        </section>
        <section className="export-formats" aria-labelledby={`${ids}-formats`}>
          <h3 id={`${ids}-formats`} className="visually-hidden">Formats</h3>
          <FormatTabs format={format} setFormat={setFormat} idBase={ids} />
          <div role="tabpanel" id={`${ids}-panel-${format}`} aria-labelledby={`${ids}-tab-${format}`} className="format-panel" tabIndex={0}>
            {fallback && <CopyFallback label={fallback.label} text={fallback.text} onClose={() => setFallback(null)} />}
            {!build ? (
              <p className="empty">Preparing the exports…</p>
            ) : format === 'manifest' ? (
              <ManifestFormat build={build} doc={doc} fixes={fixes ?? []} out={out} />
            ) : format === 'kustomize' ? (
              <KustomizeFormat build={build} doc={doc} out={out} />
            ) : format === 'jsonpatch' ? (
              <JsonPatchFormat build={build} doc={doc} out={out} />
            ) : (
              <ReportFormat build={build} doc={doc} out={out} />
            )}
          </div>
        </section>
      </div>
    </Modal>
  );
}

function FixList({ fixes, on, skipped, setOn, idBase }: { fixes: FixChoice[] | null; on: ReadonlySet<string>; skipped: ReadonlySet<string>; setOn: (s: ReadonlySet<string>) => void; idBase: string }) {
  if (!fixes) return <p className="empty">Finding the fixes…</p>;
  if (!fixes.length) return <p className="empty">Nothing left to fix: “Fix all” would not change the editor’s text.</p>;
  const toggle = (id: string, checked: boolean) => {
    const next = new Set(on);
    if (checked) next.add(id);
    else next.delete(id);
    setOn(next);
  };
  return (
    <>
      <div className="fix-toolbar">
        <p className="hint">
          {on.size} of {fixes.length} switched on. A fix switched off is left out of every format.
        </p>
        <div className="fix-toolbar-buttons">
          <button type="button" className="btn btn-small btn-secondary" disabled={on.size === fixes.length} onClick={() => setOn(new Set(fixes.map((f) => f.id)))}>All on</button>
          <button type="button" className="btn btn-small btn-secondary" disabled={on.size === 0} onClick={() => setOn(new Set())}>All off</button>
        </div>
      </div>
      <ul className="fix-list" aria-label="Fixes to apply">
        {fixes.map((f, i) => {
          const id = `${idBase}-fix-${i}`;
          const waits = on.has(f.id) && skipped.has(f.id);
          return (
            <li key={f.id} className={`fix-choice${on.has(f.id) ? '' : ' off'}`}>
              <input id={id} type="checkbox" checked={on.has(f.id)} aria-describedby={`${id}-desc`} onChange={(e) => toggle(f.id, e.target.checked)} />
              <div className="fix-choice-body">
                <label htmlFor={id} className="fix-choice-title">
                  {f.title}
                  <span className="visually-hidden">
                    {' '}— {f.workload.kind} {f.workload.name}
                    {f.container !== undefined ? `, container ${f.container}` : ''}
                  </span>
                </label>
                <p id={`${id}-desc`} className="fix-choice-desc">
                  <span className="fix-where">
                    {f.workload.kind} {f.workload.name}
                    {f.container !== undefined ? ` · ${f.container}` : ''} · line {f.line}
                  </span>
                  <span className={`pill pill-${f.applicability}`}>{f.applicability}</span>
                  <span className="fix-message">{f.message}</span>
                  {waits && <span className="fix-waits">Not applied: it builds on a fix that is switched off.</span>}
                </p>
              </div>
            </li>
          );
        })}
      </ul>
    </>
  );
}

function FormatTabs({ format, setFormat, idBase }: { format: Format; setFormat: (f: Format) => void; idBase: string }) {
  const refs = useRef<Partial<Record<Format, HTMLButtonElement | null>>>({});
  const onKey = (e: KeyboardEvent) => {
    const i = FORMATS.findIndex((t) => t.id === format);
    const n = FORMATS.length;
    const next = tabKeyTarget(e.key, i, n);
    if (next < 0) return;
    e.preventDefault();
    const t = FORMATS[next]!.id;
    setFormat(t);
    refs.current[t]?.focus();
  };
  return (
    <div role="tablist" aria-label="Export format" className="tabs format-tabs" onKeyDown={onKey}>
      {FORMATS.map((t) => (
        <button
          key={t.id}
          ref={(el) => {
            refs.current[t.id] = el;
          }}
          type="button"
          role="tab"
          id={`${idBase}-tab-${t.id}`}
          aria-selected={format === t.id}
          aria-controls={`${idBase}-panel-${t.id}`}
          tabIndex={format === t.id ? 0 : -1}
          className="tab"
          onClick={() => setFormat(t.id)}
        >
          {t.label}
        </button>
      ))}
    </div>
  );
}

/** Where the clipboard refused: the text in a read-only field, selected, for Ctrl+C. */
function CopyFallback({ label, text, onClose }: { label: string; text: string; onClose: () => void }) {
  const ref = useRef<HTMLTextAreaElement>(null);
  const id = useId();
  useEffect(() => {
    ref.current?.focus();
    ref.current?.select();
  }, [text]);
  return (
    <div className="copy-fallback">
      <label htmlFor={id}>
        rootlock may not use the clipboard here. {label} is selected below: press {copyShortcut()} to copy it.
      </label>
      <textarea id={id} ref={ref} readOnly value={text} rows={6} spellCheck={false} onFocus={(e) => e.currentTarget.select()} />
      <button type="button" className="btn btn-small btn-secondary" onClick={onClose}>Done</button>
    </div>
  );
}

function Actions({ children, description }: { children: ReactNode; description: ReactNode }) {
  return (
    <div className="format-head">
      <p className="format-desc">{description}</p>
      <div className="format-actions">{children}</div>
    </div>
  );
}

function Preview({ label, text }: { label: string; text: string }) {
  return (
    <pre className="preview" tabIndex={0} role="region" aria-label={label}>
      {text}
    </pre>
  );
}

function FileBlock({ name, text, out, type, children }: { name: string; text: string; out: Output; type: string; children?: ReactNode }) {
  return (
    <section className="file-block" aria-label={name}>
      <div className="file-block-head">
        <h4 className="file-name">{name}</h4>
        {children}
        <div className="format-actions">
          <button type="button" className="btn btn-small btn-secondary" aria-label={`Copy ${name}`} onClick={() => out.copy(text, name)}>Copy</button>
          <button type="button" className="btn btn-small btn-secondary" aria-label={`Download ${name}`} onClick={() => out.save(name.replace(/^.*\//, ''), text, type)}>Download</button>
        </div>
      </div>
      <Preview label={`${name} (preview)`} text={text} />
    </section>
  );
}

function Problems({ build }: { build: ExportBuild }) {
  if (!build.refused && !build.skipped.length) return null;
  return (
    <ul className="notes">
      {build.refused && <li className="note sev-error"><span className="note-text">rootlock stopped applying fixes: {build.refused}.</span></li>}
      {build.skipped.length > 0 && (
        <li className="note sev-warning">
          <span className="note-text">
            {build.skipped.length} switched-on {build.skipped.length === 1 ? 'fix was' : 'fixes were'} not applied: each builds on a fix that is switched off.
          </span>
        </li>
      )}
    </ul>
  );
}

function ManifestFormat({ build, doc, fixes, out }: { build: ExportBuild; doc: Snapshot; fixes: FixChoice[]; out: Output }) {
  const applied = build.applied.length;
  const what = `${applied} of ${fixes.length} ${fixes.length === 1 ? 'fix' : 'fixes'} applied`;
  if (build.files) {
    const files = build.files;
    return (
      <>
        <Actions
          description={
            <>
              {files.length} files, split back at their <code># rootlock: file</code> lines; {what}. Outside the fixed spots every byte
              is as in the editor.
            </>
          }
        >
          <button type="button" className="btn btn-small btn-secondary" aria-label="Copy all files as one text" onClick={() => out.copy(build.corrected, 'all files as one text')}>Copy all</button>
          <button type="button" className="btn btn-small" onClick={() => out.zip('corrected-manifests.zip', files.map((f) => ({ path: f.name, content: f.text })))}>
            Download {files.length} files (.zip)
          </button>
        </Actions>
        <Problems build={build} />
        {files.map((f) => (
          <FileBlock key={f.name} name={f.name} text={f.text} out={out} type={/\.json$/i.test(f.name) ? JSON_TYPE : YAML_TYPE} />
        ))}
      </>
    );
  }
  const name = manifestFileName(doc.fileName);
  return (
    <>
      <Actions description={<>The editor’s text with {what}: outside the fixed spots every byte is as in the editor (comments, order, quoting).</>}>
        <button type="button" className="btn btn-small btn-secondary" aria-label="Copy the corrected manifest" onClick={() => out.copy(build.corrected, 'the corrected manifest')}>Copy</button>
        <button type="button" className="btn btn-small" onClick={() => out.save(name, build.corrected, /\.json$/i.test(name) ? JSON_TYPE : YAML_TYPE, 'manifest')}>Download {name}</button>
      </Actions>
      <Problems build={build} />
      <Preview label="Corrected manifest (preview)" text={build.corrected} />
    </>
  );
}

function KustomizeFormat({ build, doc, out }: { build: ExportBuild; doc: Snapshot; out: Output }) {
  const { overlay } = build;
  const zipName = build.files ? 'kustomize-overlay.zip' : `${stem(doc.fileName)}-kustomize.zip`;
  const beside = build.files ? 'the files it lists' : manifestFileName(doc.fileName);
  return (
    <>
      <Actions
        description={
          <>
            Leaves the original untouched: put <code>kustomization.yaml</code> and the <code>rootlock-patches/</code> folder beside{' '}
            <code>{beside}</code>, then <code>kubectl kustomize .</code> prints the corrected objects ({overlay.patches.length}{' '}
            {overlay.patches.length === 1 ? 'patch' : 'patches'}).
          </>
        }
      >
        <button type="button" className="btn btn-small" onClick={() => out.zip(zipName, overlay.files)}>Download {zipName}</button>
      </Actions>
      {overlay.notes.length > 0 && (
        <ul className="notes">
          {overlay.notes.map((n) => <li key={n} className="note sev-warning"><span className="note-text">{n}</span></li>)}
        </ul>
      )}
      {overlay.files.map((f) => (
        <FileBlock key={f.path} name={f.path} text={f.content} out={out} type={/\.json$/.test(f.path) ? JSON_TYPE : YAML_TYPE} />
      ))}
    </>
  );
}

function JsonPatchFormat({ build, doc, out }: { build: ExportBuild; doc: Snapshot; out: Output }) {
  const files = useMemo(() => {
    const used = new Set<string>();
    return build.patches.map((p) => {
      const base = [p.namespace, p.kind, p.name ?? 'unnamed'].filter((x): x is string => !!x).map(slug).join('-');
      let name = `${base}.patch.json`;
      for (let n = 2; used.has(name); n++) name = `${base}-${n}.patch.json`;
      used.add(name);
      return { patch: p, name, content: `${JSON.stringify(p.patch, null, 2)}\n` };
    });
  }, [build.patches]);
  const zipName = build.files ? 'json-patches.zip' : `${stem(doc.fileName)}-json-patches.zip`;
  return (
    <>
      <Actions
        description={
          <>
            One RFC 6902 JSON Patch per changed object, its paths relative to the object:{' '}
            <code>kubectl patch --local -f OBJECT.yaml --type json --patch-file PATCH.json -o yaml</code>.
          </>
        }
      >
        {files.length > 1 && (
          <button type="button" className="btn btn-small" onClick={() => out.zip(zipName, files.map((f) => ({ path: f.name, content: f.content })))}>
            Download all (.zip)
          </button>
        )}
      </Actions>
      {!files.length && <p className="empty">No object changes, so there is nothing to patch.</p>}
      {files.map((f) => (
        <FileBlock key={f.name} name={f.name} text={f.content} out={out} type={JSON_TYPE}>
          <span className="file-meta">
            {f.patch.kind} {f.patch.name ?? '(no name)'}
            {f.patch.namespace ? ` · namespace ${f.patch.namespace}` : ''} · {f.patch.patch.length} {f.patch.patch.length === 1 ? 'operation' : 'operations'}
          </span>
        </FileBlock>
      ))}
    </>
  );
}

function ReportFormat({ build, doc, out }: { build: ExportBuild; doc: Snapshot; out: Output }) {
  const name = `${build.files ? 'manifests' : stem(doc.fileName)}-review.md`;
  return (
    <>
      <Actions description={<>Markdown for a pull-request comment: the findings per workload with severities, the predicted start-up errors, and the suggested change.</>}>
        <button type="button" className="btn btn-small btn-secondary" aria-label="Copy the review report" onClick={() => out.copy(build.report, 'the review report')}>Copy</button>
        <button type="button" className="btn btn-small" onClick={() => out.save(name, build.report, MARKDOWN_TYPE)}>Download {name}</button>
      </Actions>
      <Preview label="Review report (Markdown)" text={build.report} />
    </>
  );
}

import { lazy, Suspense, useRef, useState } from 'react';
import { isEmptyText } from './actions.ts';
import { AddContainerDialog } from './draft/AddContainerDialog.tsx';
import { NewWorkloadDialog } from './draft/NewWorkloadDialog.tsx';
import { useEngineSync } from './engine/useEngineSync.ts';
import { ExportDialogs } from './export/ExportDialogs.tsx';
import { openFiles } from './export/openFiles.ts';
import { Header } from './header/Header.tsx';
import { useAutosave } from './lib/autosave.ts';
import { useThemeEffect } from './lib/theme.ts';
import { ConfirmDialog } from './panels/ConfirmDialog.tsx';
import { ExamplesDialog } from './panels/ExamplesDialog.tsx';
import { NoticeBar } from './panels/NoticeBar.tsx';
import { SidePanel } from './panels/SidePanel.tsx';
import { Splitter } from './panels/Splitter.tsx';
import { ShareBanner } from './share/ShareBanner.tsx';
import { useStore } from './store/index.ts';

// Monaco loads after the form: the form works from the worker's analysis alone.
const ManifestEditor = lazy(() => import('./editor/ManifestEditor.tsx'));

/**
 * The editor page: the manifest's YAML (Monaco) beside a form and the findings, in two-way sync
 * through the text (STYLE.md: text → analyze() → Analysis → form, markers, panels).
 */
export function App() {
  useThemeEffect();
  useEngineSync();
  useAutosave();
  const split = useStore((s) => s.split);
  const workspace = useRef<HTMLElement>(null);
  return (
    <div className="app">
      <a className="skip-link" href="#side">Skip to the form</a>
      <Header />
      <NoticeBar />
      <ShareBanner />
      <main className="workspace" ref={workspace} style={{ ['--split' as string]: `${split}%` }}>
        <EditorPane />
        <Splitter containerRef={workspace} />
        <div id="side" className="side-wrap">
          <SidePanel />
        </div>
      </main>
      <ExamplesDialog />
      <NewWorkloadDialog />
      <AddContainerDialog />
      <ConfirmDialog />
      <ExportDialogs />
    </div>
  );
}

function EditorPane() {
  const fileName = useStore((s) => s.fileName);
  const modified = useStore((s) => s.modified);
  const empty = useStore((s) => isEmptyText(s.text));
  const [dropping, setDropping] = useState(false);
  const accepts = (e: React.DragEvent) => Array.from(e.dataTransfer.types).includes('Files');
  return (
    <section
      className={`pane editor-pane${dropping ? ' dropping' : ''}`}
      aria-labelledby="editor-title"
      onDragOverCapture={(e) => {
        if (!accepts(e)) return;
        e.preventDefault();
        e.stopPropagation();
        e.dataTransfer.dropEffect = 'copy';
        setDropping(true);
      }}
      onDragLeave={(e) => {
        if (!e.currentTarget.contains(e.relatedTarget as Node | null)) setDropping(false);
      }}
      onDropCapture={(e) => {
        if (!accepts(e)) return;
        e.preventDefault();
        e.stopPropagation();
        setDropping(false);
        // several files open as one text, each after a comment line naming it (app/export/openFiles.ts)
        void openFiles(Array.from(e.dataTransfer.files));
      }}
    >
      <div className="pane-head">
        <h2 id="editor-title" className="pane-title">
          {fileName}
          {modified && <span className="modified" title="Changed since it was opened or exported"> · edited</span>}
        </h2>
        <span className="pane-hint">Ctrl+. quick fixes · Ctrl+Space completion · saved in this browser</span>
      </div>
      <div className="editor-host">
        <Suspense fallback={<div className="editor-loading">Loading the editor…</div>}>
          <ManifestEditor />
        </Suspense>
        {empty && !dropping && <EmptyCallToAction />}
        {dropping && <div className="drop-overlay" aria-hidden="true">Drop YAML or JSON files to open them</div>}
      </div>
    </section>
  );
}

/** Shown over an empty editor: the ways to start. */
function EmptyCallToAction() {
  const setNewOpen = useStore((s) => s.setNewOpen);
  const setExamplesOpen = useStore((s) => s.setExamplesOpen);
  return (
    <div className="empty-cta" role="region" aria-label="Start a manifest">
      <p className="empty-cta-title">Start from an image</p>
      <p className="empty-cta-text">rootlock drafts a hardened workload with a read-only root and a volume for every path the image writes.</p>
      <div className="empty-cta-actions">
        <button type="button" className="btn" aria-haspopup="dialog" onClick={() => setNewOpen(true)}>New workload from an image…</button>
        <button type="button" className="btn btn-secondary" aria-haspopup="dialog" onClick={() => setExamplesOpen(true)}>Browse examples</button>
      </div>
      <p className="empty-cta-text">Or paste a manifest, open a file, or drop one here.</p>
    </div>
  );
}

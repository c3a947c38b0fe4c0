import { lazy, Suspense, useRef, useState } from 'react';
import { openFile } from './actions.ts';
import { useEngineSync } from './engine/useEngineSync.ts';
import { Header } from './header/Header.tsx';
import { useAutosave } from './lib/autosave.ts';
import { useThemeEffect } from './lib/theme.ts';
import { ConfirmDialog } from './panels/ConfirmDialog.tsx';
import { ExamplesDialog } from './panels/ExamplesDialog.tsx';
import { NoticeBar } from './panels/NoticeBar.tsx';
import { SidePanel } from './panels/SidePanel.tsx';
import { Splitter } from './panels/Splitter.tsx';
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
      <main className="workspace" ref={workspace} style={{ ['--split' as string]: `${split}%` }}>
        <EditorPane />
        <Splitter containerRef={workspace} />
        <div id="side" className="side-wrap">
          <SidePanel />
        </div>
      </main>
      <ExamplesDialog />
      <ConfirmDialog />
    </div>
  );
}

function EditorPane() {
  const fileName = useStore((s) => s.fileName);
  const modified = useStore((s) => s.modified);
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
        const f = e.dataTransfer.files[0];
        if (f) void openFile(f);
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
        {dropping && <div className="drop-overlay" aria-hidden="true">Drop a YAML or JSON file to open it</div>}
      </div>
    </section>
  );
}

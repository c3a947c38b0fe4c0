import { useEffect, useRef, useState } from 'react';
import Editor from '@monaco-editor/react';
import type { editor } from 'monaco-editor';
import { BLANK } from '../actions.ts';
import { useStore } from '../store/index.ts';
import { useEffectiveTheme } from '../lib/theme.ts';
import { diffEdit } from '../lib/textEdits.ts';
import { attachEditor } from './bridge.ts';
import { MODEL_URI, monaco, schemaReady } from './monaco.ts';
import { setMarkers } from './markers.ts';
import { registerQuickFixes } from './quickFixes.ts';

/** The Monaco editor on the store's text: "Manifest YAML". Loaded lazily (see App). */
export default function ManifestEditor() {
  const theme = useEffectiveTheme();
  const [initial] = useState(() => useStore.getState().text);
  const cleanup = useRef<(() => void) | null>(null);

  useEffect(() => () => cleanup.current?.(), []);
  useEffect(() => {
    monaco.editor.setTheme(theme === 'dark' ? 'rootlock-dark' : 'rootlock-light');
  }, [theme]);

  const onMount = (ed: editor.IStandaloneCodeEditor) => {
    const model = ed.getModel();
    if (!model) return;
    model.setEOL(monaco.editor.EndOfLineSequence.LF);
    const disposables: Array<{ dispose(): void }> = [];

    // text → store, on every change (the analysis is scheduled from the store)
    disposables.push(model.onDidChangeContent(() => useStore.getState().setText(model.getValue())));

    // a paste into an empty editor (or over all of its text) is a new manifest: the export's original
    disposables.push(ed.onDidPaste((e) => {
      const text = model.getValue();
      const start = model.getOffsetAt(e.range.getStartPosition());
      const end = model.getOffsetAt(e.range.getEndPosition());
      const rest = (text.slice(0, start) + text.slice(end)).trim();
      if (rest === '' || rest === BLANK.trim()) useStore.getState().setBaseline(text);
    }));

    const detach = attachEditor({
      applyEdits(edits, source) {
        ed.pushUndoStop();
        ed.executeEdits(source, edits.map((e) => {
          const a = model.getPositionAt(e.start);
          const b = model.getPositionAt(e.end);
          return { range: new monaco.Range(a.lineNumber, a.column, b.lineNumber, b.column), text: e.text };
        }));
        ed.pushUndoStop();
      },
      reveal(range, focus = true) {
        const a = model.getPositionAt(range.start);
        const b = model.getPositionAt(Math.max(range.end, range.start));
        const r = new monaco.Range(a.lineNumber, a.column, b.lineNumber, b.column);
        ed.setSelection(r);
        ed.revealRangeInCenterIfOutsideViewport(r, monaco.editor.ScrollType.Smooth);
        if (focus) ed.focus();
      },
      getText: () => model.getValue(),
      getSelection() {
        const sel = ed.getSelection();
        if (!sel) return { start: 0, end: 0 };
        const a = model.getOffsetAt(sel.getStartPosition());
        const b = model.getOffsetAt(sel.getEndPosition());
        return { start: Math.min(a, b), end: Math.max(a, b) };
      },
    });

    // the selection, as offsets, for the map to highlight the node whose YAML it is in
    const publishSelection = () => {
      const sel = ed.getSelection();
      if (!sel) return;
      const s = useStore.getState();
      if (model.getValue() !== s.text) return;
      const a = model.getOffsetAt(sel.getStartPosition());
      const b = model.getOffsetAt(sel.getEndPosition());
      s.setEditorSelection({ start: Math.min(a, b), end: Math.max(a, b), version: s.version });
    };
    disposables.push(ed.onDidChangeCursorSelection(publishSelection));
    disposables.push(model.onDidChangeContent(publishSelection));

    // the store's analysis → markers, when it belongs to the text in the editor
    const paint = () => {
      const s = useStore.getState();
      if (s.latest && s.latest.version === s.version) {
        setMarkers(monaco, model, s.latest.analysis);
        if (window.rootlock?.perf) performance.mark('rootlock:markers', { detail: s.latest.version });
      }
    };
    paint();
    const unsubscribe = useStore.subscribe((s, prev) => {
      if (s.latest !== prev.latest) paint();
      // a text set without the editor (should not happen, but never lose it): bring it in as an edit
      if (s.text !== prev.text && s.text !== model.getValue()) {
        const e = diffEdit(model.getValue(), s.text);
        if (e) {
          const a = model.getPositionAt(e.start);
          const b = model.getPositionAt(e.end);
          ed.executeEdits('rootlock.sync', [{ range: new monaco.Range(a.lineNumber, a.column, b.lineNumber, b.column), text: e.text }]);
        }
      }
    });

    // the cursor picks the workload and container it is in (when the user moves it)
    disposables.push(ed.onDidChangeCursorPosition((e) => {
      if (e.source !== 'mouse' && e.source !== 'keyboard') return;
      const s = useStore.getState();
      if (!s.latest || s.latest.version !== s.version) return;
      const offset = model.getOffsetAt(e.position);
      s.latest.analysis.workloads.forEach((w, wi) => {
        if (offset < w.range.start || offset > w.range.end) return;
        const ci = w.containers.findIndex((c) => offset >= c.range.start && offset <= c.range.end);
        s.select({ workload: wi, ...(ci >= 0 ? { container: ci } : s.selection.workload === wi ? {} : { container: 0 }) });
      });
    }));

    disposables.push(registerQuickFixes(monaco));
    void schemaReady;
    cleanup.current = () => {
      unsubscribe();
      detach();
      for (const d of disposables) d.dispose();
    };
    // the text may have changed between the first render and the mount
    const latest = useStore.getState().text;
    if (latest !== model.getValue()) model.setValue(latest);
  };

  return (
    <Editor
      defaultValue={initial}
      defaultLanguage="yaml"
      path={MODEL_URI}
      theme={theme === 'dark' ? 'rootlock-dark' : 'rootlock-light'}
      onMount={onMount}
      loading={<div className="editor-loading">Loading the editor…</div>}
      options={{
        ariaLabel: 'Manifest YAML',
        automaticLayout: true,
        fontSize: 13,
        lineHeight: 20,
        tabSize: 2,
        insertSpaces: true,
        detectIndentation: true,
        minimap: { enabled: false },
        scrollBeyondLastLine: false,
        renderWhitespace: 'selection',
        fixedOverflowWidgets: true,
        lightbulb: { enabled: monaco.editor.ShowLightbulbIconMode.OnCode },
        quickSuggestions: { other: true, comments: false, strings: true },
        wordBasedSuggestions: 'off',
        padding: { top: 8 },
        unicodeHighlight: { ambiguousCharacters: false },
        // keep typing in a long manifest light on the main thread: no outline-driven sticky scroll,
        // folding by indentation rather than a worker round trip per keystroke
        stickyScroll: { enabled: false },
        folding: true,
        foldingStrategy: 'indentation',
        codeLens: false,
        occurrencesHighlight: 'off',
      }}
    />
  );
}

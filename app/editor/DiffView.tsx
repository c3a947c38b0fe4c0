import { useEffect, useRef, useState } from 'react';
import type { editor } from 'monaco-editor';
import { diffEdit } from '../lib/textEdits.ts';
import { useEffectiveTheme } from '../lib/theme.ts';
import { monaco } from './monaco.ts';

export interface DiffViewProps {
  original: string;
  modified: string;
  /** Accessible names of the two sides. */
  originalLabel: string;
  modifiedLabel: string;
}

let nextId = 0;

/**
 * Changes only the part of the model that differs: setValue would replace everything, and the diff
 * editor would then unfold every unchanged region the user had folded.
 */
function replace(model: editor.ITextModel, text: string): void {
  const e = diffEdit(model.getValue(), text);
  if (!e) return;
  const a = model.getPositionAt(e.start);
  const b = model.getPositionAt(e.end);
  model.applyEdits([{ range: new monaco.Range(a.lineNumber, a.column, b.lineNumber, b.column), text: e.text }]);
}

/**
 * Monaco's diff editor, read-only, side by side (inline when the space is narrow): the original
 * text against the corrected one, unchanged stretches folded away. Loaded lazily by the export
 * dialog; the only place besides the manifest editor that touches Monaco.
 */
export default function DiffView({ original, modified, originalLabel, modifiedLabel }: DiffViewProps) {
  const host = useRef<HTMLDivElement>(null);
  const parts = useRef<{ diff: editor.IStandaloneDiffEditor; original: editor.ITextModel; modified: editor.ITextModel } | null>(null);
  const theme = useEffectiveTheme();
  const [changes, setChanges] = useState<number | null>(null);

  useEffect(() => {
    const el = host.current;
    if (!el) return;
    const id = ++nextId;
    const a = monaco.editor.createModel(original, 'yaml', monaco.Uri.parse(`inmemory://rootlock/export-${id}/original.yaml`));
    const b = monaco.editor.createModel(modified, 'yaml', monaco.Uri.parse(`inmemory://rootlock/export-${id}/corrected.yaml`));
    const diff = monaco.editor.createDiffEditor(el, {
      readOnly: true,
      originalEditable: false,
      // Tab moves on to the next control of the dialog instead of staying in the editor
      tabFocusMode: true,
      renderSideBySide: true,
      useInlineViewWhenSpaceIsLimited: true,
      renderSideBySideInlineBreakpoint: 700,
      automaticLayout: true,
      originalAriaLabel: originalLabel,
      modifiedAriaLabel: modifiedLabel,
      hideUnchangedRegions: { enabled: true, contextLineCount: 3, minimumLineCount: 4, revealLineCount: 20 },
      minimap: { enabled: false },
      scrollBeyondLastLine: false,
      renderOverviewRuler: false,
      fontSize: 13,
      lineHeight: 20,
      renderIndicators: true,
      ignoreTrimWhitespace: false,
      diffAlgorithm: 'advanced',
      unicodeHighlight: { ambiguousCharacters: false },
      lightbulb: { enabled: monaco.editor.ShowLightbulbIconMode.Off },
      padding: { top: 4 },
    });
    diff.setModel({ original: a, modified: b });
    // Monaco 0.52 leaves the sides' text areas unnamed (originalAriaLabel/modifiedAriaLabel do not
    // reach them) and clears their labels whenever it re-lays them out (e.g. side by side ↔ inline)
    const named = (side: editor.ICodeEditor, name: string) => {
      const apply = () => {
        if (side.getOption(monaco.editor.EditorOption.ariaLabel) !== name) side.updateOptions({ ariaLabel: name });
      };
      apply();
      return side.onDidChangeConfiguration(apply);
    };
    const labels = [named(diff.getOriginalEditor(), originalLabel), named(diff.getModifiedEditor(), modifiedLabel)];
    const sub = diff.onDidUpdateDiff(() => setChanges(diff.getLineChanges()?.length ?? 0));
    parts.current = { diff, original: a, modified: b };
    return () => {
      sub.dispose();
      for (const l of labels) l.dispose();
      parts.current = null;
      diff.dispose();
      a.dispose();
      b.dispose();
    };
    // created once: the models follow the texts in the effects below; the labels are fixed for the dialog's life
  }, []);

  useEffect(() => {
    if (parts.current) replace(parts.current.original, original);
  }, [original]);
  useEffect(() => {
    if (parts.current) replace(parts.current.modified, modified);
  }, [modified]);
  useEffect(() => {
    monaco.editor.setTheme(theme === 'dark' ? 'rootlock-dark' : 'rootlock-light');
  }, [theme]);

  return (
    <div className="diff-view">
      <div className="diff-host" ref={host} data-testid="export-diff" />
      <p className="diff-status" aria-live="polite">
        {changes === null ? 'Comparing…' : changes === 0 ? 'No differences: the corrected manifest is the original.' : `${changes} changed ${changes === 1 ? 'region' : 'regions'}.`}
      </p>
    </div>
  );
}

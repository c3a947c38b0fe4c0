/**
 * How the rest of the app changes the text: through the editor when Monaco is up (so every change
 * is one undo step and the cursor stays put), or straight on the store's text before it loads.
 * This module does not load Monaco; ManifestEditor attaches the live editor here.
 */
import type { SourceRange, TextEdit } from '../../src/index.ts';
import { useStore } from '../store/index.ts';
import { applyTextEdits } from '../lib/textEdits.ts';

export interface EditorPort {
  /** Applies edits (offsets into the current text) as one undoable step. */
  applyEdits(edits: readonly TextEdit[], source: string): void;
  /** Selects the range and scrolls it into view; focuses the editor unless `focus` is false. */
  reveal(range: Pick<SourceRange, 'start' | 'end'>, focus?: boolean): void;
  /** Current text of the model. */
  getText(): string;
  /** The editor's selection as offsets into the text (start = end for a bare cursor). */
  getSelection(): { start: number; end: number };
}

let port: EditorPort | null = null;

export function attachEditor(p: EditorPort): () => void {
  port = p;
  useStore.getState().setEditorReady(true);
  return () => {
    if (port === p) port = null;
    useStore.getState().setEditorReady(false);
  };
}

/** Applies edits computed for the store's current text. */
export function applyEdits(edits: readonly TextEdit[], source: string): void {
  if (!edits.length) return;
  if (port) port.applyEdits(edits, source);
  else {
    const s = useStore.getState();
    s.setText(applyTextEdits(s.text, edits));
  }
}

/** Replaces the whole text as one undoable step (loading a file or an example keeps undo history). */
export function replaceText(text: string): void {
  const current = useStore.getState().text;
  if (port) port.applyEdits([{ start: 0, end: port.getText().length, text }], 'rootlock.load');
  else if (text !== current) useStore.getState().setText(text);
}

/** Selects `range` in the editor and scrolls to it; with `focus: false` the focus stays where it is (the map keeps it). */
export function reveal(range: Pick<SourceRange, 'start' | 'end'>, options: { focus?: boolean } = {}): void {
  port?.reveal(range, options.focus ?? true);
}

/** The editor's selection with the text it covers (the read-only test hook; see e2e/README.md). */
export function editorSelection(): { start: number; end: number; text: string } | null {
  if (!port) return null;
  const { start, end } = port.getSelection();
  return { start, end, text: port.getText().slice(start, end) };
}

export function editorText(): string {
  return port ? port.getText() : useStore.getState().text;
}

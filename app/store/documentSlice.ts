import type { StateCreator } from 'zustand';
import type { Analysis, FormView, RuleMeta } from '../../src/index.ts';
import type { Store } from './index.ts';

/** The analysis of one text version, as the worker returned it. */
export interface Analysed {
  version: number;
  /** The text that was analysed (offsets in the analysis point into it). */
  text: string;
  analysis: Analysis;
  view: FormView;
}

export interface DocumentSlice {
  /** The manifest: the single source of truth every view follows. */
  text: string;
  /** Increases on every change of `text`; analyses and edits carry the version they were made for. */
  version: number;
  /** Name used for Export; the opened file's name, or the example's. */
  fileName: string;
  /**
   * The text as it was loaded (file, example, share link) or pasted into an empty editor: the
   * "original" the export dialog compares the corrected text with.
   */
  baseline: string;
  /** True when the text changed since it was loaded or exported (replacing it then asks first). */
  modified: boolean;
  /** The latest analysis with its form view, for the text version it names (stale ones are dropped). */
  current: Analysed | null;
  /** The newest analysis, possibly ahead of `current` by its form view: what the editor's markers show. */
  latest: { version: number; analysis: Analysis } | null;
  /** The latest analysis of a text that parsed: what the form shows (read-only) while the YAML is broken. */
  lastValid: Analysed | null;
  /** Rule docs, from the worker. */
  catalog: RuleMeta[];
  /** Milliseconds the worker spent on the latest analysis. */
  analysisMs: number;

  /** Records a change of the text (from the editor, or from an edit applied without it). */
  setText: (text: string, options?: { modified?: boolean }) => void;
  /** Replaces the document (example, file, restore): not modified; it becomes the baseline. */
  loadDocument: (text: string, fileName: string, modified?: boolean) => void;
  setBaseline: (text: string) => void;
  /** Takes an analysis with its form view, unless a newer one is already in or it belongs to an older text. */
  receiveAnalysis: (a: Analysed, ms?: number) => void;
  /** Takes an analysis (before its form view), on the same terms. */
  receiveLatest: (version: number, analysis: Analysis) => void;
  markExported: () => void;
  /** Names the document (Export uses the name) without changing its text. */
  setFileName: (fileName: string) => void;
  setCatalog: (rules: RuleMeta[]) => void;
}

export const createDocumentSlice: StateCreator<Store, [], [], DocumentSlice> = (set, get) => ({
  text: '',
  version: 0,
  fileName: 'manifest.yaml',
  baseline: '',
  modified: false,
  current: null,
  latest: null,
  lastValid: null,
  catalog: [],
  analysisMs: 0,

  setText: (text, options) => {
    if (text === get().text) return;
    set((s) => ({ text, version: s.version + 1, modified: options?.modified ?? true }));
  },
  loadDocument: (text, fileName, modified = false) => {
    set((s) => ({ text, fileName, modified, baseline: text, version: s.version + 1 }));
  },
  setBaseline: (baseline) => set({ baseline }),
  receiveAnalysis: (a, ms) => {
    const s = get();
    // Stale answers are dropped: an older text's analysis never replaces a newer one, and one for a
    // text that has since changed is not shown as if it were the text's.
    if (a.version !== s.version) return;
    if (s.current && s.current.version >= a.version) return;
    set({
      current: a,
      ...(s.latest && s.latest.version >= a.version ? {} : { latest: { version: a.version, analysis: a.analysis } }),
      analysisMs: ms ?? s.analysisMs,
      ...(a.view.syntaxError ? {} : { lastValid: a }),
    });
  },
  receiveLatest: (version, analysis) => {
    const s = get();
    if (version !== s.version || (s.latest && s.latest.version >= version)) return;
    set({ latest: { version, analysis } });
  },
  markExported: () => set({ modified: false }),
  setFileName: (fileName) => set({ fileName }),
  setCatalog: (catalog) => set({ catalog }),
});

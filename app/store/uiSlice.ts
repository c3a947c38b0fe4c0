import type { StateCreator } from 'zustand';
import type { Store } from './index.ts';

export type Tab = 'form' | 'findings' | 'map' | 'policy';
export type ThemeChoice = 'system' | 'light' | 'dark';

export interface Selection {
  workload: number;
  container: number;
}

export interface Notice {
  id: number;
  kind: 'info' | 'error';
  text: string;
  action?: { label: string; run: () => void };
}

export interface ConfirmRequest {
  title: string;
  message: string;
  confirmLabel: string;
  onConfirm: () => void;
}

/** The editor's selection as offsets into the text of `version` (start = end for a bare cursor). */
export interface EditorSelection {
  start: number;
  end: number;
  version: number;
}

export interface UiSlice {
  tab: Tab;
  theme: ThemeChoice;
  selection: Selection;
  /** Width of the editor pane, in percent of the main area. */
  split: number;
  notice: Notice | null;
  confirm: ConfirmRequest | null;
  examplesOpen: boolean;
  /** Set once Monaco has mounted; before that edits go straight to the text. */
  editorReady: boolean;
  /** Where the editor's cursor or selection is: the map highlights the node whose YAML it is in. */
  editorSelection: EditorSelection | null;
  /** The "Harden to restricted + read-only root" preview: open for one workload (its index) or all (null). */
  harden: { workload: number | null } | null;
  /** The Pod Security Standards version the analysis evaluates at: `latest` or `v1.<minor>` (the Policy tab picks it). */
  pssVersion: string;
  /** The newest Pod Security Standards minor version the engine knows (from the worker), for the version picker. */
  pssNewest: number | null;

  setTab: (tab: Tab) => void;
  setTheme: (theme: ThemeChoice) => void;
  select: (selection: Partial<Selection>) => void;
  setSplit: (percent: number) => void;
  notify: (text: string, kind?: Notice['kind'], action?: Notice['action']) => void;
  dismissNotice: () => void;
  askConfirm: (request: ConfirmRequest | null) => void;
  setExamplesOpen: (open: boolean) => void;
  setEditorReady: (ready: boolean) => void;
  setEditorSelection: (selection: EditorSelection | null) => void;
  setHarden: (harden: { workload: number | null } | null) => void;
  /** Sets the version and has the text analysed again at it. */
  setPssVersion: (version: string) => void;
  setPssNewest: (minor: number) => void;
}

let noticeId = 0;

export const createUiSlice: StateCreator<Store, [], [], UiSlice> = (set) => ({
  tab: 'form',
  theme: 'system',
  selection: { workload: 0, container: 0 },
  split: 55,
  notice: null,
  confirm: null,
  examplesOpen: false,
  editorReady: false,
  editorSelection: null,
  harden: null,
  pssVersion: 'latest',
  pssNewest: null,

  setTab: (tab) => set({ tab }),
  setTheme: (theme) => set({ theme }),
  select: (selection) =>
    set((s) => {
      const next = { ...s.selection, ...selection };
      // a new workload starts at its first container
      if (selection.workload !== undefined && selection.workload !== s.selection.workload && selection.container === undefined) next.container = 0;
      return next.workload === s.selection.workload && next.container === s.selection.container ? s : { selection: next };
    }),
  setSplit: (split) => set({ split: Math.min(80, Math.max(20, split)) }),
  notify: (text, kind = 'info', action) => set({ notice: { id: ++noticeId, kind, text, ...(action ? { action } : {}) } }),
  dismissNotice: () => set({ notice: null }),
  askConfirm: (confirm) => set({ confirm }),
  setExamplesOpen: (examplesOpen) => set({ examplesOpen }),
  setEditorReady: (editorReady) => set({ editorReady }),
  setHarden: (harden) => set({ harden }),
  // the same text under a new version number: the analysis follows every version (useEngineSync)
  setPssVersion: (pssVersion) => set((s) => (s.pssVersion === pssVersion ? s : { pssVersion, version: s.version + 1 })),
  setPssNewest: (pssNewest) => set({ pssNewest }),
  setEditorSelection: (editorSelection) =>
    set((s) => {
      const a = s.editorSelection;
      const b = editorSelection;
      return a === b || (a && b && a.start === b.start && a.end === b.end && a.version === b.version) ? s : { editorSelection };
    }),
});

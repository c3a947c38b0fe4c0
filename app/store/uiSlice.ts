import type { StateCreator } from 'zustand';
import type { Store } from './index.ts';

export type Tab = 'form' | 'findings';
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

  setTab: (tab: Tab) => void;
  setTheme: (theme: ThemeChoice) => void;
  select: (selection: Partial<Selection>) => void;
  setSplit: (percent: number) => void;
  notify: (text: string, kind?: Notice['kind'], action?: Notice['action']) => void;
  dismissNotice: () => void;
  askConfirm: (request: ConfirmRequest | null) => void;
  setExamplesOpen: (open: boolean) => void;
  setEditorReady: (ready: boolean) => void;
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
});

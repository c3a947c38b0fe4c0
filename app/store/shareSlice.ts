import type { StateCreator } from 'zustand';
import type { Store } from './index.ts';

/** The document the autosave held when a share link was opened (what "Go back" restores). */
export interface SavedDocument {
  text: string;
  fileName: string;
  modified: boolean;
  baseline?: string;
}

/** A manifest opened from a share link, shown without overwriting the saved one until kept or edited. */
export interface SharedPreview {
  /** The text the link carried, as loaded. */
  text: string;
  /** What was saved in this browser before, or null when nothing was. */
  previous: SavedDocument | null;
}

/** What the Share dialog shows: the link copied, the link to copy by hand, or why there is none. */
export type ShareDialogState =
  | { kind: 'copied'; url: string }
  | { kind: 'copy-failed'; url: string }
  | { kind: 'too-large'; length: number; max: number };

export interface ShareSlice {
  exportOpen: boolean;
  shareDialog: ShareDialogState | null;
  sharedPreview: SharedPreview | null;
  /** Why the share link in the address could not be opened (the editor kept its text). */
  shareError: string | null;

  setExportOpen: (open: boolean) => void;
  setShareDialog: (state: ShareDialogState | null) => void;
  setSharedPreview: (preview: SharedPreview | null) => void;
  setShareError: (error: string | null) => void;
}

export const createShareSlice: StateCreator<Store, [], [], ShareSlice> = (set) => ({
  exportOpen: false,
  shareDialog: null,
  sharedPreview: null,
  shareError: null,

  setExportOpen: (exportOpen) => set({ exportOpen }),
  setShareDialog: (shareDialog) => set({ shareDialog }),
  setSharedPreview: (sharedPreview) => set({ sharedPreview }),
  setShareError: (shareError) => set({ shareError }),
});

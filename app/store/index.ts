import { create } from 'zustand';
import { createDocumentSlice } from './documentSlice.ts';
import type { DocumentSlice } from './documentSlice.ts';
import { createShareSlice } from './shareSlice.ts';
import type { ShareSlice } from './shareSlice.ts';
import { createDraftSlice } from './draftSlice.ts';
import type { DraftSlice } from './draftSlice.ts';
import { createUiSlice } from './uiSlice.ts';
import type { UiSlice } from './uiSlice.ts';

export type Store = DocumentSlice & UiSlice & ShareSlice & DraftSlice;

/** The one store, built from slices (STYLE.md: middleware only where they are combined; none is needed yet). */
export const useStore = create<Store>()((...a) => ({
  ...createDocumentSlice(...a),
  ...createUiSlice(...a),
  ...createShareSlice(...a),
  ...createDraftSlice(...a),
}));

export type { Analysed } from './documentSlice.ts';
export type { Tab, ThemeChoice, Selection, Notice, ConfirmRequest, EditorSelection } from './uiSlice.ts';
export type { AddedNotes } from './draftSlice.ts';
export type { SavedDocument, SharedPreview, ShareDialogState } from './shareSlice.ts';

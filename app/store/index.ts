import { create } from 'zustand';
import { createDocumentSlice } from './documentSlice.ts';
import type { DocumentSlice } from './documentSlice.ts';
import { createUiSlice } from './uiSlice.ts';
import type { UiSlice } from './uiSlice.ts';

export type Store = DocumentSlice & UiSlice;

/** The one store, built from slices (STYLE.md: middleware only where they are combined; none is needed yet). */
export const useStore = create<Store>()((...a) => ({
  ...createDocumentSlice(...a),
  ...createUiSlice(...a),
}));

export type { Analysed } from './documentSlice.ts';
export type { Tab, ThemeChoice, Selection, Notice, ConfirmRequest } from './uiSlice.ts';

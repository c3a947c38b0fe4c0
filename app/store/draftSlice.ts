import type { StateCreator } from 'zustand';
import type { DraftNote } from '../../src/index.ts';
import type { Store } from './index.ts';

/** What the user should read after a container was added: the engine's notes about it. */
export interface AddedNotes {
  title: string;
  notes: DraftNote[];
}

export interface DraftSlice {
  /** The "New workload" dialog (draft from an image). */
  newOpen: boolean;
  /** The "Add a container" dialog. */
  addContainerOpen: boolean;
  /** Notes about the container added last, shown in the form until dismissed. */
  addedNotes: AddedNotes | null;

  setNewOpen: (open: boolean) => void;
  setAddContainerOpen: (open: boolean) => void;
  setAddedNotes: (notes: AddedNotes | null) => void;
}

export const createDraftSlice: StateCreator<Store, [], [], DraftSlice> = (set) => ({
  newOpen: false,
  addContainerOpen: false,
  addedNotes: null,

  setNewOpen: (newOpen) => set({ newOpen }),
  setAddContainerOpen: (addContainerOpen) => set({ addContainerOpen }),
  setAddedNotes: (addedNotes) => set({ addedNotes }),
});

import { useEffect } from 'react';
import { useStore } from '../store/index.ts';

export const STORAGE_KEY = 'rootlock.document';

interface Saved {
  text: string;
  fileName: string;
  modified: boolean;
  savedAt: string;
  /** The text as loaded (the export dialog's "original"), when it differs from `text`. */
  baseline?: string;
}

/** The manifest saved in this browser by an earlier visit, if any. */
export function loadSaved(): Saved | null {
  try {
    const raw = localStorage.getItem(STORAGE_KEY);
    if (!raw) return null;
    const v = JSON.parse(raw) as Partial<Saved>;
    if (typeof v.text !== 'string') return null;
    return { text: v.text, fileName: v.fileName ?? 'manifest.yaml', modified: !!v.modified, savedAt: v.savedAt ?? '', ...(typeof v.baseline === 'string' ? { baseline: v.baseline } : {}) };
  } catch {
    return null;
  }
}

export function forgetSaved(): void {
  try {
    localStorage.removeItem(STORAGE_KEY);
  } catch {
    // nothing saved, nothing to forget
  }
}

function save(): void {
  const { text, fileName, modified, baseline, sharedPreview } = useStore.getState();
  // a manifest opened from a share link is not saved until the user keeps or edits it (app/share/)
  if (sharedPreview) return;
  const doc: Saved = { text, fileName, modified, savedAt: new Date().toISOString() };
  try {
    localStorage.setItem(STORAGE_KEY, JSON.stringify(baseline !== text ? { ...doc, baseline } : doc));
  } catch {
    try {
      // no room for both: the text matters more than the export's original
      localStorage.setItem(STORAGE_KEY, JSON.stringify(doc));
    } catch {
      useStore.getState().notify('This manifest is too large to keep in the browser’s storage; export it to keep your changes.', 'error');
    }
  }
}

/** Saves the manifest to localStorage shortly after each change, and when the page is hidden. */
export function useAutosave(delayMs = 400): void {
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const flush = () => {
      if (timer === undefined) return;
      clearTimeout(timer);
      timer = undefined;
      save();
    };
    const unsubscribe = useStore.subscribe((s, prev) => {
      if (s.text === prev.text && s.fileName === prev.fileName && s.modified === prev.modified && s.baseline === prev.baseline && s.sharedPreview === prev.sharedPreview) return;
      clearTimeout(timer);
      timer = setTimeout(() => {
        timer = undefined;
        save();
      }, delayMs);
    });
    const onHide = () => {
      if (document.visibilityState === 'hidden') flush();
    };
    window.addEventListener('pagehide', flush);
    document.addEventListener('visibilitychange', onHide);
    return () => {
      flush();
      unsubscribe();
      window.removeEventListener('pagehide', flush);
      document.removeEventListener('visibilitychange', onHide);
    };
  }, [delayMs]);
}

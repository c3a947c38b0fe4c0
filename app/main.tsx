import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App.tsx';
import { BLANK, openDocument } from './actions.ts';
import { loadSaved } from './lib/autosave.ts';
import { DEFAULT_EXAMPLE, fetchExample } from './lib/examples.ts';
import { loadThemeChoice } from './lib/theme.ts';
import { isShareHash, openShareLink } from './share/shareLink.ts';
import { editorSelection, editorText } from './editor/bridge.ts';
import { useStore } from './store/index.ts';
import './styles.css';

declare global {
  interface Window {
    /** Read-only test and debugging hook: the manifest's current text (documented in e2e/README.md). */
    rootlock?: { text(): string; selection(): { start: number; end: number; text: string } | null; perf?: boolean };
  }
}
window.rootlock = { text: editorText, selection: editorSelection };
// With window.rootlock.perf = true, the page marks each text version and each painting of the
// markers (User Timing: 'rootlock:text' and 'rootlock:markers', detail = text version) for the
// browser benchmark (scripts/bench-browser.ts).
useStore.subscribe((s, prev) => {
  if (window.rootlock?.perf && s.version !== prev.version) performance.mark('rootlock:text', { detail: s.version });
});

const store = useStore.getState();
store.setTheme(loadThemeChoice());
try {
  const split = Number(localStorage.getItem('rootlock.split'));
  if (split) store.setSplit(split);
} catch {
  // no storage: default split
}
try {
  const pss = localStorage.getItem('rootlock.pssVersion');
  if (pss && /^(latest|v1\.(0|[1-9][0-9]*))$/.test(pss)) store.setPssVersion(pss);
} catch {
  // no storage: latest
}
useStore.subscribe((s, prev) => {
  if (s.pssVersion !== prev.pssVersion) {
    try {
      localStorage.setItem('rootlock.pssVersion', s.pssVersion);
    } catch {
      // no storage
    }
  }
  if (s.split === prev.split) return;
  try {
    localStorage.setItem('rootlock.split', String(Math.round(s.split)));
  } catch {
    // no storage
  }
});

// A share link (#rl1.…) opens its manifest without overwriting the saved one (app/share/); else
// restore the manifest from the last visit, or start with an example.
if (isShareHash(location.hash)) {
  void openShareLink(location.hash).then((opened) => {
    if (!opened) restore();
  });
} else restore();

function restore(): void {
  const saved = loadSaved();
  if (saved) {
    store.loadDocument(saved.text, saved.fileName, saved.modified);
    if (saved.baseline !== undefined) store.setBaseline(saved.baseline);
    store.notify('Restored the manifest you were editing (kept in this browser).', 'info', {
      label: 'Start fresh',
      run: () => {
        useStore.getState().dismissNotice();
        openDocument(BLANK, 'manifest.yaml', 'an empty manifest');
      },
    });
  } else {
    fetchExample(DEFAULT_EXAMPLE)
      .then((text) => {
        if (!useStore.getState().text) useStore.getState().loadDocument(text, DEFAULT_EXAMPLE);
      })
      .catch((err: unknown) => useStore.getState().notify(`Could not load the first example: ${String(err)}`, 'error'));
  }
}

const root = document.getElementById('root');
if (root) createRoot(root).render(<StrictMode><App /></StrictMode>);

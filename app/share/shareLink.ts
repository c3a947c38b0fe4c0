/**
 * Share links: the manifest and the selected workload/container, compressed into the URL fragment
 * (after `#`: browsers never send it to a server; never the query). Opening one shows its manifest
 * without overwriting the one saved in this browser until the user keeps it or edits it.
 */
import type { DecodedShare } from '../../src/index.ts';
import { BLANK } from '../actions.ts';
import { replaceText } from '../editor/bridge.ts';
import { exportEngine } from '../export/client.ts';
import { loadSaved } from '../lib/autosave.ts';
import { useStore } from '../store/index.ts';
import type { SavedDocument } from '../store/index.ts';
import { copyText } from './clipboard.ts';
import { isShareHash } from './hash.ts';

export { isShareHash };

const state = () => useStore.getState();

/** The file name a shared manifest gets: the link carries the text, not the name. */
export const SHARED_FILE_NAME = 'shared-manifest.yaml';

const sameText = (a: string, b: string) => a === b || a.replace(/\r\n/g, '\n') === b.replace(/\r\n/g, '\n');

/**
 * "Share": copies a link to the current manifest, or says why there is none (too long for a link,
 * with the download offered). When the clipboard refuses, the dialog shows the link selected.
 */
export async function shareCurrent(): Promise<void> {
  const { text, selection } = state();
  let link: { url: string; fits: boolean; max: number };
  try {
    // the page's address without its query or fragment: the manifest goes in the fragment only
    link = await exportEngine().shareEncode(`${location.origin}${location.pathname}`, { text, workload: selection.workload, container: selection.container });
  } catch (err) {
    state().notify(`Could not make a share link: ${String((err as Error)?.message ?? err)}`, 'error');
    return;
  }
  const { url } = link;
  if (!link.fits) {
    state().setShareDialog({ kind: 'too-large', length: url.length, max: link.max });
    return;
  }
  const copied = await copyText(url);
  state().setShareDialog({ kind: copied ? 'copied' : 'copy-failed', url });
}

/**
 * Opens the share link in `hash`, if it is one. A valid link's manifest replaces the editor's text
 * while the saved one stays untouched (autosave pauses until "Keep it" or an edit); a damaged link
 * leaves the text alone and says what is wrong. Returns true when a manifest was opened.
 */
export async function openShareLink(hash: string): Promise<boolean> {
  if (!isShareHash(hash)) return false;
  let decoded: DecodedShare;
  try {
    decoded = await exportEngine().shareDecode(hash);
  } catch (err) {
    state().setShareError(`rootlock could not read it (${String((err as Error)?.message ?? err)}).`);
    return false;
  }
  if (!decoded.ok) {
    state().setShareError(decoded.error);
    return false;
  }
  state().setShareError(null);
  // what the autosave holds, or is about to: the page's document once it has one, else the saved one
  const s = state();
  const saved = s.text ? { text: s.text, fileName: s.fileName, modified: s.modified, baseline: s.baseline } : loadSaved();
  const previous: SavedDocument | null = saved ? { text: saved.text, fileName: saved.fileName, modified: saved.modified, ...(saved.baseline !== undefined ? { baseline: saved.baseline } : {}) } : null;
  // the preview is set before the text changes, so the autosave never sees the shared text as the user's
  state().setSharedPreview({ text: decoded.text, previous: state().sharedPreview?.previous ?? previous });
  state().dismissNotice();
  replaceText(decoded.text);
  state().loadDocument(decoded.text, SHARED_FILE_NAME);
  applySelection(decoded.workload, decoded.container);
  watchPreview();
  return true;
}

/** "Keep it": the shared manifest becomes the saved one. */
export function keepShared(): void {
  if (!state().sharedPreview) return;
  state().setSharedPreview(null);
  clearHash();
  state().notify('Kept the shared manifest: it is now the one saved in this browser.');
}

/** "Go back to your saved manifest": the saved one returns to the editor; the shared one is dropped. */
export function discardShared(): void {
  const preview = state().sharedPreview;
  if (!preview) return;
  // end the preview first: changing the text while it runs would count as an edit of the shared text
  state().setSharedPreview(null);
  clearHash();
  const prev = preview.previous;
  const text = prev?.text ?? BLANK;
  replaceText(text);
  state().loadDocument(text, prev?.fileName ?? 'manifest.yaml', prev?.modified ?? false);
  if (prev?.baseline !== undefined) state().setBaseline(prev.baseline);
  state().select({ workload: 0, container: 0 });
  state().notify(prev ? 'Back to your saved manifest.' : 'Closed the shared manifest.');
}

/** The fragment is spent once the preview ends: a reload then shows the saved manifest. */
function clearHash(): void {
  if (isShareHash(location.hash)) history.replaceState(history.state, '', `${location.pathname}${location.search}`);
}

let unwatch: (() => void) | null = null;

/** Ends the preview when the user edits the shared text: from then on it is theirs, and saved. */
function watchPreview(): void {
  unwatch?.();
  unwatch = useStore.subscribe((s) => {
    const preview = s.sharedPreview;
    if (!preview) {
      unwatch?.();
      unwatch = null;
      return;
    }
    if (sameText(s.text, preview.text)) return;
    unwatch?.();
    unwatch = null;
    state().setSharedPreview(null);
    clearHash();
    const prev = preview.previous;
    state().notify(
      'You edited the shared manifest, so it is now the one saved in this browser.',
      'info',
      prev ? { label: 'Bring back your earlier manifest', run: () => restore(prev) } : undefined,
    );
  });
}

function restore(prev: SavedDocument): void {
  state().dismissNotice();
  replaceText(prev.text);
  state().loadDocument(prev.text, prev.fileName, prev.modified);
  if (prev.baseline !== undefined) state().setBaseline(prev.baseline);
  state().notify('Brought back your earlier manifest (Ctrl+Z in the editor returns to the shared one).');
}

/** Selects what the link names: indexes at once; names once the analysis of the text is in. */
function applySelection(workload: number | string | undefined, container: number | string | undefined): void {
  if (typeof workload !== 'string' && typeof container !== 'string') {
    state().select({ workload: workload ?? 0, container: container ?? 0 });
    return;
  }
  const version = state().version;
  const off = useStore.subscribe((s) => {
    if (s.version !== version) return off();
    if (!s.latest || s.latest.version !== version) return;
    off();
    const ws = s.latest.analysis.workloads;
    const wi = typeof workload === 'string' ? Math.max(0, ws.findIndex((w) => w.name === workload)) : (workload ?? 0);
    const cs = ws[wi]?.containers ?? [];
    const ci = typeof container === 'string' ? Math.max(0, cs.findIndex((c) => c.name === container)) : (container ?? 0);
    state().select({ workload: wi, container: ci });
  });
}

/**
 * What the user can do to the document. Every change becomes a text edit applied through the
 * editor bridge (one undo step in Monaco), and the analysis follows from the new text.
 */
import type { Finding, FormOp } from '../src/index.ts';
import { engine } from './engine/instance.ts';
import { applyEdits, replaceText } from './editor/bridge.ts';
import { diffEdit } from './lib/textEdits.ts';
import { useStore } from './store/index.ts';

const state = () => useStore.getState();

// Form edits run one after another: each is computed on the text the previous one left.
let queue: Promise<unknown> = Promise.resolve();
function serial<T>(job: () => Promise<T>): Promise<T> {
  const next = queue.then(job, job);
  queue = next.catch(() => undefined);
  return next;
}

/** Carries out a form change as a minimal edit of the YAML. Resolves false (and says why) when it cannot. */
export function runFormOp(op: FormOp): Promise<boolean> {
  return serial(async () => {
    const { text, version } = state();
    if (state().current?.view.syntaxError) {
      state().notify('The YAML has a syntax error; fix it in the editor first.', 'error');
      return false;
    }
    const r = await engine().formEdit(text, version, op);
    if (state().version !== version) {
      state().notify('The text changed while rootlock was preparing that change; nothing was applied. Try again.', 'error');
      return false;
    }
    if (!r.ok) {
      state().notify(r.error, 'error');
      return false;
    }
    applyEdits(r.edits, 'rootlock.form');
    return true;
  });
}

/** Applies one fix of a finding. The finding may come from an analysis of an older text: it is then found again in a fresh one. */
export function applyFix(finding: Finding, fixIndex: number, forVersion: number): Promise<boolean> {
  return serial(async () => {
    let f: Finding | undefined = finding;
    const { text, version } = state();
    if (forVersion !== version) {
      const fresh = await engine().analyze(text, version);
      if (state().version !== version) return false;
      f = fresh.analysis.findings.find((x) => x.ruleId === finding.ruleId && x.workload === finding.workload && x.container === finding.container && x.message === finding.message);
      if (!f) {
        state().notify('That finding is gone from the current text.', 'info');
        return false;
      }
    }
    const fix = f.fixes[fixIndex] ?? f.fixes[0];
    if (!fix) return false;
    const broken = await engine().checkEdits(text, version, fix.edits);
    if (state().version !== version) return false;
    if (broken) {
      state().notify(broken, 'error');
      return false;
    }
    applyEdits(fix.edits, 'rootlock.fix');
    state().notify(`Applied: ${fix.title}.`);
    return true;
  });
}

/** Every safe and unsafe fix, in rounds, as one undoable change. */
export function fixAll(): Promise<void> {
  return serial(async () => {
    const { text, version } = state();
    const r = await engine().fixAll(text, version);
    if (state().version !== version) {
      state().notify('The text changed while rootlock was fixing it; nothing was applied. Try again.', 'error');
      return;
    }
    if (r.refused) {
      state().notify(`Fix all stopped: ${r.refused}.`, 'error');
      return;
    }
    const edit = diffEdit(text, r.text);
    if (!edit) {
      state().notify('Nothing to fix automatically.');
      return;
    }
    applyEdits([edit], 'rootlock.fixAll');
    state().notify(`Applied ${r.applied} ${r.applied === 1 ? 'fix' : 'fixes'}. Review the changes; Ctrl+Z in the editor undoes them.`);
  });
}

/** Replaces the document, asking first when the current text has changes that were not exported. */
export function openDocument(text: string, fileName: string, what: string): void {
  const go = () => {
    replaceText(text);
    state().loadDocument(text, fileName);
    state().select({ workload: 0, container: 0 });
    state().notify(`Opened ${what}.`);
  };
  if (state().modified && state().text.trim() && state().text !== text) {
    state().askConfirm({
      title: 'Replace your manifest?',
      message: `Your manifest has changes you have not exported. Opening ${what} replaces it in the editor (Ctrl+Z in the editor brings it back until you reload).`,
      confirmLabel: `Open ${what}`,
      onConfirm: go,
    });
  } else go();
}

export const BLANK = '# Paste a Kubernetes manifest here, open a file, or pick an example.\n';

/** Starts over with an empty manifest and forgets the saved one. */
export function startFresh(): void {
  openDocument(BLANK, 'manifest.yaml', 'an empty manifest');
}

/** Downloads the text under its file name. */
export function exportText(): void {
  const { text, fileName } = state();
  const blob = new Blob([text], { type: 'application/yaml' });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = /\.(ya?ml|json)$/i.test(fileName) ? fileName : `${fileName}.yaml`;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
  state().markExported();
  state().notify(`Exported ${a.download}.`);
}

/** Reads a file the user picked or dropped and opens it. */
export async function openFile(file: File): Promise<void> {
  if (file.size > 8 * 1024 * 1024) {
    state().notify(`${file.name} is ${(file.size / 1024 / 1024).toFixed(1)} MB; rootlock opens files up to 8 MB.`, 'error');
    return;
  }
  const text = await file.text();
  openDocument(text, file.name, file.name);
}

/**
 * What the user can do to the document. Every change becomes a text edit applied through the
 * editor bridge (one undo step in Monaco), and the analysis follows from the new text.
 */
import type { AddContainerOptions, DraftNote, Finding, FormOp } from '../src/index.ts';
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
    const checked = await engine().checkEdits(text, version, fix.edits);
    if (state().version !== version) return false;
    if (checked.error) {
      state().notify(checked.error, 'error');
      return false;
    }
    applyEdits(checked.edits, 'rootlock.fix');
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
    state().setAddedNotes(null);
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

/** True when the text holds nothing but blank lines and comments (the empty manifest). */
export function isEmptyText(text: string): boolean {
  return text.split('\n').every((l) => {
    const t = l.trim();
    return t === '' || t.startsWith('#') || t === '---';
  });
}

/** Runs `fn` once the analysis of text version `version` (or a later one) is in. */
function afterAnalysis(version: number, fn: () => void): void {
  if ((state().current?.version ?? -1) >= version) {
    fn();
    return;
  }
  const off = useStore.subscribe((s) => {
    if ((s.current?.version ?? -1) < version) return;
    off();
    fn();
  });
}

/**
 * Puts a drafted manifest in the editor as one undoable edit: in place of the text (`replace`), or
 * after it as a new YAML document (`append`, separated by `---`). Selects the new workload.
 */
export function insertDraft(draft: string, mode: 'replace' | 'append', what: { kind: string; name: string }): void {
  const text = state().text;
  const empty = isEmptyText(text);
  if (mode === 'replace') {
    applyEdits([{ start: 0, end: text.length, text: draft }], 'rootlock.draft');
    if (empty) state().setFileName(`${what.name}.yaml`);
  } else {
    const lastLine = text.trimEnd().split('\n').pop()?.trim();
    const sep = (text.endsWith('\n') || text === '' ? '' : '\n') + (lastLine === '---' ? '' : '---\n');
    applyEdits([{ start: text.length, end: text.length, text: sep + draft }], 'rootlock.draft');
  }
  const version = state().version;
  afterAnalysis(version, () => {
    const workloads = state().current?.analysis.workloads ?? [];
    const wi = mode === 'replace' ? 0 : Math.max(0, workloads.length - 1);
    state().select({ workload: wi, container: 0 });
  });
  state().notify(`${mode === 'replace' ? 'Drafted' : 'Appended'} ${what.kind} ${what.name}. Ctrl+Z in the editor undoes it.`);
}

/**
 * Adds a container to a workload through the engine's addContainer, as one undoable edit, then
 * selects it and keeps the engine's notes about it for the form to show. Resolves the notes, or
 * null when nothing was added (the notes, or a message, say why).
 */
export function addContainerToWorkload(options: AddContainerOptions): Promise<DraftNote[] | null> {
  return serial(async () => {
    const { text, version } = state();
    if (state().current?.view.syntaxError) {
      state().notify('The YAML has a syntax error; fix it in the editor first.', 'error');
      return null;
    }
    const before = new Set((state().current?.analysis.workloads[options.workload]?.containers ?? []).map((c) => c.name));
    const r = await engine().addContainer(text, version, options);
    if (state().version !== version) {
      state().notify('The text changed while rootlock was preparing the container; nothing was added. Try again.', 'error');
      return null;
    }
    if (!r.edits.length) {
      state().notify(r.notes.map((n) => n.message).join(' ') || 'rootlock could not add that container.', 'error');
      return null;
    }
    const checked = await engine().checkEdits(text, version, r.edits);
    if (state().version !== version) return null;
    if (checked.error) {
      state().notify(checked.error, 'error');
      return null;
    }
    applyEdits(checked.edits, 'rootlock.addContainer');
    const after = state().version;
    afterAnalysis(after, () => {
      const containers = state().current?.analysis.workloads[options.workload]?.containers ?? [];
      const ci = containers.findIndex((c) => !before.has(c.name));
      const added = containers[ci];
      if (ci >= 0) state().select({ workload: options.workload, container: ci });
      const role = options.role === 'sidecar' ? 'native sidecar' : options.role === 'init' ? 'init container' : 'app container';
      state().setAddedNotes({ title: `Added ${role} "${added?.name ?? options.name}" for ${options.image.trim()}`, notes: r.notes });
    });
    state().notify(`Added a container for ${options.image.trim()}. Ctrl+Z in the editor undoes it.`);
    return r.notes;
  });
}

import type { IDisposable, editor, languages } from 'monaco-editor';
import { applyFix } from '../actions.ts';
import { useStore } from '../store/index.ts';
import type { Monaco } from './monaco.ts';

const COMMAND = 'rootlock.applyFix';

/**
 * Each fix of a finding under the cursor as a quick fix (light bulb, Ctrl+.). Choosing one runs a
 * command that applies the fix's edits with pushUndoStop + executeEdits, so Ctrl+Z undoes it.
 */
export function registerQuickFixes(monaco: Monaco): IDisposable {
  const command = monaco.editor.registerCommand(COMMAND, (_accessor: unknown, key: string, fixIndex: number, version: number) => {
    // finding keys are unique within an analysis
    const finding = useStore.getState().latest?.analysis.findings.find((f) => f.key === key);
    if (finding) void applyFix(finding, fixIndex, version);
  });
  const provider = monaco.languages.registerCodeActionProvider('yaml', {
    provideCodeActions(model: editor.ITextModel, range, context): languages.CodeActionList {
      const s = useStore.getState();
      const cur = s.latest;
      const none = { actions: [], dispose() {} };
      // offsets are only meaningful for the text they were computed on
      if (!cur || cur.version !== s.version) return none;
      const from = model.getOffsetAt(range.getStartPosition());
      const to = model.getOffsetAt(range.getEndPosition());
      const actions: languages.CodeAction[] = [];
      for (const f of cur.analysis.findings) {
        if (f.range.start > to || Math.max(f.range.end, f.range.start) < from) continue;
        const line = model.getPositionAt(f.range.start).lineNumber;
        const diagnostics = context.markers.filter((m) => m.code === f.ruleId && m.startLineNumber === line);
        const preferred = f.fixes.findIndex((x) => x.applicability !== 'manual');
        f.fixes.forEach((fix, i) => {
          actions.push({
            title: fix.applicability === 'manual' ? `${fix.title} (suggestion)` : fix.title,
            kind: 'quickfix',
            diagnostics,
            isPreferred: i === preferred,
            command: { id: COMMAND, title: fix.title, arguments: [f.key, i, cur.version] },
          });
        });
      }
      return { actions, dispose() {} };
    },
  }, { providedCodeActionKinds: ['quickfix'] });
  return {
    dispose() {
      command.dispose();
      provider.dispose();
    },
  };
}

import { applyEdits } from '../../src/index.ts';
import type { TextEdit } from '../../src/index.ts';

/**
 * The edits as the editor must apply them to get what the engine's applyEdits gives: insertions at
 * one offset merged into one, in the engine's order (a container's new `volumeMounts:` before the
 * pod's new `volumes:` when both land after the pod's last container). Monaco's executeEdits would
 * keep them in the order given, nesting the deeper block under the other.
 */
export function inOrder(edits: TextEdit[]): TextEdit[] {
  const byPoint = new Map<number, TextEdit[]>();
  const out: TextEdit[] = [];
  for (const e of edits) {
    if (e.start !== e.end) {
      out.push(e);
      continue;
    }
    const list = byPoint.get(e.start) ?? [];
    list.push(e);
    byPoint.set(e.start, list);
  }
  for (const [at, list] of byPoint) {
    out.push(list.length === 1 ? (list[0] as TextEdit) : { start: at, end: at, text: applyEdits('', list.map((e) => ({ start: 0, end: 0, text: e.text }))) });
  }
  return out.sort((a, b) => a.start - b.start || a.end - b.end);
}

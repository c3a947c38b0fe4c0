import { describe, expect, it } from 'vitest';
import { analyze, applyEdits } from '../../src/index.ts';
import type { TextEdit } from '../../src/index.ts';
import { inOrder } from './editOrder.ts';

// the container is the pod's last entry: its new volumeMounts and the pod's new volumes land at one offset
const SRC = `apiVersion: v1
kind: Pod
metadata: {name: web}
spec:
  containers:
  - name: nginx
    image: nginx:1.27
    securityContext:
      readOnlyRootFilesystem: true
`;

/** As Monaco's executeEdits applies edits: by position, insertions at one offset in the order given. */
function asTheEditorDoes(text: string, edits: readonly TextEdit[]): string {
  const sorted = edits.map((e, i) => ({ e, i })).sort((a, b) => a.e.start - b.e.start || a.i - b.i);
  let out = '';
  let cursor = 0;
  for (const { e } of sorted) {
    out += text.slice(cursor, e.start) + e.text;
    cursor = e.end;
  }
  return out + text.slice(cursor);
}

describe('edits in the order the engine applies them', () => {
  const fixes = analyze(SRC).findings.flatMap((f) => f.fixes).filter((f) => f.applicability !== 'manual');

  it('as given, the editor would nest a container’s new volumeMounts under the pod’s new volume', () => {
    expect(fixes.some((f) => asTheEditorDoes(SRC, f.edits) !== applyEdits(SRC, f.edits))).toBe(true);
  });

  it('merged, insertions at one offset give the editor what applyEdits gives', () => {
    for (const fix of fixes) {
      const ordered = inOrder(fix.edits);
      const points = ordered.filter((e) => e.start === e.end).map((e) => e.start);
      expect(new Set(points).size).toBe(points.length);
      expect(asTheEditorDoes(SRC, ordered)).toBe(applyEdits(SRC, fix.edits));
    }
  });

  it('keeps replacements and lone insertions as they are', () => {
    const edits = [{ start: 4, end: 6, text: 'x' }, { start: 0, end: 0, text: 'a' }];
    expect(inOrder(edits)).toEqual([{ start: 0, end: 0, text: 'a' }, { start: 4, end: 6, text: 'x' }]);
  });
});

import type { YNode } from '../yaml/tree.ts';
import type { BlockStyle } from '../yaml/render.ts';

/** Reads the file's indentation, sequence style and line endings from its own text. */
export function detectStyle(text: string, roots: readonly (YNode | null)[]): BlockStyle {
  const eol = /\r\n/.test(text.slice(0, 4096)) || (text.indexOf('\n') > 0 && text[text.indexOf('\n') - 1] === '\r') ? '\r\n' : '\n';
  let indent: number | undefined;
  let indentSequences: boolean | undefined;
  const col = (off: number) => off - (text.lastIndexOf('\n', off - 1) + 1);
  const seen = new Set<YNode>();
  const walk = (n: YNode | null, depth: number): void => {
    if (!n || depth > 12 || seen.has(n) || (indent !== undefined && indentSequences !== undefined)) return;
    seen.add(n);
    if (n.kind === 'map' && !n.flow) {
      for (const p of n.pairs) {
        const v = p.value;
        if (!v || p.valueIsAlias || v.flow) continue;
        const keyCol = col(p.key.start);
        if (v.kind === 'map' && indent === undefined && v.firstKeyStart >= 0) {
          const d = col(v.firstKeyStart) - keyCol;
          if (d > 0 && d <= 8) indent = d;
        } else if (v.kind === 'seq' && indentSequences === undefined && v.items.length) {
          indentSequences = col(v.start) > keyCol;
        }
        walk(v, depth + 1);
      }
    } else if (n.kind === 'seq' && !n.flow) {
      for (const i of n.items) walk(i, depth + 1);
    }
  };
  for (const r of roots) walk(r, 0);
  return { indent: indent ?? 2, indentSequences: indentSequences ?? false, eol };
}

import type { YNode } from '../yaml/tree.ts';
import type { BlockStyle } from '../yaml/render.ts';

/**
 * The file's block style, plus the style of each document that differs from it: a stream that
 * concatenates a 2-space and a 4-space document gets each edit in its own document's style.
 */
export interface FileStyle extends BlockStyle {
  regions?: Array<{ start: number; end: number; style: BlockStyle }>;
}

type Found = { indent?: number; indentSequences?: boolean; dashGap?: number };

/** Reads the file's indentation, sequence style and line endings from its own text. */
export function detectStyle(text: string, roots: readonly (YNode | null)[]): FileStyle {
  const eol = /\r\n/.test(text.slice(0, 4096)) || (text.indexOf('\n') > 0 && text[text.indexOf('\n') - 1] === '\r') ? '\r\n' : '\n';
  const all = detectIn(text, roots);
  const style: FileStyle = { indent: all.indent ?? 2, indentSequences: all.indentSequences ?? false, eol, dashGap: all.dashGap ?? 1 };
  if (roots.length > 1) {
    for (const r of roots) {
      if (!r) continue;
      const own: BlockStyle = { ...style, ...defined(detectIn(text, [r])) };
      delete (own as FileStyle).regions;
      if (own.indent !== style.indent || own.indentSequences !== style.indentSequences || own.dashGap !== style.dashGap) {
        (style.regions ??= []).push({ start: r.start, end: r.end, style: own });
      }
    }
  }
  return style;
}

/** The style for an edit anchored at `offset`. */
export function styleAt(style: FileStyle, offset: number): BlockStyle {
  for (const r of style.regions ?? []) if (offset >= r.start && offset <= r.end) return r.style;
  return style;
}

function defined(f: Found): Found {
  const out: Found = {};
  if (f.indent !== undefined) out.indent = f.indent;
  if (f.indentSequences !== undefined) out.indentSequences = f.indentSequences;
  if (f.dashGap !== undefined) out.dashGap = f.dashGap;
  return out;
}

function detectIn(text: string, roots: readonly (YNode | null)[]): Found {
  let indent: number | undefined;
  let indentSequences: boolean | undefined;
  let dashGap: number | undefined;
  const col = (off: number) => off - (text.lastIndexOf('\n', off - 1) + 1);
  const seen = new Set<YNode>();
  const walk = (n: YNode | null, depth: number): void => {
    if (!n || depth > 12 || seen.has(n) || (indent !== undefined && indentSequences !== undefined && dashGap !== undefined)) return;
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
      const first = n.items[0];
      if (dashGap === undefined && first && first.kind === 'map' && !first.flow && first.firstKeyStart >= 0 && first.start > n.start) {
        const d = col(first.firstKeyStart) - col(n.start) - 1;
        if (d >= 1 && d <= 8) dashGap = d;
      }
      for (const i of n.items) walk(i, depth + 1);
    }
  };
  for (const r of roots) walk(r, 0);
  return { indent, indentSequences, dashGap };
}

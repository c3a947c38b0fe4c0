/** Line diff (Myers' O((N+M)·D) algorithm) and unified-diff hunks, for the review report. */

export type LineOp = { type: ' ' | '-' | '+'; text: string; a: number; b: number };

/** Lines of a text without their line breaks (`\r\n` or `\n`); a final line break adds no empty line. */
export function splitLines(text: string): string[] {
  if (text === '') return [];
  const lines = text.split(/\r?\n/);
  if (lines[lines.length - 1] === '') lines.pop();
  return lines;
}

/** The edit script from `a` to `b`: kept (' '), removed ('-') and added ('+') lines, with 0-based line numbers. */
export function diffLines(a: readonly string[], b: readonly string[]): LineOp[] {
  // Common head and tail first: fixes touch few places in long files.
  let head = 0;
  while (head < a.length && head < b.length && a[head] === b[head]) head++;
  let tail = 0;
  while (tail < a.length - head && tail < b.length - head && a[a.length - 1 - tail] === b[b.length - 1 - tail]) tail++;
  const ops: LineOp[] = [];
  for (let i = 0; i < head; i++) ops.push({ type: ' ', text: a[i] as string, a: i, b: i });
  const midA = a.slice(head, a.length - tail);
  const midB = b.slice(head, b.length - tail);
  for (const op of myers(midA, midB)) ops.push({ ...op, a: op.a + head, b: op.b + head });
  for (let i = tail; i > 0; i--) ops.push({ type: ' ', text: a[a.length - i] as string, a: a.length - i, b: b.length - i });
  return ops;
}

function myers(a: readonly string[], b: readonly string[]): LineOp[] {
  const n = a.length;
  const m = b.length;
  const max = n + m;
  const offset = max + 1;
  const v = new Int32Array(2 * max + 3);
  const trace: Int32Array[] = [];
  let found = false;
  for (let d = 0; d <= max && !found; d++) {
    if ((d + 1) * v.length > 20_000_000) return replaceAll(a, b); // two texts with little in common
    trace.push(v.slice());
    for (let k = -d; k <= d; k += 2) {
      let x = k === -d || (k !== d && (v[offset + k - 1] as number) < (v[offset + k + 1] as number)) ? (v[offset + k + 1] as number) : (v[offset + k - 1] as number) + 1;
      let y = x - k;
      while (x < n && y < m && a[x] === b[y]) {
        x++;
        y++;
      }
      v[offset + k] = x;
      if (x >= n && y >= m) {
        found = true;
        break;
      }
    }
  }
  // Walk the trace back from (n, m).
  const out: LineOp[] = [];
  let x = n;
  let y = m;
  for (let d = trace.length - 1; d >= 0; d--) {
    const vd = trace[d] as Int32Array;
    const k = x - y;
    const prevK = k === -d || (k !== d && (vd[offset + k - 1] as number) < (vd[offset + k + 1] as number)) ? k + 1 : k - 1;
    const prevX = d === 0 ? 0 : (vd[offset + prevK] as number);
    const prevY = prevX - prevK;
    while (x > prevX && y > prevY) {
      x--;
      y--;
      out.push({ type: ' ', text: a[x] as string, a: x, b: y });
    }
    if (d > 0) {
      if (x === prevX) out.push({ type: '+', text: b[y - 1] as string, a: x, b: y - 1 });
      else out.push({ type: '-', text: a[x - 1] as string, a: x - 1, b: y });
      x = prevX;
      y = prevY;
    }
  }
  while (x > 0 && y > 0) {
    x--;
    y--;
    out.push({ type: ' ', text: a[x] as string, a: x, b: y });
  }
  return out.reverse();
}

function replaceAll(a: readonly string[], b: readonly string[]): LineOp[] {
  return [...a.map((text, i): LineOp => ({ type: '-', text, a: i, b: 0 })), ...b.map((text, j): LineOp => ({ type: '+', text, a: a.length, b: j }))];
}

export interface Hunk {
  /** 1-based first line and line count in the old and the new text, as in `@@ -a,b +c,d @@`. */
  oldStart: number;
  oldLines: number;
  newStart: number;
  newLines: number;
  lines: LineOp[];
}

/** Groups an edit script into hunks with `context` unchanged lines around each change. */
export function hunks(ops: readonly LineOp[], context = 3): Hunk[] {
  const out: Hunk[] = [];
  let i = 0;
  while (i < ops.length) {
    while (i < ops.length && (ops[i] as LineOp).type === ' ') i++;
    if (i >= ops.length) break;
    let start = Math.max(0, i - context);
    if (out.length) {
      const last = out[out.length - 1] as Hunk;
      const lastEnd = ops.indexOf(last.lines[last.lines.length - 1] as LineOp) + 1;
      start = Math.max(start, lastEnd);
    }
    let end = i;
    // extend while changes are closer than 2·context apart
    for (;;) {
      while (end < ops.length && (ops[end] as LineOp).type !== ' ') end++;
      let next = end;
      while (next < ops.length && (ops[next] as LineOp).type === ' ') next++;
      if (next < ops.length && next - end <= 2 * context) end = next;
      else break;
    }
    const stop = Math.min(ops.length, end + context);
    const lines = ops.slice(start, stop);
    const first = lines[0] as LineOp;
    const oldLines = lines.filter((l) => l.type !== '+').length;
    const newLines = lines.filter((l) => l.type !== '-').length;
    out.push({ oldStart: oldLines ? first.a + 1 : first.a, oldLines, newStart: newLines ? first.b + 1 : first.b, newLines, lines });
    i = stop;
  }
  return out;
}

/** A unified diff body (the `@@` hunks and their lines). */
export function unifiedDiff(oldText: string, newText: string, context = 3): string {
  return formatHunks(hunks(diffLines(splitLines(oldText), splitLines(newText)), context));
}

export function formatHunks(hs: readonly Hunk[]): string {
  return hs.map((h) => `@@ -${h.oldStart},${h.oldLines} +${h.newStart},${h.newLines} @@\n` + h.lines.map((l) => l.type + l.text).join('\n')).join('\n');
}

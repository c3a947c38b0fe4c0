/**
 * A small block-YAML writer for generated policies: maps in key order, lists indented under their
 * key, multi-line strings as `|` literals (CEL stays readable), comments as `#` lines.
 */
import { renderScalar } from '../yaml/render.ts';

/** A `# …` line before the entry it stands in (a key of this name, or a list item). */
export class Comment {
  constructor(readonly text: string) {}
}

export type Y = string | number | boolean | null | Comment | Y[] | { [key: string]: Y };

const PAD = '  ';

function scalar(v: string | number | boolean | null): string {
  return renderScalar(v);
}

function isMap(v: Y): v is { [key: string]: Y } {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof Comment);
}

function comment(c: Comment, indent: string): string {
  return c.text.split('\n').map((l) => `${indent}# ${l}`.trimEnd()).join('\n') + '\n';
}

/** A value after `key:` (or `- `): inline for scalars and empty collections, else on the next lines. */
function after(v: Y, indent: string): string {
  if (typeof v === 'string' && v.includes('\n')) {
    const body = v.replace(/\n+$/, '');
    const keep = v.endsWith('\n') ? '' : '-';
    return ` |${keep}\n${body.split('\n').map((l) => (l ? indent + PAD + l : '')).join('\n')}\n`;
  }
  if (Array.isArray(v)) {
    const flow = flowList(v);
    if (flow !== undefined) return ` ${flow}\n`;
    return v.length ? '\n' + seq(v, indent + PAD) : ' []\n';
  }
  if (isMap(v)) return Object.keys(v).length ? '\n' + map(v, indent + PAD) : ' {}\n';
  if (v instanceof Comment) return '\n';
  return ` ${scalar(v)}\n`;
}

/** A short list of plain scalars on one line (`["", "apps"]`, `[CREATE, UPDATE]`), else undefined. */
function flowList(v: Y[]): string | undefined {
  if (!v.length || !v.every((x) => typeof x === 'string' || typeof x === 'number' || typeof x === 'boolean')) return undefined;
  const items = v.map((x) => (typeof x === 'string' && !/^[A-Za-z0-9_./-]+$/.test(x) ? JSON.stringify(x) : scalar(x as string | number | boolean)));
  const text = `[${items.join(', ')}]`;
  return text.length <= 72 ? text : undefined;
}

function map(m: { [key: string]: Y }, indent: string): string {
  let out = '';
  for (const [k, v] of Object.entries(m)) {
    if (v instanceof Comment) {
      out += comment(v, indent);
      continue;
    }
    out += `${indent}${scalar(k)}:${after(v, indent)}`;
  }
  return out;
}

function seq(items: Y[], indent: string): string {
  let out = '';
  for (const item of items) {
    if (item instanceof Comment) {
      out += comment(item, indent);
      continue;
    }
    if (isMap(item) && Object.keys(item).length) {
      // leading comments above the dash; the first key on the dash line, the rest under it
      const entries = Object.entries(item);
      while (entries[0] && entries[0][1] instanceof Comment) out += comment(entries.shift()?.[1] as Comment, indent);
      const body = map(Object.fromEntries(entries), indent + PAD);
      out += `${indent}- ${body.slice(indent.length + PAD.length)}`;
    } else if (Array.isArray(item) && item.length) {
      out += `${indent}-\n${seq(item, indent + PAD)}`;
    } else {
      out += `${indent}-${after(item, indent)}`;
    }
  }
  return out;
}

/** One YAML document per object, separated by `---`; `header` comment lines go first. */
export function emitDocuments(docs: ReadonlyArray<{ [key: string]: Y }>, header?: string): string {
  const parts = docs.map((d) => map(d, ''));
  return (header ? comment(new Comment(header), '') : '') + parts.join('---\n');
}

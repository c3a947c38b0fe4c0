import type { TextEdit } from '../types.ts';
import type { YMap, YNode, YPair, YSeq } from '../yaml/tree.ts';
import { asSeq, getPair, isNullish } from '../yaml/tree.ts';
import type { BlockStyle, Plain } from '../yaml/render.ts';
import { renderFlow, renderMapLines, renderScalar, renderSeqLines, renderValueAfterKey } from '../yaml/render.ts';
import type { Container, Pod } from '../model/index.ts';

/** What every edit builder of one analysis shares: the text, its style, and names already taken. */
export class EditContext {
  /** Volume names that fixes of this analysis have already picked, per pod spec. */
  readonly reserved = new WeakMap<YMap, Set<string>>();
  constructor(readonly text: string, readonly style: BlockStyle) {}

  col(offset: number): number {
    return offset - (this.text.lastIndexOf('\n', offset - 1) + 1);
  }
  lineStart(offset: number): number {
    return this.text.lastIndexOf('\n', offset - 1) + 1;
  }
  /** Where a line inserted after the node ending at `end` goes: the start of the next line. */
  lineAfter(end: number): number {
    if (end > 0 && this.text[end - 1] === '\n') return end;
    const nl = this.text.indexOf('\n', end);
    return nl === -1 ? this.text.length : nl + 1;
  }
}

type Obj = { [key: string]: Plain };

interface PendingInsert {
  edit: TextEdit;
  value: Obj;
  render: (value: Obj) => string;
}

/**
 * Builds one fix's text edits on the original source. New keys go after the last sibling with the
 * sibling's indentation; new list items copy the list's dash column; flow collections stay flow.
 * Comments, quoting and everything outside the edited spots are left as they are.
 */
export class EditBuilder {
  readonly edits: TextEdit[] = [];
  /** Keys this fix creates, as `offset:key`; two fixes creating the same key cannot share a pass. */
  readonly locks: string[] = [];
  private readonly pending = new Map<object, PendingInsert>();

  constructor(private readonly ctx: EditContext) {}

  /** Sets the scalar or structure at `path` below `map`, creating missing maps on the way. */
  set(map: YMap, path: readonly string[], value: Plain): this {
    let cur = map;
    for (let i = 0; i < path.length; i++) {
      const key = path[i] as string;
      const rest = nest(path.slice(i + 1), value);
      const pair = getPair(cur, key);
      if (!pair) {
        this.insertEntries(cur, { [key]: rest });
        return this;
      }
      const v = pair.value;
      if (i === path.length - 1) {
        this.replaceValue(cur, pair, value);
        return this;
      }
      if (v && v.kind === 'map' && !pair.valueIsAlias) {
        cur = v;
        continue;
      }
      if (v && v.kind === 'map') {
        // an alias: edit the anchored map, which every user of the anchor shares
        cur = v;
        continue;
      }
      this.replaceValue(cur, pair, rest);
      return this;
    }
    return this;
  }

  /** Appends `item` to the sequence at `key` in `map`, creating the key when missing. */
  append(map: YMap, key: string, item: Plain): this {
    const pair = getPair(map, key);
    if (!pair) {
      this.insertEntries(map, { [key]: [item] });
      return this;
    }
    const seq = asSeq(pair.value);
    if (!seq) {
      if (isNullish(pair.value)) this.replaceValue(map, pair, [item]);
      return this;
    }
    const pend = this.pending.get(seq);
    if (pend) {
      (pend.value.items as Plain[]).push(item);
      pend.edit.text = pend.render(pend.value);
      return this;
    }
    const ctx = this.ctx;
    const last = seq.items[seq.items.length - 1];
    let edit: TextEdit;
    let render: (v: Obj) => string;
    if (seq.flow) {
      const json = isJsonish(seq, ctx.text);
      if (!last) {
        edit = { start: seq.start + 1, end: seq.start + 1, text: '' };
        render = (v) => (v.items as Plain[]).map((x) => renderFlow(x, json)).join(', ');
      } else {
        edit = { start: last.end, end: last.end, text: '' };
        render = (v) => (v.items as Plain[]).map((x) => ', ' + renderFlow(x, json)).join('');
      }
    } else {
      const at = ctx.lineAfter(last ? last.end : seq.end);
      const col = ctx.col(seq.start);
      const lead = at === ctx.text.length && !ctx.text.endsWith('\n') ? ctx.style.eol : '';
      edit = { start: at, end: at, text: '' };
      render = (v) => lead + renderSeqLines(v.items as Plain[], col, ctx.style);
    }
    const value: Obj = { items: [item] };
    edit.text = render(value);
    this.edits.push(edit);
    this.pending.set(seq, { edit, value, render });
    return this;
  }

  /** Replaces a scalar node's text with a new scalar. */
  replaceScalar(node: YNode, value: string | number | boolean | null): this {
    const json = node.kind === 'scalar' && node.style === 'double' && this.ctx.text[node.start] === '"' && isJsonContext(this.ctx.text, node.start);
    this.edits.push({ start: node.start, end: node.end, text: json ? JSON.stringify(value) : renderScalar(value) });
    return this;
  }

  /** Removes the leaf at `path`, and each parent map that the removal leaves empty. */
  remove(map: YMap, path: readonly string[]): this {
    const chain: Array<{ map: YMap; pair: YPair }> = [];
    let cur: YMap | null = map;
    for (const key of path) {
      const pair: YPair | null = cur ? getPair(cur, key) : null;
      if (!cur || !pair) return this;
      chain.push({ map: cur, pair });
      cur = pair.value && pair.value.kind === 'map' ? pair.value : null;
    }
    let i = chain.length - 1;
    while (i > 0) {
      const parent = chain[i] as { map: YMap; pair: YPair };
      if (parent.map.pairs.length === 1 && parent.map.merges.length === 0 && !parent.map.aliased) i--;
      else break;
    }
    const target = chain[i] as { map: YMap; pair: YPair };
    this.removePair(target.map, target.pair);
    return this;
  }

  /** Removes item `index` of the sequence at `key`; the key itself when it was the only item. */
  removeItem(map: YMap, key: string, index: number): this {
    const pair = getPair(map, key);
    const seq = asSeq(pair?.value);
    if (!pair || !seq || !seq.items[index]) return this;
    if (seq.items.length === 1 && !seq.flow) return this.removePair(map, pair);
    const item = seq.items[index] as YNode;
    const ctx = this.ctx;
    if (seq.flow) {
      const next = seq.items[index + 1];
      const prev = seq.items[index - 1];
      if (next) this.edits.push({ start: item.start, end: next.start, text: '' });
      else if (prev) this.edits.push({ start: prev.end, end: item.end, text: '' });
      else this.edits.push({ start: item.start, end: item.end, text: '' });
      return this;
    }
    const dash = ctx.text.lastIndexOf('-', item.start);
    const start = ctx.lineStart(dash);
    const end = index + 1 < seq.items.length ? ctx.lineStart(ctx.text.lastIndexOf('-', (seq.items[index + 1] as YNode).start)) : ctx.lineAfter(item.end);
    this.edits.push({ start, end, text: keepComments(ctx.text.slice(start, end), ctx.col(dash), ctx.style.eol) });
    return this;
  }

  /** A volume name not used by the pod and not yet picked by another fix. */
  uniqueVolumeName(pod: Pod, base: string): string {
    let taken = this.ctx.reserved.get(pod.node);
    if (!taken) {
      taken = new Set(pod.volumes.map((v) => v.name));
      this.ctx.reserved.set(pod.node, taken);
    }
    const clean = base.toLowerCase().replace(/[^a-z0-9-]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 55) || 'vol';
    let name = clean;
    for (let n = 2; taken.has(name); n++) name = `${clean}-${n}`;
    taken.add(name);
    return name;
  }

  /** Adds an emptyDir volume to the pod and mounts it in the container; returns the volume name. */
  addEmptyDir(pod: Pod, c: Container, opts: { path: string; name?: string; medium?: string; sizeLimit?: string }): string {
    const name = this.uniqueVolumeName(pod, opts.name ?? nameForPath(opts.path));
    const emptyDir: Obj = {};
    if (opts.medium) emptyDir.medium = opts.medium;
    if (opts.sizeLimit) emptyDir.sizeLimit = opts.sizeLimit;
    this.append(pod.node, 'volumes', { name, emptyDir });
    this.append(c.node, 'volumeMounts', { name, mountPath: opts.path });
    return name;
  }

  // --- internals ---------------------------------------------------------------------------

  private insertEntries(map: YMap, entries: Obj): void {
    const pend = this.pending.get(map);
    if (pend) {
      deepMerge(pend.value, entries);
      pend.edit.text = pend.render(pend.value);
      return;
    }
    const ctx = this.ctx;
    let edit: TextEdit;
    let render: (v: Obj) => string;
    if (map.flow) {
      const json = isJsonish(map, ctx.text);
      if (map.firstKeyStart < 0) {
        edit = { start: map.start + 1, end: map.start + 1, text: '' };
        render = (v) => flowEntries(v, json);
      } else {
        edit = { start: map.lastValueEnd, end: map.lastValueEnd, text: '' };
        render = (v) => ', ' + flowEntries(v, json);
      }
    } else {
      const at = ctx.lineAfter(map.lastValueEnd >= 0 ? map.lastValueEnd : map.end);
      const col = ctx.col(map.firstKeyStart >= 0 ? map.firstKeyStart : map.start);
      const lead = at === ctx.text.length && !ctx.text.endsWith('\n') ? ctx.style.eol : '';
      edit = { start: at, end: at, text: '' };
      render = (v) => lead + renderMapLines(v, col, ctx.style);
    }
    for (const k of Object.keys(entries)) this.locks.push(`${map.start}:${k}`);
    const value: Obj = { ...entries };
    edit.text = render(value);
    this.edits.push(edit);
    this.pending.set(map, { edit, value, render });
  }

  /** Replaces the value of `pair` (in `map`) with `value`, in the style of its surroundings. */
  private replaceValue(map: YMap, pair: YPair, value: Plain): void {
    const ctx = this.ctx;
    const v = pair.value;
    const vStart = pair.valueIsAlias ? (pair.aliasStart as number) : (v?.start ?? pair.key.end);
    const vEnd = pair.valueIsAlias ? (pair.aliasEnd as number) : (v?.end ?? pair.key.end);
    const isScalarValue = value === null || typeof value !== 'object';
    if (isScalarValue) {
      const json = map.flow && isJsonish(map, ctx.text);
      const text = json ? JSON.stringify(value) : renderScalar(value);
      if (v && v.kind === 'scalar' && v.empty) this.edits.push({ start: vStart, end: vStart, text: ' ' + text });
      else this.edits.push({ start: vStart, end: vEnd, text });
      return;
    }
    if (map.flow) {
      const text = renderFlow(value, isJsonish(map, ctx.text));
      if (v && v.kind === 'scalar' && v.empty) this.edits.push({ start: vStart, end: vStart, text: ' ' + text });
      else this.edits.push({ start: vStart, end: vEnd, text });
      return;
    }
    const pend = this.pending.get(pair);
    if (pend) {
      deepMerge(pend.value, { v: value });
      pend.edit.text = pend.render(pend.value);
      return;
    }
    // Block: drop the old value (`~`, `null`, a scalar) and write the structure on the next lines.
    if (!(v && v.kind === 'scalar' && v.empty)) {
      let s = vStart;
      while (s > 0 && (ctx.text[s - 1] === ' ' || ctx.text[s - 1] === '\t')) s--;
      this.edits.push({ start: s, end: vEnd, text: '' });
    }
    const keyCol = ctx.col(pair.key.start);
    const at = ctx.lineAfter(Math.max(vEnd, pair.key.end));
    const lead = at === ctx.text.length && !ctx.text.endsWith('\n') ? ctx.style.eol : '';
    const edit: TextEdit = { start: at, end: at, text: '' };
    const render = (o: Obj): string => lead + renderValueAfterKey(o.v as Plain, keyCol, ctx.style).slice(ctx.style.eol.length);
    const holder: Obj = { v: value };
    edit.text = render(holder);
    this.locks.push(`${pair.key.start}:=`);
    this.edits.push(edit);
    this.pending.set(pair, { edit, value: holder, render });
  }

  private removePair(map: YMap, pair: YPair): this {
    const ctx = this.ctx;
    const idx = map.pairs.indexOf(pair);
    const vEnd = pair.valueIsAlias ? (pair.aliasEnd as number) : Math.max(pair.value?.end ?? 0, pair.key.end);
    const next = map.pairs[idx + 1];
    const prev = map.pairs[idx - 1];
    if (map.flow) {
      if (next) this.edits.push({ start: pair.key.start, end: next.key.start, text: '' });
      else if (prev) this.edits.push({ start: prev.value ? (prev.valueIsAlias ? (prev.aliasEnd as number) : prev.value.end) : prev.key.end, end: vEnd, text: '' });
      else this.edits.push({ start: pair.key.start, end: vEnd, text: '' });
      return this;
    }
    const ls = ctx.lineStart(pair.key.start);
    const before = ctx.text.slice(ls, pair.key.start);
    if (/^[ \t]*$/.test(before)) {
      const end = ctx.lineAfter(vEnd);
      this.edits.push({ start: ls, end, text: keepComments(ctx.text.slice(ls, end), ctx.col(pair.key.start), ctx.style.eol) });
    } else if (next) {
      // `- key: v` on a list item's dash line: pull the next key up onto the dash line
      this.edits.push({ start: pair.key.start, end: next.key.start, text: keepComments(ctx.text.slice(pair.key.start, next.key.start), ctx.col(next.key.start), ctx.style.eol, true) });
    } else {
      this.edits.push({ start: pair.key.start, end: vEnd, text: '{}' });
    }
    return this;
  }
}

/** The comment lines of a removed block of text, re-indented, so that no comment is lost. */
function keepComments(removed: string, col: number, eol: string, trailingIndent = false): string {
  const comments: string[] = [];
  for (const line of removed.split(/\r?\n/)) {
    const m = /(^|\s)(#.*)$/.exec(line);
    if (m && !insideQuotes(line, m.index)) comments.push((m[2] as string).trimEnd());
  }
  if (!comments.length) return '';
  const pad = ' '.repeat(col);
  const body = comments.map((c) => pad + c + eol).join('');
  return trailingIndent ? body.slice(col) + pad : body;
}

function insideQuotes(line: string, at: number): boolean {
  let single = false;
  let double = false;
  for (let i = 0; i < at; i++) {
    const ch = line[i];
    if (ch === "'" && !double) single = !single;
    else if (ch === '"' && !single && line[i - 1] !== '\\') double = !double;
  }
  return single || double;
}

function flowEntries(v: Obj, json: boolean): string {
  return Object.entries(v).map(([k, x]) => `${json ? JSON.stringify(k) : renderScalar(k)}: ${renderFlow(x, json)}`).join(', ');
}

function nest(path: readonly string[], value: Plain): Plain {
  let out = value;
  for (let i = path.length - 1; i >= 0; i--) out = { [path[i] as string]: out };
  return out;
}

function deepMerge(into: Obj, add: Obj): void {
  for (const [k, v] of Object.entries(add)) {
    const cur = into[k];
    if (Array.isArray(cur) && Array.isArray(v)) cur.push(...v);
    else if (cur && typeof cur === 'object' && !Array.isArray(cur) && v && typeof v === 'object' && !Array.isArray(v)) deepMerge(cur, v);
    else into[k] = v;
  }
}

/** A flow collection written as JSON (double-quoted keys), whose new entries must be JSON too. */
function isJsonish(n: YMap | YSeq, text: string): boolean {
  if (n.kind === 'map') {
    const first = n.pairs[0];
    if (first) return first.key.style === 'double';
    return isJsonContext(text, n.start);
  }
  for (const i of n.items) {
    if (i.kind === 'map') return isJsonish(i, text);
    if (i.kind === 'scalar' && typeof i.value === 'string') return i.style === 'double';
  }
  return isJsonContext(text, n.start);
}

/** True when the text before `offset` looks like JSON (the document starts with `{` or `[`). */
function isJsonContext(text: string, offset: number): boolean {
  const head = text.slice(0, Math.min(offset, 2000)).replace(/^\uFEFF/, '').trimStart();
  return head.startsWith('{') || head.startsWith('[');
}

/** `/var/cache/nginx` → `var-cache-nginx`; `/tmp` → `tmp`. */
export function nameForPath(path: string): string {
  const segs = path.split('/').filter(Boolean);
  const tail = segs.slice(-2).join('-');
  return tail || 'root';
}

import type { TextEdit } from '../types.ts';
import type { YMap, YNode, YPair, YScalar, YSeq } from '../yaml/tree.ts';
import { asMap, asSeq, get, getPair, isNullish } from '../yaml/tree.ts';
import type { BlockStyle, Plain } from '../yaml/render.ts';
import { renderFlow, renderMapLines, renderScalar, renderSeqLines, renderValueAfterKey, COMMENT_KEY, withoutComments } from '../yaml/render.ts';
import type { Container, Pod } from '../model/index.ts';
import { styleAt } from './style.ts';
import type { FileStyle } from './style.ts';

/** What every edit builder of one analysis shares: the text, its style, and names already taken. */
export class EditContext {
  /** Volume names that fixes of this analysis have already picked, per pod spec. */
  readonly reserved = new WeakMap<YMap, Set<string>>();
  constructor(readonly text: string, readonly style: FileStyle) {}

  /** The block style of the document holding `offset` (files may mix 2- and 4-space documents). */
  styleAt(offset: number): BlockStyle {
    return styleAt(this.style, offset);
  }

  col(offset: number): number {
    return offset - (this.text.lastIndexOf('\n', offset - 1) + 1);
  }
  lineStart(offset: number): number {
    return this.text.lastIndexOf('\n', offset - 1) + 1;
  }
  /**
   * Whole lines (each ending with the EOL) to insert at `at`. At the end of a file whose last line
   * has no line break the break goes before them instead, so the file still ends without one.
   */
  linesAt(at: number, lines: string): string {
    if (at !== this.text.length || this.text.endsWith('\n') || !lines.endsWith(this.style.eol)) return lines;
    return this.style.eol + lines.slice(0, lines.length - this.style.eol.length);
  }
  /**
   * What goes before a new entry of a flow collection whose last entry starts at `lastStart`: `, `
   * on one line; a comma, a line break and the entry's indentation when each entry has a line of
   * its own (pretty-printed JSON), so the new entry gets its own line too.
   */
  flowSeparator(lastStart: number, inline = ', '): string {
    const ls = this.lineStart(lastStart);
    return /^[ \t]*$/.test(this.text.slice(ls, lastStart)) ? ',' + this.style.eol + ' '.repeat(lastStart - ls) : inline;
  }
  /**
   * The ` # comment` that follows `end` on its line, when `ownLine` entries are being added after
   * it: the new entry goes below the comment, which stays with the entry it was written for.
   */
  commentAfter(end: number, ownLine: boolean): string {
    if (!ownLine) return '';
    const nl = this.text.indexOf('\n', end);
    const rest = this.text.slice(end, nl === -1 ? this.text.length : nl).replace(/\r$/, '');
    return /^[ \t]+#/.test(rest) ? rest : '';
  }
  /**
   * The indentation step of a flow collection spread over lines (pretty-printed JSON: `{` and its
   * first entry on different lines), or undefined when it is written on one line.
   */
  spreadUnit(n: YNode): number | undefined {
    if (n.kind === 'scalar') return undefined;
    const first = n.kind === 'map' ? n.pairs[0]?.key.start : n.items[0]?.start;
    if (first === undefined || this.lineStart(first) === this.lineStart(n.start)) return undefined;
    const ls = this.lineStart(n.start);
    const indent = /^[ ]*/.exec(this.text.slice(ls, n.start))?.[0].length ?? 0;
    const unit = this.col(first) - indent;
    return unit > 0 && unit <= 8 ? unit : undefined;
  }
  /** `x` as JSON spread over lines, `unit` spaces a level, its later lines indented by `col`. */
  prettyJson(x: Plain, unit: number, col: number): string {
    return JSON.stringify(withoutComments(x), null, unit).split('\n').join(this.style.eol + ' '.repeat(col));
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
        // A map that only comes in through `<<: *anchor`: edit it there. A local key would
        // replace the merged map whole and drop its other keys.
        const merged = i < path.length - 1 ? asMap(get(cur, key)) : null;
        if (merged) {
          cur = merged;
          continue;
        }
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
    // A list written once and used in several places — an `&anchor` list, or one that comes in
    // through `<<: *anchor` — is extended where it is written: a local key would replace the
    // merged list whole. One fix per pass may extend it; the others see the result next pass
    // (two containers sharing a list must not both add a mount at /tmp).
    const merged = pair ? null : asSeq(get(map, key));
    if (!pair && !merged) {
      this.insertEntries(map, { [key]: [item] });
      return this;
    }
    const seq = merged ?? asSeq(pair?.value);
    if (!seq) {
      if (pair && isNullish(pair.value)) this.replaceValue(map, pair, [item]);
      return this;
    }
    const pend = this.pending.get(seq);
    if (pend) {
      (pend.value.items as Plain[]).push(item);
      pend.edit.text = pend.render(pend.value);
      return this;
    }
    if (merged || seq.aliased || map.aliased) this.locks.push(`${seq.start}:+`);
    const ctx = this.ctx;
    const last = seq.items[seq.items.length - 1];
    let edit: TextEdit;
    let render: (v: Obj) => string;
    if (seq.flow) {
      const fmt = flowFormat(seq, ctx.text);
      if (!last) {
        edit = { start: seq.start + 1, end: seq.start + 1, text: '' };
        render = (v) => (v.items as Plain[]).map((x) => flowValue(x, fmt)).join(fmt.sep);
        // a second fix filling the same `[]` in this pass would write `[a b]`: one per pass
        this.locks.push(`${seq.start}:[]`);
      } else {
        const sep = ctx.flowSeparator(last.start, fmt.sep);
        const after = ctx.commentAfter(last.end, sep !== fmt.sep);
        edit = { start: last.end, end: last.end + after.length, text: '' };
        // pretty-printed JSON whose last item is spread over lines: spread the new items too
        const unit = sep !== fmt.sep && fmt.json && !fmt.compact ? ctx.spreadUnit(last) : undefined;
        const col = ctx.col(last.start);
        render = (v) => (v.items as Plain[]).map((x, i) => (i === 0 && after ? ',' + after + sep.slice(1) : sep) + (unit ? ctx.prettyJson(x, unit, col) : flowValue(x, fmt))).join('');
      }
    } else {
      const at = ctx.lineAfter(last ? last.end : seq.end);
      const col = ctx.col(seq.start);
      edit = { start: at, end: at, text: '' };
      const firstItem = seq.items[0];
      const style = withQuotes(ctx.styleAt(seq.start), firstItem && firstItem.kind === 'map' ? firstItem.pairs[0]?.key : undefined);
      render = (v) => ctx.linesAt(at, renderSeqLines(v.items as Plain[], col, style));
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
    this.edits.push({ start: node.start, end: node.end, text: quotedLike(node, value) ?? (json ? JSON.stringify(value) : renderScalar(value)) });
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
    const clean = base.toLowerCase().replace(/[^a-z0-9-]+/g, '-').replace(/-{2,}/g, '-').replace(/^-+|-+$/g, '').slice(0, 55) || 'vol';
    let name = clean;
    for (let n = 2; taken.has(name); n++) name = `${clean}-${n}`;
    taken.add(name);
    return name;
  }

  /** A container name not used in the pod. */
  uniqueContainerName(pod: Pod, base: string): string {
    const taken = new Set(pod.containers.map((c) => c.name));
    const clean = base.toLowerCase().replace(/[^a-z0-9-]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 55) || 'init';
    let name = clean;
    for (let n = 2; taken.has(name); n++) name = `${clean}-${n}`;
    return name;
  }

  /** Adds an emptyDir volume to the pod and mounts it in the container; returns the volume name. */
  /**
   * Gives `c` a writable volume at `path` of the kind the path wants: a disk or memory emptyDir,
   * or persistent storage — a volumeClaimTemplate in a StatefulSet, else a PersistentVolumeClaim
   * volume whose claim the user must create (the fix says so in a comment beside it).
   */
  addWritableVolume(pod: Pod, c: Container, opts: { path: string; kind: 'emptyDir' | 'memory' | 'persistent'; sizeLimit?: string; name?: string; comment?: string }): string {
    if (opts.kind !== 'persistent') {
      return this.addEmptyDir(pod, c, { path: opts.path, ...(opts.name ? { name: opts.name } : {}), ...(opts.kind === 'memory' ? { medium: 'Memory' } : {}), ...(opts.sizeLimit ? { sizeLimit: opts.sizeLimit } : {}), ...(opts.comment ? { comment: opts.comment } : {}) });
    }
    const name = this.uniqueVolumeName(pod, opts.name ?? nameForPath(opts.path));
    const w = pod.workload;
    if (w.kind === 'StatefulSet' && w.podPath.join('.') === 'spec.template.spec') {
      const spec = w.node.pairs.find((p) => p.name === 'spec')?.value;
      if (spec && spec.kind === 'map') {
        this.append(spec, 'volumeClaimTemplates', {
          [COMMENT_KEY]: `rootlock: ${opts.comment ? `${opts.comment}; ` : ''}check the size and storageClassName before you apply`,
          metadata: { name },
          spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: opts.sizeLimit ?? '1Gi' } } },
        });
        this.append(c.node, 'volumeMounts', { name, mountPath: opts.path });
        return name;
      }
    }
    this.append(pod.node, 'volumes', {
      [COMMENT_KEY]: `rootlock: create the PersistentVolumeClaim "${w.name}-${name}" (or name an existing claim)${opts.comment ? ` — ${opts.comment}` : ''}`,
      name,
      persistentVolumeClaim: { claimName: `${w.name}-${name}` },
    });
    this.append(c.node, 'volumeMounts', { name, mountPath: opts.path });
    return name;
  }

  addEmptyDir(pod: Pod, c: Container, opts: { path: string; name?: string; medium?: string; sizeLimit?: string; comment?: string }): string {
    const name = this.uniqueVolumeName(pod, opts.name ?? nameForPath(opts.path));
    const emptyDir: Obj = {};
    if (opts.medium) emptyDir.medium = opts.medium;
    if (opts.sizeLimit) emptyDir.sizeLimit = opts.sizeLimit;
    this.append(pod.node, 'volumes', opts.comment ? { [COMMENT_KEY]: opts.comment, name, emptyDir } : { name, emptyDir });
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
      const fmt = flowFormat(map, ctx.text);
      if (map.firstKeyStart < 0) {
        edit = { start: map.start + 1, end: map.start + 1, text: '' };
        render = (v) => flowEntries(v, fmt, fmt.sep);
        this.locks.push(`${map.start}:{}`);
      } else {
        const lastKey = map.pairs[map.pairs.length - 1]?.key;
        const sep = lastKey ? ctx.flowSeparator(lastKey.start, fmt.sep) : fmt.sep;
        const after = ctx.commentAfter(map.lastValueEnd, sep !== fmt.sep);
        edit = { start: map.lastValueEnd, end: map.lastValueEnd + after.length, text: '' };
        // pretty-printed JSON: a new object or list is spread over lines like its siblings are
        // (the last sibling that holds one decides; with none, the map itself)
        const sibling = [...map.pairs].reverse().find((p) => p.value && p.value.kind !== 'scalar' && (p.value.kind === 'map' ? p.value.pairs.length : p.value.items.length))?.value;
        const unit = lastKey && sep !== fmt.sep && fmt.json && !fmt.compact ? ctx.spreadUnit(sibling ?? map) : undefined;
        const col = lastKey ? ctx.col(lastKey.start) : 0;
        render = (v) => (after ? ',' + after + sep.slice(1) : sep) + flowEntries(v, fmt, sep, unit ? (x) => ctx.prettyJson(x, unit, col) : undefined);
      }
    } else {
      const at = ctx.lineAfter(map.lastValueEnd >= 0 ? map.lastValueEnd : map.end);
      const col = ctx.col(map.firstKeyStart >= 0 ? map.firstKeyStart : map.start);
      edit = { start: at, end: at, text: '' };
      const style = withQuotes(ctx.styleAt(map.start), map.pairs[0]?.key);
      render = (v) => ctx.linesAt(at, renderMapLines(v, col, style));
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
      const text = (v ? quotedLike(v, value) : undefined) ?? (json ? JSON.stringify(value) : renderScalar(value));
      if (v && v.kind === 'scalar' && v.empty) this.edits.push({ start: vStart, end: vStart, text: ' ' + text });
      else this.edits.push({ start: vStart, end: vEnd, text });
      return;
    }
    if (map.flow) {
      const text = flowValue(value, flowFormat(map, ctx.text));
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
    const edit: TextEdit = { start: at, end: at, text: '' };
    const style = withQuotes(ctx.styleAt(pair.key.start), pair.key);
    const render = (o: Obj): string => ctx.linesAt(at, renderValueAfterKey(o.v as Plain, keyCol, style).slice(style.eol.length));
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

/** The style with the quotes of `key`, when the user quotes the keys there (`"name": "web"`). */
function withQuotes(style: BlockStyle, key: YScalar | undefined): BlockStyle {
  return key && (key.style === 'double' || key.style === 'single') ? { ...style, quote: key.style } : style;
}

/**
 * A new string value in the quotes of the scalar it replaces (`name: "cahce"` → `name: "cache"`),
 * so the user's quoting survives; undefined when the old scalar was not quoted or the new value is
 * not a string (a boolean must lose its quotes to be a boolean).
 */
function quotedLike(old: YNode, value: string | number | boolean | null): string | undefined {
  if (old.kind !== 'scalar' || old.empty || typeof value !== 'string') return undefined;
  if (old.style === 'double') return JSON.stringify(value);
  if (old.style === 'single') return `'${value.replace(/'/g, "''")}'`;
  return undefined;
}

/** How new entries of a flow collection are written: YAML or JSON, and minified JSON's separators. */
interface FlowFormat {
  json: boolean;
  /** Minified JSON (`{"a":1,"b":2}`): no space after `:` and `,`. */
  compact: boolean;
  sep: string;
}

function flowFormat(n: YMap | YSeq, text: string): FlowFormat {
  const json = isJsonish(n, text);
  const compact = json && isCompactJson(text);
  return { json, compact, sep: compact ? ',' : ', ' };
}

function flowValue(x: Plain, fmt: FlowFormat): string {
  return fmt.compact ? JSON.stringify(withoutComments(x)) : renderFlow(x, fmt.json);
}

function flowEntries(v: Obj, fmt: FlowFormat, sep: string, value?: (x: Plain) => string): string {
  const colon = fmt.compact ? ':' : ': ';
  return Object.entries(v).filter(([k]) => k !== COMMENT_KEY).map(([k, x]) => `${fmt.json ? JSON.stringify(k) : renderScalar(k)}${colon}${value ? value(x) : flowValue(x, fmt)}`).join(sep);
}

/** True for minified JSON: the document's first key is followed by `:` with no space. */
function isCompactJson(text: string): boolean {
  return /^\s*[[{][\s[{]*"(?:[^"\\]|\\.)*":\S/.test(text.slice(0, 2000).replace(/^\uFEFF/, ''));
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

/** Directory names that say what a path is for rather than whose it is. */
const GENERIC = new Set(['var', 'usr', 'local', 'opt', 'srv', 'lib', 'share', 'bitnami', 'app']);
const PURPOSE_WORDS = new Set(['cache', 'run', 'log', 'logs', 'tmp', 'temp', 'lib', 'spool', 'data', 'conf', 'config', 'etc']);

/**
 * A readable volume name for a path: `/tmp` → `tmp`, `/var/run` → `run`, `/var/cache/nginx` →
 * `nginx-cache`, `/var/lib/postgresql/data` → `postgresql-data`, `/var/run/postgresql` →
 * `postgresql-run`.
 */
export function nameForPath(path: string): string {
  const segs = path.split('/').filter((s) => s && s !== '.');
  const meaningful = segs.filter((s, i) => !(GENERIC.has(s) && i < segs.length - 1));
  if (meaningful.length === 0) return segs[segs.length - 1] ?? 'root';
  if (meaningful.length === 1) return meaningful[0] as string;
  const [a, b] = meaningful.slice(-2) as [string, string];
  return PURPOSE_WORDS.has(a) && !PURPOSE_WORDS.has(b) ? `${b}-${a}` : `${a}-${b}`;
}

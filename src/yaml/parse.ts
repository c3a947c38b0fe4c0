import { parseAllDocuments, isAlias, isMap, isScalar, isSeq } from 'yaml';
import type { Document, Node as YamlNode, Alias, Scalar } from 'yaml';
import type { YMap, YNode, YPair, YScalar, YSeq, ScalarStyle } from './tree.ts';

export interface ParseProblem {
  code: string;
  message: string;
  start: number;
  end: number;
}

export interface ParsedDocument {
  index: number;
  /** [start, end) of the whole document including its `---` marker and comments. */
  start: number;
  end: number;
  contents: YNode | null;
  errors: ParseProblem[];
  warnings: ParseProblem[];
}

export interface ParseOptions {
  /** Largest number of nodes a document may expand to through aliases (billion-laughs guard). */
  maxExpandedNodes?: number;
}

/** Kubernetes reads YAML with YAML 1.1 semantics (sigs.k8s.io/yaml on go-yaml): `yes` is true. */
const YAML_OPTIONS = { version: '1.1', prettyErrors: false, uniqueKeys: true, strict: true, merge: true } as const;

const STYLE: Record<string, ScalarStyle> = {
  PLAIN: 'plain',
  QUOTE_SINGLE: 'single',
  QUOTE_DOUBLE: 'double',
  BLOCK_LITERAL: 'literal',
  BLOCK_FOLDED: 'folded',
};

/** Parses every document of a YAML (or JSON) stream into rootlock's tree. Never throws on input. */
export function parseYaml(text: string, options: ParseOptions = {}): ParsedDocument[] {
  return parseDocuments(text, options, { problems: false }, { offset: false });
}

/** Set when the stream has problems outside its documents (which the `yaml` package gives to the next document). */
interface StreamProblems {
  problems: boolean;
}

/**
 * parseYaml(text, options); tells `stream` whether the stream had problems outside any document
 * (parseAllDocuments returns no document then, and its errors or warnings), and `madeUp` whether
 * the converter used an offset of its own (0, for a node without a range).
 */
function parseDocuments(text: string, options: ParseOptions, stream: StreamProblems, madeUp: { offset: boolean }): ParsedDocument[] {
  const maxExpanded = options.maxExpandedNodes ?? 1_000_000;
  const raw = parseAllDocuments(text, YAML_OPTIONS);
  const docs: Document.Parsed[] = Array.isArray(raw) ? raw : [];
  if (!docs.length && 'errors' in raw && (raw.errors.length > 0 || raw.warnings.length > 0)) stream.problems = true;
  const out: ParsedDocument[] = [];
  docs.forEach((doc, index) => {
    const errors = doc.errors.map(toProblem);
    const warnings = doc.warnings.map(toProblem);
    let contents: YNode | null = null;
    if (errors.length === 0 && doc.contents) {
      const conv = new Converter(doc);
      contents = conv.node(doc.contents as YamlNode);
      if (conv.madeUpOffset) madeUp.offset = true;
      if (conv.unresolved.length) {
        errors.push(...conv.unresolved);
        contents = null;
      }
      if (contents && conv.aliasCount > 0) {
        const size = expandedSize(contents, maxExpanded);
        if (size > maxExpanded) {
          const at = conv.firstAlias ?? [0, 0];
          errors.push({
            code: 'ALIAS_BOMB',
            message: `Aliases expand this document to more than ${maxExpanded.toLocaleString('en-US')} nodes (a "billion laughs" document); rootlock will not expand it`,
            start: at[0],
            end: at[1],
          });
          contents = null;
        }
      }
    }
    const [start, , end] = doc.range;
    out.push({ index, start, end, contents, errors, warnings });
  });
  return out;
}

/** The text parseYamlShared() saw last, with its documents. */
let last: { text: string; docs: readonly ParsedDocument[] } | undefined;
/** The parse of each document chunk of the last text, by the chunk's text (see parseIncremental). */
let chunkCache = new Map<string, Chunk>();

/**
 * parseYaml(text) for callers that only read the tree: the last text's documents are remembered
 * and handed out again while the same text comes back. The editor's worker answers each
 * keystroke with analyze() and then formView() of one text, so the second parse — most of the
 * work — is free.
 *
 * A new text is parsed document by document (parseIncremental): the documents whose text did not
 * change since the last text are not parsed again, only moved to their new offsets — a keystroke
 * in one document of a long stream parses that document alone. The result equals parseYaml(text)
 * (test/parse-incremental.test.ts).
 *
 * The documents are shared: a caller must never write to them (nor to their nodes). analyze()
 * and formView() do not; test/parse-memo.test.ts checks it on a frozen tree, and that the results
 * equal those of a fresh parse. One entry: a different text replaces it.
 */
export function parseYamlShared(text: string): readonly ParsedDocument[] {
  if (last?.text !== text) last = { text, docs: parseIncremental(text) };
  return last.docs;
}

/** Forgets the remembered parse, so that the next parseYamlShared() parses afresh (tests). */
export function forgetSharedParse(): void {
  last = undefined;
  chunkCache = new Map();
}

/**
 * One chunk of a stream — the text from one `---` line (or the stream's start) to the next — parsed
 * on its own, at offset 0. `clean` when it parsed without an error, a stream-level problem or an
 * offset the converter made up, so that the stream parses to these documents moved to the chunk's
 * offset. `placed` remembers the documents as last handed out: at `offset`, numbered from `index`.
 */
interface Chunk {
  docs: ParsedDocument[];
  clean: boolean;
  placed?: { offset: number; index: number; docs: ParsedDocument[] };
}

/**
 * parseYaml(text), reusing the parse of every document chunk of the last text that comes back
 * unchanged (at any offset). A line that starts with `---` and a blank (or ends there) starts a
 * new document, and YAML forbids such a line inside any content (c-forbidden), so the `yaml`
 * package's lexer starts afresh there whatever came before — unless something before it is left
 * open (an unterminated quote or flow collection), which is an error in that chunk on its own.
 * So: chunks that parse cleanly on their own are taken as they are; from the chunk before the
 * first one that does not, the rest of the text is parsed in one piece. Whatever this reasoning
 * does not cover falls back to a whole parse: directives (`%` lines, which reach into later
 * documents), document-end lines (`...`), a byte-order mark, a lone CR.
 */
export function parseIncremental(text: string): ParsedDocument[] {
  if (/^(?:%|\.\.\.(?:[ \t\r\n]|$))|\uFEFF|\r(?!\n)/m.test(text)) {
    chunkCache = new Map();
    return parseYaml(text);
  }
  const starts = [0];
  // `^` in a multiline regex also matches after CR, U+2028 and U+2029, which YAML lines do not end at
  const marker = /^---(?:[ \t\r\n]|$)/gm;
  for (let m = marker.exec(text); m; m = marker.exec(text)) if (m.index > 0 && text[m.index - 1] === '\n') starts.push(m.index);
  const next = new Map<string, Chunk>();
  const out: ParsedDocument[] = [];
  let previous = { offset: 0, docs: 0 }; // where the chunk before this one starts
  for (let i = 0; i < starts.length; i++) {
    const offset = starts[i] as number;
    const end = i + 1 < starts.length ? (starts[i + 1] as number) : text.length;
    const source = text.slice(offset, end);
    const chunk = next.get(source) ?? chunkCache.get(source) ?? parseChunk(source, i > 0);
    next.set(source, chunk);
    if (!chunk.clean) {
      // Parse the rest in one piece: what is left open here may reach into later chunks, and the
      // `yaml` package gives an error ahead of a document's first token to the document before.
      const from = i > 0 ? previous : { offset: 0, docs: 0 };
      const rest = parseChunk(text.slice(from.offset), from.offset > 0);
      if (!rest.valid) {
        chunkCache = new Map();
        return parseYaml(text);
      }
      out.length = from.docs;
      out.push(...rest.docs.map((d, k) => placeDocument(d, from.offset, from.docs + k)));
      break;
    }
    previous = { offset, docs: out.length };
    const p = chunk.placed;
    if (p && p.offset === offset && p.index === out.length) out.push(...p.docs);
    else {
      const docs = chunk.docs.map((d, k) => placeDocument(d, offset, out.length + k));
      chunk.placed = { offset, index: out.length, docs };
      out.push(...docs);
    }
  }
  chunkCache = next;
  return out;
}

/**
 * Parses one chunk at offset 0. `valid` when its documents can be moved to any offset (the
 * converter made up no offset 0 of its own, and a chunk that starts with `---` starts a document
 * there); `clean` when, besides, nothing in it is an error or left to the next document.
 */
function parseChunk(source: string, startsWithMarker: boolean): Chunk & { valid: boolean } {
  const stream: StreamProblems = { problems: false };
  const madeUp = { offset: false };
  const docs = parseDocuments(source, {}, stream, madeUp);
  const valid = !madeUp.offset && (!startsWithMarker || docs[0]?.start === 0);
  const clean = valid && !stream.problems && docs.every((d) => d.errors.length === 0);
  return { docs, clean, valid };
}

/** The document `d` (parsed at offset 0) at `offset`, as document `index` of the stream. */
function placeDocument(d: ParsedDocument, offset: number, index: number): ParsedDocument {
  if (offset === 0) return d.index === index ? d : { ...d, index };
  const seen = new Map<YNode, YNode>();
  const at = (x: number): number => x + offset;
  const problem = (e: ParseProblem): ParseProblem => ({ ...e, start: at(e.start), end: at(e.end) });
  const node = (n: YNode): YNode => {
    const hit = seen.get(n);
    if (hit) return hit;
    if (n.kind === 'scalar') {
      const sc: YScalar = { ...n, start: at(n.start), end: at(n.end) };
      seen.set(n, sc);
      return sc;
    }
    if (n.kind === 'seq') {
      const seq: YSeq = { ...n, start: at(n.start), end: at(n.end), items: [] };
      seen.set(n, seq);
      for (const item of n.items) seq.items.push(node(item));
      return seq;
    }
    const map: YMap = {
      ...n,
      start: at(n.start),
      end: at(n.end),
      pairs: [],
      merges: [],
      firstKeyStart: n.firstKeyStart < 0 ? n.firstKeyStart : at(n.firstKeyStart),
      lastValueEnd: n.lastValueEnd < 0 ? n.lastValueEnd : at(n.lastValueEnd),
    };
    seen.set(n, map);
    for (const p of n.pairs) {
      const pair: YPair = { ...p, key: node(p.key) as YScalar, value: p.value ? node(p.value) : p.value };
      if (p.aliasStart !== undefined) pair.aliasStart = at(p.aliasStart);
      if (p.aliasEnd !== undefined) pair.aliasEnd = at(p.aliasEnd);
      map.pairs.push(pair);
    }
    for (const m of n.merges) map.merges.push(node(m) as YMap);
    return map;
  };
  return {
    index,
    start: at(d.start),
    end: at(d.end),
    contents: d.contents ? node(d.contents) : d.contents,
    errors: d.errors.map(problem),
    warnings: d.warnings.map(problem),
  };
}

function toProblem(e: { code: string; message: string; pos: [number, number] }): ParseProblem {
  return { code: e.code, message: e.message, start: e.pos[0], end: e.pos[1] };
}

class Converter {
  private readonly seen = new Map<YamlNode, YNode>();
  aliasCount = 0;
  firstAlias: [number, number] | undefined;
  /** Set when a node had no range (or no node was there) and got offset 0 instead. */
  madeUpOffset = false;
  /** Aliases that name no anchor defined before them (the yaml package leaves them null). */
  readonly unresolved: ParseProblem[] = [];
  constructor(private readonly doc: Document.Parsed) {}

  node(n: YamlNode | Alias | null | undefined): YNode {
    if (n && isAlias(n)) return this.alias(n).node;
    if (!n) {
      this.madeUpOffset = true;
      return emptyScalar(0);
    }
    const hit = this.seen.get(n);
    if (hit) return hit;
    if (isMap(n)) {
      const [start, end] = this.range(n.range);
      const map: YMap = { kind: 'map', start, end, flow: !!n.flow, pairs: [], merges: [], firstKeyStart: -1, lastValueEnd: -1 };
      this.seen.set(n, map);
      for (const item of n.items) {
        const k = item.key as YamlNode | null;
        const v = item.value as YamlNode | Alias | null;
        const kr = k?.range;
        if (kr && map.firstKeyStart < 0) map.firstKeyStart = kr[0];
        const vr = v?.range ?? kr;
        if (vr) map.lastValueEnd = Math.max(map.lastValueEnd, vr[1]);
        if (k && isScalar(k) && typeof k.value === 'symbol') {
          // `<<: *a` or `<<: [*a, *b]` (YAML 1.1 merge key)
          const target = v && isAlias(v) ? this.alias(v).node : this.node(v);
          if (target.kind === 'map') map.merges.push(target);
          else if (target.kind === 'seq') for (const t of target.items) if (t.kind === 'map') map.merges.push(t);
          continue;
        }
        const key = k ? this.node(k) : emptyScalar(start);
        const keyScalar: YScalar = key.kind === 'scalar' ? key : { kind: 'scalar', start: key.start, end: key.end, flow: false, value: null, style: 'plain', empty: true };
        const pair: YPair = { key: keyScalar, name: key.kind === 'scalar' && key.value !== null ? String(key.value) : '', value: null, valueIsAlias: false };
        if (v && isAlias(v)) {
          const a = this.alias(v);
          pair.value = a.node;
          pair.valueIsAlias = true;
          pair.aliasStart = a.start;
          pair.aliasEnd = a.end;
        } else if (v) {
          pair.value = this.node(v);
        } else {
          pair.value = emptyScalar(keyScalar.end);
        }
        map.pairs.push(pair);
      }
      return map;
    }
    if (isSeq(n)) {
      const [start, end] = this.range(n.range);
      const seq: YSeq = { kind: 'seq', start, end, flow: !!n.flow, items: [] };
      this.seen.set(n, seq);
      for (const item of n.items) seq.items.push(this.node(item as YamlNode | Alias | null));
      return seq;
    }
    const s = n as Scalar;
    const [start, end] = this.range(s.range);
    const v = s.value;
    const value = v === null || v === undefined ? null : typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' ? v : typeof v === 'bigint' ? Number(v) : String(v);
    const sc: YScalar = { kind: 'scalar', start, end, flow: false, value, style: STYLE[s.type ?? 'PLAIN'] ?? 'plain', empty: start === end };
    this.seen.set(n, sc);
    return sc;
  }

  private range(r: readonly [number, number, ...number[]] | null | undefined): readonly [number, number, ...number[]] {
    if (r) return r;
    this.madeUpOffset = true;
    return [0, 0];
  }

  private alias(a: Alias): { node: YNode; start: number; end: number } {
    this.aliasCount++;
    const [start, end] = this.range(a.range);
    this.firstAlias ??= [start, end];
    const target = a.resolve(this.doc) as YamlNode | undefined;
    if (!target) this.unresolved.push({ code: 'UNRESOLVED_ALIAS', message: `Alias *${a.source} names no anchor &${a.source} defined before it (an anchor must come before its aliases; Kubernetes rejects the document)`, start, end });
    const node = target ? this.node(target) : emptyScalar(start);
    node.aliased = true;
    return { node, start, end };
  }
}

function emptyScalar(at: number): YScalar {
  return { kind: 'scalar', start: at, end: at, flow: false, value: null, style: 'plain', empty: true };
}

/** Size of the document with every alias expanded, memoised per node and capped at `limit + 1`. */
function expandedSize(root: YNode, limit: number): number {
  const memo = new Map<YNode, number>();
  const visiting = new Set<YNode>();
  const size = (n: YNode): number => {
    const m = memo.get(n);
    if (m !== undefined) return m;
    if (visiting.has(n)) return limit + 1; // a recursive alias can never be expanded
    visiting.add(n);
    let total = 1;
    if (n.kind === 'map') {
      for (const p of n.pairs) {
        total += 1 + (p.value ? size(p.value) : 0);
        if (total > limit) break;
      }
      for (const mm of n.merges) total += size(mm);
    } else if (n.kind === 'seq') {
      for (const i of n.items) {
        total += size(i);
        if (total > limit) break;
      }
    }
    visiting.delete(n);
    const capped = Math.min(total, limit + 1);
    memo.set(n, capped);
    return capped;
  };
  return size(root);
}

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
  const maxExpanded = options.maxExpandedNodes ?? 1_000_000;
  const raw = parseAllDocuments(text, YAML_OPTIONS);
  const docs: Document.Parsed[] = Array.isArray(raw) ? raw : [];
  const out: ParsedDocument[] = [];
  docs.forEach((doc, index) => {
    const errors = doc.errors.map(toProblem);
    const warnings = doc.warnings.map(toProblem);
    let contents: YNode | null = null;
    if (errors.length === 0 && doc.contents) {
      const conv = new Converter(doc);
      contents = conv.node(doc.contents as YamlNode);
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

/**
 * parseYaml(text) for callers that only read the tree: the last text's documents are remembered
 * and handed out again while the same text comes back. The editor's worker answers each
 * keystroke with analyze() and then formView() of one text, so the second parse — most of the
 * work — is free.
 *
 * The documents are shared: a caller must never write to them (nor to their nodes). analyze()
 * and formView() do not; test/parse-memo.test.ts checks it on a frozen tree, and that the results
 * equal those of a fresh parse. One entry: a different text replaces it.
 */
export function parseYamlShared(text: string): readonly ParsedDocument[] {
  if (last?.text !== text) last = { text, docs: parseYaml(text) };
  return last.docs;
}

/** Forgets the remembered parse, so that the next parseYamlShared() parses afresh (tests). */
export function forgetSharedParse(): void {
  last = undefined;
}

function toProblem(e: { code: string; message: string; pos: [number, number] }): ParseProblem {
  return { code: e.code, message: e.message, start: e.pos[0], end: e.pos[1] };
}

class Converter {
  private readonly seen = new Map<YamlNode, YNode>();
  aliasCount = 0;
  firstAlias: [number, number] | undefined;
  /** Aliases that name no anchor defined before them (the yaml package leaves them null). */
  readonly unresolved: ParseProblem[] = [];
  constructor(private readonly doc: Document.Parsed) {}

  node(n: YamlNode | Alias | null | undefined): YNode {
    if (n && isAlias(n)) return this.alias(n).node;
    if (!n) return emptyScalar(0);
    const hit = this.seen.get(n);
    if (hit) return hit;
    if (isMap(n)) {
      const [start, end] = n.range ?? [0, 0];
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
      const [start, end] = n.range ?? [0, 0];
      const seq: YSeq = { kind: 'seq', start, end, flow: !!n.flow, items: [] };
      this.seen.set(n, seq);
      for (const item of n.items) seq.items.push(this.node(item as YamlNode | Alias | null));
      return seq;
    }
    const s = n as Scalar;
    const [start, end] = s.range ?? [0, 0];
    const v = s.value;
    const value = v === null || v === undefined ? null : typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' ? v : typeof v === 'bigint' ? Number(v) : String(v);
    const sc: YScalar = { kind: 'scalar', start, end, flow: false, value, style: STYLE[s.type ?? 'PLAIN'] ?? 'plain', empty: start === end };
    this.seen.set(n, sc);
    return sc;
  }

  private alias(a: Alias): { node: YNode; start: number; end: number } {
    this.aliasCount++;
    const [start, end] = a.range ?? [0, 0];
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

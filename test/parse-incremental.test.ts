/**
 * parseYamlShared() parses a new text document by document, reusing the parse of every document
 * whose text came back unchanged (moved to its new offset). It must be invisible: for every text,
 * from cold and after any edit of the text before, the documents are deep-equal to parseYaml(text)
 * — every offset of every node, pair, alias and problem, and every document's index.
 *
 * Texts: fixtures/rules/**, fixtures/harden, the canonical scenarios, the real-world corpus, the
 * conformance inputs, hand-written edge cases, and streams joined from several of them; edits:
 * random single characters (YAML's indicators among them, so that `---` lines, quotes, flow
 * collections and directives come and go) and whole documents inserted and removed.
 */
import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { asMap, asSeq, get, getPath } from '../src/yaml/tree.ts';
import type { YNode } from '../src/yaml/tree.ts';
import { forgetSharedParse, parseIncremental, parseYaml, parseYamlShared } from '../src/yaml/parse.ts';
import { REPO_ROOT, SHARED, missingShared, readText, shared } from './support/shared.ts';

const MISSING = missingShared(['corpus'], ['conformance'], ['scenarios']);
if (MISSING) console.warn(`incremental parse, ../shared texts: ${MISSING}`);

function files(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string): void => {
    for (const f of readdirSync(d).sort()) {
      const p = join(d, f);
      if (statSync(p).isDirectory()) walk(p);
      else if (/\.ya?ml$/.test(f)) out.push(p);
    }
  };
  walk(dir);
  return out;
}

function texts(): Array<[string, string]> {
  const paths = [...files(join(REPO_ROOT, 'fixtures', 'rules')), ...files(join(REPO_ROOT, 'fixtures', 'harden'))];
  if (!MISSING) paths.push(...files(shared('scenarios')), ...files(shared('corpus', 'real-world')), ...files(shared('conformance')));
  return paths.map((p) => [p.startsWith(SHARED) ? `shared/${relative(SHARED, p)}` : relative(REPO_ROOT, p), readText(p)]);
}

const POD = 'apiVersion: v1\nkind: Pod\nmetadata: {name: a}\nspec:\n  containers: [{name: a, image: nginx}]\n';
const ALIASES = 'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: d}\nspec:\n  template:\n    spec:\n      securityContext: &sc {runAsNonRoot: true}\n      containers:\n      - &c\n        name: a\n        image: nginx:1.27\n        securityContext: {<<: *sc, readOnlyRootFilesystem: true}\n        volumeMounts: &m [{name: tmp, mountPath: /tmp}]\n      - <<: *c\n        name: b\n        volumeMounts: *m\n      volumes: [{name: tmp, emptyDir: {}}]\n';

const EDGE_CASES: Array<[string, string]> = [
  ['empty', ''],
  ['only a comment', '# nothing here\n'],
  ['only markers', '---\n---\n---'],
  ['no leading ---', `${POD}---\n${POD}`],
  ['leading ---', `---\n${POD}---\n${POD}`],
  ['leading comments', `# first\n# second\n---\n${POD}# between\n---\n# after the marker\n${POD}`],
  ['comment after the marker', `--- # one\n${POD}--- # two\n${POD}`],
  ['empty documents', `---\n---\n${POD}---\n\n---\n# just a comment\n---\n`],
  ['content on the marker line', `--- !!map\na: 1\n--- {a: 1, b: [2]}\n--- [1, 2]\n--- plain\n--- |\nliteral at column 0\n  more\n--- >-\n  folded\n--- "double\n  quoted"\n`],
  ['marker-like lines that are not markers', `a: |\n  ---\n  ...\nb: ---x\n---x: 1\n...x: 2\n----: 3\n---\nc: " ---"\n`],
  ['tab after the marker', `---\t\n${POD}---\t# c\n${POD}`],
  ['directives', `%YAML 1.1\n---\n${POD}---\n${POD}%TAG !e! tag:example.com,2000:\n--- !e!x\n${POD}`],
  ['document end markers', `${POD}...\n# after the end\n---\n${POD}...\n${POD}...\n`],
  ['doc-end without a document', `...\n${POD}`],
  ['CRLF', `${POD}---\n${POD}`.replaceAll('\n', '\r\n')],
  ['CRLF without a final newline', `---\r\na: 1\r\n---\r\nb: 2`],
  ['lone CR', `a: 1\r---\rb: 2\r`],
  ['--- after other line separators', `a: x\u2028--- # c\nb: 1\n---\n${POD}a: x\u2029---\nb: 1\n---\na: x\u0085---\nb: 1\n---\n`],
  ['--- after other line separators, in errors', `a: x\u2028--- y\nb: x\u2029--- y\nc: x\u0085--- y\n---\n${POD}d: "\u2028---\n  x"\n`],
  ['BOM', `\uFEFF${POD}---\n${POD}`],
  ['BOM after the first document', `${POD}---\n\uFEFF${POD}`],
  ['syntax error in one document', `${POD}---\nkind: [\n---\n${POD}`],
  ['unterminated double quote reaching into later documents', `${POD}---\nkind: "Pod\n---\n${POD}---\nname: "x"\n`],
  ['unterminated single quote', `${POD}---\nkind: 'Pod\n---\n${POD}---\nname: 'x'\n`],
  ['unterminated flow map', `${POD}---\nspec: {a: 1,\n---\n${POD}`],
  ['bad indentation', `${POD}---\na:\n  b: 1\n c: 2\n---\n${POD}`],
  ['tab indentation', `${POD}---\napiVersion: v1\nkind: Pod\nspec:\n\tcontainers: []\n---\n${POD}`],
  ['duplicate key', `${POD}---\nkind: Pod\nkind: Pod\n---\n${POD}`],
  ['aliases and merge keys', `${ALIASES}---\n${ALIASES}---\n${POD}`],
  ['unresolved alias in a later document', `a: &x 1\n---\nb: *x\n---\n${POD}`],
  ['alias bomb', `${POD}---\na: &a [x, x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]\ne: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d, *d]\nf: &f [*e, *e, *e, *e, *e, *e, *e, *e, *e, *e]\ng: [*f, *f, *f, *f, *f, *f, *f, *f, *f, *f]\n---\n${POD}`],
  ['empty values and complex keys', `${POD}---\na:\nb: ~\n? c\n? [d]\n: e\n- f\n---\n- \n- a\n-\n`],
  ['template', `${POD}---\nmetadata:\n  name: {{ .Values.name }}\n---\n{{ include "x" . }}\n`],
  ['JSON documents', `{"apiVersion": "v1", "kind": "Pod"}\n---\n{"a": [1, 2, {"b": null}]}\n`],
  ['no final newline', `${POD}---\nkind: Pod`],
  ['trailing blank lines and comments', `${POD}\n\n# tail\n\n---\n${POD}\n\n`],
];

const ALL = [...texts(), ...EDGE_CASES];

/** parseYaml(text), with the incremental parse of the same text from cold and then warm. */
function expectSame(name: string, text: string): void {
  const expected = parseYaml(text);
  forgetSharedParse();
  expect(parseIncremental(text), `${name}: from cold`).toStrictEqual(expected);
  expect(parseIncremental(text), `${name}: every chunk remembered`).toStrictEqual(expected);
}

describe('incremental parse: from cold, equal to parseYaml', () => {
  it.each(EDGE_CASES)('%s', (name, text) => expectSame(name, text));

  it(`every file (${ALL.length - EDGE_CASES.length} texts)`, () => {
    for (const [name, text] of texts()) expectSame(name, text);
  });

  it('streams joined from several files', () => {
    const pool = ALL.map(([, t]) => t);
    for (let i = 0; i < 200; i++) {
      const parts = [0, 1, 2, 3].map((k) => pool[(i * 7919 + k * 104_729) % pool.length] as string);
      expectSame(`stream ${i}`, parts.join(i % 2 ? '---\n' : '\n---\n'));
    }
  });
});

type Edit =
  | { kind: 'insert'; at: number; ch: string }
  | { kind: 'delete'; at: number }
  | { kind: 'replace'; at: number; ch: string }
  | { kind: 'addDocument'; at: number; doc: number }
  | { kind: 'removeDocument'; at: number };

/** Characters that make and break YAML structure, and plain ones. */
const CHARS = ['-', '-', '.', ' ', '\n', '\n', ':', '"', "'", '#', '{', '}', '[', ']', '&', '*', '|', '>', '%', '!', '?', ',', '\t', '\r', '\u2028', '\uFEFF', 'a', 'x', '1'];

/** Offsets where a line starts (edits there make or break `---` lines). */
function lineStarts(text: string): number[] {
  const out = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) out.push(i + 1);
  return out;
}

function markerStarts(text: string): number[] {
  return lineStarts(text).filter((i) => /^---(?:[ \t\r\n]|$)/.test(text.slice(i, i + 4)));
}

function apply(text: string, e: Edit, pool: readonly string[]): string {
  switch (e.kind) {
    case 'insert': {
      const at = e.at % (text.length + 1);
      return text.slice(0, at) + e.ch + text.slice(at);
    }
    case 'delete': {
      if (!text.length) return text;
      const starts = lineStarts(text);
      // every other deletion at a line start, where the `---` lines are
      const at = e.at % 2 ? (starts[e.at % starts.length] as number) : e.at % text.length;
      return text.slice(0, at) + text.slice(at + 1);
    }
    case 'replace': {
      if (!text.length) return text;
      const at = e.at % text.length;
      return text.slice(0, at) + e.ch + text.slice(at + 1);
    }
    case 'addDocument': {
      const starts = lineStarts(text);
      const at = starts[e.at % starts.length] as number;
      return `${text.slice(0, at)}---\n${pool[e.doc % pool.length] as string}${text.slice(at)}`;
    }
    case 'removeDocument': {
      const markers = markerStarts(text);
      if (!markers.length) return text;
      const k = e.at % markers.length;
      return text.slice(0, markers[k]) + text.slice(markers[k + 1] ?? text.length);
    }
  }
}

const edit: fc.Arbitrary<Edit> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), ch: fc.constantFrom(...CHARS) }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('delete' as const), at: fc.nat() }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('replace' as const), at: fc.nat(), ch: fc.constantFrom(...CHARS) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('addDocument' as const), at: fc.nat(), doc: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('removeDocument' as const), at: fc.nat() }) },
);

describe('incremental parse: after each edit, equal to parseYaml', () => {
  // Small texts, so that random edits hit the structure often; a few real manifests among them.
  const pool = ALL.map(([, t]) => t).filter((t) => t.length < 3000);

  it('random edits of streams joined from several files', () => {
    fc.assert(
      fc.property(fc.array(fc.nat(), { minLength: 1, maxLength: 5 }), fc.constantFrom('---\n', '\n---\n', '--- \n'), fc.array(edit, { minLength: 1, maxLength: 12 }), (picks, sep, edits) => {
        let text = picks.map((p) => pool[p % pool.length] as string).join(sep);
        forgetSharedParse();
        parseYamlShared(text);
        for (const e of edits) {
          text = apply(text, e, pool);
          expect(parseYamlShared(text)).toStrictEqual(parseYaml(text));
        }
      }),
      { numRuns: 300, seed: 20_261_127 },
    );
  });

  it('random edits of the hand-written edge cases', () => {
    const cases = EDGE_CASES.map(([, t]) => t);
    fc.assert(
      fc.property(fc.nat(), fc.array(edit, { minLength: 1, maxLength: 20 }), (pick, edits) => {
        let text = cases[pick % cases.length] as string;
        forgetSharedParse();
        parseYamlShared(text);
        for (const e of edits) {
          text = apply(text, e, cases);
          expect(parseYamlShared(text)).toStrictEqual(parseYaml(text));
        }
      }),
      { numRuns: 300, seed: 11_27 },
    );
  });
});

describe('incremental parse: what it reuses', () => {
  it('an unchanged document before the edit is handed out again; one after it is moved, aliases kept', () => {
    forgetSharedParse();
    const before = parseYamlShared(`${POD}---\n${POD}---\n${ALIASES}`);
    const text = `${POD}---\n${POD.replace('name: a}', 'name: ab}')}---\n${ALIASES}`;
    const after = parseYamlShared(text);
    expect(after).toStrictEqual(parseYaml(text));
    expect(after[0]).toBe(before[0]);
    expect(after[2]?.start).toBe((before[2]?.start ?? 0) + 1);
    const spec = after[2]?.contents;
    const parsed = parseYaml(text)[2]?.contents;
    // the same anchored node wherever an alias names it, as a fresh parse has it
    const pick = (root: YNode | null | undefined) => {
      const podSpec = asMap(getPath(root, ['spec', 'template', 'spec']));
      const [c0, c1] = asSeq(get(podSpec, 'containers'))?.items ?? [];
      return {
        sc: get(podSpec, 'securityContext'),
        merged: asMap(get(asMap(c0), 'securityContext'))?.merges[0],
        c0,
        mergedC: asMap(c1)?.merges[0],
        m0: get(asMap(c0), 'volumeMounts'),
        m1: asMap(c1)?.pairs.find((p) => p.name === 'volumeMounts')?.value,
      };
    };
    for (const root of [spec, parsed]) {
      const n = pick(root);
      expect(n.sc?.kind).toBe('map');
      expect(n.c0?.kind).toBe('map');
      expect(n.m0?.kind).toBe('seq');
      expect(n.merged).toBe(n.sc);
      expect(n.mergedC).toBe(n.c0);
      expect(n.m1).toBe(n.m0);
    }
  });
});

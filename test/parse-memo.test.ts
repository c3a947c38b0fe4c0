/**
 * analyze() and formView() share the parse of the last text (parseYamlShared): the worker asks for
 * both on every keystroke, and parsing is most of the work. The memo must be invisible: with it
 * and without it every result is deep-equal, a different text never gets another text's results,
 * and neither function writes to the shared tree — the tree is frozen here before the second
 * call, so a write would throw (and come back as an internal-error diagnostic or a syntaxError).
 *
 * Texts: fixtures/rules/**, fixtures/harden, the canonical scenarios, the real-world corpus, the
 * kube-linter, kyverno and polaris conformance inputs and every 25th PSS conformance case, plus
 * hand-written edge cases (syntax errors, templates, aliases, merge keys, binary, empty).
 */
import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyze, formView } from '../src/index.ts';
import { forgetSharedParse, parseYamlShared } from '../src/yaml/parse.ts';
import { REPO_ROOT, SHARED, missingShared, readText, shared } from './support/shared.ts';

const MISSING = missingShared(['corpus'], ['conformance'], ['scenarios']);
if (MISSING) console.warn(`parse memo, ../shared texts: ${MISSING}`);

function files(dir: string, every = 1): string[] {
  const out: string[] = [];
  const walk = (d: string): void => {
    for (const f of readdirSync(d).sort()) {
      const p = join(d, f);
      if (statSync(p).isDirectory()) walk(p);
      else if (/\.(ya?ml|json)$/.test(f) && !f.endsWith('index.json') && !f.endsWith('expected.json')) out.push(p);
    }
  };
  walk(dir);
  return out.filter((_, i) => i % every === 0);
}

function texts(): Array<[string, string]> {
  const paths = [...files(join(REPO_ROOT, 'fixtures', 'rules')), ...files(join(REPO_ROOT, 'fixtures', 'harden'))];
  if (!MISSING) {
    paths.push(...files(shared('scenarios')), ...files(shared('corpus')));
    for (const c of ['kube-linter', 'kyverno', 'polaris']) paths.push(...files(shared('conformance', c)));
    paths.push(...files(shared('conformance', 'pss'), 25));
  }
  return paths.map((p) => [p.startsWith(SHARED) ? `shared/${relative(SHARED, p)}` : relative(REPO_ROOT, p), readText(p)]);
}

const EDGE_CASES: Array<[string, string]> = [
  ['empty', ''],
  ['syntax error', 'apiVersion: v1\nkind: Pod\nspec: [\n'],
  ['tab indentation', 'apiVersion: v1\nkind: Pod\nspec:\n\tcontainers: []\n'],
  ['duplicate key', 'apiVersion: v1\nkind: Pod\nkind: Pod\n'],
  ['template', 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: {{ .Values.name }}\nspec:\n  containers:\n  - name: a\n    image: nginx\n'],
  ['template beside a workload', 'apiVersion: v1\nkind: Pod\nmetadata: {name: a}\nspec:\n  containers: [{name: a, image: nginx}]\n---\n{{ include "x" . }}\n'],
  ['aliases and merge keys', 'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: d}\nspec:\n  template:\n    spec:\n      securityContext: &sc {runAsNonRoot: true}\n      containers:\n      - &c\n        name: a\n        image: nginx:1.27\n        securityContext: {<<: *sc, readOnlyRootFilesystem: true}\n        volumeMounts: &m [{name: tmp, mountPath: /tmp}]\n      - <<: *c\n        name: b\n        volumeMounts: *m\n      volumes: [{name: tmp, emptyDir: {}}]\n'],
  ['unresolved alias', 'apiVersion: v1\nkind: Pod\nspec: *nope\n'],
  ['binary', 'apiVersion: v1\u0000\nkind: Pod\n'],
  ['not an object', '- name: a\n  image: nginx\n'],
  ['broken second document', 'apiVersion: v1\nkind: Pod\nmetadata: {name: a}\nspec:\n  containers: [{name: a, image: nginx}]\n---\nkind: [\n'],
];

/** Freezes every object and array reachable from `v` (aliased nodes are shared, so once each). */
function deepFreeze(v: unknown, seen = new Set<object>()): void {
  if (!v || typeof v !== 'object' || seen.has(v)) return;
  seen.add(v);
  for (const x of Object.values(v)) deepFreeze(x, seen);
  Object.freeze(v);
}

/**
 * One text, right after the one before it (whose tree the memo holds, frozen): its first call,
 * analyze() or formView() as `analysisFirst` says, must not get the previous text's results. Then
 * the results without the memo (each call parses afresh), and with it on the same tree, frozen:
 * analysis then view (the worker's order) and view then analysis.
 */
function expectInvisible(name: string, text: string, analysisFirst: boolean): void {
  const first = analysisFirst ? analyze(text) : formView(text);
  forgetSharedParse();
  const view = formView(text);
  forgetSharedParse();
  const analysis = analyze(text);
  expect(first, `${name}: first call after another text`).toStrictEqual(analysisFirst ? analysis : view);

  const tree = parseYamlShared(text); // analyze()'s tree, unless the text was too large or binary
  deepFreeze(tree);
  expect(formView(text), `${name}: view after analysis, shared frozen tree`).toStrictEqual(view);
  expect(analyze(text), `${name}: analysis after view, shared frozen tree`).toStrictEqual(analysis);
  expect(formView(text), `${name}: view again`).toStrictEqual(view);
  expect(parseYamlShared(text), `${name}: the memo was replaced, so a call above parsed again`).toBe(tree);
  expect(analysis.diagnostics.filter((d) => d.code === 'internal-error'), name).toEqual([]);
}

describe('the parse memo shared by analyze() and formView()', () => {
  const all = texts();

  it('reads the texts', () => {
    expect(all.length).toBeGreaterThan(MISSING ? 100 : 600);
  });

  it('is invisible on hand-written edge cases, each after the one before', () => {
    EDGE_CASES.forEach(([name, text], i) => {
      for (const analysisFirst of [i % 2 === 0, i % 2 === 1]) expectInvisible(name, text, analysisFirst);
    });
  });

  it('is invisible on every fixture and corpus file, each after the one before', () => {
    all.forEach(([name, text], i) => expectInvisible(name, text, i % 2 === 0));
  });

  it('a one-character edit of the same length is parsed again', () => {
    const a = 'apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  securityContext: {runAsUser: 1000}\n  containers: [{name: a, image: nginx}]\n';
    const b = a.replace('1000', '2000');
    expect(b.length).toBe(a.length);
    expect(formView(a).workloads[0]?.pod.runAsUser).toBe('1000');
    analyze(a);
    expect(formView(b).workloads[0]?.pod.runAsUser).toBe('2000');
    expect(formView(a).workloads[0]?.pod.runAsUser).toBe('1000');
    const broken = a.replace('{name: p}', '{name: p]');
    expect(analyze(a).diagnostics).toEqual([]);
    expect(formView(broken).syntaxError).toBeDefined();
    expect(analyze(broken).diagnostics.some((d) => d.severity === 'error')).toBe(true);
    expect(formView(a).syntaxError).toBeUndefined();
  });
});

describe.skipIf(!MISSING)('../shared', () => {
  it(`absent: only the committed fixtures were read (${SHARED})`, () => {});
});

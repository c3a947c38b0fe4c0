/**
 * jsonPatches: RFC 6902 operations per changed object. Each patch is applied to the original object
 * with a small RFC 6902 applier and — when kubectl is installed — with `kubectl patch --local
 * --type json`, and must give the corrected object; over every fail fixture and ~30 real manifests.
 */
import { describe, expect, it } from 'vitest';
import { applyFixes } from '../index.ts';
import { diffJson, jsonPatches } from './jsonPatch.ts';
import { manifestObjects, pairObjects } from './json.ts';
import type { Json } from './json.ts';
import { applyJsonPatch, CORPUS_MISSING, corpusSamples, fixtureSamples, KUBECTL_MISSING, kubectlJsonPatch } from '../../test/support/export-kit.ts';
import type { Sample } from '../../test/support/export-kit.ts';

describe('diffJson', () => {
  it('escapes ~ and / in keys as ~0 and ~1 (RFC 6901)', () => {
    const ops = diffJson({ metadata: { annotations: {} } }, { metadata: { annotations: { 'example.com/a~b': 'x' } } });
    expect(ops).toEqual([{ op: 'add', path: '/metadata/annotations/example.com~1a~0b', value: 'x' }]);
    expect(applyJsonPatch({ metadata: { annotations: {} } }, ops)).toEqual({ metadata: { annotations: { 'example.com/a~b': 'x' } } });
  });

  it('appends with /-, inserts and removes by index, and diffs matched items in place', () => {
    expect(diffJson({ l: [{ name: 'a' }] }, { l: [{ name: 'a' }, { name: 'b' }] })).toEqual([{ op: 'add', path: '/l/-', value: { name: 'b' } }]);
    expect(diffJson({ l: [{ name: 'a' }, { name: 'c' }] }, { l: [{ name: 'a' }, { name: 'b' }, { name: 'c' }] })).toEqual([{ op: 'add', path: '/l/1', value: { name: 'b' } }]);
    expect(diffJson({ l: [{ name: 'a' }, { name: 'b' }, { name: 'c' }] }, { l: [{ name: 'a' }, { name: 'c' }] })).toEqual([{ op: 'remove', path: '/l/1' }]);
    expect(diffJson({ c: [{ name: 'a', image: 'x' }, { name: 'b', image: 'x' }] }, { c: [{ name: 'a', image: 'x' }, { name: 'b', image: 'x', securityContext: { readOnlyRootFilesystem: true } }] }))
      .toEqual([{ op: 'add', path: '/c/1/securityContext', value: { readOnlyRootFilesystem: true } }]);
  });

  it('keeps indexes right when several items go and come', () => {
    const a: Json = { l: ['a', 'b', 'c', 'd', 'e'] };
    const b: Json = { l: ['x', 'b', 'd', 'y', 'e', 'z'] };
    const ops = diffJson(a, b);
    expect(applyJsonPatch(a, ops)).toEqual(b);
    expect(ops.filter((o) => o.op === 'add' && o.path.endsWith('/-'))).toHaveLength(1);
  });

  it('replaces scalars and type changes, removes keys, and emits nothing for equal values', () => {
    expect(diffJson({ a: 1, b: 'x', c: { d: 1 } }, { a: 2, c: [1] })).toEqual([
      { op: 'replace', path: '/a', value: 2 },
      { op: 'remove', path: '/b' },
      { op: 'replace', path: '/c', value: [1] },
    ]);
    expect(diffJson({ a: [1, { b: 2 }] }, { a: [1, { b: 2 }] })).toEqual([]);
  });

  it('minimal: one op for one change', () => {
    const a: Json = { spec: { containers: [{ name: 'a', securityContext: { runAsUser: 1, readOnlyRootFilesystem: false } }] } };
    const b: Json = { spec: { containers: [{ name: 'a', securityContext: { runAsUser: 1, readOnlyRootFilesystem: true } }] } };
    expect(diffJson(a, b)).toEqual([{ op: 'replace', path: '/spec/containers/0/securityContext/readOnlyRootFilesystem', value: true }]);
  });
});

describe('jsonPatches', () => {
  it('gives one patch per changed object, with its identity, document and pointer inside the document', () => {
    const text = `apiVersion: v1
kind: ConfigMap
metadata: {name: c}
---
apiVersion: v1
kind: List
items:
- apiVersion: v1
  kind: Pod
  metadata: {name: same}
  spec:
    containers: [{name: a, image: busybox}]
- apiVersion: apps/v1
  kind: Deployment
  metadata: {name: web, namespace: shop}
  spec:
    template:
      spec:
        containers: [{name: a, image: nginx}]
`;
    const patches = jsonPatches(text, applyFixes(text).text);
    expect(patches.map((p) => [p.kind, p.name, p.namespace, p.docIndex, p.pointer])).toEqual([
      ['Pod', 'same', undefined, 1, '/items/0'],
      ['Deployment', 'web', 'shop', 1, '/items/1'],
    ]);
    expect(patches[0]?.patch[0]).toEqual({ op: 'add', path: '/spec/containers/0/securityContext', value: { readOnlyRootFilesystem: true } });
  });

  it('returns nothing for unchanged text and skips documents that do not parse', () => {
    const t = 'apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers: [{name: a, image: x}]\n';
    expect(jsonPatches(t, t)).toEqual([]);
    expect(jsonPatches(t, 'a: [')).toEqual([]);
  });
});

/** Every changed object of a sample, patched by `apply`, must equal the corrected object. */
function check(s: Sample, apply: (o: Json, p: ReturnType<typeof jsonPatches>[number]['patch']) => Json): number {
  const patches = jsonPatches(s.original, s.corrected);
  const pairs = pairObjects(manifestObjects(s.original).objects, manifestObjects(s.corrected).objects);
  let n = 0;
  for (const p of patches) {
    const pair = pairs.find((x) => x.before?.docIndex === p.docIndex && x.before.pointer === p.pointer);
    expect(pair?.after, `${p.kind}/${p.name}`).toBeDefined();
    expect(apply(pair!.before!.value, p.patch), `${p.kind}/${p.name}`).toEqual(pair!.after!.value);
    n++;
  }
  if (s.original !== s.corrected) expect(n).toBeGreaterThan(0);
  return n;
}

const samples = [...fixtureSamples(), ...corpusSamples(30)];

describe('JSON patches applied by an RFC 6902 applier give the corrected objects', () => {
  if (CORPUS_MISSING) console.warn(`jsonPatch corpus samples: ${CORPUS_MISSING}`);
  for (const s of samples) it(s.name, () => void check(s, applyJsonPatch));
});

describe.skipIf(!!KUBECTL_MISSING)(KUBECTL_MISSING ? `kubectl patch --type json (${KUBECTL_MISSING})` : 'kubectl patch --local --type json gives the corrected objects', () => {
  let total = 0;
  for (const s of samples) it(s.name, () => void (total += check(s, (o, p) => kubectlJsonPatch(o, p))));
  it('patched objects with the real client', () => {
    expect(total).toBeGreaterThan(0);
    console.info(`kubectl patch --type json: ${total} objects`);
  });
});

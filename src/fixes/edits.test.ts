/**
 * The edit builder and the fix-all loop on the shapes that once went wrong: each test names the
 * bug it keeps fixed. Rule-by-rule behaviour is in src/rules/*.test.ts and fixtures/rules/**.
 */
import { describe, expect, it } from 'vitest';
import { analyze, applyFix, applyFixes } from '../index.ts';
import { parseYaml } from '../yaml/parse.ts';
import { applyEdits, compatibleFixes, fixAll } from './apply.ts';
import { EditBuilder, EditContext } from './edits.ts';
import { detectStyle } from './style.ts';
import { rules } from '../rules/index.ts';
import type { Rule } from '../rules/define.ts';

const rule = (id: string): Rule => {
  const r = rules.find((x) => x.id === id);
  if (!r) throw new Error(`no rule ${id}`);
  return r;
};
const fix = (text: string, id: string) => applyFixes(text, { rules: [rule(id)] });
const missing = rule('ro-root-fs-missing');
const tmp = rule('tmp-not-writable');

describe('applyFixes options', () => {
  const text = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n  - name: app\n';

  it('takes the rules as objects: analyze runs only them and fix-all applies their fixes', () => {
    const r = applyFixes(text, { rules: [missing] });
    expect(r.applied.map((a) => a.ruleId)).toEqual(['ro-root-fs-missing']);
    // the flag and, for an image rootlock does not know, the generic /tmp
    expect(r.text).toBe(`${text}    securityContext:\n      readOnlyRootFilesystem: true\n    volumeMounts:\n    - name: tmp\n      mountPath: /tmp\n  volumes:\n  - name: tmp\n    emptyDir:\n      sizeLimit: 256Mi\n`);
  });

  it('fixAll filters by rule id too', () => {
    const r = fixAll(text, (t) => analyze(t), { rules: ['tmp-not-writable'] });
    expect(r.applied).toEqual([]);
    expect(r.text).toBe(text);
  });
});

describe('insertions at one offset', () => {
  it('a container that ends the file gets its mount before the pod gets its volume, even without a final line break', () => {
    const text = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n  - name: app\n    securityContext:\n      readOnlyRootFilesystem: true';
    expect(fix(text, 'tmp-not-writable').text).toBe(`${text}\n    volumeMounts:\n    - name: tmp\n      mountPath: /tmp\n  volumes:\n  - name: tmp\n    emptyDir:\n      sizeLimit: 256Mi`);
  });

  it('a container that ends with a flush `volumeMounts:` list gets its new mount before its new securityContext (one fix, one offset)', () => {
    // found in the corpus (kubernetes-examples volumes/rbd): the key went first, and the mount after
    // it no longer belonged to the list, which did not parse
    const text = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n    - image: example/web\n      name: app\n      volumeMounts:\n      - name: data\n        mountPath: /data\n  volumes:\n    - name: data\n      emptyDir: {}\n';
    const r = fix(text, 'ro-root-fs-missing');
    expect(r.refused).toBeUndefined();
    expect(r.text).toBe(text
      .replace('        mountPath: /data\n', '        mountPath: /data\n      - name: tmp\n        mountPath: /tmp\n      securityContext:\n        readOnlyRootFilesystem: true\n')
      .replace('      emptyDir: {}\n', '      emptyDir: {}\n    - name: tmp\n      emptyDir:\n        sizeLimit: 256Mi\n'));
  });

  it('a new volume that leads with its comment still goes before a new key at its indentation', () => {
    expect(applyEdits('a:\n- x\n', [
      { start: 7, end: 7, text: 'b: 1\n' },
      { start: 7, end: 7, text: '# why\n- y\n' },
    ])).toBe('a:\n- x\n# why\n- y\nb: 1\n');
  });

  it('two fixes filling one empty flow list take turns instead of writing `[a b]`', () => {
    const text = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n  - {name: a, securityContext: {readOnlyRootFilesystem: true}}\n  - {name: b, securityContext: {readOnlyRootFilesystem: true}}\n  volumes: []\n';
    const r = fix(text, 'tmp-not-writable');
    expect(r.refused).toBeUndefined();
    expect(r.text).toContain('volumes: [{name: a-tmp, emptyDir: {sizeLimit: 256Mi}}, {name: b-tmp, emptyDir: {sizeLimit: 256Mi}}]');
    expect(r.passes).toBe(2);
  });

  it('two fixes filling one empty flow map take turns instead of writing `{a: 1b: 2}`', () => {
    const text = 'x: {}\n';
    const [doc] = parseYaml(text);
    const map = doc?.contents?.kind === 'map' ? doc.contents : null;
    const inner = map?.pairs[0]?.value;
    if (!inner || inner.kind !== 'map') throw new Error('parse');
    const ctx = new EditContext(text, detectStyle(text, [map]));
    const fixes = [['a', 1], ['b', 2]].map(([k, v]) => {
      const e = new EditBuilder(ctx).set(inner, [k as string], v as number);
      return { title: String(k), applicability: 'safe' as const, edits: e.edits, locks: e.locks };
    });
    expect(compatibleFixes(fixes).map((f) => f.title)).toEqual(['a']);
    expect(applyEdits(text, fixes[0]?.edits ?? [])).toBe('x: {a: 1}\n');
  });

  it('a key set into a map that another fix removes whole waits for the next pass instead of dangling', () => {
    // found by Harden all on a privileged pod: one fix removed `privileged: true` and with it the
    // securityContext it was alone in; another inserted allowPrivilegeEscalation at that block's end
    const text = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n  - name: a\n    securityContext:\n      privileged: true\n  restartPolicy: Never\n';
    const [doc] = parseYaml(text);
    const root = doc?.contents?.kind === 'map' ? doc.contents : null;
    const spec = root?.pairs.find((p) => p.key.kind === 'scalar' && p.key.value === 'spec')?.value;
    const containers = spec?.kind === 'map' ? spec.pairs[0]?.value : null;
    const c = containers?.kind === 'seq' ? containers.items[0] : null;
    if (!root || !c || c.kind !== 'map') throw new Error('parse');
    const ctx = new EditContext(text, detectStyle(text, [root]));
    const remove = new EditBuilder(ctx).remove(c, ['securityContext', 'privileged']);
    const insert = new EditBuilder(new EditContext(text, detectStyle(text, [root]))).set(c, ['securityContext', 'allowPrivilegeEscalation'], false);
    const fixes = [
      { title: 'remove', applicability: 'safe' as const, edits: remove.edits, locks: remove.locks },
      { title: 'insert', applicability: 'safe' as const, edits: insert.edits, locks: insert.locks },
    ];
    // together they would leave `allowPrivilegeEscalation: false` under `- name: a`, outside any securityContext
    expect(parseYaml(applyEdits(text, fixes.flatMap((f) => f.edits))).some((d) => d.errors.length)).toBe(true);
    expect(compatibleFixes(fixes, text).map((f) => f.title)).toEqual(['remove']);
    // a key inserted after a removed sibling of the same map still goes in with it
    const sibling = 'a:\n  x: 1\n  y: 2\n';
    expect(compatibleFixes([
      { title: 'drop y', applicability: 'safe', edits: [{ start: 12, end: 17, text: '' }] },
      { title: 'add z', applicability: 'safe', edits: [{ start: 17, end: 17, text: '  z: 3\n' }] },
    ], sibling).map((f) => f.title)).toEqual(['drop y', 'add z']);
  });

  it('the very same removal from two fixes (an anchored map two workloads share) is made once, and both fixes are done', () => {
    const text = 'apiVersion: v1\nkind: List\nitems:\n- apiVersion: v1\n  kind: Pod\n  metadata: {name: a}\n  spec:\n    securityContext: &sc\n      runAsNonRoot: true\n      readOnlyRootFilesystem: true\n    containers: [{name: a}]\n- apiVersion: v1\n  kind: Pod\n  metadata: {name: b}\n  spec:\n    securityContext: *sc\n    containers: [{name: b}]\n';
    const r = fix(text, 'ro-root-fs-pod-level');
    expect(r.text).toContain('containers: [{name: a, securityContext: {readOnlyRootFilesystem: true}}]');
    expect(r.text).toContain('containers: [{name: b, securityContext: {readOnlyRootFilesystem: true}}]');
    expect(r.text).not.toContain('      readOnlyRootFilesystem: true\n');
  });
});

describe('anchors and merge keys', () => {
  it('a map that comes in through `<<: *anchor` is extended where it is written, not replaced by a local key', () => {
    const text = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n  - &base\n    name: a\n    securityContext:\n      runAsNonRoot: true\n  - <<: *base\n    name: b\n';
    const out = fix(text, 'ro-root-fs-missing').text;
    // b's mount comes in through the merge key too: one volume for both
    expect(out).toBe(`${text.replace('      runAsNonRoot: true\n', '      runAsNonRoot: true\n      readOnlyRootFilesystem: true\n    volumeMounts:\n    - name: a-tmp\n      mountPath: /tmp\n')}  volumes:\n  - name: a-tmp\n    emptyDir:\n      sizeLimit: 256Mi\n`);
  });

  it('a list shared through an anchor, an alias and a merge key gets one /tmp mount, not one per container', () => {
    const text = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n  - &w\n    name: a\n    securityContext: {readOnlyRootFilesystem: true}\n    volumeMounts: &m\n    - {name: d, mountPath: /d}\n  - <<: *w\n    name: b\n  - name: c\n    securityContext: {readOnlyRootFilesystem: true}\n    volumeMounts: *m\n  volumes:\n  - {name: d, emptyDir: {}}\n';
    const r = fix(text, 'tmp-not-writable');
    expect(r.text.match(/mountPath: \/tmp/g)).toHaveLength(1);
    expect(r.text).not.toMatch(/name: b\n {4}volumeMounts/);
    expect(analyze(r.text).findings.filter((f) => f.ruleId === 'volume-mount-duplicate-path' || f.ruleId === 'tmp-not-writable')).toEqual([]);
  });
});

describe("the user's style", () => {
  it('a renamed value keeps its quotes', () => {
    const text = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n  - name: a\n    volumeMounts:\n    - {name: "cahce", mountPath: /c}\n    - {name: \'tpm\', mountPath: /t}\n  volumes:\n  - {name: cache, emptyDir: {}}\n  - {name: tmp, emptyDir: {}}\n';
    const out = fix(text, 'volume-mount-missing-volume').text;
    expect(out).toContain('{name: "cache", mountPath: /c}');
    expect(out).toContain("{name: 'tmp', mountPath: /t}");
  });

  it('a quoted boolean becomes a boolean', () => {
    const text = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n  - name: a\n    securityContext:\n      readOnlyRootFilesystem: "false"\n';
    expect(fix(text, 'ro-root-fs-missing').text).toContain('readOnlyRootFilesystem: true\n');
  });

  it('new keys are quoted like their siblings', () => {
    const text = '"apiVersion": "v1"\n"kind": "Pod"\n"metadata": {"name": "p"}\n"spec":\n  "containers":\n  - "name": "a"\n    "image": "x"\n';
    expect(fix(text, 'ro-root-fs-missing').text).toBe(`${text}    "securityContext":\n      "readOnlyRootFilesystem": true\n    "volumeMounts":\n    - "name": "tmp"\n      "mountPath": "/tmp"\n  "volumes":\n  - "name": "tmp"\n    "emptyDir":\n      "sizeLimit": "256Mi"\n`);
  });

  it('`-   name` lists (dash, then spaces to the next indentation step) are copied', () => {
    const text = 'apiVersion: v1\nkind: Pod\nmetadata:\n    name: p\nspec:\n    containers:\n        -   name: a\n            securityContext:\n                readOnlyRootFilesystem: true\n';
    expect(fix(text, 'tmp-not-writable').text).toBe(`${text}            volumeMounts:\n                -   name: tmp\n                    mountPath: /tmp\n    volumes:\n        -   name: tmp\n            emptyDir:\n                sizeLimit: 256Mi\n`);
  });

  it('each document of a stream is edited in its own indentation', () => {
    const one = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: a\nspec:\n  containers:\n  - name: a\n';
    const two = 'apiVersion: v1\nkind: Pod\nmetadata:\n    name: b\nspec:\n    containers:\n        - name: b\n';
    expect(fix(`${one}---\n${two}`, 'ro-root-fs-missing').text).toBe(`${one}    securityContext:\n      readOnlyRootFilesystem: true\n    volumeMounts:\n    - name: tmp\n      mountPath: /tmp\n  volumes:\n  - name: tmp\n    emptyDir:\n      sizeLimit: 256Mi\n---\n${two}          securityContext:\n              readOnlyRootFilesystem: true\n          volumeMounts:\n              - name: tmp\n                mountPath: /tmp\n    volumes:\n        - name: tmp\n          emptyDir:\n              sizeLimit: 256Mi\n`);
  });

  it('pretty-printed JSON: a new entry gets its own line, spread over lines like its siblings', () => {
    const text = '{\n  "apiVersion": "v1",\n  "kind": "Pod",\n  "metadata": {\n    "name": "p"\n  },\n  "spec": {\n    "containers": [\n      {\n        "name": "a"\n      }\n    ]\n  }\n}\n';
    expect(fix(text, 'ro-root-fs-missing').text).toBe('{\n  "apiVersion": "v1",\n  "kind": "Pod",\n  "metadata": {\n    "name": "p"\n  },\n  "spec": {\n    "containers": [\n      {\n        "name": "a",\n        "securityContext": {\n          "readOnlyRootFilesystem": true\n        },\n        "volumeMounts": [\n          {\n            "name": "tmp",\n            "mountPath": "/tmp"\n          }\n        ]\n      }\n    ],\n    "volumes": [\n      {\n        "name": "tmp",\n        "emptyDir": {\n          "sizeLimit": "256Mi"\n        }\n      }\n    ]\n  }\n}\n');
  });

  it('a flow map spread over lines: the new entry goes below the last one and its comment, which stays put', () => {
    const text = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n  - {\n      name: app, # the app\n      image: example/web # pinned\n    }\n  volumes: [\n    {name: a, emptyDir: {}} # first\n  ]\n';
    const out = applyFixes(text, { rules: [missing, rule('volume-unused')] }).text;
    expect(out).toBe(text
      .replace('      image: example/web # pinned\n', '      image: example/web, # pinned\n      securityContext: {readOnlyRootFilesystem: true},\n      volumeMounts: [{name: tmp, mountPath: /tmp}]\n')
      .replace('    {name: a, emptyDir: {}} # first\n', '    {name: a, emptyDir: {}}, # first\n    {name: tmp, emptyDir: {sizeLimit: 256Mi}}\n'));
    const list = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n  - name: app\n    volumeMounts: [{name: b, mountPath: /b}]\n  volumes: [\n    {name: a, emptyDir: {}} # first\n  ]\n';
    const manual = analyze(list, { rules: [rule('volume-mount-missing-volume')] }).findings[0]?.fixes.find((f) => f.applicability === 'manual');
    if (!manual) throw new Error('no manual fix');
    expect(applyFix(list, manual)).toBe(list.replace('    {name: a, emptyDir: {}} # first\n', '    {name: a, emptyDir: {}}, # first\n    {name: b, emptyDir: {}}\n'));
  });

  it('JSON written on one line stays on one line; minified JSON stays minified', () => {
    const spaced = '{"apiVersion": "v1", "kind": "Pod", "metadata": {"name": "p"}, "spec": {"containers": [{"name": "a"}]}}';
    expect(fix(spaced, 'ro-root-fs-missing').text).toBe('{"apiVersion": "v1", "kind": "Pod", "metadata": {"name": "p"}, "spec": {"containers": [{"name": "a", "securityContext": {"readOnlyRootFilesystem": true}, "volumeMounts": [{"name": "tmp", "mountPath": "/tmp"}]}], "volumes": [{"name": "tmp", "emptyDir": {"sizeLimit": "256Mi"}}]}}');
    const minified = '{"apiVersion":"v1","kind":"Pod","metadata":{"name":"p"},"spec":{"containers":[{"name":"a","securityContext":{"readOnlyRootFilesystem":true}}]}}\n';
    expect(fix(minified, 'tmp-not-writable').text).toBe('{"apiVersion":"v1","kind":"Pod","metadata":{"name":"p"},"spec":{"containers":[{"name":"a","securityContext":{"readOnlyRootFilesystem":true},"volumeMounts":[{"name":"tmp","mountPath":"/tmp"}]}],"volumes":[{"name":"tmp","emptyDir":{"sizeLimit":"256Mi"}}]}}\n');
  });

  it('CRLF stays CRLF, and a file without a final line break keeps it that way', () => {
    const text = 'apiVersion: v1\r\nkind: Pod\r\nmetadata:\r\n  name: p\r\nspec:\r\n  containers:\r\n  - name: a';
    const out = fix(text, 'ro-root-fs-missing').text;
    expect(out).toBe(`${text}\r\n    securityContext:\r\n      readOnlyRootFilesystem: true\r\n    volumeMounts:\r\n    - name: tmp\r\n      mountPath: /tmp\r\n  volumes:\r\n  - name: tmp\r\n    emptyDir:\r\n      sizeLimit: 256Mi`);
    expect(out).not.toMatch(/[^\r]\n/);
  });

  it('idempotent on every shape above', () => {
    const text = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n  - name: a\n';
    const once = applyFixes(text, { rules: [missing, tmp] }).text;
    expect(applyFixes(once, { rules: [missing, tmp] }).text).toBe(once);
  });
});

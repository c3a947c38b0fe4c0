/**
 * kustomizeOverlay: the files it writes, and — with the real client — that `kubectl kustomize` of
 * the original plus the overlay gives the corrected objects, over every fail fixture and ~30 real
 * manifests. The kubectl suites need kubectl (v1.32 carries kustomize v5.5); they say so and skip
 * when it is missing. Objects are compared as the API stores them: null fields dropped, volumes and
 * volumeMounts as sets (kustomize lists added entries first; Kubernetes does not depend on their order).
 */
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { applyFixes } from '../index.ts';
import { kustomizeOverlay } from './kustomize.ts';
import { joinFiles, splitFiles } from './files.ts';
import { normalizeObject } from './smp.ts';
import type { Json } from './json.ts';
import { CORPUS_MISSING, corpusSamples, fixtureSamples, KUBECTL_MISSING, kustomize, removeDir, tempDir, writeTree } from '../../test/support/export-kit.ts';
import type { Sample } from '../../test/support/export-kit.ts';

const DEPLOY = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  namespace: shop
spec:
  template:
    spec:
      securityContext:
        runAsNonRoot: true
        readOnlyRootFilesystem: true # pod level: ignored
      containers:
      - name: web
        image: example/web:1
      - name: side
        image: example/side:1
        securityContext:
          readOnlyRootFilesystem: true
`;

const ROLLOUT = `apiVersion: argoproj.io/v1alpha1
kind: Rollout
metadata:
  name: canary
spec:
  template:
    spec:
      containers:
      - name: app
        image: example/app:1
`;

function file(overlay: ReturnType<typeof kustomizeOverlay>, path: string): string {
  const f = overlay.files.find((x) => x.path === path);
  expect(f, `${path} in ${overlay.files.map((x) => x.path).join(', ')}`).toBeDefined();
  return (f as { content: string }).content;
}

describe('kustomizeOverlay', () => {
  it('writes kustomization.yaml beside the manifest and one strategic merge patch per changed workload, with only what changed', () => {
    const corrected = applyFixes(DEPLOY).text;
    const o = kustomizeOverlay(DEPLOY, corrected);
    expect(o.files.map((f) => f.path)).toEqual(['kustomization.yaml', 'rootlock-patches/shop-deployment-web.yaml']);
    const k = file(o, 'kustomization.yaml');
    expect(k).toMatch(/^# Made by rootlock/);
    expect(k).toContain('beside manifest.yaml');
    expect(parse(k)).toEqual({ apiVersion: 'kustomize.config.k8s.io/v1beta1', kind: 'Kustomization', resources: ['manifest.yaml'], patches: [{ path: 'rootlock-patches/shop-deployment-web.yaml' }] });
    const patch = parse(file(o, 'rootlock-patches/shop-deployment-web.yaml'));
    expect(patch.apiVersion).toBe('apps/v1');
    expect(patch.kind).toBe('Deployment');
    expect(patch.metadata).toEqual({ name: 'web', namespace: 'shop' });
    const pod = patch.spec.template.spec;
    // the pod-level field is removed with null; runAsNonRoot is not repeated
    expect(pod.securityContext).toEqual({ readOnlyRootFilesystem: null });
    // containers merge by name: "web" gets its securityContext; "side" was already read-only…
    expect(pod.containers[0].name).toBe('web');
    expect(pod.containers[0].securityContext).toEqual({ readOnlyRootFilesystem: true });
    expect(pod.containers[0].image).toBeUndefined();
    expect(o.patches).toEqual([{ kind: 'Deployment', name: 'web', namespace: 'shop', path: 'rootlock-patches/shop-deployment-web.yaml', type: 'strategic' }]);
    expect(o.notes).toEqual([]);
  });

  it('removes a whole map that the fix deletes with null', () => {
    const original = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  securityContext:\n    readOnlyRootFilesystem: true\n  containers:\n  - name: app\n    image: nginx\n    securityContext: {}\n';
    const corrected = applyFixes(original).text;
    expect(corrected).not.toContain('  securityContext:\n    readOnlyRootFilesystem');
    const patch = parse(file(kustomizeOverlay(original, corrected), 'rootlock-patches/pod-p.yaml'));
    expect(patch.spec.securityContext).toBeNull();
  });

  it('deletes a list entry with $patch: delete, by its merge key (volumes by name, mounts by mountPath)', () => {
    const original = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n  - name: a\n    volumeMounts:\n    - name: cache\n      mountPath: /cache\n    - name: data\n      mountPath: /data\n  volumes:\n  - name: cache\n    emptyDir: {}\n  - name: data\n    emptyDir: {}\n';
    const corrected = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n  - name: a\n    volumeMounts:\n    - name: data\n      mountPath: /data\n  volumes:\n  - name: data\n    emptyDir: {}\n';
    const patch = parse(file(kustomizeOverlay(original, corrected), 'rootlock-patches/pod-p.yaml'));
    expect(patch.spec.volumes).toEqual([{ name: 'cache', $patch: 'delete' }]);
    expect(patch.spec.containers).toEqual([{ name: 'a', volumeMounts: [{ mountPath: '/cache', $patch: 'delete' }] }]);
  });

  it('uses a JSON 6902 patch with a target for a custom resource (strategic merge does not know its list keys)', () => {
    const corrected = applyFixes(ROLLOUT).text;
    expect(corrected).not.toBe(ROLLOUT);
    const o = kustomizeOverlay(ROLLOUT, corrected, { baseFile: 'rollout.yaml' });
    const k = parse(file(o, 'kustomization.yaml'));
    expect(k.resources).toEqual(['rollout.yaml']);
    expect(k.patches).toEqual([{ path: 'rootlock-patches/rollout-canary.json', target: { group: 'argoproj.io', version: 'v1alpha1', kind: 'Rollout', name: 'canary' } }]);
    const ops = JSON.parse(file(o, 'rootlock-patches/rollout-canary.json'));
    expect(ops[0]).toMatchObject({ op: 'add', path: '/spec/template/spec/containers/0/securityContext' });
    expect(file(o, 'kustomization.yaml')).toContain('Argo Rollouts');
  });

  it('replaces a map when a quoted string becomes a boolean (kustomize would keep it a string)', () => {
    const original = "apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n  - name: a\n    image: x\n    securityContext:\n      runAsUser: 1000\n      readOnlyRootFilesystem: 'true'\n";
    const corrected = original.replace("'true'", 'true');
    const patch = parse(file(kustomizeOverlay(original, corrected), 'rootlock-patches/pod-p.yaml'));
    expect(patch.spec.containers).toEqual([{ name: 'a', securityContext: { $patch: 'replace', runAsUser: 1000, readOnlyRootFilesystem: true } }]);
  });

  it('keeps the order of containers: entries before the last changed one are named (kustomize puts named entries first)', () => {
    const original = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n  - {name: a, image: one}\n  - {name: b, image: one}\n  - {name: c, image: one}\n';
    const corrected = original.replace('{name: c, image: one}', '{name: c, image: two}');
    const patch = parse(file(kustomizeOverlay(original, corrected), 'rootlock-patches/pod-p.yaml'));
    expect(patch.spec.containers).toEqual([{ name: 'a' }, { name: 'b' }, { name: 'c', image: 'two' }]);
    const first = original.replace('{name: a, image: one}', '{name: a, image: two}');
    expect(parse(file(kustomizeOverlay(original, first), 'rootlock-patches/pod-p.yaml')).spec.containers).toEqual([{ name: 'a', image: 'two' }]);
  });

  it('replaces a keyed list whose keys repeated ($patch: replace), and uses a JSON patch for a list that keeps a repeated key', () => {
    const original = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n  - {name: a, image: one}\n  volumes:\n  - {name: v, emptyDir: {}}\n  - {name: v, configMap: {name: c}}\n';
    const deduplicated = original.replace('  - {name: v, configMap: {name: c}}\n', '  - {name: tmp, emptyDir: {}}\n');
    const patch = parse(file(kustomizeOverlay(original, deduplicated), 'rootlock-patches/pod-p.yaml'));
    expect(patch.spec.volumes).toEqual([{ $patch: 'replace' }, { name: 'v', emptyDir: {} }, { name: 'tmp', emptyDir: {} }]);
    // kustomize would merge the two entries named "v" even in a replaced list
    const kept = original.replace('  - {name: v, configMap: {name: c}}\n', '  - {name: v, configMap: {name: c}}\n  - {name: tmp, emptyDir: {}}\n');
    const o = kustomizeOverlay(original, kept);
    expect(o.patches.map((p) => p.type)).toEqual(['json6902']);
    expect(JSON.parse(file(o, 'rootlock-patches/pod-p.json'))).toEqual([{ op: 'add', path: '/spec/volumes/-', value: { name: 'tmp', emptyDir: {} } }]);
  });

  it('deletes a removed object with a `$patch: delete` patch and adds a new one as a resource', () => {
    const cm = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: old\ndata:\n  a: "1"\n';
    const added = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: new\ndata:\n  b: "2"\n';
    const o = kustomizeOverlay(`${DEPLOY}---\n${cm}`, `${DEPLOY}---\n${added}`);
    const k = parse(file(o, 'kustomization.yaml'));
    expect(k.resources).toEqual(['manifest.yaml', 'rootlock-patches/added.yaml']);
    expect(parse(file(o, 'rootlock-patches/configmap-old.yaml'))).toEqual({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'old' }, $patch: 'delete' });
    expect(parse(file(o, 'rootlock-patches/added.yaml'))).toEqual({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'new' }, data: { b: '2' } });
  });

  it('lists the files of a joined text as its resources', () => {
    const joined = joinFiles([{ name: 'deploy/web.yaml', text: DEPLOY }, { name: 'deploy/canary.yaml', text: ROLLOUT }]);
    const o = kustomizeOverlay(joined, applyFixes(joined).text);
    expect(parse(file(o, 'kustomization.yaml')).resources).toEqual(['deploy/web.yaml', 'deploy/canary.yaml']);
    expect(o.patches.map((p) => p.type)).toEqual(['strategic', 'json6902']);
    expect(kustomizeOverlay(joined, joined, { baseFile: 'all.yaml' }).files[0]?.content).toContain('- all.yaml');
  });

  it('keeps resource paths inside the kustomization folder', () => {
    expect(parse(kustomizeOverlay(DEPLOY, DEPLOY, { baseFile: '../../etc/web.yaml' }).files[0]!.content).resources).toEqual(['web.yaml']);
    expect(parse(kustomizeOverlay(DEPLOY, DEPLOY, { baseFile: 'C:\\work\\web.yaml' }).files[0]!.content).resources).toEqual(['web.yaml']);
    expect(parse(kustomizeOverlay(DEPLOY, DEPLOY, { baseFile: './deploy/web.yaml' }).files[0]!.content).resources).toEqual(['deploy/web.yaml']);
  });

  it('writes no patches when nothing changed, and says what it cannot carry', () => {
    const o = kustomizeOverlay(DEPLOY, DEPLOY);
    expect(o.files).toHaveLength(1);
    expect(parse(o.files[0]!.content).patches).toBeUndefined();
    const unnamed = 'apiVersion: v1\nkind: Pod\nmetadata:\n  generateName: p-\nspec:\n  containers:\n  - {name: a, image: x}\n';
    const n = kustomizeOverlay(unnamed, applyFixes(unnamed).text);
    expect(n.patches).toEqual([]);
    expect(n.notes.join(' ')).toMatch(/without metadata\.name/);
    expect(kustomizeOverlay('a: [', DEPLOY).notes.join(' ')).toMatch(/do not parse/);
  });

  it('is deterministic', () => {
    const corrected = applyFixes(DEPLOY).text;
    expect(kustomizeOverlay(DEPLOY, corrected)).toEqual(kustomizeOverlay(DEPLOY, corrected));
  });
});

/** kustomize(original + overlay) against kustomize(corrected); undefined when kustomize cannot build the corrected text itself. */
function roundTrip(s: Sample): { got: Json[]; want: Json[] } | { skipped: string } {
  const overlay = kustomizeOverlay(s.original, s.corrected);
  const a = tempDir();
  const b = tempDir();
  try {
    writeTree(b, [{ path: 'manifest.yaml', content: s.corrected }, { path: 'kustomization.yaml', content: 'resources:\n- manifest.yaml\n' }]);
    let want: Json[];
    try {
      want = kustomize(b);
    } catch (err) {
      return { skipped: String(err) };
    }
    writeTree(a, [{ path: 'manifest.yaml', content: s.original }, ...overlay.files]);
    return { got: kustomize(a).map((o) => normalizeObject(o)), want: want.map((o) => normalizeObject(o)) };
  } finally {
    removeDir(a);
    removeDir(b);
  }
}

function roundTripSuite(samples: Sample[]): void {
  let checked = 0;
  for (const s of samples) {
    it(s.name, () => {
      const r = roundTrip(s);
      if ('skipped' in r) {
        console.warn(`${s.name}: kustomize cannot build the corrected manifest itself (${r.skipped.slice(0, 200)}); no overlay to check`);
        return;
      }
      expect(r.got).toEqual(r.want);
      checked++;
    });
  }
  it('checked at least one manifest', () => {
    expect(checked).toBeGreaterThan(0);
    console.info(`kustomize round trip: ${checked} of ${samples.length} manifests give the corrected objects`);
  });
}

describe.skipIf(!!KUBECTL_MISSING)(KUBECTL_MISSING ? `kubectl kustomize round trip (${KUBECTL_MISSING})` : 'kubectl kustomize: original + overlay = corrected', () => {
  describe('hand-made cases', () => {
    const cases: Sample[] = [
      { name: 'pod-level removal, containers, a custom resource', original: `${DEPLOY}---\n${ROLLOUT}`, corrected: applyFixes(`${DEPLOY}---\n${ROLLOUT}`).text },
      { name: 'quoted string becomes a boolean', original: "apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n  - name: a\n    image: x\n    securityContext:\n      readOnlyRootFilesystem: 'true'\n", corrected: "apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n  - name: a\n    image: x\n    securityContext:\n      readOnlyRootFilesystem: true\n" },
      { name: 'last container changed, order kept', original: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  initContainers:\n  - {name: a, image: one}\n  - {name: b, image: one}\n  containers:\n  - {name: c, image: one}\n', corrected: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  initContainers:\n  - {name: a, image: one}\n  - {name: b, image: two, securityContext: {readOnlyRootFilesystem: true}}\n  containers:\n  - {name: c, image: one}\n' },
      { name: 'env entry added at the end', original: 'apiVersion: apps/v1\nkind: StatefulSet\nmetadata:\n  name: db\nspec:\n  template:\n    spec:\n      containers:\n      - name: pg\n        image: postgres:16\n        env:\n        - {name: A, value: "1"}\n        - {name: B, value: $(A)}\n', corrected: 'apiVersion: apps/v1\nkind: StatefulSet\nmetadata:\n  name: db\nspec:\n  template:\n    spec:\n      containers:\n      - name: pg\n        image: postgres:16\n        env:\n        - {name: A, value: "1"}\n        - {name: B, value: $(A)}\n        - {name: PGDATA, value: /var/lib/postgresql/data/pgdata}\n' },
      { name: 'removed and added objects', original: `${DEPLOY}---\napiVersion: v1\nkind: ConfigMap\nmetadata: {name: old}\n`, corrected: `${DEPLOY}---\napiVersion: v1\nkind: ConfigMap\nmetadata: {name: new}\ndata: {a: "1"}\n` },
      { name: 'a List of pods', original: 'apiVersion: v1\nkind: List\nitems:\n- apiVersion: v1\n  kind: Pod\n  metadata: {name: a}\n  spec:\n    containers: [{name: c, image: nginx}]\n- apiVersion: v1\n  kind: Pod\n  metadata: {name: b}\n  spec:\n    containers: [{name: c, image: nginx}]\n', corrected: '' },
      { name: 'a CronJob', original: 'apiVersion: batch/v1\nkind: CronJob\nmetadata: {name: nightly, namespace: ops}\nspec:\n  schedule: "0 3 * * *"\n  jobTemplate:\n    spec:\n      template:\n        spec:\n          restartPolicy: OnFailure\n          containers:\n          - name: job\n            image: busybox\n', corrected: '' },
    ].map((c) => ({ ...c, corrected: c.corrected || applyFixes(c.original).text }));
    roundTripSuite(cases);
  });
  it('a text joined from two files: the overlay lists both files, unpacked beside them', () => {
    const files = [{ name: 'apps/web.yaml', text: DEPLOY }, { name: 'apps/canary.yaml', text: ROLLOUT }];
    const joined = joinFiles(files);
    const corrected = applyFixes(joined).text;
    const a = tempDir();
    const b = tempDir();
    try {
      writeTree(a, [...files.map((f) => ({ path: f.name, content: f.text })), ...kustomizeOverlay(joined, corrected).files]);
      writeTree(b, [...(splitFiles(corrected) ?? []).map((f) => ({ path: f.name, content: f.text })), { path: 'kustomization.yaml', content: 'resources:\n- apps/web.yaml\n- apps/canary.yaml\n' }]);
      const want = kustomize(b).map((o) => normalizeObject(o));
      expect(kustomize(a).map((o) => normalizeObject(o))).toEqual(want);
      // not vacuous: the custom resource got its fix through the JSON 6902 patch
      expect(JSON.stringify(want.find((o) => (o as { kind?: string }).kind === 'Rollout'))).toContain('"readOnlyRootFilesystem":true');
    } finally {
      removeDir(a);
      removeDir(b);
    }
  });
  describe('fixtures/rules/** fail fixtures with Fix all', () => roundTripSuite(fixtureSamples()));
  describe.skipIf(!!CORPUS_MISSING)(CORPUS_MISSING ? `real-world corpus (${CORPUS_MISSING})` : 'real-world corpus (30 manifests)', () => roundTripSuite(corpusSamples(30)));
});

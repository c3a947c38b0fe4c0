import { describe, expect, it } from 'vitest';
import { parseYaml } from '../yaml/parse.ts';
import { findWorkloads, mountFor } from './index.ts';

const load = (text: string) => findWorkloads(parseYaml(text).map((d) => ({ index: d.index, contents: d.contents })));

const podSpec = (indent: string) => `${indent}containers:\n${indent}- name: c\n${indent}  image: busybox\n`;

describe('workload discovery', () => {
  it.each([
    ['Pod', 'v1', `spec:\n${podSpec('  ')}`, 'spec'],
    ['Deployment', 'apps/v1', `spec:\n  template:\n    spec:\n${podSpec('      ')}`, 'spec.template.spec'],
    ['StatefulSet', 'apps/v1', `spec:\n  template:\n    spec:\n${podSpec('      ')}`, 'spec.template.spec'],
    ['DaemonSet', 'apps/v1', `spec:\n  template:\n    spec:\n${podSpec('      ')}`, 'spec.template.spec'],
    ['ReplicaSet', 'apps/v1', `spec:\n  template:\n    spec:\n${podSpec('      ')}`, 'spec.template.spec'],
    ['ReplicationController', 'v1', `spec:\n  template:\n    spec:\n${podSpec('      ')}`, 'spec.template.spec'],
    ['Job', 'batch/v1', `spec:\n  template:\n    spec:\n${podSpec('      ')}`, 'spec.template.spec'],
    ['CronJob', 'batch/v1', `spec:\n  jobTemplate:\n    spec:\n      template:\n        spec:\n${podSpec('          ')}`, 'spec.jobTemplate.spec.template.spec'],
    ['PodTemplate', 'v1', `template:\n  spec:\n${podSpec('    ')}`, 'template.spec'],
    ['Rollout', 'argoproj.io/v1alpha1', `spec:\n  template:\n    spec:\n${podSpec('      ')}`, 'spec.template.spec'],
  ])('finds the pod spec of a %s', (kind, apiVersion, body, path) => {
    const ws = load(`apiVersion: ${apiVersion}\nkind: ${kind}\nmetadata:\n  name: w\n  namespace: ns\n${body}`);
    expect(ws).toHaveLength(1);
    expect(ws[0]).toMatchObject({ kind, apiVersion, name: 'w', namespace: 'ns' });
    expect(ws[0]?.podPath.join('.')).toBe(path);
    expect(ws[0]?.pod.containers.map((c) => c.name)).toEqual(['c']);
  });

  it('ignores objects without a pod template, and custom kinds whose template is not a pod spec', () => {
    expect(load('apiVersion: v1\nkind: Service\nmetadata: {name: s}\nspec: {ports: [{port: 80}]}\n')).toEqual([]);
    expect(load('apiVersion: x/v1\nkind: Thing\nmetadata: {name: t}\nspec:\n  template:\n    spec: {replicas: 2}\n')).toEqual([]);
  });

  it('finds workloads in List items and across documents, in file order', () => {
    const ws = load(`apiVersion: v1\nkind: List\nitems:\n- apiVersion: v1\n  kind: Pod\n  metadata: {name: a}\n  spec:\n${podSpec('    ')}---\napiVersion: v1\nkind: Pod\nmetadata: {name: b}\nspec:\n${podSpec('  ')}`);
    expect(ws.map((w) => [w.name, w.docIndex, w.index])).toEqual([['a', 0, 0], ['b', 1, 1]]);
  });

  it('types every container: init, native sidecar, app, ephemeral', () => {
    const [w] = load(`apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  initContainers:\n  - {name: i, image: x}\n  - {name: s, image: x, restartPolicy: Always}\n  containers:\n  - {name: a, image: x}\n  ephemeralContainers:\n  - {name: e, image: x}\n`);
    expect(w?.pod.containers.map((c) => [c.name, c.type, c.list])).toEqual([
      ['i', 'init', 'initContainers'], ['s', 'sidecar', 'initContainers'], ['a', 'app', 'containers'], ['e', 'ephemeral', 'ephemeralContainers'],
    ]);
  });

  it('treats a StatefulSet volumeClaimTemplate as a writable persistent volume of its pods', () => {
    const [w] = load(`apiVersion: apps/v1\nkind: StatefulSet\nmetadata: {name: db}\nspec:\n  template:\n    spec:\n      containers:\n      - name: pg\n        image: postgres\n        securityContext: {readOnlyRootFilesystem: true}\n        volumeMounts: [{name: data, mountPath: /var/lib/postgresql}]\n  volumeClaimTemplates:\n  - metadata: {name: data}\n    spec: {accessModes: [ReadWriteOnce]}\n`);
    const pg = w?.pod.containers[0];
    expect(w?.pod.volume('data')).toMatchObject({ claimTemplate: true, type: 'persistentVolumeClaim' });
    expect(pg?.writableAt('/var/lib/postgresql/data').writable).toBe(true);
    expect(pg?.writableAt('/etc').writable).toBe(false);
  });

  it('decides writability by the most specific mount, path-segment-wise', () => {
    const [w] = load(`apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n  - name: c\n    image: x\n    securityContext: {readOnlyRootFilesystem: true}\n    volumeMounts:\n    - {name: cache, mountPath: /var/cache/}\n    - {name: cfg, mountPath: /var/cache/app/conf}\n    - {name: cfg, mountPath: /etc/app/app.conf, subPath: app.conf}\n  volumes:\n  - {name: cache, emptyDir: {}}\n  - {name: cfg, configMap: {name: cfg}}\n`);
    const c = w!.pod.containers[0]!;
    expect(c.writableAt('/var/cache/nginx').writable).toBe(true);
    expect(c.writableAt('/var/cache/app/conf/x').writable).toBe(false);
    expect(c.writableAt('/var/cachefoo').writable).toBe(false);
    expect(mountFor(c, '/var/cache')?.name).toBe('cache');
    // a subPath mount covers its own path only: its directory stays on the root filesystem
    expect(c.writableAt('/etc/app/app.conf').mount?.subPath).toBe('app.conf');
    expect(c.writableAt('/etc/app/other').mount).toBeNull();
    expect(c.writableAt('/etc/app/other').writable).toBe(false);
  });

  it('follows aliases and merge keys', () => {
    const [w] = load(`apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n  - &base\n    name: a\n    image: x\n    securityContext: &ro {readOnlyRootFilesystem: true}\n  - <<: *base\n    name: b\n  - name: c\n    image: y\n    securityContext: *ro\n`);
    expect(w?.pod.containers.map((c) => [c.name, c.readOnlyRootFilesystem])).toEqual([['a', true], ['b', true], ['c', true]]);
  });
});

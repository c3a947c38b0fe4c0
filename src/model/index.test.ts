import { describe, expect, it } from 'vitest';
import { parseYaml } from '../yaml/parse.ts';
import { findWorkloads } from './index.ts';
import type { Container } from './index.ts';

function onlyContainer(text: string): Container {
  const workloads = findWorkloads(parseYaml(text).map((d) => ({ index: d.index, contents: d.contents })));
  expect(workloads).toHaveLength(1);
  const c = workloads[0]?.pod.containers[0];
  if (!c) throw new Error('no container');
  return c;
}

/** A read-only container with `volume` (one YAML line, indented for the volumes list) mounted at /tmp. */
function tmpOn(volume: string, mountReadOnly = false): string {
  return `apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  containers:
  - name: app
    image: app
    securityContext:
      readOnlyRootFilesystem: true
    volumeMounts:
    - name: t
      mountPath: /tmp${mountReadOnly ? '\n      readOnly: true' : ''}
  volumes:
  - name: t
    ${volume}
`;
}

describe('writability of volume mounts', () => {
  it.each([
    ['emptyDir: {}', true],
    ['persistentVolumeClaim: {claimName: data}', true],
    ['persistentVolumeClaim: {claimName: data, readOnly: false}', true],
    ['hostPath: {path: /var/tmp}', true],
    ['configMap: {name: cfg}', false],
    ['secret: {secretName: s}', false],
    ['downwardAPI: {items: []}', false],
    ['projected: {sources: []}', false],
  ])('%s at /tmp → writable %s', (volume, writable) => {
    expect(onlyContainer(tmpOn(volume)).writableAt('/tmp/x').writable).toBe(writable);
  });

  // A source with `readOnly: true` forces every mount of it read-only (the API's "Will force the
  // ReadOnly setting in VolumeMounts"); an `image` volume is always mounted read-only.
  it.each([
    ['persistentVolumeClaim: {claimName: data, readOnly: true}', /persistentVolumeClaim source sets readOnly: true/],
    ['csi: {driver: secrets-store.csi.k8s.io, readOnly: true}', /csi source sets readOnly: true/],
    ['nfs: {server: nfs.example, path: /exports, readOnly: true}', /nfs source sets readOnly: true/],
    ['iscsi: {targetPortal: "10.0.0.1:3260", iqn: "iqn.x", lun: 0, readOnly: true}', /iscsi source sets readOnly: true/],
    ['image: {reference: "quay.io/org/data:1.0"}', /image volume "t" is always mounted read-only/],
  ])('%s at /tmp → read-only', (volume, reason) => {
    const c = onlyContainer(tmpOn(volume));
    expect(c.mounts[0]?.volume?.readOnlySource).toBe(true);
    const w = c.writableAt('/tmp');
    expect(w.writable).toBe(false);
    expect(w.reason).toMatch(reason);
  });

  it('a readOnly mount of a writable source is read-only, for the mount\'s reason', () => {
    const w = onlyContainer(tmpOn('emptyDir: {}', true)).writableAt('/tmp');
    expect(w).toMatchObject({ writable: false, reason: 'volume "t" is mounted with readOnly: true' });
  });
});

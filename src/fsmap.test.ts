import { describe, expect, it } from 'vitest';
import { applyFixes, filesystemMap } from './index.ts';

const INIT_SHARED = `apiVersion: v1
kind: Pod
metadata: {name: p}
spec:
  initContainers:
  - name: setup
    image: busybox
    command: [sh, -c, "cp /src/* /shared/config/"]
    securityContext: {readOnlyRootFilesystem: true}
    volumeMounts:
    - {name: src, mountPath: /src}
    - {name: shared, mountPath: /shared/config}
  containers:
  - name: web
    image: nginx:1.27
    securityContext: {readOnlyRootFilesystem: true}
    volumeMounts:
    - {name: shared, mountPath: /etc/app, readOnly: true}
    - {name: run, mountPath: /run}
  - name: logger
    image: example/logger
    volumeMounts: [{name: logs, mountPath: /logs}]
  volumes:
  - {name: src, configMap: {name: cfg}}
  - {name: shared, emptyDir: {}}
  - {name: run, emptyDir: {medium: Memory, sizeLimit: 16Mi}}
  - {name: logs, hostPath: {path: /var/log/app}}
`;

describe('filesystem map', () => {
  const map = filesystemMap(INIT_SHARED, 0);

  it('has one column per container, init containers first, with its root and mounts', () => {
    expect(map?.columns.map((c) => [c.container, c.type, c.readOnlyRoot])).toEqual([['setup', 'init', true], ['web', 'app', true], ['logger', 'app', false]]);
    const setup = map?.columns[0];
    expect(setup?.nodes.map((n) => [n.path, n.parent, n.kind])).toEqual([['/', null, 'root-ro'], ['/shared/config', '/', 'emptyDir'], ['/src', '/', 'config']]);
    expect(map?.columns[2]?.nodes.find((n) => n.path === '/logs')?.kind).toBe('hostPath');
  });

  it('links a volume the init container fills to the container that reads it', () => {
    expect(map?.links).toEqual([{ volume: 'shared', from: { container: 'setup', path: '/shared/config' }, to: { container: 'web', path: '/etc/app' }, direction: 'writes-reads' }]);
  });

  it('draws what would fail in red with the program\'s error and the fix, and it is gone after Fix all', () => {
    const web = map?.columns[1];
    const cache = web?.nodes.find((n) => n.path === '/var/cache/nginx');
    expect(cache?.kind).toBe('path');
    expect(cache?.failing?.error).toContain('mkdir() "/var/cache/nginx/client_temp" failed (30: Read-only file system)');
    expect(cache?.failing?.fixTitle).toMatch(/Mount an emptyDir/);
    // nginx writes /var/run, a symlink to /run: the emptyDir at /run holds it
    expect(web?.nodes.find((n) => n.path === '/run')?.written?.what).toBe('nginx.pid');

    const fixed = applyFixes(INIT_SHARED).text;
    const after = filesystemMap(fixed, 0);
    expect(after?.columns[1]?.nodes.some((n) => n.failing)).toBe(false);
    expect(after?.story.every((s) => s.steps.every((x) => x.ok))).toBe(true);
  });

  it('tells the start-up story in the order Kubernetes runs the containers', () => {
    expect(map?.story.map((s) => [s.container, s.phase])).toEqual([['setup', 'init'], ['web', 'app'], ['logger', 'app']]);
    expect(map?.story[0]?.steps).toEqual([{ path: '/shared/config', ok: true, text: 'writes /shared/config (written by `cp` in the command) on volume "shared"' }]);
    expect(map?.story[1]?.steps.some((s) => !s.ok && s.path === '/var/cache/nginx')).toBe(true);
  });

  it('is undefined for a workload that does not exist', () => {
    expect(filesystemMap(INIT_SHARED, 3)).toBeUndefined();
    expect(filesystemMap('a: [', 0)).toBeUndefined();
  });
});

import { describe, expect, it } from 'vitest';
import { analyze, applyFixes, filesystemMap } from './index.ts';

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

  it('labels each node with its path and its volume\'s type once', () => {
    const label = (c: number, path: string) => map?.columns[c]?.nodes.find((n) => n.path === path)?.label;
    expect(label(0, '/shared/config')).toBe('/shared/config — emptyDir "shared", writable');
    expect(label(0, '/src')).toBe('/src — read-only config "src" (configMap), read-only');
    expect(label(1, '/run')).toBe('/run — memory-backed emptyDir "run" (16Mi), writable');
    expect(label(2, '/logs')).toBe('/logs — host path (the node\'s filesystem) "logs", writable');
    for (const col of map?.columns ?? []) {
      for (const n of col.nodes) {
        const said = n.label.replace(/; fails: .*$/, ''); // the program's error may name the path again
        expect(said.startsWith(`${n.path} — `), n.label).toBe(true);
        expect(said.split(n.path).length - 1, n.label).toBe(1);
        expect(n.label, n.label).not.toMatch(/\bemptyDir\b.*\bemptyDir\b/);
      }
    }
  });

  it('is undefined for a workload that does not exist', () => {
    expect(filesystemMap(INIT_SHARED, 3)).toBeUndefined();
    expect(filesystemMap('a: [', 0)).toBeUndefined();
  });
});

describe('filesystem map: findings and writes', () => {
  it('links the PGDATA env finding to the node of its path', () => {
    const text = `apiVersion: apps/v1
kind: Deployment
metadata: {name: db}
spec:
  template:
    spec:
      containers:
      - name: postgres
        image: postgres:16
        env:
        - name: PGDATA
          value: /srv/pg/data
        securityContext: {readOnlyRootFilesystem: true}
        volumeMounts:
        - {name: run, mountPath: /var/run/postgresql}
      volumes:
      - {name: run, emptyDir: {medium: Memory, sizeLimit: 1Mi}}
`;
    const env = analyze(text).findings.find((f) => f.ruleId === 'env-path-not-writable');
    expect(env?.message).toMatch(/sets PGDATA=\/srv\/pg\/data, /);
    const node = filesystemMap(text, 0)?.columns[0]?.nodes.find((n) => n.path === '/srv/pg/data');
    expect(node?.kind).toBe('path');
    expect(node?.failing?.findingKey).toBe(env?.key);
    expect(node?.failing?.fixTitle).toBe(env?.fixes[0]?.title);
    expect(node?.writes?.map((w) => [w.origin, w.failing?.findingKey])).toEqual([['env', env?.key]]);
    // the start-up prediction names the fix too
    expect(analyze(text).workloads[0]?.containers[0]?.predicted.find((p) => p.path === '/srv/pg/data')?.fix).toBe(env?.fixes[0]?.title);
  });

  it('keeps every write to one path, each with its own finding, and tells each in the story', () => {
    // postgres 18 keeps its data in /var/lib/postgresql/18/docker, and the command makes it too
    const text = `apiVersion: apps/v1
kind: Deployment
metadata: {name: db}
spec:
  template:
    spec:
      containers:
      - name: postgres
        image: postgres:18
        command: [sh, -c, "mkdir -p /var/lib/postgresql/18/docker && exec docker-entrypoint.sh postgres"]
        securityContext: {readOnlyRootFilesystem: true}
        volumeMounts:
        - {name: run, mountPath: /var/run/postgresql}
      volumes:
      - {name: run, emptyDir: {medium: Memory, sizeLimit: 1Mi}}
`;
    const findings = analyze(text).findings;
    const image = findings.find((f) => f.ruleId === 'image-path-not-writable' && f.subject === '/var/lib/postgresql/18/docker');
    const command = findings.find((f) => f.ruleId === 'command-writes-read-only-path');
    const map = filesystemMap(text, 0);
    const nodes = map?.columns[0]?.nodes.filter((n) => n.path === '/var/lib/postgresql/18/docker') ?? [];
    expect(nodes).toHaveLength(1);
    const node = nodes[0];
    expect(node?.writes?.map((w) => [w.origin, w.what, w.failing?.findingKey])).toEqual([
      ['image', 'the database cluster (PGDATA, /var/lib/postgresql/<major>/docker)', image?.key],
      ['command', 'written by `mkdir` in the command', command?.key],
    ]);
    // the first write stays in the old fields
    expect(node?.written).toEqual({ what: 'the database cluster (PGDATA, /var/lib/postgresql/<major>/docker)', origin: 'image' });
    expect(node?.failing?.findingKey).toBe(image?.key);
    expect(node?.label).toBe(`/var/lib/postgresql/18/docker — the database cluster (PGDATA, /var/lib/postgresql/<major>/docker); written by \`mkdir\` in the command; fails: ${node?.failing?.error}`);
    expect(map?.story[0]?.steps.filter((s) => s.path === '/var/lib/postgresql/18/docker').map((s) => [s.ok, s.text.slice(0, s.text.indexOf(' — '))])).toEqual([
      [false, 'writes /var/lib/postgresql/18/docker (the database cluster (PGDATA, /var/lib/postgresql/<major>/docker))'],
      [false, 'writes /var/lib/postgresql/18/docker (written by `mkdir` in the command)'],
    ]);
  });
});

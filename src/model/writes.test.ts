/**
 * What a container needs writable: the corners of src/model/writes.ts that the rule tests reach
 * only indirectly. Each test names the bug it keeps fixed.
 */
import { describe, expect, it } from 'vitest';
import { parseYaml } from '../yaml/parse.ts';
import { findWorkloads } from './index.ts';
import type { Container } from './index.ts';
import { containerWrites, genericTmpNeed, volumesForReadOnly } from './writes.ts';

/** The first container of a Pod with this container body (indented for `  - `). */
function container(body: string, kind = 'Pod'): Container {
  const spec = kind === 'Pod' ? `spec:\n  containers:\n  - name: c\n${body}` : `spec:\n  template:\n    spec:\n      containers:\n      - name: c\n${body.replace(/^/gm, '    ')}`;
  const [w] = findWorkloads(parseYaml(`apiVersion: v1\nkind: ${kind}\nmetadata:\n  name: w\n${spec}`).map((d) => ({ index: d.index, contents: d.contents })));
  const c = w?.pod.containers[0];
  if (!c) throw new Error('no container');
  return c;
}

/** What a container always writes (conditional paths left out). */
const needs = (c: Container) => containerWrites(c).needs.filter((n) => !n.advice).map((n) => ({ path: n.path, mountAt: n.mountAt, origin: n.origin }));

describe('PGDATA: the volume goes at the image VOLUME, PGDATA below it (pgdata-at-mount-root must not fire on what the fix mounts)', () => {
  it('postgres up to 17: exactly at the VOLUME /var/lib/postgresql/data with PGDATA=/var/lib/postgresql/data/pgdata (containerd/containerd#3511); from 18: /var/lib/postgresql, its VOLUME', () => {
    for (const tag of ['13', '17']) {
      const data = containerWrites(container(`    image: postgres:${tag}\n    securityContext: {readOnlyRootFilesystem: true}\n`)).needs.find((n) => n.volume === 'persistent');
      expect(data?.mountAt, tag).toBe('/var/lib/postgresql/data');
      expect(data?.setEnv, tag).toEqual({ name: 'PGDATA', value: '/var/lib/postgresql/data/pgdata' });
    }
    for (const tag of ['18', 'latest']) {
      const data = containerWrites(container(`    image: postgres:${tag}\n    securityContext: {readOnlyRootFilesystem: true}\n`)).needs.find((n) => n.volume === 'persistent');
      expect(data?.mountAt, tag).toBe('/var/lib/postgresql');
      expect(data?.setEnv, tag).toBeUndefined();
    }
  });

  it('an explicit PGDATA: its parent — unless that is / or a system directory, where the volume can only go at PGDATA itself', () => {
    const at = (pgdata: string) => containerWrites(container(`    image: postgres:16\n    env: [{name: PGDATA, value: ${pgdata}}]\n`)).needs.find((n) => n.volume === 'persistent')?.mountAt;
    expect(at('/var/lib/postgresql/data/pgdata')).toBe('/var/lib/postgresql/data');
    // never above the image VOLUME /var/lib/postgresql/data up to 17: exactly at it
    expect(at('/var/lib/postgresql/data')).toBe('/var/lib/postgresql/data');
    expect(at('/pgdata')).toBe('/pgdata');
    expect(at('/var/lib/pgdata')).toBe('/var/lib/pgdata');
    // and for an image that is not postgres but sets PGDATA
    expect(containerWrites(container('    image: example/pg\n    env: [{name: PGDATA, value: /data/pg}]\n')).needs.map((n) => n.mountAt)).toEqual(['/data']);
  });
});

describe('the program\'s error line follows the path an env var moves', () => {
  it('replaces the directory, not a file name that starts like it (TMPDIR=/scratch: /scratch/tmp.XXXXXXXXXX, not /scratch/scratch.XXXXXXXXXX)', () => {
    const tmp = containerWrites(container('    image: postgres:16\n    env: [{name: TMPDIR, value: /scratch}]\n')).needs.find((n) => n.env?.name === 'TMPDIR');
    expect(tmp?.error).toBe("mktemp: failed to create file via template '/scratch/tmp.XXXXXXXXXX': Read-only file system");
  });

  it('a path below HOME moves with HOME, whose own need covers it', () => {
    const npm = containerWrites(container('    image: node:20\n    command: [npm, start]\n    env: [{name: HOME, value: /home/node}]\n')).needs;
    expect(npm.map((n) => [n.path, n.origin])).toEqual([['/home/node', 'env']]);
    // a relative HOME is not followed
    const relative = containerWrites(container('    image: node:20\n    command: [npm, start]\n    env: [{name: HOME, value: home}]\n')).needs;
    expect(relative.map((n) => n.path)).toEqual(['/root/.npm', '/root/.cache']);
  });
});

describe('a command that runs only standard tools replaces the image\'s program', () => {
  it('the image\'s paths do not apply to `cp` into a volume or a sleep loop; they do when the command runs the program', () => {
    expect(needs(container('    image: nginx:1.27\n    command: [sh, -c, "cp -a /etc/nginx/. /seed/"]\n'))).toEqual([{ path: '/seed', mountAt: '/seed', origin: 'command' }]);
    expect(needs(container('    image: nginx:1.27\n    command: [sleep, infinity]\n'))).toEqual([]);
    expect(needs(container('    image: nginx:1.27\n    command: [sh, -c, "envsubst < /t > /etc/nginx/conf.d/x.conf && exec nginx -g \'daemon off;\'"]\n')).map((n) => n.path)).toEqual(['/var/cache/nginx', '/var/run', '/etc/nginx/conf.d/x.conf']);
    // args alone: the image's entrypoint runs them
    expect(needs(container('    image: nginx:1.27\n    args: [nginx, -g, "daemon off;"]\n')).map((n) => n.path)).toEqual(['/var/cache/nginx', '/var/run']);
  });

  it('no generic /tmp for a command of tools that make no temp files, without a here-document', () => {
    const ro = '    securityContext: {readOnlyRootFilesystem: true}\n';
    expect(genericTmpNeed(container(`    image: example/app\n    command: [sh, -c, "cp -a /a/. /b/ && chmod -R g+w /b"]\n${ro}`))).toBeUndefined();
    expect(genericTmpNeed(container(`    image: example/app\n    command: [sh, -c, "sort /a > /b/sorted"]\n${ro}`))?.path).toBe('/tmp');
    expect(genericTmpNeed(container(`    image: example/app\n    args: [sleep, "30"]\n${ro}`))?.path).toBe('/tmp');
    expect(genericTmpNeed(container(`    image: example/app\n${ro}`))?.path).toBe('/tmp');
  });
});

describe('what the image ships where it writes', () => {
  it('an emptyDir path keeps what the image ships (the fix fills the volume from it); a persistent one moves into a subdirectory with its env var', () => {
    const es = containerWrites(container('    image: elasticsearch:8.15.0\n')).needs.find((n) => n.path === '/usr/share/elasticsearch/config');
    expect(es).toMatchObject({ mountAt: '/usr/share/elasticsearch/config', shipsContent: expect.stringContaining('jvm.options') });
    const grafana = containerWrites(container('    image: grafana/grafana:11.2.0\n')).needs.find((n) => n.volume === 'persistent');
    expect(grafana).toMatchObject({ path: '/var/lib/grafana', mountAt: '/var/lib/grafana/data', setEnv: { name: 'GF_PATHS_DATA', value: '/var/lib/grafana/data' } });
    // once GF_PATHS_DATA is set, the path is that directory and nothing moves any more
    const moved = containerWrites(container('    image: grafana/grafana:11.2.0\n    env: [{name: GF_PATHS_DATA, value: /var/lib/grafana/data}]\n')).needs.find((n) => n.volume === 'persistent');
    expect(moved).toMatchObject({ path: '/var/lib/grafana/data', mountAt: '/var/lib/grafana/data', origin: 'env' });
    expect(moved?.setEnv).toBeUndefined();
  });

  it('volumesForReadOnly: persistent data only in a StatefulSet; conditional paths never', () => {
    const body = '    image: postgres:16\n';
    expect(volumesForReadOnly(container(body, 'StatefulSet')).map((n) => n.mountAt)).toEqual(['/var/lib/postgresql/data', '/var/run/postgresql']);
    expect(volumesForReadOnly(container(body, 'Deployment')).map((n) => n.mountAt)).toEqual(['/var/run/postgresql']);
  });
});

import { describe, expect, it } from 'vitest';
import { findImage, findRuntime, normalizeRepository, parseImageRef, pathsFor, versionApplies } from './match.ts';
import { images } from './images.ts';

const SHA = `sha256:${'a1b2c3d4'.repeat(8)}`;

function image(id: string) {
  const found = images.find((i) => i.id === id);
  if (!found) throw new Error(`no image ${id}`);
  return found;
}

describe('parseImageRef', () => {
  it.each([
    ['nginx', { repository: 'nginx' }],
    ['nginx:1.27', { repository: 'nginx', tag: '1.27', major: 1 }],
    ['nginx:latest', { repository: 'nginx', tag: 'latest' }],
    ['postgres:16-alpine', { repository: 'postgres', tag: '16-alpine', major: 16 }],
    ['nginx:1.27.3', { repository: 'nginx', tag: '1.27.3', major: 1 }],
    ['prom/prometheus:v2.53.0', { repository: 'prom/prometheus', tag: 'v2.53.0', major: 2 }],
    ['python:3.12-slim', { repository: 'python', tag: '3.12-slim', major: 3 }],
    ['alpine:edge', { repository: 'alpine', tag: 'edge' }],
    [`docker.io/library/nginx:1.27@${SHA}`, { registry: 'docker.io', repository: 'library/nginx', tag: '1.27', digest: SHA, major: 1 }],
    [`nginx@${SHA}`, { repository: 'nginx', digest: SHA }],
    [`quay.io/keycloak/keycloak@${SHA}`, { registry: 'quay.io', repository: 'keycloak/keycloak', digest: SHA }],
    ['localhost:5000/foo/bar:tag', { registry: 'localhost:5000', repository: 'foo/bar', tag: 'tag' }],
    ['localhost/foo', { registry: 'localhost', repository: 'foo' }],
    ['registry.example.com:443/mirror/library/postgres:16-alpine', { registry: 'registry.example.com:443', repository: 'mirror/library/postgres', tag: '16-alpine', major: 16 }],
    ['Registry.Example.com/team/app:1', { registry: 'Registry.Example.com', repository: 'team/app', tag: '1', major: 1 }],
    ['[::1]:5000/team/app', { registry: '[::1]:5000', repository: 'team/app' }],
    ['ghcr.io/org/sub/app_name-x:2024.01', { registry: 'ghcr.io', repository: 'org/sub/app_name-x', tag: '2024.01', major: 2024 }],
    ['my.registry:5000/a__b/c--d:V1_x', { registry: 'my.registry:5000', repository: 'a__b/c--d', tag: 'V1_x' }],
  ])('parses %s', (ref, expected) => {
    expect(parseImageRef(ref)).toEqual(expected);
  });

  it.each([
    '',
    'Nginx',
    'nginx:',
    'nginx@',
    'nginx@sha256:short',
    'docker.io/Library/nginx',
    'nginx:1.27 ',
    ' nginx',
    'nginx:tag:tag',
    '/nginx',
    'nginx/',
    'nginx//x',
    'foo/-bar',
    'foo/bar-',
    'foo/bar..baz',
    'nginx:-tag',
    '{{ .Values.image }}',
    '${IMAGE}',
    'a'.repeat(64).replace(/a/g, 'f'),
    `${'x'.repeat(256)}:1`,
    `nginx:${'t'.repeat(129)}`,
  ])('rejects %j', (ref) => {
    expect(parseImageRef(ref)).toBeUndefined();
  });
});

describe('normalizeRepository', () => {
  it('drops library components except the last', () => {
    expect(normalizeRepository('library/nginx')).toBe('nginx');
    expect(normalizeRepository('dockerhub/library/nginx')).toBe('dockerhub/nginx');
    expect(normalizeRepository('team/library')).toBe('team/library');
    expect(normalizeRepository('bitnami/postgresql')).toBe('bitnami/postgresql');
  });
});

describe('findImage', () => {
  it.each([
    ['nginx', 'nginx'],
    ['nginx:1.27', 'nginx'],
    [`docker.io/library/nginx:1.27@${SHA}`, 'nginx'],
    ['mirror.corp/dockerhub/library/nginx', 'nginx'],
    ['library/nginx:stable-alpine', 'nginx'],
    ['nginxinc/nginx-unprivileged:1.27-alpine', 'nginxinc/nginx-unprivileged'],
    ['ghcr.io/nginxinc/nginx-unprivileged', 'nginxinc/nginx-unprivileged'],
    ['postgres', 'postgres'],
    ['registry.example.com:443/mirror/library/postgres:16-alpine', 'postgres'],
    ['docker.elastic.co/elasticsearch/elasticsearch:8.15.0', 'elasticsearch'],
    ['elasticsearch:8.15.0', 'elasticsearch'],
    ['grafana/grafana:11.2.0', 'grafana'],
    ['grafana/grafana-oss', 'grafana'],
    ['quay.io/prometheus/prometheus:v2.53.0', 'prometheus'],
    ['prom/prometheus', 'prometheus'],
    ['hashicorp/vault:1.17', 'vault'],
    ['vault:1.13.3', 'vault'],
    ['hashicorp/consul:1.19', 'consul'],
    ['jenkins/jenkins:lts-jdk17', 'jenkins'],
    ['minio/minio:RELEASE.2024-06-13T22-53-53Z', 'minio'],
    ['quay.io/minio/minio', 'minio'],
    ['quay.io/keycloak/keycloak:25.0', 'keycloak'],
    ['envoyproxy/envoy:v1.31-latest', 'envoy'],
    ['traefik:v3.1', 'traefik'],
    ['caddy:2-alpine', 'caddy'],
    ['busybox', 'busybox'],
    ['wordpress:6-apache', 'wordpress'],
    ['php:8.3-fpm', 'php'],
    ['zookeeper:3.9', 'zookeeper'],
    ['docker.io/bitnami/postgresql:16.4.0-debian-12-r0', 'bitnami/postgresql'],
    ['bitnami/redis:7.4', 'bitnami/redis'],
    ['docker.io/bitnamilegacy/redis:7.4', 'bitnami/redis'],
    ['bitnami/elasticsearch:8', 'bitnami/elasticsearch'],
    ['bitnami/nginx', 'bitnami/nginx'],
    ['bitnami/keycloak:25', 'bitnami/keycloak'],
    ['myorg/postgres:16', 'postgres'],
  ])('%s → %s', (ref, id) => {
    const found = findImage(ref);
    expect(found?.image.id).toBe(id);
  });

  it('returns the parsed reference with it', () => {
    const found = findImage('registry.example.com:443/mirror/library/postgres:16-alpine');
    expect(found?.ref).toEqual({ registry: 'registry.example.com:443', repository: 'mirror/library/postgres', tag: '16-alpine', major: 16 });
  });

  it.each(['mycomplex-app:2.0', 'myapp:1.0', 'nginx-custom', 'grafana/loki:3', 'postgresql', 'Nginx', '', 'bitnami/unknown-thing'])(
    'knows nothing of %j',
    (ref) => {
      expect(findImage(ref)).toBeUndefined();
    },
  );
});

describe('findRuntime', () => {
  const ids = (ref: string | undefined, command?: string[]) => findRuntime(ref, command).map((r) => r.id);

  it('recognises runtimes by repository', () => {
    expect(ids('eclipse-temurin:21-jre')).toEqual(['jvm']);
    expect(ids('docker.io/library/openjdk:17')).toEqual(['jvm']);
    expect(ids('public.ecr.aws/amazoncorretto/amazoncorretto:21')).toEqual(['jvm']);
    expect(ids('python:3.12-slim')).toEqual(['cpython']);
    expect(ids('node:20-alpine')).toEqual(['nodejs']);
    expect(ids('busybox:1.36')).toEqual(['shell']);
  });

  it('recognises runtimes by argv[0] basename', () => {
    expect(ids('myapp:1.0', ['/usr/bin/python3', 'app.py'])).toEqual(['cpython']);
    expect(ids(undefined, ['python3.12', '-m', 'http.server'])).toEqual(['cpython']);
    expect(ids('myapp:1.0', ['java', '-jar', 'app.jar'])).toEqual(['jvm']);
    expect(ids('myapp:1.0', ['npm', 'start'])).toEqual(['nodejs']);
    expect(ids('myapp:1.0', ['/bin/sh', '-c', 'while true; do sleep 30; done'])).toEqual(['shell']);
    expect(ids('myapp:1.0', ['/usr/bin/env', 'LANG=C', 'node', 'server.js'])).toEqual(['nodejs']);
    expect(ids('myapp:1.0', ['bash'])).toEqual(['shell']);
  });

  it('combines both, in the order of the runtimes list, without duplicates', () => {
    expect(ids('eclipse-temurin:21', ['sh', '-c', 'exec java -jar app.jar'])).toEqual(['jvm', 'shell']);
    expect(ids('python:3.12', ['python3', 'app.py'])).toEqual(['cpython']);
  });

  it('finds nothing for an unknown image and command', () => {
    expect(ids('myapp:1.0', ['/app/server'])).toEqual([]);
    expect(ids(undefined, undefined)).toEqual([]);
    expect(ids('Not A Ref', [])).toEqual([]);
    expect(ids(undefined, ['/usr/bin/env'])).toEqual([]);
  });
});

describe('pathsFor', () => {
  const postgres = image('postgres');
  const pathList = (ref?: string) => pathsFor(postgres, ref).paths.map((p) => p.path);

  it('gives postgres 13 the old PGDATA', () => {
    const r = pathsFor(postgres, 'postgres:13');
    expect(r.major).toBe(13);
    expect(r.versionAssumed).toBe(false);
    expect(r.defaults.PGDATA).toBe('/var/lib/postgresql/data');
    expect(pathList('postgres:13')).toContain('/var/lib/postgresql/data');
    expect(pathList('postgres:13')).not.toContain('/var/lib/postgresql/18/docker');
    expect(pathList('postgres:17.2-bookworm')).toContain('/var/lib/postgresql/data');
  });

  it('gives postgres 18 the new PGDATA', () => {
    const r = pathsFor(postgres, 'postgres:18-alpine');
    expect(r.defaults.PGDATA).toBe('/var/lib/postgresql/18/docker');
    expect(pathList('postgres:18-alpine')).toContain('/var/lib/postgresql/18/docker');
    expect(pathList('postgres:18-alpine')).not.toContain('/var/lib/postgresql/data');
    expect(pathList('postgres:18')).toEqual(expect.arrayContaining(['/var/run/postgresql', '/tmp']));
  });

  it('assumes the newest version without a version in the tag, and says so', () => {
    for (const ref of ['postgres', 'postgres:latest', `postgres@${SHA}`, 'postgres:alpine']) {
      const r = pathsFor(postgres, ref);
      expect(r.versionAssumed, ref).toBe(true);
      expect(r.major, ref).toBeUndefined();
      expect(r.defaults.PGDATA, ref).toBe('/var/lib/postgresql/18/docker');
      expect(pathList(ref), ref).toContain('/var/lib/postgresql/18/docker');
    }
    expect(pathsFor(postgres).versionAssumed).toBe(true);
  });

  it('takes a parsed reference too', () => {
    const found = findImage('postgres:13');
    expect(found).toBeDefined();
    if (!found) return;
    expect(pathsFor(found.image, found.ref).defaults.PGDATA).toBe('/var/lib/postgresql/data');
  });

  it('separates content from written paths', () => {
    const r = pathsFor(image('nginx'), 'nginx:1.21');
    expect(r.writable.map((p) => p.path)).toEqual(['/var/cache/nginx', '/var/run', '/etc/nginx/conf.d']);
    expect(r.content.map((p) => p.path)).toEqual(['/etc/nginx', '/usr/share/nginx/html']);
    expect(r.defaults).toEqual({});
  });

  it('leaves unversioned entries alone', () => {
    const grafana = image('grafana');
    expect(pathsFor(grafana, 'grafana/grafana:9').paths).toEqual(grafana.paths);
    expect(pathsFor(grafana, 'grafana/grafana').paths).toEqual(grafana.paths);
  });
});

describe('versionApplies', () => {
  it('treats an unknown version as the newest', () => {
    expect(versionApplies(undefined, undefined)).toBe(true);
    expect(versionApplies({ max: 17 }, undefined)).toBe(false);
    expect(versionApplies({ min: 18 }, undefined)).toBe(true);
    expect(versionApplies({ min: 10, max: 12 }, 12)).toBe(true);
    expect(versionApplies({ min: 10, max: 12 }, 13)).toBe(false);
    expect(versionApplies({ min: 10, max: 12 }, 9)).toBe(false);
  });
});

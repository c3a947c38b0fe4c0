import { describe, expect, it } from 'vitest';
import { images } from './images.ts';
import { runtimes } from './runtimes.ts';
import { normalizeRepository, parseImageRef, versionApplies } from './match.ts';
import type { ImageKnowledge, PathPurpose, RuntimeKnowledge, VolumeKind, WritablePath } from './types.ts';

const PURPOSES: readonly PathPurpose[] = ['temp', 'cache', 'run', 'data', 'config', 'logs', 'home', 'plugins', 'content'];
const VOLUMES: readonly VolumeKind[] = ['emptyDir', 'memory', 'persistent'];
const ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** Every image row of WRITABLE-PATHS.md, and the Bitnami family listed there. */
const EXPECTED_IMAGES = [
  'nginx', 'nginxinc/nginx-unprivileged', 'httpd', 'postgres', 'mysql', 'mariadb', 'redis', 'mongo', 'memcached',
  'rabbitmq', 'elasticsearch', 'grafana', 'prometheus', 'traefik', 'haproxy', 'envoy', 'caddy', 'node', 'python',
  'tomcat', 'busybox', 'alpine', 'wordpress', 'php', 'keycloak', 'vault', 'consul', 'jenkins', 'zookeeper', 'minio',
  'bitnami/postgresql', 'bitnami/mysql', 'bitnami/mariadb', 'bitnami/redis', 'bitnami/mongodb', 'bitnami/rabbitmq',
  'bitnami/elasticsearch', 'bitnami/grafana', 'bitnami/nginx', 'bitnami/kafka', 'bitnami/keycloak', 'bitnami/tomcat',
  'bitnami/wordpress',
];
const EXPECTED_RUNTIMES = ['jvm', 'cpython', 'nodejs', 'shell'];

type Entry = ImageKnowledge | RuntimeKnowledge;
const all: readonly Entry[] = [...images, ...runtimes];

/** `/opt/keycloak/bin/../data/tmp` → `/opt/keycloak/data/tmp`, so messages that print such paths count. */
function resolveDots(text: string): string {
  let out = text;
  for (;;) {
    const next = out.replace(/\/[^/\s"'[\]]+\/\.\.(?=\/)/, '');
    if (next === out) return out;
    out = next;
  }
}

function mentions(error: string, p: WritablePath): boolean {
  const text = resolveDots(error).toLowerCase();
  if (text.includes(p.path.toLowerCase())) return true;
  if (text.includes('read-only file system') || text.includes('erofs')) return true;
  // A message that names the path relative to a working directory (WordPress: wp-content/uploads).
  const tail = p.path.split('/').slice(-2).join('/');
  return p.path.split('/').length > 2 && text.includes(tail.toLowerCase());
}

function isAbsoluteClean(path: string): boolean {
  return path.startsWith('/') && (path === '/' || !path.endsWith('/')) && !/\/\/|\/\.\.?(\/|$)|\s/.test(path);
}

function rangesOverlap(a: WritablePath['versions'], b: WritablePath['versions']): boolean {
  const lo = Math.max(a?.min ?? -Infinity, b?.min ?? -Infinity);
  const hi = Math.min(a?.max ?? Infinity, b?.max ?? Infinity);
  return lo <= hi;
}

describe('the knowledge base covers the research', () => {
  it('has an entry for every image row and the Bitnami family', () => {
    expect(images.map((i) => i.id).sort()).toEqual([...EXPECTED_IMAGES].sort());
  });

  it('has the four runtimes', () => {
    expect(runtimes.map((r) => r.id)).toEqual(EXPECTED_RUNTIMES);
  });

  it('lists the commands of the brief', () => {
    const commands = runtimes.flatMap((r) => r.commands).sort();
    expect(commands).toEqual(['ash', 'bash', 'dash', 'java', 'node', 'npm', 'npx', 'python', 'python3', 'sh'].sort());
  });
});

describe('integrity of every entry', () => {
  it('has unique ids across images and runtimes', () => {
    const ids = all.map((e) => e.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('lists no repository in two image entries, nor in two runtime entries', () => {
    for (const group of [images, runtimes] as const) {
      const owner = new Map<string, string>();
      for (const entry of group) {
        for (const repo of entry.repositories) {
          const key = normalizeRepository(repo);
          const previous = owner.get(key);
          expect(previous === undefined || previous === entry.id, `${repo} is listed by ${previous} and ${entry.id}`).toBe(true);
          owner.set(key, entry.id);
        }
      }
    }
  });

  it.each(all.map((e) => [e.id, e] as const))('%s', (_id, entry) => {
    expect(entry.title.trim()).not.toBe('');
    expect(entry.sources.length).toBeGreaterThanOrEqual(1);
    for (const source of entry.sources) {
      expect(source.title.trim(), entry.id).not.toBe('');
      const url = new URL(source.url);
      expect(url.protocol, source.url).toBe('https:');
    }

    for (const repo of entry.repositories) {
      const parsed = parseImageRef(repo);
      expect(parsed, `${entry.id}: repository ${repo} is a valid name`).toEqual({ repository: repo });
    }
    if ('commands' in entry) {
      expect(entry.commands.length).toBeGreaterThan(0);
      for (const c of entry.commands) expect(c).toMatch(/^[a-z][a-z0-9.+-]*$/);
    } else {
      expect(entry.repositories.length, entry.id).toBeGreaterThan(0);
    }

    if (entry.user) {
      expect(Number.isInteger(entry.user.uid) && entry.user.uid >= 0).toBe(true);
      if (entry.user.dropsTo) expect(entry.user.dropsTo.uid).toBeGreaterThan(0);
    }

    for (const d of entry.defaults ?? []) {
      expect(d.env).toMatch(ENV_NAME);
      expect(isAbsoluteClean(d.value), `${entry.id}: default ${d.env}=${d.value}`).toBe(true);
      if (d.versions?.min !== undefined && d.versions.max !== undefined) expect(d.versions.min).toBeLessThanOrEqual(d.versions.max);
    }

    for (const p of entry.paths) {
      const at = `${entry.id} ${p.path}`;
      expect(isAbsoluteClean(p.path), `${at}: absolute and clean`).toBe(true);
      expect(PURPOSES, at).toContain(p.purpose);
      expect(VOLUMES, at).toContain(p.volume);
      expect(Number.isInteger(p.source) && p.source >= 0 && p.source < entry.sources.length, `${at}: source ${p.source}`).toBe(true);
      expect(p.what.trim(), at).not.toBe('');
      expect(p.error.trim(), at).not.toBe('');
      expect(p.error, at).not.toMatch(/\n/);
      expect(mentions(p.error, p), `${at}: error "${p.error}" names the path or the EROFS text`).toBe(true);

      // Data that must outlive the pod is data; pid and socket directories are small and in memory.
      if (p.volume === 'persistent') expect(p.purpose, at).toBe('data');
      if (p.purpose === 'run') expect(p.volume, at).toBe('memory');
      if (p.purpose === 'content') expect(p.shipsContent, `${at}: content says what it is`).toBeTruthy();

      for (const name of [...(p.env ?? []), ...(p.whenEnv ?? []), ...(p.unlessEnv ?? []).map((u) => u.name)]) {
        expect(name, at).toMatch(ENV_NAME);
      }
      if (p.onlyWhen !== undefined) expect(p.onlyWhen.trim(), at).not.toBe('');
      if (p.shipsContent !== undefined) expect(p.shipsContent.trim(), at).not.toBe('');
      if (p.versions?.min !== undefined && p.versions.max !== undefined) expect(p.versions.min, at).toBeLessThanOrEqual(p.versions.max);
      if (p.home !== undefined) {
        expect(p.home === '' ? true : p.path.endsWith(`/${p.home}`), `${at}: ends with $HOME part ${p.home}`).toBe(true);
      }
      if (p.whenCommand) for (const c of p.whenCommand) expect(c).toMatch(/^[a-z][a-z0-9.+-]*$/);

      // An env var that moves the path and has a default: the default is the path (for that version).
      for (const env of p.env ?? []) {
        for (const d of entry.defaults ?? []) {
          if (d.env !== env || !rangesOverlap(d.versions, p.versions)) continue;
          expect(d.value, `${at}: default ${d.env}`).toBe(p.path);
        }
      }
    }

    // The same path twice only for disjoint versions.
    entry.paths.forEach((a, i) => {
      entry.paths.slice(i + 1).forEach((b) => {
        if (a.path === b.path) expect(rangesOverlap(a.versions, b.versions), `${entry.id}: ${a.path} twice`).toBe(false);
      });
    });
  });
});

describe('facts the rules rely on', () => {
  const byId = (id: string) => {
    const e = all.find((x) => x.id === id);
    if (!e) throw new Error(id);
    return e;
  };
  const paths = (id: string) => byId(id).paths.map((p) => p.path);

  it('nginx needs its cache and pid directories but not /tmp', () => {
    expect(paths('nginx')).toEqual(expect.arrayContaining(['/var/cache/nginx', '/var/run']));
    expect(paths('nginx')).not.toContain('/tmp');
    const confd = byId('nginx').paths.find((p) => p.path === '/etc/nginx/conf.d');
    expect(confd?.onlyWhen).toMatch(/templates/);
  });

  it('every database and queue keeps its data on a persistent volume', () => {
    for (const [id, path] of [
      ['postgres', '/var/lib/postgresql/data'], ['mysql', '/var/lib/mysql'], ['mariadb', '/var/lib/mysql'], ['redis', '/data'],
      ['mongo', '/data/db'], ['rabbitmq', '/var/lib/rabbitmq'], ['elasticsearch', '/usr/share/elasticsearch/data'],
      ['prometheus', '/prometheus'], ['zookeeper', '/data'], ['bitnami/postgresql', '/bitnami/postgresql'], ['bitnami/kafka', '/bitnami/kafka'],
    ] as const) {
      expect(byId(id).paths.find((p) => p.path === path)?.volume, `${id} ${path}`).toBe('persistent');
    }
  });

  it('postgres PGDATA depends on the version', () => {
    const pg = byId('postgres').paths;
    const at13 = pg.filter((p) => versionApplies(p.versions, 13)).map((p) => p.path);
    const at18 = pg.filter((p) => versionApplies(p.versions, 18)).map((p) => p.path);
    expect(at13).toContain('/var/lib/postgresql/data');
    expect(at13).not.toContain('/var/lib/postgresql/18/docker');
    expect(at18).toContain('/var/lib/postgresql/18/docker');
    expect(at18).not.toContain('/var/lib/postgresql/data');
  });

  it('Bitnami images run as 1001', () => {
    for (const image of images.filter((i) => i.id.startsWith('bitnami/'))) expect(image.user?.uid, image.id).toBe(1001);
  });

  it('inferred rows stay marked', () => {
    expect(byId('mariadb').paths.find((p) => p.path === '/tmp')?.inferred).toBe(true);
    expect(byId('memcached').paths).toEqual([]);
    expect(byId('memcached').notes?.join(' ')).toMatch(/inferred/);
  });

  it('Python bytecode is information only', () => {
    expect(byId('cpython').paths.some((p) => p.path.includes('__pycache__'))).toBe(false);
    expect(byId('cpython').notes?.join(' ')).toMatch(/PYTHONDONTWRITEBYTECODE.*PYTHONPYCACHEPREFIX/);
  });

  it('the npm cache is tied to npm and npx', () => {
    const npm = byId('nodejs').paths.find((p) => p.home === '.npm');
    expect(npm?.whenCommand).toEqual(['npm', 'npx']);
    expect(npm?.env).toContain('npm_config_cache');
  });
});

import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { analyze, applyEdits } from '../index.ts';
import type { Analysis, Finding } from '../index.ts';
import { images, runtimes, findImage } from '../knowledge/index.ts';
import { validateWorkloads } from '../../test/support/k8s-schema.ts';
import { addContainer, draftWorkload, DRAFT_KINDS, imageSuggestions } from './index.ts';
import type { ContainerRole, DraftKind, DraftResult } from './index.ts';

/**
 * Families whose image ships files in a directory it also writes: the draft fills the volume from
 * the image with an init container ("seed") that runs the same image but only `cp`.
 */
const SEEDED = ['elasticsearch', 'bitnami/rabbitmq', 'bitnami/keycloak', 'bitnami/wordpress'];

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };
type JsonObj = { [k: string]: Json };

function obj(v: Json | undefined): JsonObj {
  return v !== null && typeof v === 'object' && !Array.isArray(v) ? v : {};
}
function list(v: Json | undefined): Json[] {
  return Array.isArray(v) ? v : [];
}

/** The pod spec of a parsed workload, whatever its kind. */
function podSpecOf(doc: JsonObj): JsonObj {
  const spec = obj(doc.spec);
  if (doc.kind === 'Pod') return spec;
  if (doc.kind === 'CronJob') return obj(obj(obj(obj(spec.jobTemplate).spec).template).spec);
  return obj(obj(spec.template).spec);
}

/** Findings a draft may carry: info about a conditional path it left out (and said so). */
function unexpected(a: Analysis, notes: ReadonlyArray<{ message: string }>): Finding[] {
  return a.findings.filter((f) => {
    if (f.severity !== 'info') return true;
    if (f.ruleId !== 'image-path-not-writable' || !f.message.includes('(only when ')) return true;
    const path = /writes (\S+) — /.exec(f.message)?.[1] ?? '?';
    return !notes.some((n) => n.message.startsWith(`Left out ${path} `));
  });
}

function checkDraft(r: DraftResult, kind: DraftKind, opts: { uid?: number | undefined; image: string }) {
  // parses, as YAML 1.1 the way Kubernetes reads it, and through rootlock's own parser
  const doc = parse(r.text, { version: '1.1' }) as JsonObj;
  const a = analyze(r.text);
  expect(a.diagnostics).toEqual([]);
  // the official schema
  const v = validateWorkloads(r.text);
  expect(v.unparsed).toEqual([]);
  expect(v.objects.map((o) => o.result)).toEqual([{ status: 'checked', errors: [] }]);
  // no error, no warning; info only for conditional paths the notes name
  expect(unexpected(a, r.notes).map((f) => `${f.severity} ${f.ruleId} ${f.container}: ${f.message}`)).toEqual([]);
  expect(a.workloads).toHaveLength(1);
  expect(a.workloads[0]?.kind).toBe(kind);

  // restricted hardening
  const pod = podSpecOf(doc);
  const sc = obj(pod.securityContext);
  expect(sc.runAsNonRoot).toBe(true);
  expect(obj(sc.seccompProfile).type).toBe('RuntimeDefault');
  if (opts.uid !== undefined) expect(sc.runAsUser).toBe(opts.uid);
  for (const c of [...list(pod.initContainers), ...list(pod.containers)].map(obj)) {
    const csc = obj(c.securityContext);
    expect(csc.readOnlyRootFilesystem).toBe(true);
    expect(csc.allowPrivilegeEscalation).toBe(false);
    expect(obj(csc.capabilities).drop).toEqual(['ALL']);
    expect(obj(csc.capabilities).add).toBeUndefined();
    expect(c.image).toBe(opts.image);
  }
  // labels and selector agree
  const labels = obj(obj(doc.metadata).labels);
  expect(labels['app.kubernetes.io/name']).toBeTypeOf('string');
  if (kind === 'Deployment' || kind === 'StatefulSet' || kind === 'DaemonSet') {
    expect(obj(obj(doc.spec).selector).matchLabels).toEqual(labels);
    expect(obj(obj(obj(doc.spec).template).metadata).labels).toEqual(labels);
  }
  // every generated volume and claim has a comment line above it
  const lines = r.text.split('\n');
  lines.forEach((line, i) => {
    if (/^ {6}- name: /.test(line) && lines.slice(0, i).reverse().find((l) => !/^ {6}#/.test(l)) === '      volumes:') {
      expect(lines[i - 1], `comment above ${line}`).toMatch(/^ {6}# \S/);
    }
    if (/^ {2}- metadata:/.test(line)) expect(lines[i - 1]).toMatch(/^ {2}# \S/);
  });
  // emptyDirs have a sizeLimit
  for (const vol of list(pod.volumes).map(obj)) if (vol.emptyDir !== undefined) expect(obj(vol.emptyDir).sizeLimit).toBeTypeOf('string');
  return { doc, pod, a };
}

/** The uid the draft should run a known image as. */
function uidOf(id: string): number | undefined {
  const k = images.find((i) => i.id === id);
  const u = k?.user;
  if (!u) return undefined;
  if (u.uid > 0) return u.uid;
  return u.dropsTo?.uid;
}

describe('draftWorkload: every image family × every kind', () => {
  for (const k of images) {
    const image = k.repositories[0] as string;
    for (const kind of DRAFT_KINDS) {
      it(`${image} as a ${kind}`, () => {
        const r = draftWorkload({ image, kind, name: 'app', namespace: 'demo', port: 8080, schedule: '*/5 * * * *' });
        const seeded = SEEDED.includes(k.id);
        const { pod, doc } = checkDraft(r, kind, { uid: uidOf(k.id), image });
        expect(obj(doc.metadata).namespace).toBe('demo');
        const main = obj(list(pod.containers)[0]);
        expect(list(main.ports)).toEqual([{ containerPort: 8080 }]);
        // a seed init container exactly for the families that need one
        expect(list(pod.initContainers).length > 0).toBe(seeded);
        expect(r.notes.filter((n) => n.message.startsWith('rootlock reports on this draft'))).toEqual([]);
        // persistent data: a claim template in a StatefulSet, a claim volume (with a note) elsewhere
        const persistent = list(pod.volumes).map(obj).filter((v) => v.persistentVolumeClaim !== undefined);
        const templates = list(obj(doc.spec).volumeClaimTemplates);
        if (kind === 'StatefulSet') expect(persistent).toEqual([]);
        else {
          expect(templates).toEqual([]);
          if (persistent.length) expect(r.notes.some((n) => n.level === 'warning' && n.message.includes('PersistentVolumeClaim'))).toBe(true);
        }
        // every conditional path the analysis mentions is left out with a note
        for (const p of k.paths) {
          if (!p.onlyWhen || p.purpose === 'content' || p.whenEnv) continue;
          const mounted = list(main.volumeMounts).some((m) => obj(m).mountPath === p.path);
          expect(mounted, `${p.path} is conditional`).toBe(false);
        }
      });
    }
  }

  it('covers runtimes recognised from the image too (JVM images)', () => {
    for (const r of runtimes) for (const image of r.repositories) {
      const d = draftWorkload({ image, kind: 'Deployment', name: 'app' });
      checkDraft(d, 'Deployment', { image });
    }
  });

  it('knows which families need a seed init container', () => {
    const seeded = images.filter((k) => draftWorkload({ image: k.repositories[0] as string, kind: 'Pod', name: 'x' }).text.includes('- name: seed')).map((k) => k.id);
    expect(seeded).toEqual(SEEDED);
  });
});

describe('draftWorkload: hand-checked drafts', () => {
  it('nginx as a Deployment: uid 101, the cache and pid directories, port 80 allowed by sysctl', () => {
    const r = draftWorkload({ image: 'nginx:1.27', kind: 'Deployment', name: 'web', port: 80 });
    expect(r.text).toBe(`apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  labels:
    app.kubernetes.io/name: web
spec:
  replicas: 1
  selector:
    matchLabels:
      app.kubernetes.io/name: web
  template:
    metadata:
      labels:
        app.kubernetes.io/name: web
    spec:
      securityContext:
        runAsNonRoot: true
        runAsUser: 101
        seccompProfile:
          type: RuntimeDefault
        sysctls:
        - name: net.ipv4.ip_unprivileged_port_start
          value: "80"
      containers:
      - name: nginx
        image: nginx:1.27
        ports:
        - containerPort: 80
        securityContext:
          readOnlyRootFilesystem: true
          allowPrivilegeEscalation: false
          capabilities:
            drop:
            - ALL
        volumeMounts:
        - name: nginx-cache
          mountPath: /var/cache/nginx
        - name: run
          mountPath: /var/run
      volumes:
      # nginx: client_temp, proxy_temp, fastcgi_temp, uwsgi_temp, scgi_temp (request and response buffers)
      - name: nginx-cache
        emptyDir:
          sizeLimit: 256Mi
      # nginx: nginx.pid
      - name: run
        emptyDir:
          medium: Memory
          sizeLimit: 16Mi
`);
    checkDraft(r, 'Deployment', { uid: 101, image: 'nginx:1.27' });
    // the only finding: the templates directory, conditional, left out with a note
    expect(analyze(r.text).findings.map((f) => `${f.severity} ${f.ruleId}`)).toEqual(['info image-path-not-writable']);
    const warnings = r.notes.filter((n) => n.level === 'warning').map((n) => n.message);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain('net.ipv4.ip_unprivileged_port_start=80');
    expect(warnings[0]).toContain('NET_BIND_SERVICE');
    expect(warnings[0]).toContain('nginxinc/nginx-unprivileged');
    expect(r.notes.some((n) => n.message.startsWith('Left out /etc/nginx/conf.d '))).toBe(true);
    expect(r.notes.some((n) => n.message.includes('runs nginx as nginx (101) from the start'))).toBe(true);
  });

  it('postgres:16 as a StatefulSet: PGDATA below the claim, the socket directory in memory', () => {
    const r = draftWorkload({ image: 'postgres:16', kind: 'StatefulSet', name: 'db', port: 5432 });
    expect(r.text).toBe(`apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: db
  labels:
    app.kubernetes.io/name: db
spec:
  serviceName: db
  replicas: 1
  selector:
    matchLabels:
      app.kubernetes.io/name: db
  template:
    metadata:
      labels:
        app.kubernetes.io/name: db
    spec:
      securityContext:
        runAsNonRoot: true
        runAsUser: 999
        fsGroup: 999
        seccompProfile:
          type: RuntimeDefault
      containers:
      - name: postgres
        image: postgres:16
        ports:
        - containerPort: 5432
        env:
        - name: PGDATA
          value: /var/lib/postgresql/data/pgdata
        securityContext:
          readOnlyRootFilesystem: true
          allowPrivilegeEscalation: false
          capabilities:
            drop:
            - ALL
        volumeMounts:
        - name: postgresql-run
          mountPath: /var/run/postgresql
        - name: data
          mountPath: /var/lib/postgresql/data
      volumes:
      # PostgreSQL: the Unix socket .s.PGSQL.5432 and its lock file
      - name: postgresql-run
        emptyDir:
          medium: Memory
          sizeLimit: 16Mi
  volumeClaimTemplates:
  # PostgreSQL: the database cluster (PGDATA) — check the size and storageClassName before you apply
  - metadata:
      name: data
    spec:
      accessModes:
      - ReadWriteOnce
      resources:
        requests:
          storage: 1Gi
`);
    checkDraft(r, 'StatefulSet', { uid: 999, image: 'postgres:16' });
    expect(r.notes.filter((n) => n.level === 'warning')).toEqual([]);
    expect(r.notes.some((n) => n.message.startsWith('Left out /tmp '))).toBe(true);
    expect(r.notes.some((n) => n.message.includes('headless Service'))).toBe(true);
  });

  it('an unknown image: the generic shape, and how to find the rest', () => {
    const r = draftWorkload({ image: 'ghcr.io/acme/api:1.4.2', kind: 'Deployment', name: 'api', port: 8080 });
    expect(r.text).toBe(`apiVersion: apps/v1
kind: Deployment
metadata:
  name: api
  labels:
    app.kubernetes.io/name: api
spec:
  replicas: 1
  selector:
    matchLabels:
      app.kubernetes.io/name: api
  template:
    metadata:
      labels:
        app.kubernetes.io/name: api
    spec:
      securityContext:
        runAsNonRoot: true
        seccompProfile:
          type: RuntimeDefault
      containers:
      - name: api
        image: ghcr.io/acme/api:1.4.2
        ports:
        - containerPort: 8080
        securityContext:
          readOnlyRootFilesystem: true
          allowPrivilegeEscalation: false
          capabilities:
            drop:
            - ALL
        volumeMounts:
        - name: tmp
          mountPath: /tmp
      volumes:
      # temporary files: most programs write them to /tmp
      - name: tmp
        emptyDir:
          sizeLimit: 256Mi
`);
    const a = analyze(r.text);
    // the one finding: rootlock says it does not know the image (info, by design)
    expect(a.findings.map((f) => `${f.severity} ${f.ruleId}`)).toEqual(['info image-unknown']);
    expect(validateWorkloads(r.text).objects.map((o) => o.result)).toEqual([{ status: 'checked', errors: [] }]);
    const unknown = r.notes.find((n) => n.message.startsWith('rootlock does not know ghcr.io/acme/api:1.4.2'));
    expect(unknown?.level).toBe('warning');
    expect(unknown?.message).toContain('docker diff');
    expect(unknown?.message).toContain('Read-only file system');
    expect(r.notes.some((n) => n.message.includes('runAsNonRoot: true without a runAsUser'))).toBe(true);
  });
});

describe('draftWorkload: versions, users and ports', () => {
  it('postgres 18 and an untagged postgres keep the claim at /var/lib/postgresql, without PGDATA', () => {
    for (const image of ['postgres:18', 'postgres']) {
      const r = draftWorkload({ image, kind: 'StatefulSet', name: 'db' });
      const { pod } = checkDraft(r, 'StatefulSet', { uid: 999, image });
      const main = obj(list(pod.containers)[0]);
      expect(main.env).toBeUndefined();
      expect(list(main.volumeMounts)).toContainEqual({ name: 'data', mountPath: '/var/lib/postgresql' });
    }
    expect(draftWorkload({ image: 'postgres', kind: 'Pod', name: 'db' }).notes.some((n) => n.message.startsWith('postgres names no version'))).toBe(true);
  });

  it('postgres on Alpine runs as 70', () => {
    const r = draftWorkload({ image: 'postgres:16-alpine3.20', kind: 'StatefulSet', name: 'db' });
    checkDraft(r, 'StatefulSet', { uid: 70, image: 'postgres:16-alpine3.20' });
  });

  it('an image that starts as root with no known user runs as 65532, and says so', () => {
    const r = draftWorkload({ image: 'minio/minio:RELEASE.2024-10-02T17-50-41Z', kind: 'StatefulSet', name: 's3' });
    checkDraft(r, 'StatefulSet', { uid: 65532, image: 'minio/minio:RELEASE.2024-10-02T17-50-41Z' });
    expect(r.notes.some((n) => n.level === 'warning' && n.message.includes('uid 65532'))).toBe(true);
    // HOME moves into a volume, since uid 65532 has no home of its own
    expect(r.text).toContain('- name: HOME\n          value: /home/nonroot\n');
  });

  it('a port below 1024 for a non-root image gets the sysctl; an unprivileged one does not', () => {
    const low = draftWorkload({ image: 'grafana/grafana:11.2.0', kind: 'Deployment', name: 'g', port: 443 });
    checkDraft(low, 'Deployment', { uid: 472, image: 'grafana/grafana:11.2.0' });
    expect(low.text).toContain('- name: net.ipv4.ip_unprivileged_port_start\n          value: "443"\n');
    expect(low.notes.some((n) => n.level === 'warning' && n.message.startsWith('Port 443 is below 1024'))).toBe(true);
    const high = draftWorkload({ image: 'nginxinc/nginx-unprivileged:1.27', kind: 'Deployment', name: 'web', port: 8080 });
    expect(high.text).not.toContain('sysctls');
    expect(high.notes.filter((n) => n.level === 'warning')).toEqual([]);
  });

  it('fills a writable directory the image ships files in, instead of hiding them (elasticsearch)', () => {
    const es = draftWorkload({ image: 'elasticsearch:8.15.0', kind: 'StatefulSet', name: 'es' });
    // ES_PATH_CONF moves the configuration out of the image's directory, which stays as it is…
    expect(es.text).toContain('- name: ES_PATH_CONF\n          value: /usr/share/elasticsearch/config-rw\n');
    // …and the seed copies the shipped files into the volume first
    expect(es.text).toContain('- cp -a /usr/share/elasticsearch/config/. /seed/elasticsearch-config-rw/\n');
    expect(analyze(es.text).findings.filter((f) => f.severity !== 'info')).toEqual([]);
    // Bitnami: the volume goes over the directory itself, filled by the seed as the charts do
    const kc = draftWorkload({ image: 'bitnami/keycloak:26', kind: 'Deployment', name: 'kc' });
    expect(kc.text).toContain('- cp -a /opt/bitnami/keycloak/conf/. /seed/keycloak-conf/ && cp -a /opt/bitnami/keycloak/lib/quarkus/. /seed/keycloak-quarkus/');
    expect(kc.text).toContain('        - name: keycloak-conf\n          mountPath: /opt/bitnami/keycloak/conf\n');
    expect(analyze(kc.text).findings.filter((f) => f.severity !== 'info')).toEqual([]);
  });

  it('a CronJob without a schedule gets a daily one and a note; bad names and ports are reported', () => {
    const r = draftWorkload({ image: 'busybox:1.36', kind: 'CronJob', name: 'Nightly_Job', port: 70000 });
    expect(r.text).toContain('schedule: 0 3 * * *\n');
    expect(r.notes.some((n) => n.message.startsWith('No schedule given'))).toBe(true);
    expect(r.notes.some((n) => n.level === 'warning' && n.message.includes('not a valid Kubernetes name'))).toBe(true);
    expect(r.notes.some((n) => n.level === 'warning' && n.message.includes('70000 is not a port number'))).toBe(true);
    expect(r.text).not.toContain('containerPort');
  });

  it('a reference that is not an image reference is kept as written and treated as unknown', () => {
    const r = draftWorkload({ image: 'My Image', kind: 'Pod', name: 'x' });
    expect(r.notes[0]?.level).toBe('warning');
    expect(r.text).toContain('image: My Image\n');
    expect(validateWorkloads(r.text).objects.map((o) => o.result)).toEqual([{ status: 'checked', errors: [] }]);
  });
});

// ───────────────────────────── addContainer ─────────────────────────────

/** Every line of `before` is still there, in order: the edits only inserted. */
function keepsEveryLine(before: string, after: string): boolean {
  const rest = after.split('\n');
  let i = 0;
  for (const line of before.split('\n')) {
    while (i < rest.length && rest[i] !== line) i++;
    if (i === rest.length) return false;
    i++;
  }
  return true;
}

const BASES: Record<string, string> = {
  deployment: draftWorkload({ image: 'nginx:1.27', kind: 'Deployment', name: 'web', port: 80 }).text,
  statefulset: draftWorkload({ image: 'postgres:16', kind: 'StatefulSet', name: 'db' }).text,
};
const ROLES: ContainerRole[] = ['app', 'init', 'sidecar'];

describe('addContainer: every image family × role', () => {
  for (const [baseName, base] of Object.entries(BASES)) {
    for (const k of images) {
      const image = `${k.repositories[0] as string}`;
      for (const role of ROLES) {
        it(`${image} as ${role} in the ${baseName}`, () => {
          const r = addContainer(base, { workload: 0, role, image, name: 'extra' });
          expect(r.edits.length).toBeGreaterThan(0);
          const out = applyEdits(base, r.edits);
          expect(keepsEveryLine(base, out)).toBe(true);
          const a = analyze(out);
          expect(a.diagnostics).toEqual([]);
          expect(validateWorkloads(out).objects.map((o) => o.result)).toEqual([{ status: 'checked', errors: [] }]);
          const bad = unexpected(a, [...r.notes, ...draftWorkload({ image: baseName === 'deployment' ? 'nginx:1.27' : 'postgres:16', kind: 'Pod', name: 'x' }).notes]);
          expect(bad.map((f) => `${f.severity} ${f.ruleId} ${f.container}: ${f.message}`)).toEqual([]);
          expect(r.notes.filter((n) => n.message.startsWith('rootlock reports on this draft'))).toEqual([]);
          const added = a.workloads[0]?.containers.find((c) => c.name === 'extra');
          expect(added?.type).toBe(role);
          expect(added?.readOnlyRootFilesystem).toBe(true);
        });
      }
    }
  }
});

describe('addContainer: hand-checked', () => {
  const SRC = `# the app
apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  selector:
    matchLabels: {app: web}
  template:
    metadata:
      labels: {app: web}
    spec:
      securityContext:
        runAsNonRoot: true
        runAsUser: 1000
        seccompProfile: {type: RuntimeDefault}
      containers:
        - name: app   # the main one
          image: registry.example.com/app:2.1
          securityContext:
            readOnlyRootFilesystem: true
            allowPrivilegeEscalation: false
            capabilities: {drop: [ALL]}
          volumeMounts:
            - name: tmp
              mountPath: /tmp
            - name: shared
              mountPath: /var/run/app
      volumes:
        - name: tmp
          emptyDir: {sizeLimit: 256Mi}
        - name: shared
          emptyDir: {medium: Memory, sizeLimit: 16Mi}
`;

  it('adds redis as a native sidecar in the file\'s own style, sharing a volume', () => {
    const r = addContainer(SRC, { workload: 0, role: 'sidecar', image: 'redis:7.4', name: 'cache', shareVolume: { name: 'shared', mountPath: '/var/run/app' } });
    const out = applyEdits(SRC, r.edits);
    expect(out).toBe(`# the app
apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  selector:
    matchLabels: {app: web}
  template:
    metadata:
      labels: {app: web}
    spec:
      securityContext:
        runAsNonRoot: true
        runAsUser: 1000
        seccompProfile: {type: RuntimeDefault}
        fsGroup: 999
      containers:
        - name: app   # the main one
          image: registry.example.com/app:2.1
          securityContext:
            readOnlyRootFilesystem: true
            allowPrivilegeEscalation: false
            capabilities: {drop: [ALL]}
          volumeMounts:
            - name: tmp
              mountPath: /tmp
            - name: shared
              mountPath: /var/run/app
      volumes:
        - name: tmp
          emptyDir: {sizeLimit: 256Mi}
        - name: shared
          emptyDir: {medium: Memory, sizeLimit: 16Mi}
        # Redis: RDB snapshots (dump.rdb) and the append-only file — create the PersistentVolumeClaim "web-cache-data" before you apply
        - name: cache-data
          persistentVolumeClaim:
            claimName: web-cache-data
        # temporary files: most programs write them to /tmp
        - name: cache-tmp
          emptyDir:
            sizeLimit: 256Mi
      initContainers:
        - name: cache
          image: redis:7.4
          restartPolicy: Always
          securityContext:
            readOnlyRootFilesystem: true
            allowPrivilegeEscalation: false
            capabilities:
              drop:
                - ALL
            runAsNonRoot: true
            runAsUser: 999
          volumeMounts:
            - name: cache-data
              mountPath: /data
            - name: cache-tmp
              mountPath: /tmp
            - name: shared
              mountPath: /var/run/app
`);
    const a = analyze(out);
    expect(a.findings.filter((f) => f.severity !== 'info').map((f) => f.message)).toEqual([]);
    expect(a.workloads[0]?.containers.map((c) => `${c.type} ${c.name}`)).toEqual(['sidecar cache', 'app app']);
    expect(validateWorkloads(out).objects.map((o) => o.result)).toEqual([{ status: 'checked', errors: [] }]);
    expect(r.notes.some((n) => n.level === 'warning' && n.message.includes('"web-cache-data"'))).toBe(true);
  });

  it('lets a shared writable volume hold a path the image writes', () => {
    const r = addContainer(SRC, { workload: 0, role: 'app', image: 'php:8.3-fpm', name: 'php', shareVolume: { name: 'tmp', mountPath: '/tmp' } });
    const out = applyEdits(SRC, r.edits);
    expect(out).not.toContain('php-tmp');
    const a = analyze(out);
    expect(a.workloads[0]?.containers.find((c) => c.name === 'php')?.mounts.map((m) => `${m.name} ${m.mountPath}`)).toEqual(['tmp /tmp']);
    expect(a.findings.filter((f) => f.severity !== 'info')).toEqual([]);
  });

  it('puts data in a volumeClaimTemplate of a StatefulSet, and names clashes apart', () => {
    const base = BASES.statefulset as string;
    const r = addContainer(base, { workload: 0, role: 'app', image: 'postgres:16', name: 'postgres' });
    const out = applyEdits(base, r.edits);
    expect(r.notes.some((n) => n.message.includes('the new one is "postgres-2"'))).toBe(true);
    expect(out).toContain('  - metadata:\n      name: postgres-2-data\n');
    expect(analyze(out).findings.filter((f) => f.severity !== 'info')).toEqual([]);
  });

  it('says why it cannot add: a syntax error, a missing workload, a missing volume', () => {
    expect(addContainer('a: [', { workload: 0, role: 'app', image: 'redis', name: 'x' }).edits).toEqual([]);
    const gone = addContainer(SRC, { workload: 3, role: 'app', image: 'redis', name: 'x' });
    expect(gone.edits).toEqual([]);
    expect(gone.notes[0]?.message).toBe('That workload is no longer in the text.');
    const noVolume = addContainer(SRC, { workload: 0, role: 'app', image: 'redis', name: 'x', shareVolume: { name: 'nope', mountPath: '/x' } });
    expect(noVolume.notes.some((n) => n.message.includes('no volume "nope"'))).toBe(true);
  });

  it('warns that a server cannot be an init container', () => {
    const r = addContainer(SRC, { workload: 0, role: 'init', image: 'mysql:8.4', name: 'db' });
    expect(r.notes.some((n) => n.level === 'warning' && n.message.includes('never start'))).toBe(true);
  });

  it('adds the port sysctl to a pod that has none when the image binds a low port', () => {
    const r = addContainer(SRC, { workload: 0, role: 'sidecar', image: 'nginx:1.27', name: 'proxy' });
    const out = applyEdits(SRC, r.edits);
    expect(out).toContain('        sysctls:\n          - name: net.ipv4.ip_unprivileged_port_start\n            value: "80"\n');
    expect(analyze(out).findings.filter((f) => f.severity !== 'info')).toEqual([]);
  });
});

// ───────────────────────────── imageSuggestions ─────────────────────────────

describe('imageSuggestions', () => {
  it('lists every known repository for an empty prefix', () => {
    const all = imageSuggestions('').map((s) => s.image);
    for (const k of [...images, ...runtimes]) for (const r of k.repositories) {
      if (!r.startsWith('library/')) expect(all).toContain(r);
    }
    expect(new Set(all).size).toBe(all.length);
    // each suggestion is recognised by the knowledge base (or its runtimes)
    for (const s of imageSuggestions('')) expect(findImage(s.image) !== undefined || runtimes.some((r) => r.repositories.includes(s.image))).toBe(true);
  });

  it('puts the best matches first', () => {
    expect(imageSuggestions('post').map((s) => s.image)).toEqual(['postgres', 'bitnami/postgresql', 'bitnamilegacy/postgresql']);
    expect(imageSuggestions('nginx').map((s) => s.image).slice(0, 2)).toEqual(['nginx', 'nginxinc/nginx-unprivileged']);
    expect(imageSuggestions('docker.io/library/redi')[0]).toEqual({ image: 'redis', title: 'Redis (Docker official image)' });
    expect(imageSuggestions('grafana:11')[0]?.image).toBe('grafana/grafana');
    expect(imageSuggestions('Keycloak').map((s) => s.image)).toContain('bitnami/keycloak');
    expect(imageSuggestions('zzz-nothing')).toEqual([]);
  });
});

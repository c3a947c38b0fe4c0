/**
 * Each knowledge entry has a failing and a fixed fixture (issue 3).
 *
 * Generated, for every image entry of src/knowledge/images.ts (each version the entry tells apart)
 * and every runtime of src/knowledge/runtimes.ts (through an image or a command that carries it):
 * a workload running it with `readOnlyRootFilesystem: true` and no volumes — a StatefulSet when it
 * keeps persistent data (and a Deployment too, where that data needs a claim the user creates).
 *
 * - fail: image-path-not-writable reports every path of that version the program always writes,
 *   with the entry's own log line (a path inside another of the same volume kind is covered by it);
 * - fixed (Fix all, every rule): parses; no error or warning left but persistent data in a
 *   Deployment; every path it writes is writable, on a volume of the kind the entry asks for
 *   (Memory-backed for `memory`, a volumeClaimTemplate for `persistent` in a StatefulSet, a
 *   sizeLimit on every emptyDir); valid against the official schema; idempotent.
 *
 * Committed, hand-reviewed fixtures for the most common images sit in fixtures/knowledge/
 * (`fail.<image>.yaml` → `fail.<image>.fixed.yaml`, byte for byte, with the same checks).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { analyze, applyFixes } from '../src/index.ts';
import type { Analysis, Finding } from '../src/index.ts';
import { findImage, findRuntime, images, pathsFor, runtimes } from '../src/knowledge/index.ts';
import type { ImageKnowledge, RuntimeKnowledge, WritablePath } from '../src/knowledge/index.ts';
import { validateWorkloads } from './support/k8s-schema.ts';
import { lostComments } from './support/shared.ts';

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };
type JsonObj = { [k: string]: Json };
const obj = (v: Json | undefined): JsonObj => (v !== null && typeof v === 'object' && !Array.isArray(v) ? v : {});
const list = (v: Json | undefined): Json[] => (Array.isArray(v) ? v : []);

/** A path the program writes whatever the configuration: what a read-only container must have writable. */
interface Expected {
  path: WritablePath;
  from: ImageKnowledge | RuntimeKnowledge;
}

interface Case {
  title: string;
  kind: 'Deployment' | 'StatefulSet';
  image: string;
  command?: string[];
  expected: Expected[];
}

/** The paths of `k` at `ref` that apply with no condition rootlock cannot see, for a container with `command`. */
function always(k: ImageKnowledge | RuntimeKnowledge, ref: string, command: string[] | undefined): Expected[] {
  return pathsFor(k, ref).writable
    .filter((p) => !p.onlyWhen && !p.inferred && !p.whenEnv && (!p.whenCommand || p.whenCommand.includes(command?.[0] ?? '')))
    .map((path) => ({ path, from: k }));
}

/** The references that tell an entry's versions apart: untagged (the newest) and each bound. */
function refsOf(k: ImageKnowledge): string[] {
  const majors = new Set<number>();
  for (const p of k.paths) {
    if (p.versions?.min !== undefined) majors.add(p.versions.min);
    if (p.versions?.max !== undefined) majors.add(p.versions.max);
  }
  const repo = k.repositories[0] as string;
  return [repo, ...[...majors].sort((a, b) => a - b).map((m) => `${repo}:${m}`)];
}

/** What a container running `image` with `command` always writes: its image entry and the runtimes it carries. */
function expectedFor(image: string, command: string[] | undefined): Expected[] {
  const own = findImage(image);
  const carried = findRuntime(image, command).filter((r) => r.id !== 'shell');
  return [...(own ? always(own.image, image, command) : []), ...carried.flatMap((r) => always(r, image, command))];
}

function cases(): Case[] {
  const out: Case[] = [];
  const add = (title: string, image: string, command: string[] | undefined) => {
    const expected = expectedFor(image, command);
    const persistent = expected.some((e) => e.path.volume === 'persistent');
    out.push({ title, kind: persistent ? 'StatefulSet' : 'Deployment', image, ...(command ? { command } : {}), expected });
    if (persistent) out.push({ title, kind: 'Deployment', image, ...(command ? { command } : {}), expected });
  };
  for (const k of images) for (const ref of refsOf(k)) add(`${k.id} (${ref})`, ref, undefined);
  for (const r of runtimes) {
    if (r.id === 'shell') continue; // its /tmp is about here-documents: the command analysis decides (below)
    const command = r.id === 'nodejs' ? ['npm', 'start'] : [r.commands[0] as string, 'app'];
    add(`${r.id} from the command`, 'example/app:1', command);
    // npm writes only when it runs: the node image alone writes nothing
    for (const repo of r.repositories) add(`${r.id} from the image ${repo}`, `${repo}:1`, r.id === 'nodejs' ? command : undefined);
  }
  return out;
}

function manifest(c: Case): string {
  const command = c.command ? `\n        command: ${JSON.stringify(c.command)}` : '';
  return `apiVersion: apps/v1
kind: ${c.kind}
metadata:
  name: app
spec:${c.kind === 'StatefulSet' ? '\n  serviceName: app' : ''}
  selector:
    matchLabels: {app: app}
  template:
    metadata:
      labels: {app: app}
    spec:
      containers:
      - name: app
        image: ${c.image}${command}
        securityContext:
          readOnlyRootFilesystem: true
`;
}

function isWithin(path: string, base: string): boolean {
  return base === '/' || path === base || path.startsWith(`${base}/`);
}

/** /var/run is a symlink to /run in the images rootlock knows. */
const canonical = (p: string) => (isWithin(p, '/var/run') ? `/run${p.slice('/var/run'.length)}` : p.replace(/\/+$/, ''));

const logLine = (error: string) => (/[.!?]$/.test(error) ? error : `${error}.`);

/** The persistent-data findings a Deployment keeps after Fix all: their claim is the user's to create. */
function claimLeft(f: Finding): boolean {
  return (f.ruleId === 'image-path-not-writable' || f.ruleId === 'env-path-not-writable') && f.message.includes('persistent storage') && f.fixes.every((x) => x.applicability === 'manual');
}

/** The fail side: image-path-not-writable reports each expected path, with its log line. */
function checkFail(text: string, expected: Expected[]): Analysis {
  const a = analyze(text);
  expect(a.diagnostics).toEqual([]);
  const reported = a.findings.filter((f) => f.ruleId === 'image-path-not-writable' && f.severity === 'error');
  const at = (p: string) => reported.find((f) => f.message.includes(` writes ${p} — `));
  for (const e of expected) {
    const direct = at(e.path.path);
    if (direct) {
      expect(direct.message, `${e.from.id} ${e.path.path}: the entry's log line`).toContain(`It would log: ${logLine(e.path.error)}`);
      continue;
    }
    // one volume for a place: a path inside another of the same kind is covered by it
    const parent = expected.find((o) => o !== e && o.path.volume === e.path.volume && isWithin(e.path.path, o.path.path) && at(o.path.path));
    expect(parent, `${e.from.id} writes ${e.path.path}: no finding for it nor for a path above it (${reported.map((f) => f.message).join(' | ')})`).toBeDefined();
  }
  // and nothing it does not always write is an error
  for (const f of reported) {
    const p = / writes (\S+) — /.exec(f.message)?.[1] ?? '?';
    expect(expected.map((e) => e.path.path), `unexpected error for ${p}`).toContain(p);
  }
  return a;
}

/** The fixed side: clean, writable where it writes, each volume of the right kind, valid, idempotent. */
function checkFixed(input: string, fixed: string, kind: string, expected: Expected[]): void {
  const a = analyze(fixed);
  expect(a.diagnostics, 'the fixed text parses').toEqual([]);
  const left = a.findings.filter((f) => f.severity !== 'info' && !(kind === 'Deployment' && claimLeft(f)));
  expect(left.map((f) => `${f.severity} ${f.ruleId} ${f.container}: ${f.message}`), 'errors and warnings left').toEqual([]);
  expect(lostComments(input, fixed), 'comments lost').toEqual([]);

  const doc = obj(parse(fixed, { version: '1.1' }) as Json);
  const pod = obj(obj(obj(doc.spec).template).spec);
  const app = obj(list(pod.containers)[0]);
  const env = new Map(list(app.env).map(obj).map((e) => [String(e.name), e.value]));
  const mounts = list(app.volumeMounts).map(obj);
  const volumes = new Map(list(pod.volumes).map(obj).map((v) => [String(v.name), v]));
  const claims = new Set(list(obj(doc.spec).volumeClaimTemplates).map((t) => String(obj(obj(t).metadata).name)));

  for (const e of expected) {
    // an env var the fix set (GF_PATHS_DATA) moves the path
    const moved = e.path.env?.map((n) => env.get(n)).find((v) => typeof v === 'string') as string | undefined;
    const path = canonical(moved ?? e.path.path);
    const holder = mounts.filter((m) => isWithin(path, canonical(String(m.mountPath)))).sort((x, y) => String(y.mountPath).length - String(x.mountPath).length)[0];
    const what = `${e.from.id} ${path} (${e.path.volume})`;
    if (e.path.volume === 'persistent' && kind === 'Deployment') {
      expect(holder, `${what}: a Deployment gets no claim it would have to create`).toBeUndefined();
      continue;
    }
    expect(holder, `${what}: nothing mounted there`).toBeDefined();
    if (!holder) continue;
    expect(holder.readOnly ?? false, `${what}: mounted read-only`).toBe(false);
    const name = String(holder.name);
    const v = volumes.get(name);
    if (e.path.volume === 'persistent') {
      expect(claims.has(name), `${what}: a volumeClaimTemplate`).toBe(true);
      continue;
    }
    const emptyDir = obj(v?.emptyDir);
    expect(v?.emptyDir, `${what}: an emptyDir`).toBeDefined();
    expect(emptyDir.medium ?? '', `${what}: medium`).toBe(e.path.volume === 'memory' ? 'Memory' : '');
    expect(emptyDir.sizeLimit, `${what}: sizeLimit`).toBeTypeOf('string');
  }

  const v = validateWorkloads(fixed);
  expect(v.unparsed).toEqual([]);
  expect(v.objects.map((o) => o.result)).toEqual([{ status: 'checked', errors: [] }]);
  expect(applyFixes(fixed).text, 'Fix all is idempotent').toBe(fixed);
}

describe('every knowledge entry: a failing and a fixed workload', () => {
  const all = cases();

  it('covers every image entry (each recognised from its own reference) and every runtime', () => {
    const ids = new Set(all.map((c) => c.title.split(' ')[0]));
    for (const k of images) {
      expect(ids.has(k.id), k.id).toBe(true);
      for (const ref of refsOf(k)) expect(findImage(ref)?.image.id, ref).toBe(k.id);
    }
    for (const r of runtimes) if (r.id !== 'shell') expect(ids.has(r.id), r.id).toBe(true);
  });

  for (const c of all) {
    it(`${c.title} as a ${c.kind}`, () => {
      const text = manifest(c);
      checkFail(text, c.expected);
      const fixed = applyFixes(text);
      expect(fixed.refused).toBeUndefined();
      checkFixed(text, fixed.text, c.kind, c.expected);
    });
  }

  it('shells: a bash here-document needs /tmp, reported from the command and fixed with a Memory emptyDir', () => {
    const text = `apiVersion: batch/v1
kind: Job
metadata:
  name: render
spec:
  template:
    spec:
      restartPolicy: Never
      containers:
      - name: render
        image: bash:5.2
        command:
        - bash
        - -c
        - |
          cat <<EOF > /out/config.ini
          mode=ro
          EOF
        securityContext:
          readOnlyRootFilesystem: true
        volumeMounts:
        - {name: out, mountPath: /out}
      volumes:
      - {name: out, emptyDir: {sizeLimit: 16Mi}}
`;
    const a = analyze(text);
    expect(a.findings.filter((f) => f.severity === 'error').map((f) => f.ruleId)).toEqual(['command-writes-read-only-path']);
    expect(a.workloads[0]?.containers[0]?.predicted).toEqual([expect.objectContaining({ path: '/tmp', origin: 'command', error: 'sh: cannot create temp file for here-document: Read-only file system' })]);
    const fixed = applyFixes(text);
    expect(fixed.analysis.findings.filter((f) => f.severity !== 'info')).toEqual([]);
    expect(fixed.text).toContain('        - {name: out, mountPath: /out}\n        - name: tmp\n          mountPath: /tmp\n');
    expect(fixed.text).toContain('      - name: tmp\n        emptyDir:\n          medium: Memory\n          sizeLimit: 64Mi\n');
    expect(validateWorkloads(fixed.text).objects.map((o) => o.result)).toEqual([{ status: 'checked', errors: [] }]);
  });
});

/** The committed fixtures: which image each is about, and what it must hold. */
const ROOT = fileURLToPath(new URL('../fixtures/knowledge/', import.meta.url));
const COMMITTED: ReadonlyArray<{ file: string; id: string }> = [
  { file: 'nginx', id: 'nginx' },
  { file: 'nginx-unprivileged', id: 'nginxinc/nginx-unprivileged' },
  { file: 'postgres-16', id: 'postgres' },
  { file: 'postgres-18', id: 'postgres' },
  { file: 'redis', id: 'redis' },
  { file: 'grafana', id: 'grafana' },
  { file: 'elasticsearch', id: 'elasticsearch' },
  { file: 'python-app', id: 'cpython' },
  { file: 'jvm-app', id: 'jvm' },
  { file: 'node-npm-start', id: 'nodejs' },
];

describe('fixtures/knowledge: hand-reviewed fixtures for the most common images', () => {
  it('holds exactly the listed pairs', () => {
    expect(existsSync(ROOT)).toBe(true);
    const files = readdirSync(ROOT).sort();
    expect(files).toEqual(COMMITTED.flatMap(({ file }) => [`fail.${file}.fixed.yaml`, `fail.${file}.yaml`]).sort());
  });

  for (const { file, id } of COMMITTED) {
    it(`fail.${file}.yaml → fail.${file}.fixed.yaml`, () => {
      const input = readFileSync(`${ROOT}fail.${file}.yaml`, 'utf8');
      const want = readFileSync(`${ROOT}fail.${file}.fixed.yaml`, 'utf8');
      const a = analyze(input);
      const c = a.workloads[0]?.containers.find((x) => x.type === 'app');
      expect(c?.knowledge?.id === id || c?.knowledge?.runtimes.includes(id), `the fixture runs ${id}`).toBe(true);
      // it fails as written: what would fail at start-up is listed, with the program's own words
      expect(c?.predicted.length, 'predicted start-up failures').toBeGreaterThan(0);
      const k = images.find((x) => x.id === id) ?? runtimes.find((x) => x.id === id);
      for (const p of c?.predicted ?? []) if (p.origin !== 'env') expect(k?.paths.map((x) => x.error), p.path).toContain(p.error);
      const fixed = applyFixes(input);
      expect(fixed.refused).toBeUndefined();
      expect(fixed.text, `Fix all output differs from fail.${file}.fixed.yaml`).toBe(want);
      const after = analyze(want);
      expect(after.workloads[0]?.containers.flatMap((x) => x.predicted), 'nothing left to fail at start-up').toEqual([]);
      const podSpec = obj(obj(obj(obj(parse(input) as Json).spec).template).spec);
      const app = obj(list(podSpec.containers)[0]);
      const command = list(app.command).map(String);
      checkFixed(input, want, after.workloads[0]?.kind ?? '', expectedFor(String(app.image), command.length ? command : undefined));
    });
  }
});

/**
 * The canonical teaching scenarios (../shared/scenarios): each analyses as its README says, and
 * every one loads, analyses and fixes cleanly.
 */
import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyze, applyFixes } from '../src/index.ts';
import type { Analysis, ContainerInfo, MountInfo } from '../src/index.ts';
import { lostComments, missingShared, newErrorCodes, readText, shared } from './support/shared.ts';

const MISSING = missingShared(['scenarios', 'README.md']);
if (MISSING) console.warn(`scenarios: ${MISSING}`);

const errorFindings = (a: Analysis) => a.findings.filter((f) => f.severity === 'error');
const errorDiagnostics = (a: Analysis) => a.diagnostics.filter((d) => d.severity === 'error');

function container(a: Analysis, name: string): ContainerInfo {
  const c = a.workloads.flatMap((w) => w.containers).find((x) => x.name === name);
  if (!c) throw new Error(`no container "${name}" in ${JSON.stringify(a.workloads.map((w) => w.containers.map((x) => x.name)))}`);
  return c;
}

function mount(c: ContainerInfo, path: string): MountInfo {
  const m = c.mounts.find((x) => x.mountPath === path);
  if (!m) throw new Error(`container "${c.name}" mounts nothing at ${path}`);
  return m;
}

const unknownImage = (workload: string, name: string, image: string) => `Container "${name}" in ${workload} runs ${image}, which rootlock does not know: it checks /tmp and what the command writes, but the program may write elsewhere. Run it once with a writable root and list the changed files (docker diff), then mount an emptyDir for each path`;

/** The findings of the read-only rules: everything but the Pod Security (pss-*) ones. */
const readOnlyFindings = (a: Analysis) => a.findings.filter((f) => !f.ruleId.startsWith('pss-'));

/**
 * The Pod Security findings as [rule, severity, container, line, control, fix]: each scenario is
 * baseline (nothing privileged) but misses controls of restricted, each an info with a manual fix.
 */
const pssFindings = (a: Analysis) => a.findings.filter((f) => f.ruleId.startsWith('pss-')).map((f) => [f.ruleId, f.severity, f.container, f.range.line, f.control, f.fixes.map((x) => `${x.applicability}: ${x.title}`)]);
const APE = 'manual: Set allowPrivilegeEscalation: false';
const CAPS = 'manual: Drop ALL capabilities';
const SECCOMP = 'manual: Set seccompProfile.type: RuntimeDefault on the pod';

function isWithin(path: string, base: string): boolean {
  return base === '/' || path === base || path.startsWith(`${base}/`);
}

/** The mount that holds `path` in the container (the longest mountPath at or above it). */
function holder(c: ContainerInfo, path: string): MountInfo | undefined {
  return c.mounts.filter((m) => isWithin(path, m.mountPath)).sort((a, b) => b.mountPath.length - a.mountPath.length)[0];
}

describe.skipIf(!!MISSING)(MISSING ? 'scenarios (../shared absent: skipped)' : 'canonical scenarios', () => {
  if (MISSING) {
    it(`skipped: ${MISSING}`, () => {});
    return;
  }
  const load = (file: string) => {
    const text = readText(shared('scenarios', file));
    return { text, a: analyze(text) };
  };

  it('01 nginx: no error, both emptyDirs writable, no sizeLimits', () => {
    const { a } = load('01-nginx-readonly.yaml');
    expect(a.diagnostics).toEqual([]);
    expect(errorFindings(a)).toEqual([]);
    const nginx = container(a, 'nginx');
    expect(nginx.readOnlyRootFilesystem).toBe(true);
    for (const path of ['/var/cache/nginx', '/var/run']) {
      expect(mount(nginx, path)).toMatchObject({ volumeType: 'emptyDir', readOnly: false, writable: true });
    }
    expect(a.workloads[0]?.volumes.map((v) => [v.name, v.type, v.medium, v.sizeLimit])).toEqual([['cache', 'emptyDir', undefined, undefined], ['run', 'emptyDir', undefined, undefined]]);
    // rootlock knows the image, and nothing would fail at start-up as written.
    expect(nginx.knowledge).toEqual({ id: 'nginx', title: 'nginx (Docker official image)', runtimes: [], versionAssumed: false });
    expect(nginx.predicted).toEqual([]);
    // The README: "no /tmp (nginx itself does not need it)": the knowledge base says so, so no
    // /tmp warning. What is left is one info: the entrypoint renders /etc/nginx/templates into
    // conf.d only when that directory exists, which rootlock cannot see; its fix is manual.
    expect(readOnlyFindings(a).map((f) => [f.ruleId, f.severity, f.container, f.range.line, f.fixes.map((x) => `${x.applicability}: ${x.title}`)])).toEqual([
      ['image-path-not-writable', 'info', 'nginx', 8, ['manual: Mount an emptyDir (sizeLimit 16Mi) at /etc/nginx/conf.d, filled from the image by an init container']],
    ]);
    // No securityContext but the read-only flag: baseline, and all four controls of restricted missing.
    expect(a.workloads[0]?.pssLevel).toBe('baseline');
    expect(pssFindings(a)).toEqual([
      ['pss-restricted', 'info', 'nginx', 7, 'allowPrivilegeEscalation', [APE]],
      ['pss-restricted', 'info', 'nginx', 7, 'capabilities_restricted', [CAPS]],
      ['pss-restricted', 'info', 'nginx', 7, 'runAsNonRoot', ['manual: Set runAsNonRoot: true on the pod, and runAsUser: 101 on "nginx" (nginx starts as root and steps down to nginx (101); check it can start as that user)']],
      ['pss-restricted', 'info', 'nginx', 7, 'seccompProfile_restricted', [SECCOMP]],
    ]);
    expect(readOnlyFindings(a)[0]?.message).toBe('Container "nginx" in Pod "readonly-demo" (nginx (Docker official image)) writes /etc/nginx/conf.d — configuration rendered from /etc/nginx/templates/*.template by 20-envsubst-on-templates.sh — but the root is read-only (only when the templates directory /etc/nginx/templates exists (a mounted template or a derived image)). It would log: 20-envsubst-on-templates.sh: ERROR: /etc/nginx/templates exists, but /etc/nginx/conf.d is not writable. Give it an emptyDir');
  });

  it('02 five emptyDirs: no error or warning, every mount defined and used; rootlock says it does not know the image', () => {
    const { a } = load('02-multiple-writable-volumes.yaml');
    expect(a.diagnostics).toEqual([]);
    expect(readOnlyFindings(a).map((f) => [f.ruleId, f.severity, f.container, f.range.line, f.fixes])).toEqual([['image-unknown', 'info', 'app', 7, []]]);
    // runAsNonRoot: true with runAsUser 1000 meets that control of restricted; the other three are missing
    expect(a.workloads[0]?.pssLevel).toBe('baseline');
    expect(pssFindings(a)).toEqual([
      ['pss-restricted', 'info', 'app', 7, 'allowPrivilegeEscalation', [APE]],
      ['pss-restricted', 'info', 'app', 7, 'capabilities_restricted', [CAPS]],
      ['pss-restricted', 'info', 'app', 7, 'seccompProfile_restricted', [SECCOMP]],
    ]);
    expect(readOnlyFindings(a)[0]?.message).toBe(unknownImage('Pod "complex-app"', 'app', 'mycomplex-app:2.0'));
    const app = container(a, 'app');
    expect(app.readOnlyRootFilesystem).toBe(true);
    expect(app.mounts.map((m) => [m.mountPath, m.volumeType, m.writable])).toEqual([
      ['/tmp', 'emptyDir', true],
      ['/var/log/app', 'emptyDir', true],
      ['/app/cache', 'emptyDir', true],
      ['/var/run', 'emptyDir', true],
      ['/app/config-override', 'emptyDir', true],
    ]);
    const mounted = new Set(app.mounts.map((m) => m.name));
    expect(a.workloads[0]?.volumes.every((v) => mounted.has(v.name))).toBe(true);
  });

  it('03 postgres: no error, the PVC data mount (and PGDATA below it) is writable', () => {
    const { text, a } = load('03-postgres-persistent.yaml');
    expect(a.diagnostics).toEqual([]);
    expect(readOnlyFindings(a)).toEqual([]);
    // runAsUser 999 alone does not meet runAsNonRoot (restricted wants runAsNonRoot: true); as it
    // names a user, the fix needs no runAsUser
    expect(a.workloads[0]?.pssLevel).toBe('baseline');
    expect(pssFindings(a)).toEqual([
      ['pss-restricted', 'info', 'postgres', 7, 'allowPrivilegeEscalation', [APE]],
      ['pss-restricted', 'info', 'postgres', 7, 'capabilities_restricted', [CAPS]],
      ['pss-restricted', 'info', 'postgres', 7, 'runAsNonRoot', ['manual: Set runAsNonRoot: true on the pod']],
      ['pss-restricted', 'info', 'postgres', 7, 'seccompProfile_restricted', [SECCOMP]],
    ]);
    const pg = container(a, 'postgres');
    expect(pg.readOnlyRootFilesystem).toBe(true);
    expect(pg.knowledge).toMatchObject({ id: 'postgres', versionAssumed: false });
    expect(pg.predicted).toEqual([]);
    expect(mount(pg, '/var/lib/postgresql/data')).toMatchObject({ volumeType: 'persistentVolumeClaim', readOnly: false, writable: true });
    const pgdata = /PGDATA\s+value: (\S+)/.exec(text)?.[1];
    expect(pgdata).toBe('/var/lib/postgresql/data/pgdata');
    expect(holder(pg, pgdata as string)?.writable).toBe(true);
    for (const path of ['/var/run/postgresql', '/tmp']) expect(mount(pg, path)).toMatchObject({ volumeType: 'emptyDir', writable: true });
  });

  it('04 init container copies into a writable /shared/config; the app mounts it readOnly', () => {
    const { a } = load('04-init-container-shared-config.yaml');
    expect(a.diagnostics).toEqual([]);
    // Nothing about the copy: `cp` and `chmod` write only below /shared/config. The one finding is
    // that rootlock does not know the app's image.
    expect(readOnlyFindings(a).map((f) => [f.ruleId, f.severity, f.container, f.range.line])).toEqual([['image-unknown', 'info', 'app', 27]]);
    expect(readOnlyFindings(a)[0]?.message).toBe(unknownImage('Pod "init-readonly-demo"', 'app', 'myapp:1.0'));
    // Neither container sets anything of restricted: one info per control, at the first
    // container (the init container), naming both
    expect(a.workloads[0]?.pssLevel).toBe('baseline');
    expect(pssFindings(a)).toEqual([
      ['pss-restricted', 'info', 'setup', 7, 'allowPrivilegeEscalation', [APE]],
      ['pss-restricted', 'info', 'setup', 7, 'capabilities_restricted', [CAPS]],
      ['pss-restricted', 'info', 'setup', 7, 'runAsNonRoot', ['manual: Set runAsNonRoot: true on the pod, and runAsUser: 65532 on "setup" (BusyBox runs as root and has no non-root user: 65532 is a common choice; check it can run so) — rootlock does not know image "myapp:1.0": the kubelet refuses to start it if it runs as root']],
      ['pss-restricted', 'info', 'setup', 7, 'seccompProfile_restricted', [SECCOMP]],
    ]);
    for (const f of a.findings.filter((x) => x.ruleId === 'pss-restricted')) expect(f.message).toMatch(/ \(and 1 more place\)\. Pod security admission says: .*containers "setup", "app" must set /);
    const setup = container(a, 'setup');
    expect(setup.knowledge).toMatchObject({ id: 'busybox', runtimes: ['shell'] });
    expect(setup.predicted).toEqual([]);
    expect(setup.type).toBe('init');
    expect(setup.readOnlyRootFilesystem).toBe(true);
    // `cp /config/* /shared/config/` reads a configMap and writes only to the shared emptyDir.
    expect(mount(setup, '/config')).toMatchObject({ volumeType: 'configMap', writable: false });
    expect(mount(setup, '/shared/config')).toMatchObject({ name: 'shared-config', volumeType: 'emptyDir', readOnly: false, writable: true });
    expect(mount(setup, '/tmp').writable).toBe(true);
    const app = container(a, 'app');
    expect(app.type).toBe('app');
    expect(mount(app, '/app/config')).toMatchObject({ name: 'shared-config', volumeType: 'emptyDir', readOnly: true, writable: false });
    expect(mount(app, '/tmp').writable).toBe(true);
  });

  it('05 test pod: no error or warning; rootlock says it does not know the image', () => {
    const { a } = load('05-test-pod.yaml');
    expect(a.diagnostics).toEqual([]);
    expect(readOnlyFindings(a).map((f) => [f.ruleId, f.severity, f.container, f.range.line])).toEqual([['image-unknown', 'info', 'test', 7]]);
    expect(readOnlyFindings(a)[0]?.message).toBe(unknownImage('Pod "test-readonly"', 'test', 'myapp:1.0'));
    expect(a.workloads[0]?.pssLevel).toBe('baseline');
    expect(pssFindings(a)).toEqual([
      ['pss-restricted', 'info', 'test', 7, 'allowPrivilegeEscalation', [APE]],
      ['pss-restricted', 'info', 'test', 7, 'capabilities_restricted', [CAPS]],
      ['pss-restricted', 'info', 'test', 7, 'runAsNonRoot', ['manual: Set runAsNonRoot: true on the pod — rootlock does not know image "myapp:1.0": the kubelet refuses to start it if it runs as root']],
      ['pss-restricted', 'info', 'test', 7, 'seccompProfile_restricted', [SECCOMP]],
    ]);
    expect(container(a, 'test').predicted).toEqual([]);
    expect(container(a, 'test')).toMatchObject({ readOnlyRootFilesystem: true });
    expect(mount(container(a, 'test'), '/tmp').writable).toBe(true);
  });

  it('06 a Namespace enforcing restricted: no workloads, no findings, no diagnostics; its labels read as restricted in all three modes', () => {
    const { a } = load('06-namespace-restricted.yaml');
    expect(a.workloads).toEqual([]);
    expect(a.findings).toEqual([]);
    expect(a.diagnostics).toEqual([]);
    const restricted = { level: 'restricted', version: 'latest', labelled: true };
    expect(a.namespaces).toEqual([{ name: 'secure-apps', docIndex: 0, range: expect.objectContaining({ line: 1, column: 1 }), modes: { enforce: restricted, audit: restricted, warn: restricted }, problems: [] }]);
  });

  it('07 a volumes: fragment: no crash, a not-an-object warning naming the volumes fragment, no error', () => {
    const { a } = load('07-memory-emptydir-fragment.yaml');
    expect(errorDiagnostics(a)).toEqual([]);
    expect(a.workloads).toEqual([]);
    expect(a.findings).toEqual([]);
    expect(a.diagnostics).toHaveLength(1);
    const d = a.diagnostics[0];
    expect(d).toMatchObject({ code: 'not-an-object', severity: 'warning', docIndex: 0 });
    expect(d?.message).toMatch(/`volumes:` fragment/);
    expect(d?.range).toMatchObject({ line: 1, column: 1 });
  });

  describe('every scenario fixes cleanly', () => {
    const files = readdirSync(shared('scenarios')).filter((f) => f.endsWith('.yaml')).sort();
    it('has the seven scenarios of the README', () => {
      expect(files).toHaveLength(7);
    });
    for (const file of files) {
      it(file, () => {
        const { text, a } = load(file);
        const r = applyFixes(text);
        expect(r.refused).toBeUndefined();
        expect(newErrorCodes(a, r.analysis)).toEqual([]);
        expect(lostComments(text, r.text)).toEqual([]);
        expect(applyFixes(r.text).text).toBe(r.text);
        expect(r.analysis.findings.filter((f) => f.severity === 'error')).toEqual([]);
        // Each is right as written: what is left (infos) has no fix that Fix all applies, so every
        // file is left byte for byte.
        expect(r.applied).toEqual([]);
        expect(r.text).toBe(text);
      });
    }
  });
});

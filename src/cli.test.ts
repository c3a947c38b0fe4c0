/**
 * The command line as a user meets it: the real bin/rootlock.mjs in a child process, on files in a
 * temporary directory. One in-process test covers colour, which needs a terminal.
 */
import { spawn } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from './cli.ts';
import type { Io } from './cli.ts';
import { ruleCatalog } from './index.ts';

const BIN = fileURLToPath(new URL('../bin/rootlock.mjs', import.meta.url));
const VERSION = (JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }).version;

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

let dir: string;

function run(args: string[], opts: { input?: string | Buffer; cwd?: string } = {}): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      cwd: opts.cwd ?? dir,
      env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: undefined },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => { stdout += d; });
    child.stderr.setEncoding('utf8').on('data', (d: string) => { stderr += d; });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(opts.input ?? '');
  });
}

function file(name: string, text: string | Buffer): string {
  const p = join(dir, name);
  mkdirSync(join(p, '..'), { recursive: true });
  writeFileSync(p, text);
  return name;
}

/** Nothing the user did wrong may end in a stack trace. */
function expectNoStack(r: Run): void {
  expect(r.stderr).not.toMatch(/^\s+at .+:\d+:\d+\)?$/m);
  expect(r.stdout).not.toMatch(/^\s+at .+:\d+:\d+\)?$/m);
}

// ro-root-fs-missing on the only container (error, unsafe fix), which sets the flag and mounts
// what nginx writes (its cache and /var/run) in one step.
const WRITABLE = `# a Deployment with a writable root
apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  template:
    spec:
      containers:
        - name: app   # keep this comment
          image: nginx:1.27
`;

// Read-only with a writable /tmp, and meets Pod Security "restricted": nothing to report.
const CLEAN = `apiVersion: v1
kind: Pod
metadata:
  name: tidy
  namespace: prod
spec:
  securityContext:
    runAsNonRoot: true
    runAsUser: 65534
    seccompProfile:
      type: RuntimeDefault
  containers:
    - name: main
      image: busybox:1.37
      securityContext:
        readOnlyRootFilesystem: true
        allowPrivilegeEscalation: false
        capabilities:
          drop: [ALL]
      volumeMounts:
        - name: tmp
          mountPath: /tmp
  volumes:
    - name: tmp
      emptyDir:
        sizeLimit: 256Mi
`;

// "writable" needs ro-root-fs-missing (unsafe fix), "locked" needs tmp-not-writable (safe fix).
const MIXED = `apiVersion: v1
kind: Pod
metadata:
  name: mixed
spec:
  containers:
    - name: writable
      image: busybox:1.37
    - name: locked
      image: busybox:1.37
      securityContext:
        readOnlyRootFilesystem: true
`;

const BROKEN = `apiVersion: v1
kind: Pod
metadata:
  name: broken
spec:
  containers:
    - name: c
      image: [unclosed
`;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'rootlock-cli-'));
});

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('rootlock (top level)', () => {
  it('prints help and the version on stdout with exit 0', async () => {
    const help = await run(['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('rootlock check [--format text|json|sarif] [--pss-version vX.Y] FILE|DIR|-');
    expect(help.stdout).toContain('rootlock fix [--write] [--safe-only] FILE');
    const checkHelp = await run(['check', '--help']);
    expect(checkHelp.code).toBe(0);
    expect(checkHelp.stdout).toContain('--format');
    expect(checkHelp.stdout).toContain('--pss-version V');
    const version = await run(['--version']);
    expect(version).toEqual({ code: 0, stdout: `${VERSION}\n`, stderr: '' });
  });

  it('reports an unknown option, an unknown command and a missing command with usage on stderr, exit 2', async () => {
    for (const args of [['--bogus'], ['check', '--bogus', 'x.yaml'], ['frobnicate'], [], ['check', '--format', 'xml', 'x.yaml'], ['check']]) {
      const r = await run(args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toMatch(/^rootlock: /);
      expect(r.stderr).toContain('Usage');
      expectNoStack(r);
    }
    expect((await run(['check', '--bogus', 'x.yaml'])).stderr).toContain('unknown option "--bogus"');
    expect((await run(['check', '--format', 'xml', 'x.yaml'])).stderr).toContain('unknown format "xml"');
  });
});

describe('rootlock check', () => {
  it('exits 0 on a clean file and prints the summary', async () => {
    const r = await run(['check', file('clean.yaml', CLEAN)]);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('0 errors, 0 warnings, 0 infos in 1 file (1 of 1 container read-only)\n');
  });

  it('exits 1 on an error finding; text lines are path:line:column  severity  message  [rule]', async () => {
    const r = await run(['check', file('writable.yaml', WRITABLE), file('clean.yaml', CLEAN)]);
    expect(r.code).toBe(1);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^writable\.yaml:10:17 {2}error {4}Container "app" in Deployment "web" .+ {2}\[ro-root-fs-missing\]$/);
    // and the nginx Deployment misses four controls of Pod Security "restricted" (infos)
    expect(lines.filter((l) => l.endsWith('[pss-restricted]'))).toHaveLength(4);
    expect(lines.at(-1)).toBe('1 error, 0 warnings, 4 infos in 2 files (1 of 2 containers read-only)');
    expect(r.stderr).toBe('');
  });

  it('writes the JSON report in the documented shape', async () => {
    const r = await run(['check', '--format', 'json', file('writable.yaml', WRITABLE), file('clean.yaml', CLEAN)]);
    expect(r.code).toBe(1);
    const report = JSON.parse(r.stdout);
    expect(Object.keys(report)).toEqual(['version', 'files', 'summary']);
    expect(report.version).toBe(1);
    expect(report.files.map((f: { file: string }) => f.file)).toEqual(['writable.yaml', 'clean.yaml']);
    const [w, c] = report.files;
    expect(Object.keys(w).slice(0, 4)).toEqual(['file', 'parseErrors', 'workloads', 'findings']);
    expect(w.parseErrors).toEqual([]);
    expect(w.notices).toEqual([]);
    // the documented fields first; what rootlock knows of the image and what would fail at start-up after them
    expect(w.workloads).toEqual([{ kind: 'Deployment', name: 'web', namespace: null, pssLevel: 'baseline', containers: [{ name: 'app', type: 'app', image: 'nginx:1.27', readOnlyRootFilesystem: false, knowledge: { id: 'nginx', title: 'nginx (Docker official image)', runtimes: [], versionAssumed: false }, predicted: [] }] }]);
    expect(Object.keys(w.workloads[0])).toEqual(['kind', 'name', 'namespace', 'pssLevel', 'containers']);
    expect(Object.keys(w.workloads[0].containers[0])).toEqual(['name', 'type', 'image', 'readOnlyRootFilesystem', 'knowledge', 'predicted']);
    expect(w.findings.map((x: { ruleId: string; severity: string; control: string | null }) => [x.ruleId, x.severity, x.control])).toEqual([
      ['ro-root-fs-missing', 'error', null],
      ['pss-restricted', 'info', 'allowPrivilegeEscalation'],
      ['pss-restricted', 'info', 'capabilities_restricted'],
      ['pss-restricted', 'info', 'runAsNonRoot'],
      ['pss-restricted', 'info', 'seccompProfile_restricted'],
    ]);
    const f = w.findings[0];
    expect(Object.keys(f).slice(0, 12)).toEqual(['ruleId', 'severity', 'message', 'kind', 'name', 'container', 'line', 'column', 'endLine', 'endColumn', 'fixes', 'control']);
    expect(f).toMatchObject({ ruleId: 'ro-root-fs-missing', severity: 'error', kind: 'Deployment', name: 'web', container: 'app', line: 10, column: 17, endLine: 10, endColumn: 20, control: null });
    expect(f.fixes).toEqual([
      { title: 'Set readOnlyRootFilesystem: true and mount what it writes (/var/cache/nginx, /var/run)', applicability: 'unsafe' },
      { title: 'Only set readOnlyRootFilesystem: true', applicability: 'unsafe' },
    ]);
    expect(w.findings[1]).toMatchObject({ kind: 'Deployment', name: 'web', container: 'app', line: 10, column: 17, control: 'allowPrivilegeEscalation', fixes: [{ title: 'Set allowPrivilegeEscalation: false', applicability: 'manual' }] });
    expect(w.findings[1].message).toMatch(/^Deployment "web" does not meet Pod Security "restricted:latest", control allowPrivilegeEscalation \(Privilege Escalation\): /);
    expect(c.workloads[0]).toMatchObject({ kind: 'Pod', name: 'tidy', namespace: 'prod', pssLevel: 'restricted' });
    expect(c.workloads[0].containers[0]).toMatchObject({ readOnlyRootFilesystem: true, knowledge: { id: 'busybox', runtimes: ['shell'], versionAssumed: false }, predicted: [] });
    expect(c.findings).toEqual([]);
    expect(report.summary).toMatchObject({ errors: 1, warnings: 0, infos: 4 });
    expect(Object.keys(report.summary).slice(0, 3)).toEqual(['errors', 'warnings', 'infos']);
  });

  it('says what would fail at start-up in a read-only container, in the program\'s own words, in text and JSON', async () => {
    const path = file('ro-nginx.yaml', WRITABLE.replace('          image: nginx:1.27\n', '          image: nginx:1.27\n          securityContext:\n            readOnlyRootFilesystem: true\n'));
    const text = await run(['check', path]);
    expect(text.code).toBe(1);
    expect(text.stdout).toContain([
      'ro-nginx.yaml: Deployment "web", container "app" would fail at start-up:',
      '  /var/cache/nginx  [emerg] 1#1: mkdir() "/var/cache/nginx/client_temp" failed (30: Read-only file system)',
      '                    fix: Mount an emptyDir (sizeLimit 256Mi) at /var/cache/nginx',
      '  /var/run  [emerg] 1#1: open() "/var/run/nginx.pid" failed (30: Read-only file system)',
      '            fix: Mount a memory-backed emptyDir (sizeLimit 16Mi) at /var/run',
      '',
    ].join('\n'));
    // the conditional templates directory is advice, not a predicted failure
    expect(text.stdout).not.toMatch(/^ {2}\/etc\/nginx\/conf\.d/m);
    const json = JSON.parse((await run(['check', '--format', 'json', path])).stdout);
    expect(json.files[0].workloads[0].containers[0].predicted).toEqual([
      { path: '/var/cache/nginx', what: 'client_temp, proxy_temp, fastcgi_temp, uwsgi_temp, scgi_temp (request and response buffers)', error: '[emerg] 1#1: mkdir() "/var/cache/nginx/client_temp" failed (30: Read-only file system)', reason: 'the root filesystem is read-only', origin: 'image', fix: 'Mount an emptyDir (sizeLimit 256Mi) at /var/cache/nginx', source: 'https://github.com/docker-library/docs/blob/master/nginx/content.md' },
      { path: '/var/run', what: 'nginx.pid', error: '[emerg] 1#1: open() "/var/run/nginx.pid" failed (30: Read-only file system)', reason: 'the root filesystem is read-only', origin: 'image', fix: 'Mount a memory-backed emptyDir (sizeLimit 16Mi) at /var/run', source: 'https://github.com/docker-library/docs/blob/master/nginx/content.md' },
    ]);
  });

  it('writes SARIF 2.1.0 with rules and results that point at a region', async () => {
    const path = file('deploy/k8s/writable.yaml', WRITABLE);
    file('deploy/broken.yaml', BROKEN);
    const r = await run(['check', '--format', 'sarif', 'deploy']);
    expect(r.code).toBe(1);
    const log = JSON.parse(r.stdout);
    expect(log.$schema).toBe('https://json.schemastore.org/sarif-2.1.0.json');
    expect(log.version).toBe('2.1.0');
    expect(log.runs).toHaveLength(1);
    const driver = log.runs[0].tool.driver;
    expect(driver.name).toBe('rootlock');
    expect(driver.version).toBe(VERSION);
    const ids = driver.rules.map((x: { id: string }) => x.id);
    expect(ids).toEqual(expect.arrayContaining([...ruleCatalog.map((x) => x.id), 'yaml-syntax']));
    for (const rule of driver.rules) {
      expect(rule.shortDescription.text).toBeTruthy();
      expect(rule.fullDescription.text).toBeTruthy();
      expect(rule.help.text).toBeTruthy();
      expect(rule.help.markdown).toBeTruthy();
      expect(rule.helpUri).toMatch(/^https:\/\//);
      expect(['error', 'warning', 'note']).toContain(rule.defaultConfiguration.level);
    }
    // info maps to SARIF's "note".
    const info = driver.rules.find((x: { id: string }) => x.id === 'volume-unused');
    expect(info.defaultConfiguration.level).toBe('note');

    const results = log.runs[0].results;
    const missing = results.find((x: { ruleId: string }) => x.ruleId === 'ro-root-fs-missing');
    expect(driver.rules[missing.ruleIndex].id).toBe('ro-root-fs-missing');
    expect(missing.level).toBe('error');
    expect(missing.message.text).toContain('Container "app" in Deployment "web"');
    expect(missing.locations[0].physicalLocation).toEqual({
      artifactLocation: { uri: path, uriBaseId: '%SRCROOT%' },
      region: { startLine: 10, startColumn: 17, endLine: 10, endColumn: 20 },
    });
    const syntax = results.find((x: { ruleId: string }) => x.ruleId === 'yaml-syntax');
    expect(driver.rules[syntax.ruleIndex].id).toBe('yaml-syntax');
    expect(syntax.locations[0].physicalLocation.artifactLocation.uri).toBe('deploy/broken.yaml');
    expect(syntax.locations[0].physicalLocation.region.startLine).toBeGreaterThanOrEqual(8);
  });

  it('reads a manifest from stdin with -', async () => {
    const r = await run(['check', '-'], { input: WRITABLE });
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^<stdin>:10:17 {2}error/);
    const named = await run(['check', '--format', 'json', '--stdin-filename', 'web.yaml', '-'], { input: CLEAN });
    expect(named.code).toBe(0);
    expect(JSON.parse(named.stdout).files[0].file).toBe('web.yaml');
  });

  it('walks a directory for *.yaml, *.yml and *.json in path order, skipping node_modules and dot-dirs', async () => {
    file('tree/z.yaml', CLEAN);
    file('tree/a/b.yml', CLEAN);
    file('tree/a/c.json', JSON.stringify({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'j' }, spec: { containers: [{ name: 'c', image: 'x' }] } }));
    file('tree/a.yaml', CLEAN);
    file('tree/notes.txt', 'not a manifest');
    file('tree/node_modules/pkg/x.yaml', WRITABLE);
    file('tree/.git/y.yaml', WRITABLE);
    const r = await run(['check', '--format', 'json', 'tree']);
    const report = JSON.parse(r.stdout);
    expect(report.files.map((f: { file: string }) => f.file)).toEqual(['tree/a.yaml', 'tree/a/b.yml', 'tree/a/c.json', 'tree/z.yaml']);
    // The JSON manifest is analysed like YAML: its container is writable (and it misses the
    // four controls of Pod Security "restricted" a bare container misses).
    expect(report.files[2].findings.map((f: { ruleId: string; control: string | null }) => [f.ruleId, f.control])).toEqual([
      ['ro-root-fs-missing', null],
      ['pss-restricted', 'allowPrivilegeEscalation'],
      ['pss-restricted', 'capabilities_restricted'],
      ['pss-restricted', 'runAsNonRoot'],
      ['pss-restricted', 'seccompProfile_restricted'],
    ]);
    expect(r.code).toBe(1);

    mkdirSync(join(dir, 'empty'), { recursive: true });
    const empty = await run(['check', 'empty']);
    expect(empty.code).toBe(2);
    expect(empty.stderr).toContain('empty: no *.yaml, *.yml, *.json files');
  });

  it('exits 1 on a syntax error and reports it with line and column', async () => {
    const r = await run(['check', '--format', 'json', file('broken.yaml', BROKEN)]);
    expect(r.code).toBe(1);
    const [f] = JSON.parse(r.stdout).files;
    expect(f.parseErrors.length).toBeGreaterThan(0);
    expect(f.parseErrors[0]).toMatchObject({ message: expect.stringContaining('YAML syntax error'), line: expect.any(Number), column: expect.any(Number) });
    expect(f.parseErrors[0].line).toBeGreaterThanOrEqual(8);
    const text = await run(['check', 'broken.yaml']);
    expect(text.code).toBe(1);
    expect(text.stdout).toMatch(/^broken\.yaml:\d+:\d+ {2}error {4}YAML syntax error: .+ {2}\[yaml-syntax\]$/m);
  });

  it('exits 2 on a missing file, naming it, and still reports the files it could read', async () => {
    const r = await run(['check', 'no-such.yaml']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('rootlock: cannot read no-such.yaml: no such file or directory\n');
    expectNoStack(r);
    const mixed = await run(['check', '--format', 'json', file('writable.yaml', WRITABLE), 'no-such.yaml']);
    expect(mixed.code).toBe(2);
    expect(JSON.parse(mixed.stdout).files.map((f: { file: string }) => f.file)).toEqual(['writable.yaml']);
  });

  it('says which line of a file is not UTF-8 instead of guessing', async () => {
    const r = await run(['check', file('latin1.yaml', Buffer.from('kind: Pod\nmetadata:\n  name: caf\xe9\n', 'latin1'))]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('latin1.yaml:3:12  error    This file is not UTF-8 text');
  });
});

describe('rootlock fix', () => {
  it('prints the fixed manifest to stdout, keeps comments and leaves the file alone', async () => {
    const path = file('fix-stdout.yaml', WRITABLE);
    const r = await run(['fix', path]);
    expect(r.code).toBe(0);
    // What the engine adds comes after the user's lines, which stay as they were.
    expect(r.stdout.startsWith(WRITABLE)).toBe(true);
    expect(r.stdout).toContain('          securityContext:\n            readOnlyRootFilesystem: true\n');
    // nginx's own two places, each volume saying why; no /tmp, which nginx does not use
    expect(r.stdout).toContain('            - name: nginx-cache\n              mountPath: /var/cache/nginx\n            - name: run\n              mountPath: /var/run\n');
    expect(r.stdout).toContain('        # nginx: nginx.pid\n        - name: run\n          emptyDir:\n            medium: Memory\n            sizeLimit: 16Mi\n');
    expect(r.stdout).not.toContain('mountPath: /tmp');
    expect(readFileSync(join(dir, path), 'utf8')).toBe(WRITABLE);
    expect(r.stderr).toContain('fix-stdout.yaml: applied 1 fix:\n  Set readOnlyRootFilesystem: true and mount what it writes (/var/cache/nginx, /var/run)');
    // The output is clean: no error, no warning (the info about nginx's templates directory stays,
    // and so do the four Pod Security "restricted" infos, which Fix all leaves to the user).
    const after = await run(['check', '-'], { input: r.stdout });
    expect(after.code).toBe(0);
    expect(after.stdout).toContain('0 errors, 0 warnings, 5 infos');
    expect(after.stdout.match(/\[pss-restricted\]$/gm)).toHaveLength(4);
    expect(after.stdout).toContain('/etc/nginx/conf.d');
    // And stdin works the same way.
    const piped = await run(['fix', '-'], { input: WRITABLE });
    expect(piped.stdout).toBe(r.stdout);
  });

  it('rewrites files in place with --write, reports what it applied, and is idempotent', async () => {
    const a = file('w/a.yaml', WRITABLE);
    const b = file('w/b.yaml', CLEAN);
    const r = await run(['fix', '--write', a, b]);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('w/a.yaml: applied 1 fix:\n  Set readOnlyRootFilesystem: true and mount what it writes (/var/cache/nginx, /var/run)  (Deployment "web", container "app")  [ro-root-fs-missing]\n');
    expect(r.stderr).toContain('w/a.yaml: 0 errors, 0 warnings, 5 infos left');
    expect(r.stderr).toContain('w/b.yaml: nothing to fix');
    const fixed = readFileSync(join(dir, a), 'utf8');
    expect(fixed).toContain('readOnlyRootFilesystem: true');
    expect(fixed).toContain('# keep this comment');
    expect(readFileSync(join(dir, b), 'utf8')).toBe(CLEAN);
    expect((await run(['check', a, b])).code).toBe(0);
    const again = await run(['fix', '--write', a]);
    expect(again.code).toBe(0);
    expect(again.stderr).toContain('nothing to fix');
    expect(readFileSync(join(dir, a), 'utf8')).toBe(fixed);
  });

  it('applies only safe fixes with --safe-only', async () => {
    const path = file('mixed.yaml', MIXED);
    // The premise: one finding with an unsafe fix, one with a safe fix.
    // (The pod also misses four Pod Security "restricted" controls: infos whose fixes are all
    // manual, so neither --safe-only nor Fix all applies them; this test is about the others.)
    type F = { ruleId: string; container: string; fixes: Array<{ applicability: string }> };
    const all0 = JSON.parse((await run(['check', '--format', 'json', path])).stdout).files[0].findings as F[];
    const pss = all0.filter((f) => f.ruleId === 'pss-restricted');
    expect(pss).toHaveLength(4);
    expect(pss.flatMap((f) => f.fixes.map((x) => x.applicability)).every((a) => a === 'manual')).toBe(true);
    const before = all0.filter((f) => f.ruleId !== 'pss-restricted');
    expect(before.map((f) => [f.ruleId, f.container, f.fixes[0]?.applicability])).toEqual([
      ['ro-root-fs-missing', 'writable', 'unsafe'],
      ['tmp-not-writable', 'locked', 'safe'],
    ]);

    const safe = await run(['fix', '--safe-only', path]);
    expect(safe.code).toBe(0);
    expect(safe.stderr).toContain('applied 1 fix:');
    expect(safe.stderr).toContain('[tmp-not-writable]');
    expect(safe.stderr).not.toContain('[ro-root-fs-missing]');
    expect(safe.stdout.match(/readOnlyRootFilesystem: true/g)).toHaveLength(1);
    expect(safe.stdout).toContain('mountPath: /tmp');
    const left = JSON.parse((await run(['check', '--format', 'json', '-'], { input: safe.stdout })).stdout).files[0].findings;
    expect(left.map((f: { ruleId: string }) => f.ruleId)).toEqual(['ro-root-fs-missing', 'pss-restricted', 'pss-restricted', 'pss-restricted', 'pss-restricted']);

    const all = await run(['fix', path]);
    expect(all.stderr).toContain('[ro-root-fs-missing]');
    expect(all.stdout.match(/readOnlyRootFilesystem: true/g)).toHaveLength(2);
  });

  it('keeps CRLF line endings and a byte order mark', async () => {
    const crlf = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(WRITABLE.replace(/\n/g, '\r\n'))]);
    const path = file('crlf.yaml', crlf);
    expect((await run(['fix', '--write', path])).code).toBe(0);
    const out = readFileSync(join(dir, path));
    expect([...out.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = out.toString('utf8');
    expect(text).toContain('readOnlyRootFilesystem: true\r\n');
    expect(text.replace(/\r\n/g, '')).not.toContain('\n');
  });

  it('exits 1 on a file with a syntax error, saying where', async () => {
    const copy = join(dir, 'broken-copy.yaml');
    copyFileSync(join(dir, file('broken.yaml', BROKEN)), copy);
    const r = await run(['fix', 'broken-copy.yaml']);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe(BROKEN);
    expect(r.stderr).toMatch(/broken-copy\.yaml:\d+:\d+: error: YAML syntax error/);
  });

  it('rejects what it cannot do with exit 2 and a message', async () => {
    const a = file('u/a.yaml', WRITABLE);
    const b = file('u/b.yaml', WRITABLE);
    const several = await run(['fix', a, b]);
    expect(several.code).toBe(2);
    expect(several.stderr).toContain('add --write');
    const stdinWrite = await run(['fix', '--write', '-']);
    expect(stdinWrite.code).toBe(2);
    const directory = await run(['fix', '--write', 'u']);
    expect(directory.code).toBe(2);
    expect(directory.stderr).toContain('u is a directory');
    const missing = await run(['fix', 'gone.yaml']);
    expect(missing).toMatchObject({ code: 2, stdout: '', stderr: 'rootlock: cannot read gone.yaml: no such file or directory\n' });
    for (const r of [several, stdinWrite, directory, missing]) expectNoStack(r);
    expect(readFileSync(join(dir, a), 'utf8')).toBe(WRITABLE);
  });
});

describe('colour', () => {
  function fakeIo(env: Record<string, string | undefined>, isTTY: boolean): { io: Io; out: () => string } {
    let out = '';
    const io: Io = {
      cwd: dir,
      env,
      stdout: { isTTY, write: (s) => { out += String(s); return true; } },
      stderr: { isTTY, write: () => true },
      stdinIsTTY: false,
      readStdin: async () => Buffer.from(''),
    };
    return { io, out: () => out };
  }

  it('colours text only on a terminal without NO_COLOR', async () => {
    const path = file('colour.yaml', WRITABLE);
    const tty = fakeIo({}, true);
    expect(await main(['node', 'rootlock', 'check', path], tty.io)).toBe(1);
    expect(tty.out()).toContain('\x1b[31merror');
    const noColour = fakeIo({ NO_COLOR: '1' }, true);
    await main(['node', 'rootlock', 'check', path], noColour.io);
    expect(noColour.out()).not.toContain('\x1b[');
    const pipe = fakeIo({}, false);
    await main(['node', 'rootlock', 'check', path], pipe.io);
    expect(pipe.out()).not.toContain('\x1b[');
  });
});

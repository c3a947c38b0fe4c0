import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { analyze, applyEdits } from '../index.ts';
import { parseYaml } from '../yaml/parse.ts';
import { findWorkloads } from '../model/index.ts';
import { evaluatePss } from './evaluate.ts';
import { harden, hardenEdits, lineEdits } from './harden.ts';

const text = `# shop
apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  template:
    spec:
      containers:
      - name: web
        image: nginx:1.27 # the front
---
apiVersion: v1
kind: Pod
metadata:
  name: tools
spec:
  containers:
  - name: tools
    image: busybox:1.36
`;

function pods(t: string) {
  return findWorkloads(parseYaml(t).map((d) => ({ index: d.index, contents: d.contents }))).map((w) => w.pod);
}

describe('harden', () => {
  it('brings every workload to restricted with read-only roots', () => {
    const r = harden(text);
    expect(r.refused).toBeUndefined();
    for (const p of pods(r.text)) {
      expect(evaluatePss(p, 'restricted').violations.map((v) => v.control), p.workload.name).toEqual([]);
      for (const c of p.containers) expect(c.readOnlyRootFilesystem, `${p.workload.name}/${c.name}`).toBe(true);
    }
    const a = analyze(r.text, { rules: ['ro-root-fs-missing', 'tmp-not-writable'] });
    expect(a.findings.map((f) => f.message)).toEqual([]);
    expect(r.text).toContain('# the front');
    expect(r.text).toContain('# shop');
  });

  it('the edits turn the text into the result, and name what was applied', () => {
    const r = harden(text);
    expect(applyEdits(text, r.edits)).toBe(r.text);
    expect(r.edits.length).toBeGreaterThan(1);
    const rules = new Set(r.applied.map((x) => x.ruleId));
    expect(rules.has('pss-restricted')).toBe(true);
    expect(rules.has('ro-root-fs-missing')).toBe(true);
    expect(r.applied.some((x) => /runAsUser: 101 on "web"/.test(x.title))).toBe(true);
  });

  it('one workload only', () => {
    const r = harden(text, 1);
    const [web, tools] = pods(r.text);
    expect(evaluatePss(web!, 'restricted').allowed).toBe(false);
    expect(web!.containers[0]?.readOnlyRootFilesystem).toBeUndefined();
    expect(evaluatePss(tools!, 'restricted').allowed).toBe(true);
    expect(tools!.containers[0]?.readOnlyRootFilesystem).toBe(true);
    expect(r.text.slice(0, text.indexOf('---'))).toBe(text.slice(0, text.indexOf('---')));
  });

  it('is idempotent', () => {
    const once = harden(text).text;
    expect(hardenEdits(once)).toEqual([]);
  });
});

describe('lineEdits', () => {
  it('one edit per changed run of lines, offsets in the original', () => {
    const a = 'a\nb\nc\nd\n';
    const b = 'a\nB\nc\nd\nE\n';
    expect(lineEdits(a, b)).toEqual([{ start: 2, end: 4, text: 'B\n' }, { start: 8, end: 8, text: 'E\n' }]);
    expect(lineEdits(a, a)).toEqual([]);
    expect(lineEdits('', 'x')).toEqual([{ start: 0, end: 0, text: 'x' }]);
    expect(lineEdits('x\ny', 'x\nz')).toEqual([{ start: 2, end: 3, text: 'z' }]);
  });

  it('applying them always gives the new text', () => {
    const lines = fc.array(fc.constantFrom('a\n', 'b\n', 'c\n', '  d\n', 'e'), { maxLength: 12 }).map((l) => l.join(''));
    fc.assert(fc.property(lines, lines, (a, b) => applyEdits(a, lineEdits(a, b)) === b), { numRuns: 500 });
  });
});

/**
 * Golden files, checked by hand: fixtures/harden/<name>.yaml hardened to restricted only
 * (<name>.restricted.yaml: the pss-restricted fixes alone) and to restricted + read-only root
 * (<name>.hardened.yaml). Comments survive, the output parses and meets restricted, and
 * hardening it again changes nothing.
 */
describe('harden golden files', () => {
  const dir = fileURLToPath(new URL('../../fixtures/harden/', import.meta.url));
  const inputs = readdirSync(dir).filter((f) => !/\.(restricted|hardened)\./.test(f)).sort();
  it('has inputs', () => expect(inputs.length).toBeGreaterThanOrEqual(3));
  for (const input of inputs) {
    const text = readFileSync(dir + input, 'utf8');
    for (const [variant, readOnly] of [['restricted', false], ['hardened', true]] as const) {
      const expected = input.replace(/\.(yaml|json)$/, `.${variant}.$1`);
      it(`${input} → ${expected}`, () => {
        const r = harden(text, undefined, { readOnly });
        expect(r.refused).toBeUndefined();
        expect(r.text).toBe(readFileSync(dir + expected, 'utf8'));
        expect(analyze(r.text).diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
        for (const p of pods(r.text)) expect(evaluatePss(p, 'restricted').violations.map((v) => v.control)).toEqual([]);
        for (const line of text.split('\n')) {
          const c = /(^|\s)(#.*)$/.exec(line)?.[2];
          if (c) expect(r.text, 'keeps every comment').toContain(c);
        }
        expect(harden(r.text, undefined, { readOnly }).text).toBe(r.text);
      });
    }
  }
});

describe('harden never leaves what the API server refuses', () => {
  const privileged = `apiVersion: v1
kind: Pod
metadata:
  name: debug
spec:
  containers:
    - name: shell
      image: busybox:1.36
      securityContext:
        privileged: true
    - name: admin
      image: busybox:1.36
      securityContext:
        capabilities:
          add:
            - SYS_ADMIN
    - name: side
      image: busybox:1.36
      securityContext:
        capabilities:
          add: ["CAP_SYS_ADMIN", "NET_BIND_SERVICE"]
    - name: plain
      image: busybox:1.36
`;
  /** The API server's rule (ValidateSecurityContext): allowPrivilegeEscalation false is refused with privileged or SYS_ADMIN. */
  const refusedBy = (t: string) =>
    pods(t).flatMap((p) =>
      p.containers
        .filter((c) => {
          const sc = c.securityContext ? t.slice(c.securityContext.start, c.securityContext.end) : '';
          return /allowPrivilegeEscalation: false/.test(sc) && (/privileged: true/.test(sc) || /SYS_ADMIN/.test(sc));
        })
        .map((c) => c.name),
    );

  it('reaches restricted in passes that each parse, with privileged false and SYS_ADMIN gone', () => {
    const r = harden(privileged);
    expect(r.refused).toBeUndefined();
    const [pod] = pods(r.text);
    expect(evaluatePss(pod!, 'restricted').violations.map((v) => v.control)).toEqual([]);
    expect(r.text).not.toContain('privileged: true');
    expect(r.text).not.toContain('SYS_ADMIN');
    expect(r.text).toContain('NET_BIND_SERVICE');
    expect(refusedBy(r.text)).toEqual([]);
  });

  it('the allowPrivilegeEscalation fix alone never makes an object the API refuses, and says what it leaves', () => {
    const f = analyze(privileged).findings.find((x) => x.ruleId === 'pss-restricted' && x.control === 'allowPrivilegeEscalation');
    const fix = f?.fixes[0];
    expect(fix?.title).toBe('Set allowPrivilegeEscalation: false on container "plain" — not yet on "shell", which is privileged; "admin", which adds SYS_ADMIN; "side", which adds SYS_ADMIN: the API refuses the two together; fix that first');
    const out = applyEdits(privileged, fix!.edits);
    expect(pods(out)).toHaveLength(1);
    expect(refusedBy(out)).toEqual([]);
    expect(out).toContain('allowPrivilegeEscalation: false');
    expect(out).toContain('privileged: true');
  });

  it('pss-baseline offers privileged: false as a manual fix', () => {
    const f = analyze(privileged).findings.find((x) => x.ruleId === 'pss-baseline' && x.control === 'privileged');
    expect(f?.fixes.map((x) => [x.title, x.applicability])).toEqual([['Set privileged: false on container "shell"', 'manual']]);
  });

  it('the e2e manifest (a restricted namespace with a privileged debug Pod) hardens whole', () => {
    const t = readFileSync(fileURLToPath(new URL('../../e2e/manifests/restricted-namespace.yaml', import.meta.url)), 'utf8');
    const r = harden(t);
    expect(r.refused).toBeUndefined();
    for (const p of pods(r.text)) expect(evaluatePss(p, 'restricted').violations.map((v) => v.control), p.workload.name).toEqual([]);
    expect(refusedBy(r.text)).toEqual([]);
  });
});

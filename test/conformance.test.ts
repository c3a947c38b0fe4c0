/**
 * Conformance: rootlock's read-only-root verdict per object against the expected results of
 * Polaris (notReadOnlyRootFilesystem), kube-linter (no-read-only-root-fs) and Kyverno
 * (best-practices/require-ro-rootfs), from ../shared/conformance. A container fails when it does not
 * set securityContext.readOnlyRootFilesystem: true; an object fails when any container does.
 * rootlock's verdict for an object: any ro-root-fs-missing finding on that workload.
 */
import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyze, applyFixes } from '../src/index.ts';
import type { Analysis } from '../src/index.ts';
import { missingShared, readJson, readText, shared } from './support/shared.ts';

const MISSING = missingShared(
  ['conformance', 'polaris', 'expected.json'],
  ['conformance', 'kube-linter', 'expected.json'],
  ['conformance', 'kyverno', 'expected.json'],
  ['conformance', 'pss'],
);
if (MISSING) console.warn(`conformance: ${MISSING}`);

type Verdict = 'pass' | 'fail';

interface Case {
  /** Readable and unique: `source file#doc kind/name`. */
  id: string;
  source: 'polaris' | 'kube-linter' | 'kyverno';
  path: string;
  expect: Verdict;
  /** Finds the object in rootlock's analysis; -1 when it is not there. */
  locate: (a: Analysis) => number;
}

/**
 * Objects where rootlock's verdict differs from the tool's, with the reason. Empty today: none of
 * the read-only-root fixtures has an init, sidecar or ephemeral container (where Kyverno's sample
 * policy and rootlock disagree), a Windows pod, or a Polaris mutation-output file. The semantic
 * differences themselves are shown on derived objects in 'documented semantic differences' below.
 * An entry that stops differing fails the test, so this list stays true.
 */
const KNOWN_DIFFERENCES: ReadonlyMap<string, string> = new Map<string, string>([]);

function verdict(a: Analysis, workload: number): Verdict {
  return a.findings.some((f) => f.ruleId === 'ro-root-fs-missing' && f.workload === workload) ? 'fail' : 'pass';
}

function byDocKindName(doc: number, kind: string, name: string) {
  return (a: Analysis) => a.workloads.findIndex((w) => w.docIndex === doc && w.kind === kind && w.name === name);
}

function loadCases(): Case[] {
  const cases: Case[] = [];

  // Polaris: one object per file; the file name gives the expected result (see its README).
  const polaris = readJson<{ fixtures: Array<{ file: string; check: string; expect: string; kind: string; mutationOf?: string }> }>(shared('conformance', 'polaris', 'expected.json'));
  for (const f of polaris.fixtures) {
    if (f.check !== 'notReadOnlyRootFilesystem') continue;
    // A mutation-output file is the result of `polaris fix` on a failure file: by construction
    // it should pass, though upstream never asserts it.
    const expectVerdict: Verdict = f.expect === 'fail' ? 'fail' : 'pass';
    cases.push({
      id: `polaris ${f.file} ${f.kind}${f.expect === 'mutation-output' ? ' (mutation-output)' : ''}`,
      source: 'polaris',
      path: shared('conformance', 'polaris', f.file),
      expect: expectVerdict,
      locate: (a) => (a.workloads.length === 1 && a.workloads[0]?.kind === f.kind ? 0 : -1),
    });
  }

  // kube-linter: no-read-only-root-fs.yml only; objects by document index + kind + name.
  const kubeLinter = readJson<{ files: Array<{ file: string; objects: Array<{ doc: number; kind: string; name: string; expect: Verdict }> }> }>(shared('conformance', 'kube-linter', 'expected.json'));
  const nrrf = kubeLinter.files.find((f) => f.file === 'no-read-only-root-fs.yml');
  if (!nrrf) throw new Error('kube-linter expected.json has no entry for no-read-only-root-fs.yml');
  for (const o of nrrf.objects) {
    cases.push({
      id: `kube-linter ${nrrf.file}#${o.doc} ${o.kind}/${o.name}`,
      source: 'kube-linter',
      path: shared('conformance', 'kube-linter', nrrf.file),
      expect: o.expect,
      locate: byDocKindName(o.doc, o.kind, o.name),
    });
  }

  // Kyverno: require-ro-rootfs, kyverno-test and chainsaw; objects by file + document + kind + name.
  const kyverno = readJson<{ entries: Array<{ suite: string; policyDir: string; file: string; doc: number; kind: string; name: string; expect: Verdict }> }>(shared('conformance', 'kyverno', 'expected.json'));
  for (const e of kyverno.entries) {
    if (e.policyDir !== 'best-practices/require-ro-rootfs') continue;
    cases.push({
      id: `kyverno ${e.suite} ${e.file}#${e.doc} ${e.kind}/${e.name}`,
      source: 'kyverno',
      path: shared('conformance', 'kyverno', e.file),
      expect: e.expect,
      locate: byDocKindName(e.doc, e.kind, e.name),
    });
  }
  return cases;
}

/** Sample of the PSS fixtures: all of v1.37 (both levels) and every 10th file of the whole set. */
function pssSample(): string[] {
  const root = shared('conformance', 'pss');
  const all: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir).sort()) {
      const p = join(dir, name);
      if (statSync(p).isDirectory()) walk(p);
      else if (name.endsWith('.yaml')) all.push(p);
    }
  };
  walk(root);
  const picked = all.filter((p, i) => i % 10 === 0 || /\/v1\.37\//.test(p));
  return picked.map((p) => relative(root, p));
}

describe.skipIf(!!MISSING)(MISSING ? 'conformance (../shared absent: skipped)' : 'conformance', () => {
  if (MISSING) {
    it(`skipped: ${MISSING}`, () => {});
    return;
  }

  const cases = loadCases();
  const analyses = new Map<string, { text: string; analysis: Analysis }>();
  const analysed = (path: string) => {
    let hit = analyses.get(path);
    if (!hit) {
      const text = readText(path);
      hit = { text, analysis: analyze(text) };
      analyses.set(path, hit);
    }
    return hit;
  };
  const outcome = { compared: 0, agreed: 0, listed: 0 };

  describe('read-only root verdict per object', () => {
    it('finds the fixtures the READMEs describe', () => {
      const count = (s: Case['source']) => cases.filter((c) => c.source === s).length;
      expect(count('polaris')).toBe(5);
      expect(count('kube-linter')).toBe(4);
      expect(count('kyverno')).toBe(15);
      expect(new Set(cases.map((c) => c.id)).size).toBe(cases.length);
      for (const id of KNOWN_DIFFERENCES.keys()) expect(cases.map((c) => c.id), `listed difference ${id} names no fixture`).toContain(id);
    });

    for (const c of cases) {
      it(`${c.id}: ${c.expect}`, () => {
        const { analysis } = analysed(c.path);
        expect(analysis.diagnostics.filter((d) => d.severity === 'error'), 'error diagnostics').toEqual([]);
        const w = c.locate(analysis);
        expect(w, `object not found among ${JSON.stringify(analysis.workloads.map((x) => [x.docIndex, x.kind, x.name]))}`).toBeGreaterThanOrEqual(0);
        const got = verdict(analysis, w);
        outcome.compared++;
        const reason = KNOWN_DIFFERENCES.get(c.id);
        if (reason) {
          expect(got, `listed as a difference (${reason}) but rootlock now agrees: remove it from KNOWN_DIFFERENCES`).not.toBe(c.expect);
          outcome.listed++;
          return;
        }
        expect(got).toBe(c.expect);
        outcome.agreed++;
        // The per-container view agrees with the verdict: a fail names the containers that lack it.
        const failing = analysis.findings.filter((f) => f.ruleId === 'ro-root-fs-missing' && f.workload === w);
        const lacking = analysis.workloads[w]?.containers.filter((x) => !x.readOnlyRootFilesystem) ?? [];
        expect(failing.length).toBe(lacking.length);
      });
    }

    it('agrees with every tool on every object it compared, apart from the listed differences', () => {
      console.log(`conformance: ${outcome.compared} objects compared, ${outcome.agreed} agree, ${outcome.listed} listed differences`);
      expect(outcome.compared).toBe(cases.length);
      expect(outcome.agreed + outcome.listed).toBe(cases.length);
    });
  });

  describe('fixing the failing objects', () => {
    // Polaris pairs failures with the output of its own auto-fix (mutated*.yaml); rootlock's
    // equivalent is fix-all, after which the object must pass.
    const failing = [...new Set(cases.filter((c) => c.expect === 'fail').map((c) => c.path))];
    for (const path of failing) {
      it(`${relative(shared('conformance'), path)} passes after applyFixes`, () => {
        const { text, analysis } = analysed(path);
        const r = applyFixes(text);
        expect(r.refused).toBeUndefined();
        expect(r.analysis.workloads.length).toBe(analysis.workloads.length);
        expect(r.analysis.findings.filter((f) => f.ruleId === 'ro-root-fs-missing')).toEqual([]);
        expect(r.analysis.workloads.flatMap((w) => w.containers).every((x) => x.readOnlyRootFilesystem)).toBe(true);
      });
    }
  });

  describe('documented semantic differences (derived from the fixtures)', () => {
    const kyvernoGood = `apiVersion: v1
kind: Pod
metadata:
  name: goodpod01
spec:
  containers:
  - name: ghost
    image: ghost
    securityContext:
      readOnlyRootFilesystem: true
`;
    it('init containers count (Kyverno\'s sample policy checks only spec.containers and would pass this pod)', () => {
      const text = kyvernoGood.replace('spec:\n', 'spec:\n  initContainers:\n  - name: setup\n    image: busybox\n');
      const a = analyze(text);
      const f = a.findings.filter((x) => x.ruleId === 'ro-root-fs-missing');
      expect(f.map((x) => [x.container, x.severity])).toEqual([['setup', 'error']]);
    });

    it('sidecar containers (init with restartPolicy: Always) count as well', () => {
      const text = kyvernoGood.replace('spec:\n', 'spec:\n  initContainers:\n  - name: proxy\n    image: envoy\n    restartPolicy: Always\n');
      const a = analyze(text);
      expect(a.workloads[0]?.containers.map((c) => [c.name, c.type])).toEqual([['proxy', 'sidecar'], ['ghost', 'app']]);
      expect(a.findings.filter((x) => x.ruleId === 'ro-root-fs-missing').map((x) => x.container)).toEqual(['proxy']);
    });

    it('ephemeral containers count, as in kube-linter (Kyverno ignores them), but only as a warning', () => {
      const text = `${kyvernoGood}  ephemeralContainers:\n  - name: debugger\n    image: busybox\n`;
      const a = analyze(text);
      const f = a.findings.filter((x) => x.ruleId === 'ro-root-fs-missing');
      expect(f.map((x) => [x.container, x.severity])).toEqual([['debugger', 'warning']]);
    });

    it('a pod-level readOnlyRootFilesystem: true does not count (as in Polaris), and is reported itself', () => {
      const text = readText(shared('conformance', 'polaris', 'notReadOnlyRootFilesystem', 'failure.two_cont_one_unspecified.yaml')).replace('readOnlyRootFilesystem: false\n  containers', 'readOnlyRootFilesystem: true\n  containers');
      const a = analyze(text);
      expect(a.findings.filter((x) => x.ruleId === 'ro-root-fs-missing').map((x) => x.container)).toEqual(['container-b']);
      expect(a.findings.filter((x) => x.ruleId === 'ro-root-fs-pod-level')).toHaveLength(1);
    });

    it('a Windows pod is not asked for the field (the API rejects it there; Polaris and kube-linter would fail it)', () => {
      const text = readText(shared('conformance', 'polaris', 'notReadOnlyRootFilesystem', 'failure.yaml')).replace('spec:\n', 'spec:\n  os:\n    name: windows\n');
      const a = analyze(text);
      expect(a.findings.filter((x) => x.ruleId === 'ro-root-fs-missing')).toEqual([]);
      expect(a.findings.filter((x) => x.ruleId === 'ro-root-fs-windows')).toHaveLength(1);
    });
  });

  describe('Pod Security Standards fixtures (sample: v1.37 and every 10th file)', () => {
    const sample = pssSample();
    it('samples a good part of the 4537 fixtures', () => {
      expect(sample.length).toBeGreaterThan(450);
    });
    for (const file of sample) {
      it(file, () => {
        const text = readText(shared('conformance', 'pss', file));
        expect(text).not.toContain('readOnlyRootFilesystem');
        const a = analyze(text);
        expect(a.diagnostics).toEqual([]);
        expect(a.workloads.map((w) => w.kind)).toEqual(['Pod']);
        const w = a.workloads[0];
        if (!w) return;
        expect(w.containers.length).toBeGreaterThan(0);
        const missing = a.findings.filter((f) => f.ruleId === 'ro-root-fs-missing').map((f) => f.container).sort();
        if (w.os === 'windows') {
          // Listed difference: spec.os.name windows forbids the field, so rootlock does not ask for it.
          expect(missing).toEqual([]);
          return;
        }
        expect(missing).toEqual(w.containers.map((c) => c.name).sort());
      });
    }
  });
});

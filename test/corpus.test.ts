/**
 * Robustness over ../shared/corpus/real-world (third-party manifests, no ground truth): every file
 * analyses, the workloads found match index.json, and fix-all output parses, keeps comments, is
 * idempotent, leaves no read-only-root finding and introduces no Kubernetes schema error.
 */
import { describe, expect, it } from 'vitest';
import { analyze, applyFixes } from '../src/index.ts';
import type { Analysis } from '../src/index.ts';
import { validateObject, validateWorkloads } from './support/k8s-schema.ts';
import type { ObjectValidation } from './support/k8s-schema.ts';
import { lostComments, missingShared, newErrorCodes, readJson, readText, shared } from './support/shared.ts';

const MISSING = missingShared(['corpus', 'real-world', 'index.json']);
if (MISSING) console.warn(`corpus: ${MISSING}`);

interface IndexFile {
  source: string;
  file: string;
  workloads: Array<{ kind: string; apiVersion: string; name: string; containers: number; readOnlyRootFilesystemTrueOnAllContainers: boolean }>;
}

/**
 * Files whose workloads differ from index.json, with the reason. Each must still differ (a fixed
 * one fails the test so that the list stays true).
 */
const WORKLOAD_MISMATCHES: ReadonlyMap<string, string> = new Map([
  ['kubernetes-examples/_archived/openshift-origin/etcd-controller.yaml', 'the Deployment repeats the key `spec.selector` (line 12): rootlock reports DUPLICATE_KEY and does not analyse a document with a duplicate key'],
  ['kubernetes-examples/_archived/openshift-origin/etcd-discovery-controller.yaml', 'the Deployment repeats the key `spec.selector` (line 12): DUPLICATE_KEY, the document is not analysed'],
  ['kubernetes-examples/_archived/openshift-origin/openshift-controller.yaml', 'the Deployment repeats the key `spec.selector` (line 12): DUPLICATE_KEY, the document is not analysed'],
]);

/**
 * Files where analyze() reports an error diagnostic, by code, with the reason. The corpus README
 * says every file parses as YAML or JSON, so anything else is a regression.
 */
const EXPECTED_ERRORS: ReadonlyMap<string, { codes: string[]; reason: string }> = new Map([
  ['kubernetes-examples/_archived/openshift-origin/etcd-controller.yaml', { codes: ['DUPLICATE_KEY'], reason: 'a real duplicate key' }],
  ['kubernetes-examples/_archived/openshift-origin/etcd-discovery-controller.yaml', { codes: ['DUPLICATE_KEY'], reason: 'a real duplicate key' }],
  ['kubernetes-examples/_archived/openshift-origin/openshift-controller.yaml', { codes: ['DUPLICATE_KEY'], reason: 'a real duplicate key' }],
]);

/** Read-only-root findings that fix-all must leave none of. */
const FIXED_RULES = ['ro-root-fs-missing', 'tmp-not-writable', 'ro-root-fs-pod-level'];

function workloadSummary(a: Analysis): string[] {
  return a.workloads.map((w) => `${w.kind}/${w.name}: ${w.containers.filter((c) => c.type !== 'ephemeral').length} containers`);
}

describe.skipIf(!!MISSING)(MISSING ? 'corpus (../shared absent: skipped)' : 'real-world corpus', () => {
  if (MISSING) {
    it(`skipped: ${MISSING}`, () => {});
    return;
  }

  const index = readJson<{ files: IndexFile[] }>(shared('corpus', 'real-world', 'index.json'));
  const stats = {
    files: 0,
    workloadsExpected: 0,
    workloadsMatched: 0,
    validated: 0,
    validAfter: 0,
    oldApi: new Map<string, number>(),
    invalidBefore: [] as string[],
    unparsed: [] as string[],
  };

  it('the schema check itself catches a wrong type and an unknown API version', () => {
    const pod = { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' }, spec: { containers: [{ name: 'a', image: 'x', securityContext: { readOnlyRootFilesystem: 'true' } }] } };
    expect(validateObject(pod)).toEqual({ status: 'checked', errors: ['/spec/containers/0/securityContext/readOnlyRootFilesystem must be boolean'] });
    expect(validateObject({ ...pod, spec: { containers: [{ name: 'a', image: 'x' }] } })).toEqual({ status: 'checked', errors: [] });
    expect(validateObject({ ...pod, apiVersion: 'extensions/v1beta1', kind: 'Deployment' })).toEqual({ status: 'old-api' });
  });

  it('lists the files the README describes', () => {
    expect(index.files.length).toBe(255);
    expect(index.files.reduce((n, f) => n + f.workloads.length, 0)).toBe(304);
    for (const f of [...WORKLOAD_MISMATCHES.keys(), ...EXPECTED_ERRORS.keys()]) expect(index.files.map((x) => x.file)).toContain(f);
  });

  for (const entry of index.files) {
    it(entry.file, () => {
      const text = readText(shared('corpus', 'real-world', entry.file));
      stats.files++;

      // 1. analyze() never throws and reports no bug of its own.
      const before = analyze(text);
      expect(before.diagnostics.filter((d) => d.code === 'internal-error')).toEqual([]);
      const errors = [...new Set(before.diagnostics.filter((d) => d.severity === 'error').map((d) => d.code))].sort();
      expect(errors, EXPECTED_ERRORS.get(entry.file)?.reason ?? 'error diagnostics on a file that parses').toEqual(EXPECTED_ERRORS.get(entry.file)?.codes ?? []);

      // 2. The workloads found match index.json (kind, name, init + regular containers).
      const expected = entry.workloads.map((w) => `${w.kind}/${w.name}: ${w.containers} containers`);
      const got = workloadSummary(before);
      stats.workloadsExpected += expected.length;
      const mismatch = WORKLOAD_MISMATCHES.get(entry.file);
      if (mismatch) {
        expect(got, `listed mismatch (${mismatch}) no longer differs: remove it from WORKLOAD_MISMATCHES`).not.toEqual(expected);
      } else {
        expect(got).toEqual(expected);
        stats.workloadsMatched += expected.length;
      }

      // 3. Fix all: parses, not refused, keeps comments, idempotent, nothing read-only-root left.
      const fixed = applyFixes(text);
      expect(fixed.refused).toBeUndefined();
      expect(fixed.analysis.diagnostics.filter((d) => d.code === 'internal-error')).toEqual([]);
      expect(newErrorCodes(before, fixed.analysis), 'error diagnostics the input did not have').toEqual([]);
      expect(lostComments(text, fixed.text), 'comments lost by the fix').toEqual([]);
      expect(fixed.analysis.findings.filter((f) => FIXED_RULES.includes(f.ruleId)).map((f) => `${f.ruleId} ${f.kind}/${f.name} ${f.container ?? ''}: ${f.message}`)).toEqual([]);
      expect(fixed.analysis.workloads.length, 'fixing changed the workloads found').toBe(before.workloads.length);
      const again = applyFixes(fixed.text);
      expect(again.text === fixed.text, 'applyFixes is not idempotent on its own output').toBe(true);

      // 4. The corrected objects validate against the API schema (kubernetes-models), and the fix
      //    adds no schema error to an object that already had some.
      const vBefore = validateWorkloads(text);
      const vAfter = validateWorkloads(fixed.text);
      expect(vAfter.unparsed, 'documents the yaml package cannot parse after the fix').toEqual(vBefore.unparsed);
      for (const d of vBefore.unparsed) stats.unparsed.push(`${entry.file} doc ${d}`);
      expect(vAfter.objects.map((o) => `${o.at} ${o.kind}/${o.name}`)).toEqual(vBefore.objects.map((o) => `${o.at} ${o.kind}/${o.name}`));
      const beforeAt = new Map<string, ObjectValidation>(vBefore.objects.map((o) => [o.at, o]));
      for (const o of vAfter.objects) {
        const b = beforeAt.get(o.at);
        if (o.result.status === 'old-api') {
          const key = `${o.apiVersion} ${o.kind}`;
          stats.oldApi.set(key, (stats.oldApi.get(key) ?? 0) + 1);
          continue;
        }
        stats.validated++;
        const had = b?.result.status === 'checked' ? b.result.errors : [];
        if (had.length) stats.invalidBefore.push(`${entry.file} ${o.at} ${o.kind}/${o.name}: ${had.join('; ')}`);
        const added = o.result.errors.filter((e) => !had.includes(e));
        expect(added, `${o.at} ${o.kind}/${o.name}: schema errors introduced by the fix`).toEqual([]);
        if (!o.result.errors.length) stats.validAfter++;
      }
    });
  }

  it('summary', () => {
    const oldApi = [...stats.oldApi].map(([k, n]) => `${k} ×${n}`).join(', ');
    const skipped = [...stats.oldApi.values()].reduce((a, b) => a + b, 0);
    console.log([
      `corpus: ${stats.files} files; workloads ${stats.workloadsMatched}/${stats.workloadsExpected} match index.json (${WORKLOAD_MISMATCHES.size} files listed as mismatches)`,
      `schema: ${stats.validated} objects validated after fixing, ${stats.validAfter} valid; ${skipped} not validated (old API: ${oldApi})`,
      `invalid already before fixing (${stats.invalidBefore.length}):`,
      ...stats.invalidBefore.map((s) => `  ${s}`),
      `documents the yaml package could not parse (${stats.unparsed.length}): ${stats.unparsed.join(', ')}`,
    ].join('\n'));
    expect(stats.files).toBe(index.files.length);
    expect(stats.validated).toBeGreaterThan(0);
  });
});

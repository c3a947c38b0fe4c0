/**
 * The generated CEL, evaluated with a real CEL implementation (@bufbuild/cel), against every
 * read-only-root fixture of ../shared/conformance (Polaris notReadOnlyRootFilesystem, kube-linter
 * no-read-only-root-fs.yml, Kyverno require-ro-rootfs) and against derived objects that the
 * fixtures lack (init, sidecar and ephemeral containers, Windows pods, CronJobs, a string "true"):
 * the ValidatingAdmissionPolicy and the Kyverno rule admit an object exactly where rootlock's own
 * ro-root-fs-missing finds nothing. Then: the exemptions work.
 *
 * Evaluation follows the engines: the VAP's variables in order, then its validation (an error
 * counts as a denial, failurePolicy: Fail); Kyverno's rule on the object with the path rewritten
 * the way its auto-generation does for controllers (object.spec → object.spec.template.spec, or
 * object.spec.jobTemplate.spec.template.spec for a CronJob).
 */
import { describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { celEnv, celError, isCelError, parse, plan } from '@bufbuild/cel';
import type { CelInput } from '@bufbuild/cel';
import { strings } from '@bufbuild/cel/ext';
import { analyze } from '../index.ts';
import { missingShared, readJson, readText, shared } from '../../test/support/shared.ts';
import { generatePolicy } from './generate.ts';
import type { PolicyOptions } from './generate.ts';

type Obj = Record<string, unknown>;

/** JSON-like data as CEL input: objects as maps, whole numbers as int. */
function toCel(x: unknown): CelInput {
  if (Array.isArray(x)) return x.map(toCel);
  if (x !== null && typeof x === 'object') return new Map(Object.entries(x as Obj).map(([k, v]) => [k, toCel(v)]));
  if (typeof x === 'number' && Number.isInteger(x)) return BigInt(x);
  return x as CelInput;
}

const env = celEnv({ funcs: strings });
const programs = new Map<string, (b: Record<string, CelInput>) => unknown>();

/** Evaluates a CEL expression (each parsed and planned once); errors come back as CelError. */
function evalCel(expr: string, bindings: Record<string, CelInput>): unknown {
  let program = programs.get(expr);
  try {
    if (!program) {
      const planned = plan(env, parse(expr));
      program = (b) => planned(b);
      programs.set(expr, program);
    }
    return program(bindings);
  } catch (e) {
    return celError(e);
  }
}

const parsedTexts = new Map<string, Obj[]>();

function docsOf(text: string): Obj[] {
  let hit = parsedTexts.get(text);
  if (!hit) {
    const parsed = parseAllDocuments(text);
    hit = (Array.isArray(parsed) ? parsed : []).map((d) => d.toJS() as Obj);
    parsedTexts.set(text, hit);
  }
  return hit;
}

/** A ValidatingAdmissionPolicy evaluated on an object: admitted, or denied with its message. */
function vapVerdict(policyText: string, object: Obj): { admitted: boolean; message?: string; error?: string } {
  const [policy] = docsOf(policyText);
  const spec = (policy as { spec: { variables: Array<{ name: string; expression: string }>; validations: Array<{ expression: string; messageExpression: string }> } }).spec;
  const variables = new Map<string, CelInput>();
  const obj = toCel(object);
  // variables are evaluated lazily by the API server; in order here, an error only matters if used
  const errors = new Map<string, string>();
  for (const v of spec.variables) {
    const r = evalCel(v.expression, { object: obj, variables });
    if (isCelError(r)) errors.set(v.name, String(r.message));
    else variables.set(v.name, r as CelInput);
  }
  for (const val of spec.validations) {
    if (errors.size) return { admitted: false, error: [...errors].map(([k, m]) => `${k}: ${m}`).join('; ') };
    const r = evalCel(val.expression, { object: obj, variables });
    if (isCelError(r)) return { admitted: false, error: String(r.message) };
    if (r !== true) {
      const m = evalCel(val.messageExpression, { object: obj, variables });
      if (isCelError(m)) return { admitted: false, error: `messageExpression: ${String(m.message)}` };
      return { admitted: false, message: String(m) };
    }
  }
  return { admitted: true };
}

/** The Kyverno rule's CEL on an object, rewritten as Kyverno's auto-generation does for its kind. */
function kyvernoVerdict(policyText: string, object: Obj): { admitted: boolean; error?: string } {
  const [policy] = docsOf(policyText);
  const expr = ((policy as { spec: { rules: Array<{ validate: { cel: { expressions: Array<{ expression: string }> } } }> } }).spec.rules[0]?.validate.cel.expressions[0]?.expression) as string;
  const kind = object.kind as string;
  // a kind Kyverno does not auto-generate for (an OpenShift DeploymentConfig) is read like a Deployment here
  const path = kind === 'Pod' ? 'object.spec' : kind === 'CronJob' ? 'object.spec.jobTemplate.spec.template.spec' : 'object.spec.template.spec';
  const r = evalCel(expr.replace(/object\.spec\b/g, path), { object: toCel(object) });
  if (isCelError(r)) return { admitted: false, error: String(r.message) };
  return { admitted: r === true };
}

/** The API server requires container names; some third-party fixtures leave them out. */
function withNames(o: Obj): Obj {
  const copy = JSON.parse(JSON.stringify(o)) as Obj;
  const visit = (n: unknown): void => {
    if (Array.isArray(n)) n.forEach(visit);
    else if (n && typeof n === 'object') {
      for (const [k, v] of Object.entries(n as Obj)) {
        if ((k === 'containers' || k === 'initContainers' || k === 'ephemeralContainers') && Array.isArray(v)) {
          v.forEach((c, i) => {
            if (c && typeof c === 'object' && !('name' in c)) (c as Obj).name = `${k}-${i}`;
          });
        }
        visit(v);
      }
    }
  };
  visit(copy);
  return copy;
}

interface Case {
  id: string;
  text: string;
}

/** Each workload of each text, with rootlock's verdict and the object. */
function workloads(c: Case): Array<{ id: string; object: Obj; rootlockAdmits: boolean }> {
  const a = analyze(c.text, { rules: ['ro-root-fs-missing'] });
  expect(a.diagnostics.filter((d) => d.severity === 'error'), c.id).toEqual([]);
  const docs = docsOf(c.text);
  return a.workloads.map((w, i) => {
    const object = docs[w.docIndex] as Obj;
    expect(object.kind, `${c.id} #${w.docIndex}`).toBe(w.kind);
    return { id: `${c.id}#${w.docIndex} ${w.kind}/${w.name}`, object: withNames(object), rootlockAdmits: !a.findings.some((f) => f.workload === i) };
  });
}

const MISSING = missingShared(['conformance', 'polaris', 'expected.json'], ['conformance', 'kube-linter', 'no-read-only-root-fs.yml'], ['conformance', 'kyverno', 'expected.json']);
if (MISSING) console.warn(`policy CEL on the conformance fixtures: ${MISSING}`);

function fixtureCases(): Case[] {
  const out: Case[] = [];
  const polaris = readJson<{ fixtures: Array<{ file: string; check: string }> }>(shared('conformance', 'polaris', 'expected.json'));
  for (const f of polaris.fixtures) if (f.check === 'notReadOnlyRootFilesystem') out.push({ id: `polaris ${f.file}`, text: readText(shared('conformance', 'polaris', f.file)) });
  out.push({ id: 'kube-linter no-read-only-root-fs.yml', text: readText(shared('conformance', 'kube-linter', 'no-read-only-root-fs.yml')) });
  const kyverno = readJson<{ entries: Array<{ policyDir: string; file: string }> }>(shared('conformance', 'kyverno', 'expected.json'));
  const files = [...new Set(kyverno.entries.filter((e) => e.policyDir === 'best-practices/require-ro-rootfs').map((e) => e.file))];
  for (const file of files) out.push({ id: `kyverno ${file}`, text: readText(shared('conformance', 'kyverno', file)) });
  return out;
}

const pod = (spec: string) => `apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n${spec}`;

/** Objects the fixtures lack, where the policies and rootlock could part ways. */
const DERIVED: Case[] = [
  { id: 'init container writable', text: pod('  initContainers:\n  - name: init\n    image: busybox\n  containers:\n  - name: app\n    image: nginx\n    securityContext: {readOnlyRootFilesystem: true}\n') },
  { id: 'sidecar writable', text: pod('  initContainers:\n  - name: proxy\n    image: envoy\n    restartPolicy: Always\n    securityContext: {readOnlyRootFilesystem: false}\n  containers:\n  - name: app\n    securityContext: {readOnlyRootFilesystem: true}\n') },
  { id: 'ephemeral container writable', text: pod('  containers:\n  - name: app\n    securityContext: {readOnlyRootFilesystem: true}\n  ephemeralContainers:\n  - name: debug\n    image: busybox\n') },
  { id: 'everything read-only', text: pod('  initContainers:\n  - name: init\n    securityContext: {readOnlyRootFilesystem: true}\n  containers:\n  - name: app\n    securityContext: {readOnlyRootFilesystem: true}\n  ephemeralContainers:\n  - name: debug\n    securityContext: {readOnlyRootFilesystem: true}\n') },
  { id: 'Windows pod', text: pod('  os: {name: windows}\n  containers:\n  - name: app\n    image: mcr.microsoft.com/windows/nanoserver:ltsc2022\n') },
  { id: 'Linux pod', text: pod('  os: {name: linux}\n  containers:\n  - name: app\n') },
  { id: 'string "true"', text: pod('  containers:\n  - name: app\n    securityContext: {readOnlyRootFilesystem: "true"}\n') },
  { id: 'pod-level only', text: pod('  securityContext: {readOnlyRootFilesystem: true}\n  containers:\n  - name: app\n') },
  { id: 'empty securityContext', text: pod('  containers:\n  - name: app\n    securityContext: {}\n') },
  { id: 'CronJob writable', text: 'apiVersion: batch/v1\nkind: CronJob\nmetadata:\n  name: c\nspec:\n  schedule: "* * * * *"\n  jobTemplate:\n    spec:\n      template:\n        spec:\n          containers:\n          - name: job\n            image: busybox\n' },
  { id: 'CronJob read-only', text: 'apiVersion: batch/v1\nkind: CronJob\nmetadata:\n  name: c\nspec:\n  schedule: "* * * * *"\n  jobTemplate:\n    spec:\n      template:\n        spec:\n          containers:\n          - name: job\n            securityContext: {readOnlyRootFilesystem: true}\n' },
  ...['StatefulSet', 'DaemonSet', 'ReplicaSet', 'Job', 'ReplicationController'].flatMap((kind) => [true, false].map((ro) => ({
    id: `${kind} ${ro ? 'read-only' : 'writable'}`,
    text: `apiVersion: ${kind === 'Job' ? 'batch/v1' : kind === 'ReplicationController' ? 'v1' : 'apps/v1'}\nkind: ${kind}\nmetadata:\n  name: w\nspec:\n  template:\n    spec:\n      initContainers:\n      - name: init\n        securityContext: {readOnlyRootFilesystem: true}\n      containers:\n      - name: app\n        securityContext: {readOnlyRootFilesystem: ${ro}}\n`,
  }))),
];

const plain: PolicyOptions = { action: 'Deny' };

function agree(cases: Case[]): { compared: number; wrong: string[] } {
  const vap = generatePolicy('vap', plain);
  const kyv = generatePolicy('kyverno', plain);
  const wrong: string[] = [];
  let compared = 0;
  for (const c of cases) {
    for (const w of workloads(c)) {
      compared++;
      const v = vapVerdict(vap, w.object);
      const k = kyvernoVerdict(kyv, w.object);
      if (v.error) wrong.push(`${w.id}: VAP error ${v.error}`);
      if (k.error) wrong.push(`${w.id}: Kyverno error ${k.error}`);
      if (v.admitted !== w.rootlockAdmits) wrong.push(`${w.id}: VAP ${v.admitted ? 'admits' : 'denies'}, rootlock ${w.rootlockAdmits ? 'finds nothing' : 'finds ro-root-fs-missing'}`);
      if (k.admitted !== w.rootlockAdmits) wrong.push(`${w.id}: Kyverno ${k.admitted ? 'admits' : 'denies'}, rootlock ${w.rootlockAdmits ? 'finds nothing' : 'finds ro-root-fs-missing'}`);
    }
  }
  return { compared, wrong };
}

describe.skipIf(!!MISSING)(MISSING ? 'policy CEL on the read-only fixtures (../shared absent: skipped)' : 'policy CEL on the read-only fixtures', () => {
  if (MISSING) {
    it(`skipped: ${MISSING}`, () => {});
    return;
  }
  it('admits exactly where ro-root-fs-missing finds nothing', () => {
    const cases = fixtureCases();
    const { compared, wrong } = agree(cases);
    expect(wrong).toEqual([]);
    // 5 Polaris Pods, 4 kube-linter objects, 15 Kyverno objects (README counts)
    expect(compared).toBe(24);
  });
});

describe('policy CEL on derived objects', () => {
  it('admits exactly where ro-root-fs-missing finds nothing', () => {
    const { compared, wrong } = agree(DERIVED);
    expect(wrong).toEqual([]);
    expect(compared).toBe(DERIVED.length);
  });

  it('the denial message names the writable containers', () => {
    const v = vapVerdict(generatePolicy('vap', plain), docsOf(DERIVED[0]?.text as string)[0] as Obj);
    expect(v).toEqual({ admitted: false, message: 'securityContext.readOnlyRootFilesystem must be true; not set on: init' });
  });
});

describe('exemptions', () => {
  const text = pod(`  initContainers:
  - name: istio-init
    image: docker.io/istio/proxyv2:1.22
  containers:
  - name: app
    image: registry.example.com/app:1
    securityContext: {readOnlyRootFilesystem: true}
  - name: debug
    image: registry.example.com/debug/toolbox:2
  - name: pinned
    image: busybox:1.36
`);
  const object = docsOf(text)[0] as Obj;
  const verdicts = (o: PolicyOptions) => [vapVerdict(generatePolicy('vap', o), object).admitted, kyvernoVerdict(generatePolicy('kyverno', o), object).admitted];

  it('a pod with writable containers is denied without exemptions', () => {
    expect(verdicts({ action: 'Deny' })).toEqual([false, false]);
  });
  it('is admitted when every writable container is exempt by name or image (prefix or exact)', () => {
    expect(verdicts({ action: 'Deny', exemptContainers: ['istio-init'], exemptImages: ['registry.example.com/debug/*', 'busybox:1.36'] })).toEqual([true, true]);
    expect(verdicts({ action: 'Deny', exemptImages: ['docker.io/istio/*', 'registry.example.com/debug/*', 'busybox:1.36'] })).toEqual([true, true]);
  });
  it('is still denied when one writable container is not exempt', () => {
    expect(verdicts({ action: 'Deny', exemptContainers: ['istio-init'], exemptImages: ['registry.example.com/debug/*'] })).toEqual([false, false]);
    expect(verdicts({ action: 'Deny', exemptContainers: ['istio-init', 'debug'], exemptImages: ['busybox:1.3*', 'busybox'] })).toEqual([true, true]);
    expect(verdicts({ action: 'Deny', exemptContainers: ['istio-init', 'debug'], exemptImages: ['busybox'] })).toEqual([false, false]);
  });
  it('the VAP message leaves the exempt containers out', () => {
    expect(vapVerdict(generatePolicy('vap', { action: 'Deny', exemptContainers: ['istio-init'] }), object)).toEqual({ admitted: false, message: 'securityContext.readOnlyRootFilesystem must be true; not set on: debug, pinned' });
  });
  it('quotes in exempt values cannot break out of the CEL string', () => {
    const v = vapVerdict(generatePolicy('vap', { action: 'Deny', exemptImages: ["busybox:1.36'"] }), object);
    expect(v.error).toBeUndefined();
    expect(v.admitted).toBe(false);
  });
});

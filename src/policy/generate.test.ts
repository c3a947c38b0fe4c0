/**
 * The generated policies parse as YAML and have the shape their engines expect: the
 * ValidatingAdmissionPolicy and its binding validate against the Kubernetes OpenAPI schema
 * (kubernetes-models); the Kyverno ClusterPolicy and the Gatekeeper objects are checked field by
 * field against their CRDs' documented fields.
 */
import { describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { ValidatingAdmissionPolicy } from 'kubernetes-models/admissionregistration.k8s.io/v1/ValidatingAdmissionPolicy';
import { ValidatingAdmissionPolicyBinding } from 'kubernetes-models/admissionregistration.k8s.io/v1/ValidatingAdmissionPolicyBinding';
import { generatePolicy, policyNotes, policyProblems, POLICY_NAME, validatePolicyOptions } from './generate.ts';
import type { PolicyKind, PolicyOptions } from './generate.ts';

type Obj = Record<string, unknown>;

function docs(text: string): Obj[] {
  const parsed = parseAllDocuments(text);
  const list = Array.isArray(parsed) ? parsed : [];
  for (const d of list) expect(d.errors, 'the YAML parses').toEqual([]);
  return list.map((d) => d.toJS() as Obj);
}

function at(o: unknown, ...path: (string | number)[]): unknown {
  let cur = o;
  for (const k of path) cur = cur && typeof cur === 'object' ? (cur as Record<string | number, unknown>)[k] : undefined;
  return cur;
}

const full: PolicyOptions = { action: 'Deny', namespaces: { include: ['apps', 'web'], exclude: ['web-debug'] }, exemptImages: ['registry.example.com/debug/*', 'busybox:1.36'], exemptContainers: ['istio-proxy'] };

describe('ValidatingAdmissionPolicy', () => {
  it('a policy and a binding that validate against the Kubernetes schema', () => {
    const [policy, binding, ...rest] = docs(generatePolicy('vap', full));
    expect(rest).toEqual([]);
    expect(() => new ValidatingAdmissionPolicy(policy as never).validate()).not.toThrow();
    expect(() => new ValidatingAdmissionPolicyBinding(binding as never).validate()).not.toThrow();
    expect(at(policy, 'apiVersion')).toBe('admissionregistration.k8s.io/v1');
    expect(at(binding, 'spec', 'policyName')).toBe(at(policy, 'metadata', 'name'));
    expect(at(policy, 'metadata', 'name')).toBe(POLICY_NAME);
    expect(at(policy, 'spec', 'failurePolicy')).toBe('Fail');
  });

  it('matches Pods (create, and ephemeral containers added) and every pod controller', () => {
    const [policy] = docs(generatePolicy('vap', { action: 'Deny' }));
    const rules = at(policy, 'spec', 'matchConstraints', 'resourceRules') as Array<{ apiGroups: string[]; resources: string[]; operations: string[] }>;
    const covered = rules.flatMap((r) => r.resources.map((res) => `${r.apiGroups[0] || 'core'}/${res}:${r.operations.join('+')}`)).sort();
    expect(covered).toEqual([
      'apps/daemonsets:CREATE+UPDATE', 'apps/deployments:CREATE+UPDATE', 'apps/replicasets:CREATE+UPDATE', 'apps/statefulsets:CREATE+UPDATE',
      'batch/cronjobs:CREATE+UPDATE', 'batch/jobs:CREATE+UPDATE',
      'core/pods/ephemeralcontainers:UPDATE', 'core/pods:CREATE', 'core/replicationcontrollers:CREATE+UPDATE',
    ]);
  });

  it('maps Deny / Warn / Audit to validationActions', () => {
    for (const action of ['Deny', 'Warn', 'Audit'] as const) {
      const [, binding] = docs(generatePolicy('vap', { action }));
      expect(at(binding, 'spec', 'validationActions')).toEqual([action]);
    }
  });

  it('selects namespaces by kubernetes.io/metadata.name: In the included, NotIn the excluded', () => {
    const [, binding] = docs(generatePolicy('vap', full));
    expect(at(binding, 'spec', 'matchResources', 'namespaceSelector')).toEqual({
      matchExpressions: [
        { key: 'kubernetes.io/metadata.name', operator: 'In', values: ['apps', 'web'] },
        { key: 'kubernetes.io/metadata.name', operator: 'NotIn', values: ['web-debug'] },
      ],
    });
    const [, all] = docs(generatePolicy('vap', { action: 'Deny' }));
    expect(at(all, 'spec', 'matchResources')).toBeUndefined();
  });

  it('names the variables it uses and one validation with a message expression', () => {
    const [policy] = docs(generatePolicy('vap', full));
    expect((at(policy, 'spec', 'variables') as Array<{ name: string }>).map((v) => v.name)).toEqual(['podSpec', 'windows', 'writable']);
    const v = at(policy, 'spec', 'validations', 0) as Obj;
    expect(Object.keys(v).sort()).toEqual(['expression', 'messageExpression', 'reason']);
    expect(v.reason).toBe('Forbidden');
  });
});

describe('Kyverno ClusterPolicy', () => {
  it('a CEL rule on Pods, auto-generated for the controllers', () => {
    const [p, ...rest] = docs(generatePolicy('kyverno', full));
    expect(rest).toEqual([]);
    expect(at(p, 'apiVersion')).toBe('kyverno.io/v1');
    expect(at(p, 'kind')).toBe('ClusterPolicy');
    expect(at(p, 'metadata', 'annotations', 'pod-policies.kyverno.io/autogen-controllers')).toBe('DaemonSet,Deployment,Job,StatefulSet,ReplicaSet,ReplicationController,CronJob');
    const rule = at(p, 'spec', 'rules', 0) as Obj;
    expect(Object.keys(rule).sort()).toEqual(['exclude', 'match', 'name', 'validate']);
    expect(at(rule, 'match', 'any', 0, 'resources')).toEqual({ kinds: ['Pod'], namespaces: ['apps', 'web'] });
    expect(at(rule, 'exclude', 'any', 0, 'resources')).toEqual({ namespaces: ['web-debug'] });
    const expr = at(rule, 'validate', 'cel', 'expressions', 0) as Obj;
    expect(Object.keys(expr).sort()).toEqual(['expression', 'message']);
    // every path goes through object.spec, which auto-generation rewrites for the controllers
    expect(String(expr.expression).match(/object\.[a-z]+/g)?.every((m) => m === 'object.spec')).toBe(true);
  });

  it('maps Deny to Enforce, Audit to Audit, Warn to Audit with emitWarning', () => {
    const spec = (action: PolicyOptions['action']) => at(docs(generatePolicy('kyverno', { action }))[0], 'spec') as Obj;
    expect(spec('Deny').validationFailureAction).toBe('Enforce');
    expect(spec('Audit').validationFailureAction).toBe('Audit');
    expect(spec('Audit').emitWarning).toBeUndefined();
    expect(spec('Warn')).toMatchObject({ validationFailureAction: 'Audit', emitWarning: true });
    expect(spec('Deny').background).toBe(true);
  });
});

describe('Gatekeeper', () => {
  it('a K8sPSPReadOnlyRootFilesystem constraint and ExpansionTemplates for every pod controller', () => {
    const [c, workloads, cronjobs, ...rest] = docs(generatePolicy('gatekeeper', { ...full, exemptContainers: [] }));
    expect(rest).toEqual([]);
    expect(at(c, 'apiVersion')).toBe('constraints.gatekeeper.sh/v1beta1');
    expect(at(c, 'kind')).toBe('K8sPSPReadOnlyRootFilesystem');
    expect(at(c, 'spec', 'match')).toEqual({ kinds: [{ apiGroups: [''], kinds: ['Pod'] }], namespaces: ['apps', 'web'], excludedNamespaces: ['web-debug'] });
    expect(at(c, 'spec', 'parameters')).toEqual({ exemptImages: ['registry.example.com/debug/*', 'busybox:1.36'] });
    for (const e of [workloads, cronjobs]) {
      expect(at(e, 'apiVersion')).toBe('expansion.gatekeeper.sh/v1beta1');
      expect(at(e, 'kind')).toBe('ExpansionTemplate');
      expect(at(e, 'spec', 'generatedGVK')).toEqual({ kind: 'Pod', group: '', version: 'v1' });
    }
    const kinds = (e: unknown) => (at(e, 'spec', 'applyTo') as Array<{ kinds: string[] }>).flatMap((a) => a.kinds).sort();
    expect(kinds(workloads)).toEqual(['DaemonSet', 'Deployment', 'Job', 'ReplicaSet', 'ReplicationController', 'StatefulSet']);
    expect(at(workloads, 'spec', 'templateSource')).toBe('spec.template');
    expect(kinds(cronjobs)).toEqual(['CronJob']);
    expect(at(cronjobs, 'spec', 'templateSource')).toBe('spec.jobTemplate.spec.template');
  });

  it('maps Deny / Warn / Audit to deny / warn / dryrun', () => {
    const action = (a: PolicyOptions['action']) => at(docs(generatePolicy('gatekeeper', { action: a }))[0], 'spec', 'enforcementAction');
    expect([action('Deny'), action('Warn'), action('Audit')]).toEqual(['deny', 'warn', 'dryrun']);
  });

  it('says that container names cannot be exempted there', () => {
    expect(policyNotes('gatekeeper', full).join(' ')).toMatch(/no container-name exemption: "istio-proxy"/);
    expect(generatePolicy('gatekeeper', full)).toMatch(/^# Note: The template has no container-name exemption/m);
  });
});

describe('options', () => {
  it('rejects what the engines would not read as meant', () => {
    expect(validatePolicyOptions('vap', { action: 'Deny', exemptImages: ['registry/*/debug'] })).toEqual([expect.stringMatching(/only a trailing \*/)]);
    expect(validatePolicyOptions('vap', { action: 'Deny', namespaces: { include: ['kube-*'] } })).toEqual([expect.stringMatching(/not a namespace name/)]);
    expect(validatePolicyOptions('gatekeeper', { action: 'Deny', namespaces: { exclude: ['kube-*'] } })).toEqual([]);
    expect(validatePolicyOptions('vap', { action: 'Deny', namespaces: { include: ['a'], exclude: ['a'] } })).toEqual([expect.stringMatching(/both included and excluded/)]);
    expect(validatePolicyOptions('kyverno', { action: 'Deny', exemptContainers: ['Bad_Name'] })).toEqual([expect.stringMatching(/not a container name/)]);
    expect(() => generatePolicy('vap', { action: 'Block' as never })).toThrow(/action must be Deny, Warn or Audit/);
  });

  it('names the option each problem is about, for the form to mark it', () => {
    const problems = policyProblems('vap', { action: 'Deny', namespaces: { include: ['Bad_NS'], exclude: ['ok', 'x y'] }, exemptImages: ['a b'], exemptContainers: ['C'] });
    expect(problems.map((p) => p.field)).toEqual(['include', 'exclude', 'exemptImages', 'exemptContainers']);
    expect(problems[0]?.message).toBe('namespace "Bad_NS" is not a namespace name');
  });

  it('every kind and action generates parseable YAML with a header', () => {
    for (const kind of ['vap', 'kyverno', 'gatekeeper'] as PolicyKind[]) {
      for (const action of ['Deny', 'Warn', 'Audit'] as const) {
        const text = generatePolicy(kind, { action });
        expect(text.startsWith('# Generated by rootlock')).toBe(true);
        expect(docs(text).length).toBeGreaterThan(0);
      }
    }
  });
});

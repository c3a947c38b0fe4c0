import { describe, expect, it } from 'vitest';
import { parseYaml } from '../yaml/parse.ts';
import { findWorkloads } from '../model/index.ts';
import { ruleContext, namespaceFor } from './context.ts';
import { namespacePolicies, namespaceVerdict } from './namespaces.ts';
import { namespaceInfos, workloadPss } from './info.ts';
import { LineIndex } from '../text.ts';

function docs(text: string) {
  return parseYaml(text).map((d) => ({ index: d.index, contents: d.contents }));
}

const ns = (name: string, labels: string) => `apiVersion: v1
kind: Namespace
metadata:
  name: ${name}
${labels ? `  labels:\n${labels}` : ''}`;

describe('namespacePolicies', () => {
  it('reads the three modes with their versions; a missing level is privileged, a missing version latest', () => {
    const [n] = namespacePolicies(docs(ns('a', '    pod-security.kubernetes.io/enforce: baseline\n    pod-security.kubernetes.io/enforce-version: v1.29\n    pod-security.kubernetes.io/warn: restricted\n')));
    expect(n?.name).toBe('a');
    expect(n?.modes.enforce).toMatchObject({ level: 'baseline', version: 'v1.29', labelled: true });
    expect(n?.modes.warn).toMatchObject({ level: 'restricted', version: 'latest', labelled: true });
    expect(n?.modes.audit).toMatchObject({ level: 'privileged', version: 'latest', labelled: false });
    expect(n?.problems).toEqual([]);
  });

  it('invalid values: enforce fails closed (restricted), audit and warn fail open (privileged), versions become latest', () => {
    const [n] = namespacePolicies(docs(ns('b', '    pod-security.kubernetes.io/enforce: strict\n    pod-security.kubernetes.io/audit: Baseline\n    pod-security.kubernetes.io/warn: restricted\n    pod-security.kubernetes.io/warn-version: v1.30.1\n')));
    expect(n?.modes.enforce.level).toBe('restricted');
    expect(n?.modes.audit.level).toBe('privileged');
    expect(n?.modes.warn).toMatchObject({ level: 'restricted', version: 'latest' });
    expect(n?.problems.map((p) => [p.label, p.kind, p.correction])).toEqual([
      ['pod-security.kubernetes.io/enforce', 'level', undefined],
      ['pod-security.kubernetes.io/audit', 'level', 'baseline'],
      ['pod-security.kubernetes.io/warn-version', 'version', 'v1.30'],
    ]);
  });

  it('finds Namespaces in Lists, and ignores other kinds', () => {
    const list = `apiVersion: v1
kind: List
items:
- apiVersion: v1
  kind: Namespace
  metadata: {name: x, labels: {pod-security.kubernetes.io/enforce: restricted}}
- apiVersion: v1
  kind: ConfigMap
  metadata: {name: y}
`;
    expect(namespacePolicies(docs(list)).map((n) => [n.name, n.modes.enforce.level])).toEqual([['x', 'restricted']]);
  });
});

describe('verdicts', () => {
  const text = `${ns('shop', '    pod-security.kubernetes.io/enforce: baseline\n    pod-security.kubernetes.io/warn: restricted\n    pod-security.kubernetes.io/audit: restricted\n')}---
apiVersion: v1
kind: Pod
metadata:
  name: p
  namespace: shop
spec:
  containers:
  - name: app
---
apiVersion: batch/v1
kind: Job
metadata:
  name: j
  namespace: shop
spec:
  template:
    spec:
      hostIPC: true
      containers:
      - name: app
`;
  const d = docs(text);
  const ctx = ruleContext(d);
  const [pod, job] = findWorkloads(d).map((w) => w.pod);

  it('a Pod meeting enforce but not warn: admitted with a warning and an audit annotation', () => {
    const v = namespaceVerdict(pod!, namespaceFor(pod!, ctx)!);
    expect([v.enforce.outcome, v.warn.outcome, v.audit.outcome]).toEqual(['allowed', 'warning', 'audited']);
  });

  it('a template failing enforce: the object is admitted, its pods rejected', () => {
    const v = namespaceVerdict(job!, namespaceFor(job!, ctx)!);
    expect(v.enforce.outcome).toBe('pods-rejected');
    expect(v.enforce.violations.map((x) => x.control)).toEqual(['hostNamespaces']);
  });

  it('plain data for the analysis', () => {
    const lines = new LineIndex(text);
    const info = workloadPss(pod!, ctx, lines);
    expect(info.level).toBe('baseline');
    expect(info.version).toBe('v1.37');
    expect(info.restricted.map((v) => v.control)).toEqual(['allowPrivilegeEscalation', 'capabilities_restricted', 'runAsNonRoot', 'seccompProfile_restricted']);
    expect(info.namespace?.summary).toBe('Pod "p" is admitted with a warning: namespace "shop" enforces baseline:latest, which it meets, and warns at restricted:latest, which it does not (allowPrivilegeEscalation, capabilities_restricted, runAsNonRoot, seccompProfile_restricted)');
    expect(info.restricted[0]?.range.line).toBe(17);
    expect(JSON.parse(JSON.stringify(info))).toEqual(info);
    const jobInfo = workloadPss(job!, ctx, lines);
    expect(jobInfo.level).toBe('privileged');
    expect(jobInfo.namespace?.summary).toMatch(/^Job "j" is admitted but the pods it creates will be rejected: namespace "shop" enforces baseline, .*on create kubectl prints a warning/);
    expect(namespaceInfos(ctx, lines)).toEqual([expect.objectContaining({ name: 'shop', docIndex: 0, problems: [], modes: { enforce: { level: 'baseline', version: 'latest', labelled: true }, audit: { level: 'restricted', version: 'latest', labelled: true }, warn: { level: 'restricted', version: 'latest', labelled: true } } })]);
  });

  it('a workload without metadata.namespace, or in another namespace, has no verdict', () => {
    const other = findWorkloads(docs('apiVersion: v1\nkind: Pod\nmetadata:\n  name: q\n  namespace: elsewhere\nspec:\n  containers:\n  - name: a\n'))[0]!.pod;
    expect(namespaceFor(other, ctx)).toBeUndefined();
    expect(workloadPss(other, ctx, new LineIndex('')).namespace).toBeUndefined();
  });
});

/**
 * Policies that enforce read-only root filesystems across a cluster, for what the restricted Pod
 * Security Standard leaves out: every container, init container and ephemeral container of Pods
 * and of every pod template (Deployment, StatefulSet, DaemonSet, ReplicaSet, ReplicationController
 * and Job at spec.template.spec; CronJob at spec.jobTemplate.spec.template.spec) must set
 * `securityContext.readOnlyRootFilesystem: true`, except in Windows pods (`spec.os.name: windows`,
 * where the API forbids the field) and for the exempted images and container names.
 *
 * - `vap`: a ValidatingAdmissionPolicy and its binding (admissionregistration.k8s.io/v1, CEL;
 *   Kubernetes 1.30+);
 * - `kyverno`: a Kyverno ClusterPolicy with a CEL rule on Pods, which Kyverno's auto-generation
 *   carries over to the pod controllers (Kyverno 1.11+);
 * - `gatekeeper`: a Constraint for the gatekeeper-library template `k8spspreadonlyrootfilesystem`,
 *   plus ExpansionTemplates so that workload resources are checked through their pod template.
 *
 * The CEL is the same as rootlock's own ro-root-fs-missing rule: a container is admitted when it
 * sets readOnlyRootFilesystem to the boolean true (tests evaluate it with a CEL implementation).
 */
import { Comment, emitDocuments } from './emit.ts';
import type { Y } from './emit.ts';

export type PolicyKind = 'vap' | 'kyverno' | 'gatekeeper';

export interface PolicyOptions {
  /** Deny: refuse the object; Warn: admit it with a warning to the client; Audit: admit it and record the violation. */
  action: 'Deny' | 'Warn' | 'Audit';
  /** Namespaces to cover (all when empty) and to leave out. Exact names (Gatekeeper also takes a trailing `*`). */
  namespaces?: { include?: string[]; exclude?: string[] };
  /** Images not checked: an exact reference, or a prefix ending in `*` (`registry.example.com/debug/*`). */
  exemptImages?: string[];
  /** Container names not checked (not supported by the Gatekeeper template: see policyNotes). */
  exemptContainers?: string[];
  /** metadata.name of the generated objects (default POLICY_NAME). */
  name?: string;
}

export const POLICY_NAME = 'require-read-only-root-filesystem';

const NAME = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const NAMESPACE = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const CONTAINER_NAME = NAMESPACE;

/** The option a problem is about: `include`/`exclude` are the namespace lists. */
export type PolicyField = 'action' | 'name' | 'include' | 'exclude' | 'exemptImages' | 'exemptContainers';

export interface PolicyProblem {
  field: PolicyField;
  message: string;
}

/** Problems with the options that make generatePolicy throw, each with the option it is about and naming the bad value. */
export function policyProblems(kind: PolicyKind, o: PolicyOptions): PolicyProblem[] {
  const out: PolicyProblem[] = [];
  const add = (field: PolicyField, message: string) => out.push({ field, message });
  if (!['Deny', 'Warn', 'Audit'].includes(o.action)) add('action', `action must be Deny, Warn or Audit, not ${JSON.stringify(o.action)}`);
  const name = o.name ?? POLICY_NAME;
  if (!NAME.test(name) || name.length > 253) add('name', `name ${JSON.stringify(name)} is not a valid object name (lower-case letters, digits, - and .)`);
  for (const field of ['include', 'exclude'] as const) {
    for (const ns of o.namespaces?.[field] ?? []) {
      const ok = NAMESPACE.test(ns) && ns.length <= 63;
      const glob = kind === 'gatekeeper' && /^[a-z0-9][-a-z0-9]*\*$/.test(ns);
      if (!ok && !glob) add(field, `namespace ${JSON.stringify(ns)} is not a namespace name${kind === 'gatekeeper' ? ' (or a prefix ending in *)' : ''}`);
    }
  }
  const both = (o.namespaces?.include ?? []).filter((n) => (o.namespaces?.exclude ?? []).includes(n));
  if (both.length) add('exclude', `namespace ${both.map((n) => JSON.stringify(n)).join(', ')} is both included and excluded`);
  for (const img of o.exemptImages ?? []) {
    if (!img.trim() || /\s/.test(img)) add('exemptImages', `exempt image ${JSON.stringify(img)} is empty or holds spaces`);
    else if (img.slice(0, -1).includes('*')) add('exemptImages', `exempt image ${JSON.stringify(img)}: only a trailing * (a prefix) is supported, as Gatekeeper's exemptImages reads it`);
  }
  for (const c of o.exemptContainers ?? []) {
    if (!CONTAINER_NAME.test(c)) add('exemptContainers', `exempt container ${JSON.stringify(c)} is not a container name`);
  }
  return out;
}

/** The messages of policyProblems(): what makes generatePolicy throw, each naming the bad value. */
export function validatePolicyOptions(kind: PolicyKind, o: PolicyOptions): string[] {
  return policyProblems(kind, o).map((p) => p.message);
}

/** What the user should know about a generated policy (limits of the engine, prerequisites). */
export function policyNotes(kind: PolicyKind, o: PolicyOptions): string[] {
  const notes: string[] = [];
  if (kind === 'vap') {
    notes.push('Needs Kubernetes 1.30 or later (ValidatingAdmissionPolicy is GA in admissionregistration.k8s.io/v1).');
    notes.push('Pods are checked on create, and when an ephemeral container is added (pods/ephemeralcontainers); workload resources on create and update. An existing pod is never evicted.');
  }
  if (kind === 'kyverno') {
    notes.push('Needs Kyverno 1.11 or later (CEL validation). Kyverno auto-generates the rule for DaemonSet, Deployment, Job, StatefulSet, ReplicaSet, ReplicationController and CronJob.');
    if (o.action === 'Warn') notes.push('Kyverno has no warn-only mode: the policy audits (validationFailureAction: Audit) and emitWarning: true sends the warning to the client (Kyverno 1.11+).');
  }
  if (kind === 'gatekeeper') {
    notes.push('Needs the gatekeeper-library ConstraintTemplate k8spspreadonlyrootfilesystem installed (library/pod-security-policy/read-only-root-filesystem).');
    notes.push('Workload resources are checked through ExpansionTemplates (Gatekeeper 3.13+ has expansion on by default). The template skips UPDATE requests (readOnlyRootFilesystem is immutable on a Pod), so an updated Deployment is checked only when its pods are created.');
    notes.push('The template does not exempt Windows pods: exclude their namespaces, or their images, since the API forbids readOnlyRootFilesystem there.');
    if (o.exemptContainers?.length) notes.push(`The template has no container-name exemption: ${o.exemptContainers.map((c) => `"${c}"`).join(', ')} cannot be exempted by name; exempt their images instead.`);
  }
  return notes;
}

/** The YAML text of the policy objects, one document each. Throws on invalid options (validatePolicyOptions). */
export function generatePolicy(kind: PolicyKind, options: PolicyOptions): string {
  const problems = validatePolicyOptions(kind, options);
  if (problems.length) throw new Error(`Cannot generate the policy: ${problems.join('; ')}`);
  switch (kind) {
    case 'vap': return emitDocuments(vap(options), header(kind, 'a ValidatingAdmissionPolicy and its binding', options));
    case 'kyverno': return emitDocuments([kyverno(options)], header(kind, 'a Kyverno ClusterPolicy', options));
    case 'gatekeeper': return emitDocuments(gatekeeper(options), header(kind, 'a Gatekeeper constraint (template k8spspreadonlyrootfilesystem) and ExpansionTemplates', options));
  }
}

function header(kind: PolicyKind, what: string, o: PolicyOptions): string {
  const lines = [
    `Generated by rootlock: ${what}.`,
    'Every container, init container and ephemeral container must set securityContext.readOnlyRootFilesystem: true',
    '(Windows pods excepted). The restricted Pod Security Standard does not require it.',
  ];
  return [...lines, ...policyNotes(kind, o).map((n) => `Note: ${n}`)].join('\n');
}

// --- CEL -----------------------------------------------------------------------------------

function celString(s: string): string {
  return `'${s.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
}

/** The CEL condition under which container `c` is exempt, or undefined when nothing is exempt. */
export function exemptCondition(o: PolicyOptions, c = 'c'): string | undefined {
  const parts: string[] = [];
  const names = o.exemptContainers ?? [];
  if (names.length) parts.push(`${c}.name in [${names.map(celString).join(', ')}]`);
  const images = o.exemptImages ?? [];
  if (images.length) {
    const tests = images.map((img) => (img.endsWith('*') ? `${c}.image.startsWith(${celString(img.slice(0, -1))})` : `${c}.image == ${celString(img)}`));
    parts.push(`(has(${c}.image) && (${tests.join(' || ')}))`);
  }
  return parts.length ? parts.join(' || ') : undefined;
}

/** CEL: container `c` has a read-only root, or is exempt. */
export function containerOk(o: PolicyOptions, c = 'c'): string {
  const ro = `(has(${c}.securityContext) && has(${c}.securityContext.readOnlyRootFilesystem) && ${c}.securityContext.readOnlyRootFilesystem == true)`;
  const ex = exemptCondition(o, c);
  return ex ? `${ro} || ${ex}` : ro;
}

const LISTS = ['initContainers', 'containers', 'ephemeralContainers'] as const;

// --- ValidatingAdmissionPolicy -------------------------------------------------------------

function vap(o: PolicyOptions): Array<{ [key: string]: Y }> {
  const name = o.name ?? POLICY_NAME;
  const podSpec = [
    "object.kind == 'Pod' ? object.spec :",
    "object.kind == 'CronJob' ? object.spec.jobTemplate.spec.template.spec :",
    'object.spec.template.spec',
  ].join('\n');
  const writable = LISTS.map((l) => `(has(variables.podSpec.${l}) ? variables.podSpec.${l}.filter(c, !(${containerOk(o)})).map(c, c.name) : [])`).join(' +\n');
  const selector: { [key: string]: Y } = {};
  const expressions: Y[] = [];
  if (o.namespaces?.include?.length) expressions.push({ key: 'kubernetes.io/metadata.name', operator: 'In', values: [...o.namespaces.include] });
  if (o.namespaces?.exclude?.length) expressions.push({ key: 'kubernetes.io/metadata.name', operator: 'NotIn', values: [...o.namespaces.exclude] });
  if (expressions.length) selector.namespaceSelector = { matchExpressions: expressions };
  const policy: { [key: string]: Y } = {
    apiVersion: 'admissionregistration.k8s.io/v1',
    kind: 'ValidatingAdmissionPolicy',
    metadata: { name },
    spec: {
      failurePolicy: 'Fail',
      matchConstraints: {
        resourceRules: [
          { apiGroups: [''], apiVersions: ['v1'], operations: ['CREATE'], resources: ['pods'] },
          { '#': new Comment('kubectl debug adds an ephemeral container through this subresource'), apiGroups: [''], apiVersions: ['v1'], operations: ['UPDATE'], resources: ['pods/ephemeralcontainers'] },
          { apiGroups: [''], apiVersions: ['v1'], operations: ['CREATE', 'UPDATE'], resources: ['replicationcontrollers'] },
          { apiGroups: ['apps'], apiVersions: ['v1'], operations: ['CREATE', 'UPDATE'], resources: ['deployments', 'statefulsets', 'daemonsets', 'replicasets'] },
          { apiGroups: ['batch'], apiVersions: ['v1'], operations: ['CREATE', 'UPDATE'], resources: ['jobs', 'cronjobs'] },
        ],
      },
      variables: [
        { name: 'podSpec', expression: podSpec + '\n' },
        { name: 'windows', expression: "has(variables.podSpec.os) && has(variables.podSpec.os.name) && variables.podSpec.os.name == 'windows'" },
        { name: 'writable', expression: writable + '\n' },
      ],
      validations: [{
        expression: 'variables.windows || size(variables.writable) == 0',
        messageExpression: "'securityContext.readOnlyRootFilesystem must be true; not set on: ' + variables.writable.join(', ')",
        reason: 'Forbidden',
      }],
    },
  };
  const binding: { [key: string]: Y } = {
    apiVersion: 'admissionregistration.k8s.io/v1',
    kind: 'ValidatingAdmissionPolicyBinding',
    metadata: { name },
    spec: {
      policyName: name,
      validationActions: [o.action],
      ...(Object.keys(selector).length ? { matchResources: selector } : {}),
    },
  };
  return [policy, binding];
}

// --- Kyverno -------------------------------------------------------------------------------

/** The Kyverno CEL expression, written for a Pod (`object.spec`); auto-generation rewrites the path. */
export function kyvernoExpression(o: PolicyOptions): string {
  const lines = [
    "(has(object.spec.os) && has(object.spec.os.name) && object.spec.os.name == 'windows') ||",
    `(${LISTS.map((l) => `(!has(object.spec.${l}) || object.spec.${l}.all(c, ${containerOk(o)}))`).join(' &&\n ')})`,
  ];
  return lines.join('\n') + '\n';
}

function kyverno(o: PolicyOptions): { [key: string]: Y } {
  const name = o.name ?? POLICY_NAME;
  const match: { [key: string]: Y } = { kinds: ['Pod'] };
  if (o.namespaces?.include?.length) match.namespaces = [...o.namespaces.include];
  const rule: { [key: string]: Y } = {
    name,
    match: { any: [{ resources: match }] },
    ...(o.namespaces?.exclude?.length ? { exclude: { any: [{ resources: { namespaces: [...o.namespaces.exclude] } }] } } : {}),
    validate: {
      cel: {
        expressions: [{
          expression: kyvernoExpression(o),
          message: 'Every container, init container and ephemeral container must set securityContext.readOnlyRootFilesystem: true.',
        }],
      },
    },
  };
  return {
    apiVersion: 'kyverno.io/v1',
    kind: 'ClusterPolicy',
    metadata: {
      name,
      annotations: {
        'policies.kyverno.io/title': 'Require Read-Only Root Filesystem',
        'policies.kyverno.io/category': 'Best Practices',
        'policies.kyverno.io/severity': 'medium',
        'policies.kyverno.io/subject': 'Pod',
        'policies.kyverno.io/description': 'A read-only root filesystem keeps an intruder from changing the container\'s binaries and configuration. The restricted Pod Security Standard does not require it; this policy does, for every container of Pods and pod controllers.',
        'pod-policies.kyverno.io/autogen-controllers': 'DaemonSet,Deployment,Job,StatefulSet,ReplicaSet,ReplicationController,CronJob',
      },
    },
    spec: {
      validationFailureAction: o.action === 'Deny' ? 'Enforce' : 'Audit',
      ...(o.action === 'Warn' ? { emitWarning: true } : {}),
      background: true,
      rules: [rule],
    },
  };
}

// --- Gatekeeper ----------------------------------------------------------------------------

function gatekeeper(o: PolicyOptions): Array<{ [key: string]: Y }> {
  const name = o.name ?? POLICY_NAME;
  const match: { [key: string]: Y } = { kinds: [{ apiGroups: [''], kinds: ['Pod'] }] };
  if (o.namespaces?.include?.length) match.namespaces = [...o.namespaces.include];
  if (o.namespaces?.exclude?.length) match.excludedNamespaces = [...o.namespaces.exclude];
  const action = o.action === 'Deny' ? 'deny' : o.action === 'Warn' ? 'warn' : 'dryrun';
  const constraint: { [key: string]: Y } = {
    apiVersion: 'constraints.gatekeeper.sh/v1beta1',
    kind: 'K8sPSPReadOnlyRootFilesystem',
    metadata: { name },
    spec: {
      enforcementAction: action,
      match,
      ...(o.exemptImages?.length ? { parameters: { exemptImages: [...o.exemptImages] } } : {}),
    },
  };
  const expansion = (suffix: string, applyTo: Y[], source: string): { [key: string]: Y } => ({
    apiVersion: 'expansion.gatekeeper.sh/v1beta1',
    kind: 'ExpansionTemplate',
    metadata: { name: `${name}-${suffix}` },
    spec: {
      applyTo,
      templateSource: source,
      generatedGVK: { kind: 'Pod', group: '', version: 'v1' },
    },
  });
  return [
    constraint,
    expansion('workloads', [
      { groups: ['apps'], kinds: ['DaemonSet', 'Deployment', 'ReplicaSet', 'StatefulSet'], versions: ['v1'] },
      { groups: [''], kinds: ['ReplicationController'], versions: ['v1'] },
      { groups: ['batch'], kinds: ['Job'], versions: ['v1'] },
    ], 'spec.template'),
    expansion('cronjobs', [{ groups: ['batch'], kinds: ['CronJob'], versions: ['v1'] }], 'spec.jobTemplate.spec.template'),
  ];
}

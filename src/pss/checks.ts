/**
 * The Pod Security Standards checks, with the semantics of Kubernetes' pod-security admission
 * (staging/src/k8s.io/pod-security-admission/policy/check_*.go): the same check ids, versions,
 * overrides, ForbiddenReason texts and details, read from rootlock's model so that every
 * violation also knows the exact field it comes from.
 */
import type { YMap, YNode, YScalar } from '../yaml/tree.ts';
import { asMap, asScalar, asSeq, get, getPair, getPath, str } from '../yaml/tree.ts';
import type { Container, Pod } from '../model/index.ts';

export type Range = { start: number; end: number };

/** One place that makes a check fail. */
export interface PssLocation {
  /** The field as written; the container (its name) or the pod spec when the field is missing. */
  at: Range;
  /** Path of the field from the object, e.g. `spec.template.spec.containers[0].securityContext.runAsNonRoot`. */
  field: string;
  /** True when the field is missing and `at` points at what should set it. */
  missing: boolean;
  container?: string;
  /** What is wrong there, in a few words: `is not false`, `adds "SYS_ADMIN"`, `is missing`. */
  problem: string;
}

export interface CheckResult {
  /** The upstream ForbiddenReason. */
  reason: string;
  /** The upstream ForbiddenDetail ('' when there is none). */
  detail: string;
  locations: PssLocation[];
}

export type CheckFn = (p: PodView) => CheckResult | null;

/** A container as the checks see it. */
export interface ContainerView {
  c: Container;
  name: string;
  node: YMap;
  sc: YMap | null;
  /** `spec.containers[0]` … from the object. */
  path: string;
}

/** A pod spec as the checks see it (after pod-security admission's visitContainers). */
export interface PodView {
  pod: Pod;
  spec: YMap;
  /** `spec`, `spec.template.spec` … */
  specPath: string;
  sc: YMap | null;
  /** The pod's (template's) metadata.annotations. */
  annotations: YMap | null;
  annotationsPath: string;
  /** `spec.os.name` is exactly `windows` (as upstream compares it). */
  windows: boolean;
  /** `spec.hostUsers: false`: the pod runs in a user namespace. */
  userNamespace: boolean;
  /** Init containers, containers, then ephemeral containers (upstream's visit order). */
  containers: ContainerView[];
  /** Where a pod-level problem is shown when the pod sets no field for it: the `spec` key. */
  specKey: Range;
}

export function podView(pod: Pod): PodView {
  const w = pod.workload;
  const specPath = w.podPath.join('.');
  const spec = pod.node;
  const containers: ContainerView[] = [];
  for (const c of pod.containers) {
    const seq = asSeq(get(spec, c.list));
    const i = seq ? seq.items.indexOf(c.node) : -1;
    containers.push({ c, name: c.name === '(unnamed)' && !c.nameNode ? '' : c.name, node: c.node, sc: c.securityContext, path: `${specPath}.${c.list}[${i}]` });
  }
  const metaPath = [...w.podPath.slice(0, -1), 'metadata'];
  const annotations = asMap(getPath(w.node, [...metaPath, 'annotations']));
  const parent = asMap(w.podPath.length > 1 ? getPath(w.node, w.podPath.slice(0, -1)) : w.node);
  const specPair = getPair(parent, w.podPath[w.podPath.length - 1] as string);
  return {
    pod,
    spec,
    specPath,
    sc: pod.securityContext,
    annotations,
    annotationsPath: [...metaPath, 'annotations'].join('.'),
    windows: str(getPath(spec, ['os', 'name'])) === 'windows',
    userNamespace: asScalar(get(spec, 'hostUsers'))?.value === false,
    containers,
    specKey: specPair ? { start: specPair.key.start, end: specPair.key.end } : { start: spec.start, end: spec.start },
  };
}

// --- reading values ------------------------------------------------------------------------

function scalar(map: YMap | null, key: string): YScalar | null {
  return asScalar(get(map, key));
}

/** Where a node's text ends, without the line break a block collection ends with. */
function contentEnd(n: YNode): number {
  if (n.flow || n.kind === 'scalar') return n.end;
  if (n.kind === 'seq') {
    const last = n.items[n.items.length - 1];
    return last ? contentEnd(last) : n.end;
  }
  const last = n.pairs[n.pairs.length - 1];
  if (!last) return n.end;
  return last.value && !(last.value.kind === 'scalar' && last.value.empty) ? Math.max(contentEnd(last.value), last.key.end) : last.key.end;
}

/** The written `key: value` of a map (the merged value when it comes through `<<:`), or null. */
export function fieldRange(map: YMap | null, key: string): Range | null {
  if (!map) return null;
  const pair = getPair(map, key);
  if (pair) return { start: pair.key.start, end: Math.max(pair.value && !(pair.value.kind === 'scalar' && pair.value.empty) ? contentEnd(pair.value) : pair.key.end, pair.key.end) };
  const v = get(map, key);
  return v ? nodeRange(v) : null;
}

function nodeRange(n: YNode): Range {
  return { start: n.start, end: Math.max(n.start, contentEnd(n)) };
}

function containerAt(c: ContainerView): Range {
  return nodeRange(c.c.nameNode ?? c.node);
}

/** A container-level field's location, or the container when it is missing. */
function containerField(c: ContainerView, key: string, problem: string, missingProblem = 'is not set'): PssLocation {
  const at = fieldRange(c.sc, key);
  return at
    ? { at, field: `${c.path}.securityContext.${key}`, missing: false, container: c.name, problem }
    : { at: containerAt(c), field: `${c.path}.securityContext.${key}`, missing: true, container: c.name, problem: missingProblem };
}

function podField(p: PodView, key: string, problem: string): PssLocation {
  return { at: fieldRange(p.sc, key) ?? p.specKey, field: `${p.specPath}.securityContext.${key}`, missing: false, problem };
}

function joinQuote(items: readonly string[]): string {
  return items.length ? `"${items.join('", "')}"` : '';
}

function pluralize(singular: string, plural: string, n: number): string {
  return n === 1 ? singular : plural;
}

/** Go's sets.NewString(...).List(): unique and sorted. */
function sortedSet(items: Iterable<string>): string[] {
  return [...new Set(items)].sort();
}

/** Go's %q for the plain values met here. */
function goQuote(s: string): string {
  return JSON.stringify(s);
}

function list(map: YMap | null, key: string): YNode[] {
  return asSeq(get(map, key))?.items ?? [];
}

// --- baseline ------------------------------------------------------------------------------

export const privileged: CheckFn = (p) => {
  const locs: PssLocation[] = [];
  for (const c of p.containers) {
    if (scalar(c.sc, 'privileged')?.value === true) locs.push(containerField(c, 'privileged', 'is true'));
  }
  if (!locs.length) return null;
  const names = locs.map((l) => l.container ?? '');
  return { reason: 'privileged', detail: `${pluralize('container', 'containers', names.length)} ${joinQuote(names)} must not set securityContext.privileged=true`, locations: locs };
};

export const hostNamespaces: CheckFn = (p) => {
  const locs: PssLocation[] = [];
  const set: string[] = [];
  for (const key of ['hostNetwork', 'hostPID', 'hostIPC']) {
    if (scalar(p.spec, key)?.value === true) {
      set.push(`${key}=true`);
      locs.push({ at: fieldRange(p.spec, key) as Range, field: `${p.specPath}.${key}`, missing: false, problem: 'is true' });
    }
  }
  return set.length ? { reason: 'host namespaces', detail: set.join(', '), locations: locs } : null;
};

/** The volume source keys of the API; a volume with none is defaulted to an emptyDir. */
const VOLUME_SOURCES = [
  'hostPath', 'emptyDir', 'gcePersistentDisk', 'awsElasticBlockStore', 'gitRepo', 'secret', 'nfs', 'iscsi', 'glusterfs',
  'persistentVolumeClaim', 'rbd', 'flexVolume', 'cinder', 'cephfs', 'flocker', 'downwardAPI', 'fc', 'azureFile', 'configMap',
  'vsphereVolume', 'quobyte', 'azureDisk', 'photonPersistentDisk', 'projected', 'portworxVolume', 'scaleIO', 'storageos', 'csi',
  'ephemeral', 'image',
];

/** Volume types the restricted level allows (check_restrictedVolumes.go). */
const RESTRICTED_VOLUMES = new Set(['configMap', 'csi', 'downwardAPI', 'emptyDir', 'ephemeral', 'image', 'persistentVolumeClaim', 'projected', 'secret']);

interface VolumeView {
  name: string;
  node: YMap;
  type: string;
  index: number;
}

function volumes(p: PodView): VolumeView[] {
  const out: VolumeView[] = [];
  list(p.spec, 'volumes').forEach((item, index) => {
    const m = asMap(item);
    if (!m) return;
    // the first source in the API's field order, as upstream's switch finds it
    const type = VOLUME_SOURCES.find((s) => get(m, s) !== null) ?? 'emptyDir';
    out.push({ name: str(get(m, 'name')) ?? '', node: m, type, index });
  });
  return out;
}

function volumeLocation(p: PodView, v: VolumeView, problem: string): PssLocation {
  return { at: fieldRange(v.node, v.type) ?? nodeRange(v.node), field: `${p.specPath}.volumes[${v.index}].${v.type}`, missing: false, problem };
}

export const hostPathVolumes: CheckFn = (p) => {
  const bad = volumes(p).filter((v) => get(v.node, 'hostPath') !== null);
  if (!bad.length) return null;
  return {
    reason: 'hostPath volumes',
    detail: `${pluralize('volume', 'volumes', bad.length)} ${joinQuote(bad.map((v) => v.name))}`,
    locations: bad.map((v) => ({ at: fieldRange(v.node, 'hostPath') as Range, field: `${p.specPath}.volumes[${v.index}].hostPath`, missing: false, problem: 'is a hostPath volume' })),
  };
};

function portNumber(n: YScalar | null): number {
  const v = n?.value;
  if (typeof v === 'number') return v;
  if (typeof v === 'string' && v.trim() !== '') return Number(v) || 0;
  return 0;
}

export const hostPorts: CheckFn = (p) => {
  const badContainers: string[] = [];
  const ports: string[] = [];
  const locs: PssLocation[] = [];
  for (const c of p.containers) {
    let valid = true;
    list(c.node, 'ports').forEach((item, i) => {
      const m = asMap(item);
      const hp = portNumber(scalar(m, 'hostPort'));
      if (hp !== 0) {
        valid = false;
        ports.push(String(hp));
        locs.push({ at: fieldRange(m, 'hostPort') as Range, field: `${c.path}.ports[${i}].hostPort`, missing: false, container: c.name, problem: `is ${hp}` });
      }
    });
    if (!valid) badContainers.push(c.name);
  }
  if (!badContainers.length) return null;
  const forbidden = sortedSet(ports);
  return {
    reason: 'hostPort',
    detail: `${pluralize('container', 'containers', badContainers.length)} ${joinQuote(badContainers)} ${pluralize('uses', 'use', badContainers.length)} ${pluralize('hostPort', 'hostPorts', forbidden.length)} ${forbidden.join(', ')}`,
    locations: locs,
  };
};

export const hostProbesAndHostLifecycle: CheckFn = (p) => {
  const bad: string[] = [];
  const hosts: string[] = [];
  const locs: PssLocation[] = [];
  for (const c of p.containers) {
    const handlers: Array<[string, YMap | null]> = [
      ['livenessProbe', asMap(get(c.node, 'livenessProbe'))],
      ['readinessProbe', asMap(get(c.node, 'readinessProbe'))],
      ['startupProbe', asMap(get(c.node, 'startupProbe'))],
      ['lifecycle.postStart', asMap(getPath(c.node, ['lifecycle', 'postStart']))],
      ['lifecycle.preStop', asMap(getPath(c.node, ['lifecycle', 'preStop']))],
    ];
    for (const [path, h] of handlers) {
      for (const action of ['httpGet', 'tcpSocket']) {
        const a = asMap(get(h, action));
        const host = str(get(a, 'host'));
        if (host) {
          bad.push(c.name);
          hosts.push(host);
          locs.push({ at: fieldRange(a, 'host') as Range, field: `${c.path}.${path}.${action}.host`, missing: false, container: c.name, problem: `is ${goQuote(host)}` });
        }
      }
    }
  }
  if (!bad.length) return null;
  const names = sortedSet(bad);
  const forbidden = sortedSet(hosts);
  return {
    reason: 'probe or lifecycle host',
    detail: `${pluralize('container', 'containers', names.length)} ${joinQuote(names)} ${pluralize('uses', 'use', names.length)} ${pluralize('probe or lifecycle host', 'probe or lifecycle hosts', forbidden.length)} ${joinQuote(forbidden)}`,
    locations: locs,
  };
};

/** Capabilities a baseline container may add (check_capabilities_baseline.go). */
export const BASELINE_CAPABILITIES: ReadonlySet<string> = new Set([
  'AUDIT_WRITE', 'CHOWN', 'DAC_OVERRIDE', 'FOWNER', 'FSETID', 'KILL', 'MKNOD', 'NET_BIND_SERVICE', 'SETFCAP', 'SETGID', 'SETPCAP', 'SETUID', 'SYS_CHROOT',
]);

function capabilities(c: ContainerView): YMap | null {
  return asMap(get(c.sc, 'capabilities'));
}

export const capabilitiesBaseline: CheckFn = (p) => {
  const bad: string[] = [];
  const caps: string[] = [];
  const locs: PssLocation[] = [];
  for (const c of p.containers) {
    const add = asSeq(get(capabilities(c), 'add'));
    let valid = true;
    add?.items.forEach((item, i) => {
      const cap = str(item) ?? '';
      if (!BASELINE_CAPABILITIES.has(cap)) {
        valid = false;
        caps.push(cap);
        locs.push({ at: nodeRange(item), field: `${c.path}.securityContext.capabilities.add[${i}]`, missing: false, container: c.name, problem: `adds ${goQuote(cap)}` });
      }
    });
    if (!valid) bad.push(c.name);
  }
  if (!bad.length) return null;
  return {
    reason: 'non-default capabilities',
    detail: `${pluralize('container', 'containers', bad.length)} ${joinQuote(bad)} must not include ${joinQuote(sortedSet(caps))} in securityContext.capabilities.add`,
    locations: locs,
  };
};

export const procMount: CheckFn = (p) => {
  const bad: string[] = [];
  const values: string[] = [];
  const locs: PssLocation[] = [];
  for (const c of p.containers) {
    const n = scalar(c.sc, 'procMount');
    if (!n || n.value === null) continue;
    const v = str(n) ?? '';
    if (v !== 'Default') {
      bad.push(c.name);
      values.push(v);
      locs.push(containerField(c, 'procMount', `is ${goQuote(v)}`));
    }
  }
  if (!bad.length) return null;
  return {
    reason: 'procMount',
    detail: `${pluralize('container', 'containers', bad.length)} ${joinQuote(bad)} must not set securityContext.procMount to ${joinQuote(sortedSet(values))}`,
    locations: locs,
  };
};

/** From v1.35 a pod in a user namespace (`hostUsers: false`) may unmask /proc at baseline. */
export const procMountV1Dot35: CheckFn = (p) => (p.userNamespace ? null : procMount(p));

const SELINUX_TYPES_1_0 = new Set(['', 'container_t', 'container_init_t', 'container_kvm_t']);
const SELINUX_TYPES_1_31 = new Set([...SELINUX_TYPES_1_0, 'container_engine_t']);

function seLinuxOptions(allowed: ReadonlySet<string>): CheckFn {
  return (p) => {
    const setters: string[] = [];
    const types: string[] = [];
    let setUser = false;
    let setRole = false;
    const locs: PssLocation[] = [];
    const check = (opts: YMap, path: string, container?: string): boolean => {
      let valid = true;
      const type = str(get(opts, 'type')) ?? '';
      if (!allowed.has(type)) {
        valid = false;
        types.push(type);
        locs.push({ at: fieldRange(opts, 'type') ?? nodeRange(opts), field: `${path}.type`, missing: false, ...(container !== undefined ? { container } : {}), problem: `is ${goQuote(type)}` });
      }
      for (const key of ['user', 'role']) {
        if (str(get(opts, key))) {
          valid = false;
          if (key === 'user') setUser = true;
          else setRole = true;
          locs.push({ at: fieldRange(opts, key) as Range, field: `${path}.${key}`, missing: false, ...(container !== undefined ? { container } : {}), problem: 'is set' });
        }
      }
      return valid;
    };
    const podOpts = asMap(get(p.sc, 'seLinuxOptions'));
    if (podOpts && !check(podOpts, `${p.specPath}.securityContext.seLinuxOptions`)) setters.push('pod');
    const bad: string[] = [];
    for (const c of p.containers) {
      const opts = asMap(get(c.sc, 'seLinuxOptions'));
      if (opts && !check(opts, `${c.path}.securityContext.seLinuxOptions`, c.name)) bad.push(c.name);
    }
    if (bad.length) setters.push(`${pluralize('container', 'containers', bad.length)} ${joinQuote(bad)}`);
    if (!setters.length) return null;
    const data: string[] = [];
    const t = sortedSet(types);
    if (t.length) data.push(`${pluralize('type', 'types', t.length)} ${joinQuote(t)}`);
    if (setUser) data.push('user may not be set');
    if (setRole) data.push('role may not be set');
    return { reason: 'seLinuxOptions', detail: `${setters.join(' and ')} set forbidden securityContext.seLinuxOptions: ${data.join('; ')}`, locations: locs };
  };
}

export const seLinuxOptionsV1Dot0 = seLinuxOptions(SELINUX_TYPES_1_0);
export const seLinuxOptionsV1Dot31 = seLinuxOptions(SELINUX_TYPES_1_31);

const SECCOMP_POD_ANNOTATION = 'seccomp.security.alpha.kubernetes.io/pod';
const SECCOMP_CONTAINER_ANNOTATION = 'container.seccomp.security.alpha.kubernetes.io/';

function annotationPair(p: PodView, key: string): { value: string; at: Range } | undefined {
  const n = get(p.annotations, key);
  if (!n) return undefined;
  return { value: str(n) ?? '', at: fieldRange(p.annotations, key) ?? nodeRange(n) };
}

/** Before v1.19, seccomp was set with annotations (check_seccompProfile_baseline.go, 1.0). */
export const seccompProfileBaselineV1Dot0: CheckFn = (p) => {
  const valid = (v: string) => v === 'runtime/default' || v === 'docker/default' || v.startsWith('localhost/');
  const forbidden: string[] = [];
  const locs: PssLocation[] = [];
  const look = (key: string, container?: string) => {
    const a = annotationPair(p, key);
    if (a && !valid(a.value)) {
      forbidden.push(`${key}=${goQuote(a.value)}`);
      locs.push({ at: a.at, field: `${p.annotationsPath}["${key}"]`, missing: false, ...(container !== undefined ? { container } : {}), problem: `is ${goQuote(a.value)}` });
    }
  };
  look(SECCOMP_POD_ANNOTATION);
  for (const c of p.containers) look(SECCOMP_CONTAINER_ANNOTATION + c.name, c.name);
  if (!forbidden.length) return null;
  const f = sortedSet(forbidden);
  return { reason: 'seccompProfile', detail: `forbidden ${pluralize('annotation', 'annotations', f.length)} ${f.join(', ')}`, locations: locs };
};

function seccompType(sc: YMap | null): { type: string; at: Range; node: YMap } | undefined {
  const prof = asMap(get(sc, 'seccompProfile'));
  if (!prof) return undefined;
  return { type: str(get(prof, 'type')) ?? '', at: fieldRange(prof, 'type') ?? nodeRange(prof), node: prof };
}

const validSeccomp = (t: string) => t === 'RuntimeDefault' || t === 'Localhost';

export const seccompProfileBaselineV1Dot19: CheckFn = (p) => {
  const setters: string[] = [];
  const values: string[] = [];
  const locs: PssLocation[] = [];
  const pod = seccompType(p.sc);
  if (pod && !validSeccomp(pod.type)) {
    setters.push('pod');
    values.push(pod.type);
    locs.push({ at: pod.at, field: `${p.specPath}.securityContext.seccompProfile.type`, missing: false, problem: `is ${goQuote(pod.type)}` });
  }
  const bad: string[] = [];
  for (const c of p.containers) {
    const t = seccompType(c.sc);
    if (t && !validSeccomp(t.type)) {
      bad.push(c.name);
      values.push(t.type);
      locs.push({ at: t.at, field: `${c.path}.securityContext.seccompProfile.type`, missing: false, container: c.name, problem: `is ${goQuote(t.type)}` });
    }
  }
  if (bad.length) setters.push(`${pluralize('container', 'containers', bad.length)} ${joinQuote(bad)}`);
  if (!setters.length) return null;
  return { reason: 'seccompProfile', detail: `${setters.join(' and ')} must not set securityContext.seccompProfile.type to ${joinQuote(sortedSet(values))}`, locations: locs };
};

export const sysctlsAllowed: ReadonlyArray<{ minor: number; names: readonly string[] }> = [
  { minor: 0, names: ['kernel.shm_rmid_forced', 'net.ipv4.ip_local_port_range', 'net.ipv4.tcp_syncookies', 'net.ipv4.ping_group_range', 'net.ipv4.ip_unprivileged_port_start'] },
  { minor: 27, names: ['net.ipv4.ip_local_reserved_ports'] },
  { minor: 29, names: ['net.ipv4.tcp_keepalive_time', 'net.ipv4.tcp_fin_timeout', 'net.ipv4.tcp_keepalive_intvl', 'net.ipv4.tcp_keepalive_probes'] },
  { minor: 32, names: ['net.ipv4.tcp_rmem', 'net.ipv4.tcp_wmem'] },
  { minor: 37, names: ['net.ipv4.tcp_slow_start_after_idle', 'net.ipv4.tcp_notsent_lowat'] },
];

/** The sysctls baseline allows at a policy version. */
export function allowedSysctls(minor: number): Set<string> {
  return new Set(sysctlsAllowed.filter((s) => s.minor <= minor).flatMap((s) => s.names));
}

export function sysctls(minor: number): CheckFn {
  const allowed = allowedSysctls(minor);
  return (p) => {
    const forbidden: string[] = [];
    const locs: PssLocation[] = [];
    list(p.sc, 'sysctls').forEach((item, i) => {
      const m = asMap(item);
      const name = str(get(m, 'name')) ?? '';
      if (!allowed.has(name)) {
        forbidden.push(name);
        locs.push({ at: fieldRange(m, 'name') ?? nodeRange(item), field: `${p.specPath}.securityContext.sysctls[${i}].name`, missing: false, problem: `is ${goQuote(name)}` });
      }
    });
    return forbidden.length ? { reason: 'forbidden sysctls', detail: forbidden.join(', '), locations: locs } : null;
  };
}

export const windowsHostProcess: CheckFn = (p) => {
  const locs: PssLocation[] = [];
  const setters: string[] = [];
  const hp = (sc: YMap | null) => asScalar(getPath(sc, ['windowsOptions', 'hostProcess']))?.value === true;
  const at = (sc: YMap | null) => fieldRange(asMap(get(sc, 'windowsOptions')), 'hostProcess') as Range;
  if (hp(p.sc)) {
    setters.push('pod');
    locs.push({ at: at(p.sc), field: `${p.specPath}.securityContext.windowsOptions.hostProcess`, missing: false, problem: 'is true' });
  }
  const bad: string[] = [];
  for (const c of p.containers) {
    if (hp(c.sc)) {
      bad.push(c.name);
      locs.push({ at: at(c.sc), field: `${c.path}.securityContext.windowsOptions.hostProcess`, missing: false, container: c.name, problem: 'is true' });
    }
  }
  if (bad.length) setters.push(`${pluralize('container', 'containers', bad.length)} ${joinQuote(bad)}`);
  if (!setters.length) return null;
  return { reason: 'hostProcess', detail: `${setters.join(' and ')} must not set securityContext.windowsOptions.hostProcess=true`, locations: locs };
};

const APPARMOR_ANNOTATION = 'container.apparmor.security.beta.kubernetes.io/';

export const appArmorProfile: CheckFn = (p) => {
  const allowedType = (t: string) => t === 'RuntimeDefault' || t === 'Localhost';
  const allowedAnnotation = (v: string) => v === '' || v === 'runtime/default' || v.startsWith('localhost/');
  const setters: string[] = [];
  const values: string[] = [];
  const locs: PssLocation[] = [];
  const profile = (sc: YMap | null) => {
    const prof = asMap(get(sc, 'appArmorProfile'));
    return prof ? { type: str(get(prof, 'type')) ?? '', at: fieldRange(prof, 'type') ?? nodeRange(prof) } : undefined;
  };
  const pod = profile(p.sc);
  if (pod && !allowedType(pod.type)) {
    setters.push('pod');
    values.push(pod.type);
    locs.push({ at: pod.at, field: `${p.specPath}.securityContext.appArmorProfile.type`, missing: false, problem: `is ${goQuote(pod.type)}` });
  }
  const bad: string[] = [];
  for (const c of p.containers) {
    const prof = profile(c.sc);
    if (prof && !allowedType(prof.type)) {
      bad.push(c.name);
      values.push(prof.type);
      locs.push({ at: prof.at, field: `${c.path}.securityContext.appArmorProfile.type`, missing: false, container: c.name, problem: `is ${goQuote(prof.type)}` });
    }
  }
  if (bad.length) setters.push(`${pluralize('container', 'containers', bad.length)} ${joinQuote(bad)}`);
  const valueList = sortedSet(values);
  const forbiddenAnnotations: string[] = [];
  for (const pair of p.annotations?.pairs ?? []) {
    if (!pair.name.startsWith(APPARMOR_ANNOTATION)) continue;
    const v = str(pair.value) ?? '';
    if (allowedAnnotation(v)) continue;
    forbiddenAnnotations.push(`${pair.name}=${goQuote(v)}`);
    const container = pair.name.slice(APPARMOR_ANNOTATION.length);
    locs.push({ at: { start: pair.key.start, end: pair.value?.end ?? pair.key.end }, field: `${p.annotationsPath}["${pair.name}"]`, missing: false, container, problem: `is ${goQuote(v)}` });
  }
  if (forbiddenAnnotations.length) {
    forbiddenAnnotations.sort();
    valueList.push(...forbiddenAnnotations);
    setters.push(pluralize('annotation', 'annotations', forbiddenAnnotations.length));
  }
  if (!setters.length) return null;
  return {
    reason: pluralize('forbidden AppArmor profile', 'forbidden AppArmor profiles', valueList.length),
    detail: `${setters.join(' and ')} must not set AppArmor profile type to ${joinQuote(valueList)}`,
    locations: locs,
  };
};

// --- restricted ----------------------------------------------------------------------------

export const restrictedVolumes: CheckFn = (p) => {
  const bad = volumes(p).filter((v) => !RESTRICTED_VOLUMES.has(v.type));
  if (!bad.length) return null;
  const types = sortedSet(bad.map((v) => v.type));
  return {
    reason: 'restricted volume types',
    detail: `${pluralize('volume', 'volumes', bad.length)} ${joinQuote(bad.map((v) => v.name))} ${pluralize('uses', 'use', bad.length)} ${pluralize('restricted volume type', 'restricted volume types', types.length)} ${joinQuote(types)}`,
    locations: bad.map((v) => volumeLocation(p, v, `is a ${v.type} volume`)),
  };
};

export const allowPrivilegeEscalation: CheckFn = (p) => {
  const locs: PssLocation[] = [];
  for (const c of p.containers) {
    const n = scalar(c.sc, 'allowPrivilegeEscalation');
    if (n?.value !== false) locs.push(containerField(c, 'allowPrivilegeEscalation', `is ${n ? str(n) ?? 'null' : 'not set'}, not false`, 'is not set (the default allows escalation)'));
  }
  if (!locs.length) return null;
  const names = locs.map((l) => l.container ?? '');
  return { reason: 'allowPrivilegeEscalation != false', detail: `${pluralize('container', 'containers', names.length)} ${joinQuote(names)} must set securityContext.allowPrivilegeEscalation=false`, locations: locs };
};

/** From v1.25 the OS-aware restricted checks skip Windows pods (the API forbids these fields there). */
export function linuxOnly(fn: CheckFn): CheckFn {
  return (p) => (p.windows ? null : fn(p));
}

/** From v1.35 a pod in a user namespace (`hostUsers: false`) is exempt (KEP-127). */
export function unlessUserNamespace(fn: CheckFn): CheckFn {
  return (p) => (p.userNamespace ? null : fn(p));
}

export const capabilitiesRestricted: CheckFn = (p) => {
  const missingDrop: string[] = [];
  const adding: string[] = [];
  const caps: string[] = [];
  const locs: PssLocation[] = [];
  for (const c of p.containers) {
    const capsMap = capabilities(c);
    const drop = asSeq(get(capsMap, 'drop'));
    if (!drop?.items.some((d) => str(d) === 'ALL')) {
      missingDrop.push(c.name);
      const at = fieldRange(capsMap, 'drop') ?? fieldRange(c.sc, 'capabilities');
      locs.push(at
        ? { at, field: `${c.path}.securityContext.capabilities.drop`, missing: false, container: c.name, problem: 'does not drop ALL' }
        : { at: containerAt(c), field: `${c.path}.securityContext.capabilities.drop`, missing: true, container: c.name, problem: 'is not set (must drop ALL)' });
    }
    let forbidden = false;
    asSeq(get(capsMap, 'add'))?.items.forEach((item, i) => {
      const cap = str(item) ?? '';
      if (cap !== 'NET_BIND_SERVICE') {
        forbidden = true;
        caps.push(cap);
        locs.push({ at: nodeRange(item), field: `${c.path}.securityContext.capabilities.add[${i}]`, missing: false, container: c.name, problem: `adds ${goQuote(cap)}` });
      }
    });
    if (forbidden) adding.push(c.name);
  }
  const details: string[] = [];
  if (missingDrop.length) details.push(`${pluralize('container', 'containers', missingDrop.length)} ${joinQuote(missingDrop)} must set securityContext.capabilities.drop=["ALL"]`);
  if (adding.length) details.push(`${pluralize('container', 'containers', adding.length)} ${joinQuote(adding)} must not include ${joinQuote(sortedSet(caps))} in securityContext.capabilities.add`);
  return details.length ? { reason: 'unrestricted capabilities', detail: details.join('; '), locations: locs } : null;
};

export const runAsNonRoot: CheckFn = (p) => {
  const setters: string[] = [];
  const locs: PssLocation[] = [];
  let podTrue = false;
  const podValue = scalar(p.sc, 'runAsNonRoot');
  if (podValue && podValue.value !== null) {
    if (podValue.value === false) {
      setters.push('pod');
      locs.push(podField(p, 'runAsNonRoot', 'is false'));
    } else if (podValue.value === true) podTrue = true;
  }
  const explicit: string[] = [];
  const implicit: string[] = [];
  const implicitLocs: PssLocation[] = [];
  for (const c of p.containers) {
    const v = scalar(c.sc, 'runAsNonRoot');
    if (v && v.value !== null) {
      if (v.value === false) {
        explicit.push(c.name);
        locs.push(containerField(c, 'runAsNonRoot', 'is false'));
      }
    } else if (!podTrue) {
      implicit.push(c.name);
      implicitLocs.push(containerField(c, 'runAsNonRoot', 'is empty', 'is not set, nor is the pod-level runAsNonRoot'));
    }
  }
  if (explicit.length) setters.push(`${pluralize('container', 'containers', explicit.length)} ${joinQuote(explicit)}`);
  if (setters.length) return { reason: 'runAsNonRoot != true', detail: `${setters.join(' and ')} must not set securityContext.runAsNonRoot=false`, locations: locs };
  if (implicit.length) {
    return { reason: 'runAsNonRoot != true', detail: `pod or ${pluralize('container', 'containers', implicit.length)} ${joinQuote(implicit)} must set securityContext.runAsNonRoot=true`, locations: implicitLocs };
  }
  return null;
};

export const runAsUser: CheckFn = (p) => {
  const setters: string[] = [];
  const locs: PssLocation[] = [];
  if (scalar(p.sc, 'runAsUser')?.value === 0) {
    setters.push('pod');
    locs.push(podField(p, 'runAsUser', 'is 0 (root)'));
  }
  const bad: string[] = [];
  for (const c of p.containers) {
    if (scalar(c.sc, 'runAsUser')?.value === 0) {
      bad.push(c.name);
      locs.push(containerField(c, 'runAsUser', 'is 0 (root)'));
    }
  }
  if (bad.length) setters.push(`${pluralize('container', 'containers', bad.length)} ${joinQuote(bad)}`);
  if (!setters.length) return null;
  return { reason: 'runAsUser=0', detail: `${setters.join(' and ')} must not set runAsUser=0`, locations: locs };
};

export const seccompProfileRestricted: CheckFn = (p) => {
  const setters: string[] = [];
  const values: string[] = [];
  const locs: PssLocation[] = [];
  let podSet = false;
  const pod = seccompType(p.sc);
  if (pod) {
    if (!validSeccomp(pod.type)) {
      setters.push('pod');
      values.push(pod.type);
      locs.push({ at: pod.at, field: `${p.specPath}.securityContext.seccompProfile.type`, missing: false, problem: `is ${goQuote(pod.type)}` });
    } else podSet = true;
  }
  const explicit: string[] = [];
  const implicit: string[] = [];
  const implicitLocs: PssLocation[] = [];
  for (const c of p.containers) {
    const t = seccompType(c.sc);
    if (t) {
      if (!validSeccomp(t.type)) {
        explicit.push(c.name);
        values.push(t.type);
        locs.push({ at: t.at, field: `${c.path}.securityContext.seccompProfile.type`, missing: false, container: c.name, problem: `is ${goQuote(t.type)}` });
      }
    } else if (!podSet) {
      implicit.push(c.name);
      implicitLocs.push({ at: containerAt(c), field: `${c.path}.securityContext.seccompProfile.type`, missing: true, container: c.name, problem: 'is not set, nor is the pod-level seccompProfile' });
    }
  }
  if (explicit.length) setters.push(`${pluralize('container', 'containers', explicit.length)} ${joinQuote(explicit)}`);
  if (setters.length) return { reason: 'seccompProfile', detail: `${setters.join(' and ')} must not set securityContext.seccompProfile.type to ${joinQuote(sortedSet(values))}`, locations: locs };
  if (implicit.length) {
    return { reason: 'seccompProfile', detail: `pod or ${pluralize('container', 'containers', implicit.length)} ${joinQuote(implicit)} must set securityContext.seccompProfile.type to "RuntimeDefault" or "Localhost"`, locations: implicitLocs };
  }
  return null;
};

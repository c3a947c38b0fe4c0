import type { YMap, YNode, YScalar, YSeq } from '../yaml/tree.ts';
import { asMap, asScalar, asSeq, get, getPair, getPath, getStr, str } from '../yaml/tree.ts';
import { canonicalPath, isWithin, normalizePath } from './paths.ts';

export { normalizePath, isWithin, canonicalPath } from './paths.ts';

export type ContainerType = 'app' | 'init' | 'sidecar' | 'ephemeral';

/** Volume sources the kubelet always mounts read-only (an `image` volume is an OCI image, mounted ro). */
export const READ_ONLY_SOURCES: ReadonlySet<string> = new Set(['configMap', 'secret', 'downwardAPI', 'projected', 'image']);

/** Kinds whose pod template sits at spec.template.spec. */
export const TEMPLATE_KINDS: ReadonlySet<string> = new Set([
  'Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet', 'ReplicationController', 'Job',
]);

export interface Workload {
  /** Position of the workload in the file, from 0. */
  index: number;
  docIndex: number;
  kind: string;
  apiVersion: string | undefined;
  name: string;
  namespace: string | undefined;
  /** The object (a document, or an item of a List). */
  node: YMap;
  /** Path from the object to its pod spec, e.g. ['spec', 'template', 'spec']. */
  podPath: string[];
  pod: Pod;
}

export interface Pod {
  workload: Workload;
  node: YMap;
  /** `spec.os.name`, lower-cased. */
  os: string | undefined;
  securityContext: YMap | null;
  volumes: Volume[];
  volumesNode: YSeq | null;
  containers: Container[];
  volume(name: string): Volume | undefined;
}

export interface Volume {
  name: string;
  nameNode: YScalar | null;
  node: YMap;
  /** Position in `spec.volumes`, or in the StatefulSet's `volumeClaimTemplates` for a claim template. */
  index: number;
  /** A StatefulSet `volumeClaimTemplates` entry: each pod gets its own PersistentVolumeClaim by this name. */
  claimTemplate: boolean;
  /** The volume source key (`emptyDir`, `configMap`, `persistentVolumeClaim` …), or 'unknown'. */
  type: string;
  /**
   * True when every mount of the volume is read-only: configMap, secret, downwardAPI, projected and
   * image volumes always are, and any source that sets `readOnly: true` (persistentVolumeClaim,
   * csi, nfs, iscsi …) forces the mounts read-only.
   */
  readOnlySource: boolean;
  emptyDir: YMap | null;
  /** `emptyDir.medium` */
  medium: string | undefined;
  sizeLimit: string | undefined;
}

export interface Mount {
  name: string;
  nameNode: YScalar | null;
  /** Position in the container's volumeMounts list. */
  index: number;
  node: YMap;
  mountPath: string;
  mountPathNode: YScalar | null;
  readOnly: boolean;
  readOnlyNode: YScalar | null;
  subPath: string | undefined;
  volume: Volume | undefined;
}

export interface Writability {
  /** 'unknown' when the deciding mount names a volume the pod does not have. */
  writable: boolean | 'unknown';
  /** The mount that decides, or null when the root filesystem does. */
  mount: Mount | null;
  reason: string;
}

export interface Container {
  pod: Pod;
  name: string;
  nameNode: YScalar | null;
  type: ContainerType;
  /** The list it is in: containers, initContainers or ephemeralContainers. */
  list: 'containers' | 'initContainers' | 'ephemeralContainers';
  node: YMap;
  image: string | undefined;
  /** `resources.limits.memory` as written. */
  memoryLimit: string | undefined;
  /** Volume names used as raw block devices (`volumeDevices`). */
  deviceNames: string[];
  securityContext: YMap | null;
  /** The value as written: true, false, or undefined when not set. */
  readOnlyRootFilesystem: boolean | undefined;
  readOnlyRootFilesystemNode: YNode | null;
  mounts: Mount[];
  mountsNode: YSeq | null;
  /** `env` entries in order; a later entry of the same name wins, as in Kubernetes. */
  env: EnvVar[];
  /** True when the container also takes variables from `envFrom` (their names are not known here). */
  envFrom: boolean;
  /** `command` and `args` as written, with their nodes (null when absent or not a list). */
  command: ArgvPart | null;
  args: ArgvPart | null;
  workingDir: string | undefined;
  /** runAsUser of the container, else of the pod. */
  runAsUser: number | undefined;
  /** Whether `path` can be written, decided by the most specific mount, else by the root filesystem. */
  writableAt(path: string): Writability;
}

export interface EnvVar {
  name: string;
  /** The literal value; undefined when it comes from `valueFrom` (a ConfigMap, Secret or field). */
  value: string | undefined;
  fromValueFrom: boolean;
  node: YMap;
  valueNode: YScalar | null;
}

export interface ArgvPart {
  values: string[];
  nodes: YScalar[];
  node: YSeq;
}

export interface Document {
  index: number;
  contents: YNode | null;
}

/** Finds every pod spec in the parsed documents. */
export function findWorkloads(docs: readonly Document[]): Workload[] {
  const out: Workload[] = [];
  for (const doc of docs) {
    const root = asMap(doc.contents);
    if (root) visitObject(root, doc.index, out, 0);
  }
  return out;
}

function visitObject(obj: YMap, docIndex: number, out: Workload[], depth: number): void {
  const kind = getStr(obj, 'kind');
  if (kind === undefined) return;
  if (kind.endsWith('List') && depth < 4) {
    const items = asSeq(get(obj, 'items'));
    if (items) for (const it of items.items) {
      const m = asMap(it);
      if (m) visitObject(m, docIndex, out, depth + 1);
    }
    return;
  }
  const podPath = podSpecPath(obj, kind);
  if (!podPath) return;
  const podNode = asMap(getPath(obj, podPath));
  if (!podNode) return;
  const meta = asMap(get(obj, 'metadata'));
  const w = {
    index: out.length,
    docIndex,
    kind,
    apiVersion: getStr(obj, 'apiVersion'),
    name: getStr(meta, 'name') ?? (getStr(meta, 'generateName') ? `${getStr(meta, 'generateName')}*` : '(unnamed)'),
    namespace: getStr(meta, 'namespace'),
    node: obj,
    podPath,
  } as Workload;
  w.pod = buildPod(w, podNode);
  out.push(w);
}

function podSpecPath(obj: YMap, kind: string): string[] | null {
  if (kind === 'Pod') return ['spec'];
  if (kind === 'PodTemplate') return ['template', 'spec'];
  if (kind === 'CronJob') return ['spec', 'jobTemplate', 'spec', 'template', 'spec'];
  const tpl = asMap(getPath(obj, ['spec', 'template', 'spec']));
  if (!tpl) return null;
  // Known kinds always; any other kind (Argo Rollout, DeploymentConfig, operators' CRDs) when the
  // template really looks like a pod spec.
  if (TEMPLATE_KINDS.has(kind) || asSeq(get(tpl, 'containers')) || asSeq(get(tpl, 'initContainers'))) {
    return ['spec', 'template', 'spec'];
  }
  return null;
}

function buildPod(workload: Workload, node: YMap): Pod {
  const volumesNode = asSeq(get(node, 'volumes'));
  const volumes: Volume[] = [];
  volumesNode?.items.forEach((item, index) => {
    const v = asMap(item);
    if (v) volumes.push(buildVolume(v, index));
  });
  // A StatefulSet's claim templates are volumes too: its pods mount them by the template's name.
  const claims = asSeq(getPath(workload.node, ['spec', 'volumeClaimTemplates']));
  claims?.items.forEach((item, index) => {
    const t = asMap(item);
    const nameNode = asScalar(getPath(t, ['metadata', 'name']));
    if (!t || !nameNode) return;
    volumes.push({ name: str(nameNode) ?? '', nameNode, node: t, index, claimTemplate: true, type: 'persistentVolumeClaim', readOnlySource: false, emptyDir: null, medium: undefined, sizeLimit: undefined });
  });
  const byName = new Map<string, Volume>();
  for (const v of volumes) if (!byName.has(v.name)) byName.set(v.name, v);
  const pod: Pod = {
    workload,
    node,
    os: getStr(asMap(get(node, 'os')), 'name')?.toLowerCase(),
    securityContext: asMap(get(node, 'securityContext')),
    volumes,
    volumesNode,
    containers: [],
    volume: (name) => byName.get(name),
  };
  const lists: Array<[Container['list'], (m: YMap) => ContainerType]> = [
    ['initContainers', (m) => (getStr(m, 'restartPolicy') === 'Always' ? 'sidecar' : 'init')],
    ['containers', () => 'app'],
    ['ephemeralContainers', () => 'ephemeral'],
  ];
  for (const [list, typeOf] of lists) {
    const seq = asSeq(get(node, list));
    for (const item of seq?.items ?? []) {
      const m = asMap(item);
      if (m) pod.containers.push(buildContainer(pod, m, list, typeOf(m)));
    }
  }
  return pod;
}

function buildVolume(node: YMap, index: number): Volume {
  const nameNode = asScalar(get(node, 'name'));
  let type = 'unknown';
  for (const p of node.pairs) if (p.name !== 'name') { type = p.name; break; }
  if (type === 'unknown') for (const m of node.merges) for (const p of m.pairs) if (p.name !== 'name' && type === 'unknown') type = p.name;
  const emptyDir = type === 'emptyDir' ? asMap(get(node, 'emptyDir')) ?? null : null;
  return {
    name: str(nameNode) ?? '',
    nameNode,
    node,
    index,
    claimTemplate: false,
    type,
    readOnlySource: READ_ONLY_SOURCES.has(type) || asScalar(get(asMap(get(node, type)), 'readOnly'))?.value === true,
    emptyDir,
    medium: getStr(emptyDir, 'medium'),
    sizeLimit: getStr(emptyDir, 'sizeLimit'),
  };
}

function buildContainer(pod: Pod, node: YMap, list: Container['list'], type: ContainerType): Container {
  const sc = asMap(get(node, 'securityContext'));
  const rofPair = getPair(sc, 'readOnlyRootFilesystem');
  const rofNode = rofPair?.value ?? (sc ? get(sc, 'readOnlyRootFilesystem') : null);
  const rofValue = asScalar(rofNode)?.value;
  const mountsNode = asSeq(get(node, 'volumeMounts'));
  const mounts: Mount[] = [];
  for (const item of mountsNode?.items ?? []) {
    const m = asMap(item);
    if (!m) continue;
    const mountNameNode = asScalar(get(m, 'name'));
    const name = str(mountNameNode) ?? '';
    const mountPathNode = asScalar(get(m, 'mountPath'));
    const readOnlyNode = asScalar(get(m, 'readOnly'));
    mounts.push({
      name,
      nameNode: mountNameNode,
      index: mountsNode ? mountsNode.items.indexOf(item) : 0,
      node: m,
      mountPath: str(mountPathNode) ? normalizePath(str(mountPathNode) as string) : '',
      mountPathNode,
      readOnly: readOnlyNode?.value === true,
      readOnlyNode,
      subPath: getStr(m, 'subPath') ?? getStr(m, 'subPathExpr'),
      volume: pod.volume(name),
    });
  }
  const nameNode = asScalar(get(node, 'name'));
  const container: Container = {
    pod,
    name: str(nameNode) ?? '(unnamed)',
    nameNode,
    type,
    list,
    node,
    image: getStr(node, 'image'),
    memoryLimit: getStr(asMap(getPath(node, ['resources', 'limits'])), 'memory'),
    deviceNames: (asSeq(get(node, 'volumeDevices'))?.items ?? []).map((d) => getStr(asMap(d), 'name') ?? '').filter(Boolean),
    securityContext: sc,
    readOnlyRootFilesystem: typeof rofValue === 'boolean' ? rofValue : undefined,
    readOnlyRootFilesystemNode: rofNode ?? null,
    mounts,
    mountsNode,
    env: readEnv(node),
    envFrom: (asSeq(get(node, 'envFrom'))?.items.length ?? 0) > 0,
    command: readArgv(get(node, 'command')),
    args: readArgv(get(node, 'args')),
    workingDir: getStr(node, 'workingDir'),
    runAsUser: numberAt(sc, 'runAsUser') ?? numberAt(pod.securityContext, 'runAsUser'),
    writableAt: (path) => writability(container, path),
  };
  return container;
}

function readEnv(node: YMap): EnvVar[] {
  const out: EnvVar[] = [];
  for (const item of asSeq(get(node, 'env'))?.items ?? []) {
    const m = asMap(item);
    const name = getStr(m, 'name');
    if (!m || !name) continue;
    const valueNode = asScalar(get(m, 'value'));
    const fromValueFrom = get(m, 'valueFrom') !== null;
    out.push({ name, value: fromValueFrom ? undefined : (str(valueNode) ?? ''), fromValueFrom, node: m, valueNode });
  }
  return out;
}

function readArgv(n: YNode | null): ArgvPart | null {
  const seq = asSeq(n);
  if (!seq) return null;
  const nodes: YScalar[] = [];
  for (const i of seq.items) {
    const sc = asScalar(i);
    if (sc) nodes.push(sc);
  }
  return { values: nodes.map((x) => str(x) ?? ''), nodes, node: seq };
}

function numberAt(m: YMap | null, key: string): number | undefined {
  const v = asScalar(get(m, key))?.value;
  return typeof v === 'number' ? v : undefined;
}

/** The mount that holds `path`: the one with the longest mountPath at or above it. */
export function mountFor(c: Container, path: string): Mount | null {
  const p = canonicalPath(path);
  let best: Mount | null = null;
  let bestLen = -1;
  for (const m of c.mounts) {
    if (!m.mountPath.startsWith('/')) continue;
    const mp = canonicalPath(m.mountPath);
    if (isWithin(p, mp) && mp.length > bestLen) {
      best = m;
      bestLen = mp.length;
    }
  }
  return best;
}

function writability(c: Container, path: string): Writability {
  const m = mountFor(c, path);
  if (!m) {
    const ro = c.readOnlyRootFilesystem === true;
    return { writable: !ro, mount: null, reason: ro ? 'the root filesystem is read-only' : 'the root filesystem is writable' };
  }
  if (!m.volume) return { writable: 'unknown', mount: m, reason: `mount "${m.name}" names no volume of the pod` };
  if (m.volume.readOnlySource) {
    const why = READ_ONLY_SOURCES.has(m.volume.type) ? 'is always mounted read-only' : `is read-only (its ${m.volume.type} source sets readOnly: true)`;
    return { writable: false, mount: m, reason: `${m.volume.type} volume "${m.volume.name}" ${why}` };
  }
  if (m.readOnly) return { writable: false, mount: m, reason: `volume "${m.volume.name}" is mounted with readOnly: true` };
  return { writable: true, mount: m, reason: `${m.volume.type} volume "${m.volume.name}" is mounted writable at ${m.mountPath}` };
}

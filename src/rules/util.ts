import type { Container, Pod } from '../model/index.ts';
import type { Need } from '../model/writes.ts';
import { SIZE_BY_PURPOSE } from '../model/writes.ts';
import { SYSTEM_DIRS } from '../model/paths.ts';
import type { EditBuilder } from '../fixes/edits.ts';
import type { FixSpec } from './define.ts';

/** Default sizes for volumes rootlock adds; documented in the README and in each rule's docs. */
export const SIZE_LIMITS = {
  /** Disk-backed /tmp: room for ordinary temp files; the kubelet evicts the pod above it rather than filling the node. */
  tmp: '256Mi',
  /** Memory-backed emptyDir when no container memory limit suggests better: pid files, sockets, small scratch. */
  memory: '64Mi',
} as const;

/** "Deployment web" / "Pod api" — how messages name the workload the user wrote. */
export function workloadLabel(pod: Pod): string {
  const w = pod.workload;
  return `${w.kind} "${w.name}"`;
}

export function containerLabel(c: Container): string {
  const kind = c.type === 'app' ? 'Container' : c.type === 'init' ? 'Init container' : c.type === 'sidecar' ? 'Sidecar container' : 'Ephemeral container';
  return `${kind} "${c.name}"`;
}

/** Windows pods may not set readOnlyRootFilesystem at all (the API rejects it). */
export function isWindows(pod: Pod): boolean {
  return pod.os === 'windows';
}

/** Parses a Kubernetes quantity (`64Mi`, `1G`, `500M`, `1e3`) to bytes; undefined when unreadable. */
export function quantityBytes(q: string | undefined): number | undefined {
  if (!q) return undefined;
  const m = /^([0-9.]+(?:[eE][-+]?[0-9]+)?)(Ki|Mi|Gi|Ti|Pi|Ei|k|K|M|G|T|P|E|m)?$/.exec(q.trim());
  if (!m) return undefined;
  const n = Number(m[1]);
  const unit = m[2] ?? '';
  const mult: Record<string, number> = { '': 1, m: 1e-3, k: 1e3, K: 1e3, M: 1e6, G: 1e9, T: 1e12, P: 1e15, E: 1e18, Ki: 1024, Mi: 1024 ** 2, Gi: 1024 ** 3, Ti: 1024 ** 4, Pi: 1024 ** 5, Ei: 1024 ** 6 };
  return Number.isFinite(n) ? n * (mult[unit] ?? 1) : undefined;
}

/** Bytes as a tidy binary quantity, rounded down to whole Mi (at least 1Mi). */
export function mebibytes(bytes: number): string {
  const mi = Math.max(1, Math.floor(bytes / 1024 ** 2));
  return mi % 1024 === 0 ? `${mi / 1024}Gi` : `${mi}Mi`;
}


/** How a person reads the volume a need wants. */
export function volumeWords(kind: Need['volume']): string {
  return kind === 'memory' ? 'a memory-backed emptyDir' : kind === 'persistent' ? 'persistent storage' : 'an emptyDir';
}

/** The sizeLimit rootlock gives a new volume for a need. */
export function sizeFor(n: Need): string {
  if (n.sizeLimit) return n.sizeLimit;
  if (n.volume === 'memory' && n.purpose === 'temp') return '64Mi';
  return SIZE_BY_PURPOSE[n.purpose];
}

/** Mounts a volume of the kind `n` wants at its place; the volume's comment says why it is there. */
export function addVolumeFor(e: EditBuilder, pod: Pod, c: Container, n: Need): void {
  const who = n.knowledge ? n.knowledge.title.replace(/ \(.*\)$/, '') : undefined;
  const several = pod.containers.filter((x) => x.type !== 'ephemeral').length > 1;
  const name = n.mountAt === '/tmp' && several ? `${c.name}-tmp` : undefined;
  const volume = e.addWritableVolume(pod, c, { path: n.mountAt, kind: n.volume, sizeLimit: sizeFor(n), ...(name ? { name } : {}), ...(who ? { comment: `${who}: ${n.what}` } : {}) });
  if (seedsFor(c, n)) addSeed(e, pod, c.image as string, volume, n.mountAt);
  if (n.setEnv) e.append(c.node, 'env', { name: n.setEnv.name, value: n.setEnv.value });
}

/**
 * True when a new volume for `n` must first be filled with what the image ships there (Elasticsearch's
 * config, Bitnami's prepared directories), as the charts do with an init container: an empty one
 * would hide those files. Only for an app container (init containers run in order, so a copy added
 * after them would come too late) and never for persistent storage, which keeps what it holds.
 */
function seedsFor(c: Container, n: Need): boolean {
  return !!n.shipsContent && n.volume !== 'persistent' && !!c.image && c.type === 'app';
}

/**
 * Adds an init container that copies what the image ships at `path` into volume `volume` (mounted
 * at /rootlock-seed<path>), so the volume mounted at `path` hides nothing. It runs only `cp`, with a
 * read-only root of its own.
 */
export function addSeed(e: EditBuilder, pod: Pod, image: string, volume: string, path: string): void {
  const stage = `/rootlock-seed${path}`;
  e.append(pod.node, 'initContainers', {
    name: e.uniqueContainerName(pod, `seed-${volume}`),
    image,
    command: ['sh', '-c', `cp -a ${path}/. ${stage}/`],
    securityContext: { readOnlyRootFilesystem: true, allowPrivilegeEscalation: false },
    volumeMounts: [{ name: volume, mountPath: stage }],
  });
}

/** True when a volume for `n` may be added: not over a system directory whose files it would hide. */
export function canMountFor(n: Need): boolean {
  return !SYSTEM_DIRS.has(n.mountAt);
}

/**
 * The fix that gives a container a writable volume for a need, or none when the only place to
 * mount one would hide the image's own files (/etc, /usr …). Persistent storage outside a
 * StatefulSet needs a claim the user must create: that fix is manual.
 */
export function volumeFixFor(pod: Pod, c: Container, n: Need): FixSpec | undefined {
  if (!canMountFor(n)) return undefined;
  const size = sizeFor(n);
  const statefulSet = pod.workload.kind === 'StatefulSet';
  const kindText = n.volume === 'persistent'
    ? (statefulSet ? `a volumeClaimTemplate (${size}, check size and class)` : 'a PersistentVolumeClaim (create the claim)')
    : `${volumeWords(n.volume)} (sizeLimit ${size})`;
  return {
    title: `Mount ${kindText} at ${n.mountAt}${seedsFor(c, n) ? ', filled from the image by an init container' : ''}${n.setEnv ? ` and set ${n.setEnv.name} to it` : ''}`,
    // a write that happens only under a condition is the user's call: offered, never applied by Fix all
    applicability: n.advice ? 'manual' : n.volume === 'persistent' ? (statefulSet ? 'unsafe' : 'manual') : n.origin === 'command' ? 'unsafe' : 'safe',
    edits: (e: EditBuilder) => addVolumeFor(e, pod, c, n),
  };
}

/** A program's log line quoted in a message, ending as a sentence (some lines end with a period). */
export function logLine(error: string): string {
  return /[.!?]$/.test(error) ? error : `${error}.`;
}

import type { Container, Pod } from '../model/index.ts';

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

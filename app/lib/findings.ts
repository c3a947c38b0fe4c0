import type { Analysis, Finding, WorkloadInfo } from '../../src/index.ts';

/** Where a finding shows in the form. */
export type FindingPlace =
  | { at: 'workload'; workload: number }
  | { at: 'pod-security'; workload: number }
  | { at: 'container-rofs'; workload: number; container: number }
  | { at: 'container'; workload: number; container: number }
  | { at: 'mounts'; workload: number; container: number }
  | { at: 'mount'; workload: number; container: number; mount: number }
  | { at: 'volume'; workload: number; volume: number };

/** Rules about the read-only root itself: shown at the "Read-only root filesystem" checkbox. */
const ROOT_FS_RULES = new Set(['ro-root-fs-missing', 'ro-root-fs-windows', 'restricted-not-read-only']);

const within = (f: Finding, r: { start: number; end: number }) => f.range.start >= r.start && f.range.start <= r.end;

/** The container a finding is about: by range, else by name. */
export function containerOf(w: WorkloadInfo, f: Finding): number {
  const byRange = w.containers.findIndex((c) => within(f, c.range));
  if (byRange >= 0) return byRange;
  return f.container === undefined ? -1 : w.containers.findIndex((c) => c.name === f.container);
}

/** Decides where the form shows a finding: the field it is about, or the nearest section. */
export function placeOf(analysis: Analysis, f: Finding): FindingPlace {
  const w = analysis.workloads[f.workload];
  if (!w) return { at: 'workload', workload: f.workload };
  if (f.ruleId === 'ro-root-fs-pod-level') return { at: 'pod-security', workload: f.workload };
  const ci = containerOf(w, f);
  const c = w.containers[ci];
  if (c) {
    if (ROOT_FS_RULES.has(f.ruleId)) return { at: 'container-rofs', workload: f.workload, container: ci };
    const mi = c.mounts.findIndex((m) => within(f, m.range));
    if (mi >= 0) return { at: 'mount', workload: f.workload, container: ci, mount: mi };
    // what the container writes, and where: the mounts; its privileges: the security context
    if (/^pss-/.test(f.ruleId)) return { at: 'container', workload: f.workload, container: ci };
    return { at: 'mounts', workload: f.workload, container: ci };
  }
  const vi = w.volumes.findIndex((v) => within(f, v.range));
  if (vi >= 0) return { at: 'volume', workload: f.workload, volume: vi };
  return { at: 'workload', workload: f.workload };
}

export function samePlace(a: FindingPlace, b: FindingPlace): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** Findings grouped for the findings panel: by workload, then container (pod-level first). */
export interface FindingGroup {
  key: string;
  workload: number;
  title: string;
  /** undefined for the pod (not one container). */
  container: string | undefined;
  containerType: string | undefined;
  /** Position of the container in the pod, -1 for the pod. */
  containerIndex: number;
  findings: Finding[];
}

export function groupFindings(analysis: Analysis): FindingGroup[] {
  const groups = new Map<string, FindingGroup>();
  for (const f of analysis.findings) {
    const w = analysis.workloads[f.workload];
    const ci = w ? containerOf(w, f) : -1;
    const c = ci >= 0 ? w?.containers[ci] : undefined;
    const key = `${f.workload}|${c ? ci : 'pod'}`;
    let g = groups.get(key);
    if (!g) {
      g = { key, workload: f.workload, title: `${f.kind} ${f.namespace ? `${f.namespace}/` : ''}${f.name}`, container: c?.name, containerType: c?.type, containerIndex: c ? ci : -1, findings: [] };
      groups.set(key, g);
    }
    g.findings.push(f);
  }
  return [...groups.values()].sort((a, b) => a.workload - b.workload || a.containerIndex - b.containerIndex);
}

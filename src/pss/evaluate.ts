/**
 * evaluatePss(): a pod spec against a Pod Security Standards level at a policy version, as
 * pod-security admission's registry does it (policy/registry.go): each check's newest versioned
 * implementation at or below the version; at restricted, every restricted check plus the baseline
 * checks that no restricted check overrides; results in the order baseline ids, then restricted
 * ids, each sorted.
 */
import type { Pod } from '../model/index.ts';
import * as C from './checks.ts';
import type { CheckFn, PodView, PssLocation, Range } from './checks.ts';
import { podView } from './checks.ts';
import type { PssLevel, PssVersion } from './version.ts';
import { NEWEST_MINOR, resolveMinor } from './version.ts';

export type { PssLocation, Range } from './checks.ts';

type CheckLevel = Exclude<PssLevel, 'privileged'>;

interface VersionedCheck {
  /** First policy version (v1.<minor>) this implementation applies to. */
  minor: number;
  fn: CheckFn;
  /** Baseline checks this restricted check replaces. */
  overrides?: readonly string[];
}

export interface ControlInfo {
  /** The check id, as pod-security admission and the fixture names spell it. */
  id: string;
  level: CheckLevel;
  /** The control's name in the Pod Security Standards. */
  title: string;
  /** First policy version that has the check. */
  since: number;
}

interface CheckDef extends ControlInfo {
  versions: readonly VersionedCheck[];
}

const CHECKS: readonly CheckDef[] = [
  { id: 'appArmorProfile', level: 'baseline', title: 'AppArmor', since: 0, versions: [{ minor: 0, fn: C.appArmorProfile }] },
  { id: 'capabilities_baseline', level: 'baseline', title: 'Capabilities', since: 0, versions: [{ minor: 0, fn: C.capabilitiesBaseline }] },
  { id: 'hostNamespaces', level: 'baseline', title: 'Host Namespaces', since: 0, versions: [{ minor: 0, fn: C.hostNamespaces }] },
  { id: 'hostPathVolumes', level: 'baseline', title: 'HostPath Volumes', since: 0, versions: [{ minor: 0, fn: C.hostPathVolumes }] },
  { id: 'hostPorts', level: 'baseline', title: 'Host Ports', since: 0, versions: [{ minor: 0, fn: C.hostPorts }] },
  { id: 'hostProbesAndHostLifecycle', level: 'baseline', title: 'Host Probes / Lifecycle Hooks', since: 34, versions: [{ minor: 34, fn: C.hostProbesAndHostLifecycle }] },
  { id: 'privileged', level: 'baseline', title: 'Privileged Containers', since: 0, versions: [{ minor: 0, fn: C.privileged }] },
  { id: 'procMount', level: 'baseline', title: '/proc Mount Type', since: 0, versions: [{ minor: 0, fn: C.procMount }, { minor: 35, fn: C.procMountV1Dot35 }] },
  { id: 'seLinuxOptions', level: 'baseline', title: 'SELinux', since: 0, versions: [{ minor: 0, fn: C.seLinuxOptionsV1Dot0 }, { minor: 31, fn: C.seLinuxOptionsV1Dot31 }] },
  { id: 'seccompProfile_baseline', level: 'baseline', title: 'Seccomp', since: 0, versions: [{ minor: 0, fn: C.seccompProfileBaselineV1Dot0 }, { minor: 19, fn: C.seccompProfileBaselineV1Dot19 }] },
  {
    id: 'sysctls', level: 'baseline', title: 'Sysctls', since: 0,
    versions: C.sysctlsAllowed.map((s) => ({ minor: s.minor, fn: C.sysctls(s.minor) })),
  },
  { id: 'windowsHostProcess', level: 'baseline', title: 'HostProcess', since: 0, versions: [{ minor: 0, fn: C.windowsHostProcess }] },

  {
    id: 'allowPrivilegeEscalation', level: 'restricted', title: 'Privilege Escalation', since: 8,
    versions: [{ minor: 8, fn: C.allowPrivilegeEscalation }, { minor: 25, fn: C.linuxOnly(C.allowPrivilegeEscalation) }],
  },
  {
    id: 'capabilities_restricted', level: 'restricted', title: 'Capabilities', since: 22,
    versions: [
      { minor: 22, fn: C.capabilitiesRestricted, overrides: ['capabilities_baseline'] },
      { minor: 25, fn: C.linuxOnly(C.capabilitiesRestricted), overrides: ['capabilities_baseline'] },
    ],
  },
  { id: 'procMount_restricted', level: 'restricted', title: '/proc Mount Type', since: 35, versions: [{ minor: 35, fn: C.procMount, overrides: ['procMount'] }] },
  { id: 'restrictedVolumes', level: 'restricted', title: 'Volume Types', since: 0, versions: [{ minor: 0, fn: C.restrictedVolumes, overrides: ['hostPathVolumes'] }] },
  {
    id: 'runAsNonRoot', level: 'restricted', title: 'Running as Non-root', since: 0,
    versions: [{ minor: 0, fn: C.runAsNonRoot }, { minor: 35, fn: C.unlessUserNamespace(C.runAsNonRoot) }],
  },
  {
    id: 'runAsUser', level: 'restricted', title: 'Running as Non-root user', since: 23,
    versions: [{ minor: 23, fn: C.runAsUser }, { minor: 35, fn: C.unlessUserNamespace(C.runAsUser) }],
  },
  {
    id: 'seccompProfile_restricted', level: 'restricted', title: 'Seccomp', since: 19,
    versions: [
      { minor: 19, fn: C.seccompProfileRestricted, overrides: ['seccompProfile_baseline'] },
      { minor: 25, fn: C.linuxOnly(C.seccompProfileRestricted), overrides: ['seccompProfile_baseline'] },
    ],
  },
];

/** Every control rootlock evaluates, baseline then restricted, each sorted by id. */
export const CONTROLS: readonly ControlInfo[] = CHECKS.map(({ id, level, title, since }) => ({ id, level, title, since }));

const ORDER: readonly CheckDef[] = [
  ...CHECKS.filter((c) => c.level === 'baseline').sort((a, b) => cmp(a.id, b.id)),
  ...CHECKS.filter((c) => c.level === 'restricted').sort((a, b) => cmp(a.id, b.id)),
];

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

interface Active {
  def: CheckDef;
  fn: CheckFn;
}

const cache = new Map<string, readonly Active[]>();

/** The checks that run at a level and minor version, in report order. */
function activeChecks(level: CheckLevel, minor: number): readonly Active[] {
  const key = `${level}:${minor}`;
  const hit = cache.get(key);
  if (hit) return hit;
  const at = (def: CheckDef) => [...def.versions].reverse().find((v) => v.minor <= minor);
  const restricted = level === 'restricted' ? CHECKS.filter((d) => d.level === 'restricted') : [];
  const overridden = new Set<string>();
  for (const d of restricted) for (const o of at(d)?.overrides ?? []) overridden.add(o);
  const out: Active[] = [];
  for (const def of ORDER) {
    if (def.level === 'restricted' && level !== 'restricted') continue;
    if (overridden.has(def.id)) continue;
    const v = at(def);
    if (v) out.push({ def, fn: v.fn });
  }
  cache.set(key, out);
  return out;
}

export interface PssViolation {
  /** The check id, as in pod-security admission and the fixture names: `runAsNonRoot`, `capabilities_restricted`. */
  control: string;
  /** The level the control belongs to. */
  controlLevel: CheckLevel;
  /** The control's name in the standard: `Running as Non-root`. */
  title: string;
  /** The upstream ForbiddenReason plus its detail: `runAsNonRoot != true (pod or container "x" must set …)`. */
  reason: string;
  /** The field (or, when it is missing, the container or pod spec) of the first location. */
  at: Range;
  /** The first location's field path from the object. */
  field: string;
  /** The first location's container, when the field belongs to one. */
  container?: string;
  /** Every place that fails the control. */
  locations: PssLocation[];
}

export interface PssResult {
  allowed: boolean;
  /** The level evaluated. */
  level: PssLevel;
  /** The policy version evaluated at (latest and newer versions resolved), as v1.<minor>. */
  version: PssVersion;
  violations: PssViolation[];
}

const views = new WeakMap<Pod, PodView>();

function viewOf(pod: Pod): PodView {
  let v = views.get(pod);
  if (!v) {
    v = podView(pod);
    views.set(pod, v);
  }
  return v;
}

/**
 * Evaluates a pod spec (of a Pod or a pod template) against a level at a policy version. The pod's
 * annotations (AppArmor, and seccomp before v1.19) are read from the pod template's metadata.
 * `latest` and versions newer than v1.37 evaluate as v1.37.
 */
export function evaluatePss(pod: Pod, level: PssLevel, version: PssVersion = 'latest'): PssResult {
  const minor = resolveMinor(version);
  const resolved: PssVersion = `v1.${minor}`;
  if (level === 'privileged') return { allowed: true, level, version: resolved, violations: [] };
  // rules and the analysis ask for the same pod more than once: the model is immutable, so cache
  let mine = results.get(pod);
  if (!mine) {
    mine = new Map();
    results.set(pod, mine);
  }
  const key = `${level}:${minor}`;
  const hit = mine.get(key);
  if (hit) return hit;
  const r = evaluate(pod, level, minor);
  mine.set(key, r);
  return r;
}

const results = new WeakMap<Pod, Map<string, PssResult>>();

function evaluate(pod: Pod, level: CheckLevel, minor: number): PssResult {
  const resolved: PssVersion = `v1.${minor}`;
  const p = viewOf(pod);
  const violations: PssViolation[] = [];
  for (const { def, fn } of activeChecks(level, minor)) {
    const r = fn(p);
    if (!r) continue;
    const first = r.locations[0];
    violations.push({
      control: def.id,
      controlLevel: def.level,
      title: def.title,
      reason: r.detail ? `${r.reason} (${r.detail})` : r.reason,
      at: first?.at ?? p.specKey,
      field: first?.field ?? p.specPath,
      ...(first?.container !== undefined ? { container: first.container } : {}),
      locations: r.locations,
    });
  }
  return { allowed: violations.length === 0, level, version: resolved, violations };
}

/**
 * The highest level the pod spec meets at a version: restricted when it passes both restricted
 * and baseline (a Windows pod can pass restricted, whose OS-aware checks skip it, yet fail
 * baseline: it is then baseline-failing, so privileged), baseline when it passes baseline, else
 * privileged.
 */
export function pssLevel(pod: Pod, version: PssVersion = 'latest'): PssLevel {
  if (!evaluatePss(pod, 'baseline', version).allowed) return 'privileged';
  return evaluatePss(pod, 'restricted', version).allowed ? 'restricted' : 'baseline';
}

/** The controls active at a level and version (for documentation and the UI). */
export function controlsAt(level: CheckLevel, version: PssVersion = 'latest'): ControlInfo[] {
  return activeChecks(level, resolveMinor(version)).map(({ def: { id, level: l, title, since } }) => ({ id, level: l, title, since }));
}

export { NEWEST_MINOR };

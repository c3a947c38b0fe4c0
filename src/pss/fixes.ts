/**
 * Hardening fixes for the restricted controls: what a pod spec needs to meet the restricted Pod
 * Security Standard, as text edits on the source (EditBuilder). They are offered on pss-restricted
 * findings and applied together by hardenEdits().
 *
 * - allowPrivilegeEscalation: false on each container that does not set it so (a privileged
 *   container, or one that adds SYS_ADMIN, waits for the fix of that: the API refuses the mix);
 * - baseline `privileged`: `privileged: false`;
 * - capabilities.drop: [ALL] (and the added capabilities other than NET_BIND_SERVICE removed);
 * - runAsNonRoot: true (on the pod; on a container that sets false), plus a non-zero runAsUser on
 *   each container whose image rootlock knows: its non-root user, or the user its entrypoint steps
 *   down to when it starts as root; 65532 for an image that runs as root and names no such user;
 * - runAsUser: 0 replaced by a non-root uid;
 * - seccompProfile.type: RuntimeDefault on the pod (and on a container that sets another type).
 *
 * All are 'manual': they change how the container runs (a setuid binary stops working, a program
 * that needs a capability or a syscall fails, files owned by root become unwritable), so the user
 * picks them one by one, or all at once with "Harden to restricted + read-only root" (harden.ts),
 * shown as a diff first. "Fix all" and `rootlock fix` stay about read-only roots.
 */
import type { Container, Pod } from '../model/index.ts';
import type { EditBuilder } from '../fixes/edits.ts';
import type { FixSpec } from '../rules/define.ts';
import type { YMap } from '../yaml/tree.ts';
import { asMap, asScalar, asSeq, get, str } from '../yaml/tree.ts';
import { findImage } from '../knowledge/index.ts';

/** The applicability of every hardening fix (see above); harden() applies them as 'unsafe'. */
export const HARDENING = 'manual' as const;

/** The uid rootlock gives a container whose image runs as root and names no non-root user (distroless' nonroot). */
export const FALLBACK_UID = 65532;

function quoteList(names: readonly string[]): string {
  return names.map((n) => `"${n}"`).join(', ');
}

function onContainers(names: readonly string[], all: number): string {
  if (!names.length || names.length === all) return '';
  return ` on ${names.length === 1 ? 'container' : 'containers'} ${quoteList(names)}`;
}

function sc(c: Container): YMap | null {
  return c.securityContext;
}

const windows = (pod: Pod) => str(get(asMap(get(pod.node, 'os')), 'name')) === 'windows';

/** True for `privileged: true` (which the API refuses together with allowPrivilegeEscalation: false). */
const isPrivileged = (c: Container) => asScalar(get(sc(c), 'privileged'))?.value === true;

/** True when capabilities.add holds SYS_ADMIN (also refused with allowPrivilegeEscalation: false). */
const addsSysAdmin = (c: Container) => !!asSeq(get(asMap(get(sc(c), 'capabilities')), 'add'))?.items.some((i) => /^(CAP_)?SYS_ADMIN$/.test(str(i) ?? ''));

/**
 * allowPrivilegeEscalation: false on each container that does not set it so. The API server refuses
 * it beside `privileged: true` or an added SYS_ADMIN capability (both imply escalation), so such a
 * container waits until the fix of that comes first (the privileged fix, the capabilities fix):
 * this fix never leaves an object the API rejects.
 */
export function allowPrivilegeEscalationFix(pod: Pod): FixSpec | undefined {
  if (windows(pod)) return undefined; // the API forbids the field on Windows pods
  const bad = pod.containers.filter((c) => asScalar(get(sc(c), 'allowPrivilegeEscalation'))?.value !== false);
  const blocked = bad.filter((c) => isPrivileged(c) || addsSysAdmin(c));
  const todo = bad.filter((c) => !blocked.includes(c));
  if (!todo.length) return undefined;
  const why = (c: Container) => (isPrivileged(c) ? 'is privileged' : 'adds SYS_ADMIN');
  const waiting = blocked.map((c) => `"${c.name}", which ${why(c)}`).join('; ');
  return {
    title: `Set allowPrivilegeEscalation: false${onContainers(todo.map((c) => c.name), pod.containers.length)}${blocked.length ? ` — not yet on ${waiting}: the API refuses the two together; fix that first` : ''}`,
    applicability: HARDENING,
    edits: (e) => {
      for (const c of todo) e.set(c.node, ['securityContext', 'allowPrivilegeEscalation'], false);
    },
  };
}

/** The baseline `privileged` control: `privileged: false` on every container that sets it true (a replaced value: it composes with the other fixes). */
export function privilegedFix(pod: Pod): FixSpec | undefined {
  const bad = pod.containers.filter(isPrivileged);
  if (!bad.length) return undefined;
  return {
    title: `Set privileged: false${onContainers(bad.map((c) => c.name), pod.containers.length)}`,
    applicability: HARDENING,
    edits: (e) => {
      for (const c of bad) e.set(c.node, ['securityContext', 'privileged'], false);
    },
  };
}

export function capabilitiesFix(pod: Pod): FixSpec | undefined {
  if (windows(pod)) return undefined;
  const work: Array<{ c: Container; needsDrop: boolean; forbidden: number[]; addCount: number }> = [];
  const added = new Set<string>();
  for (const c of pod.containers) {
    const caps = asMap(get(sc(c), 'capabilities'));
    const needsDrop = !asSeq(get(caps, 'drop'))?.items.some((d) => str(d) === 'ALL');
    const add = asSeq(get(caps, 'add'));
    const forbidden: number[] = [];
    add?.items.forEach((item, i) => {
      if (str(item) !== 'NET_BIND_SERVICE') {
        forbidden.push(i);
        added.add(str(item) ?? '');
      }
    });
    if (needsDrop || forbidden.length) work.push({ c, needsDrop, forbidden, addCount: add?.items.length ?? 0 });
  }
  if (!work.length) return undefined;
  const dropping = work.filter((w) => w.needsDrop).map((w) => w.c.name);
  const parts: string[] = [];
  if (dropping.length) parts.push(`Drop ALL capabilities${onContainers(dropping, pod.containers.length)}`);
  if (added.size) parts.push(`${parts.length ? 'remove' : 'Remove'} the added ${[...added].sort().join(', ')}`);
  return {
    title: parts.join(' and '),
    applicability: HARDENING,
    edits: (e) => {
      for (const { c, needsDrop, forbidden, addCount } of work) dropAll(e, c, needsDrop, forbidden, addCount);
    },
  };
}

function dropAll(e: EditBuilder, c: Container, needsDrop: boolean, forbidden: readonly number[], addCount: number): void {
  const caps = asMap(get(sc(c), 'capabilities'));
  const drop = asSeq(get(caps, 'drop'));
  const removesAllAdds = forbidden.length > 0 && forbidden.length === addCount;
  if (caps && removesAllAdds && needsDrop && !get(caps, 'drop') && caps.pairs.length === 1) {
    // `capabilities: {add: [SYS_ADMIN]}` becomes `capabilities: {drop: [ALL]}`
    e.set(c.node, ['securityContext', 'capabilities'], { drop: ['ALL'] });
    return;
  }
  if (needsDrop) {
    if (caps && drop) e.append(caps, 'drop', 'ALL');
    else e.set(c.node, ['securityContext', 'capabilities', 'drop'], ['ALL']);
  }
  if (!caps || !forbidden.length) return;
  if (removesAllAdds) e.remove(c.node, ['securityContext', 'capabilities', 'add']);
  else for (const i of forbidden) e.removeItem(caps, 'add', i);
}

/** The non-root uid to run a container as, from what rootlock knows of its image, and why. */
export function nonRootUser(c: Container): { uid: number; why: string } | { uid: undefined; why: string } {
  const found = c.image ? findImage(c.image) : undefined;
  if (!found) return { uid: undefined, why: c.image ? `rootlock does not know image "${c.image}": the kubelet refuses to start it if it runs as root` : 'the container names no image' };
  const title = found.image.title.replace(/ \(.*\)$/, '');
  const u = found.image.user;
  if (!u) return { uid: undefined, why: `rootlock does not know the user of ${title}: the kubelet refuses to start it if it runs as root` };
  if (u.uid !== 0) return { uid: u.uid, why: `${title} runs as ${u.name ? `${u.name} (${u.uid})` : u.uid}` };
  if (u.dropsTo) return { uid: u.dropsTo.uid, why: `${title} starts as root and steps down to ${u.dropsTo.name ? `${u.dropsTo.name} (${u.dropsTo.uid})` : u.dropsTo.uid}; check it can start as that user` };
  return { uid: FALLBACK_UID, why: `${title} runs as root and has no non-root user: ${FALLBACK_UID} is a common choice; check it can run so` };
}

const userSet = (m: YMap | null) => asScalar(get(m, 'runAsUser'))?.value;

export function runAsNonRootFix(pod: Pod): FixSpec | undefined {
  const podValue = asScalar(get(pod.securityContext, 'runAsNonRoot'))?.value;
  const explicitFalse = pod.containers.filter((c) => asScalar(get(sc(c), 'runAsNonRoot'))?.value === false);
  const implicit = pod.containers.filter((c) => {
    const v = asScalar(get(sc(c), 'runAsNonRoot'))?.value;
    return (v === undefined || v === null) && podValue !== true;
  });
  if (podValue !== false && !explicitFalse.length && !implicit.length) return undefined;
  const setPod = podValue === false || implicit.length > 0;
  // each container that will run with runAsNonRoot and has no runAsUser of its own or the pod's
  const win = windows(pod);
  const podUser = userSet(pod.securityContext);
  const users: Array<{ c: Container; uid: number; why: string }> = [];
  const unknown: string[] = [];
  for (const c of pod.containers) {
    if (win || userSet(sc(c)) !== undefined || podUser !== undefined) continue;
    const u = nonRootUser(c);
    if (u.uid !== undefined) users.push({ c, uid: u.uid, why: u.why });
    else unknown.push(u.why);
  }
  const where = setPod ? (explicitFalse.length ? ' on the pod and its containers' : ' on the pod') : onContainers(explicitFalse.map((c) => c.name), pod.containers.length);
  const withUsers = users.map((u) => `runAsUser: ${u.uid} on "${u.c.name}" (${u.why})`);
  return {
    title: `Set runAsNonRoot: true${where}${withUsers.length ? `, and ${withUsers.join('; ')}` : ''}${unknown.length ? ` — ${[...new Set(unknown)].join('; ')}` : ''}`,
    applicability: HARDENING,
    edits: (e) => {
      if (setPod) e.set(pod.node, ['securityContext', 'runAsNonRoot'], true);
      for (const c of explicitFalse) e.set(c.node, ['securityContext', 'runAsNonRoot'], true);
      for (const u of users) e.set(u.c.node, ['securityContext', 'runAsUser'], u.uid);
    },
  };
}

export function runAsUserFix(pod: Pod): FixSpec | undefined {
  const podRoot = userSet(pod.securityContext) === 0;
  const rootContainers = pod.containers.filter((c) => userSet(sc(c)) === 0);
  if (!podRoot && !rootContainers.length) return undefined;
  const picks = rootContainers.map((c) => ({ c, u: nonRootUser(c) }));
  // the pod-level uid: the one all containers' images agree on, else the fallback
  const uids = new Set(pod.containers.map((c) => nonRootUser(c).uid));
  const podUid = uids.size === 1 ? ([...uids][0] ?? FALLBACK_UID) : FALLBACK_UID;
  const parts: string[] = [];
  if (podRoot) parts.push(`runAsUser: ${podUid} on the pod`);
  for (const p of picks) parts.push(`runAsUser: ${p.u.uid ?? FALLBACK_UID} on "${p.c.name}"${p.u.uid !== undefined ? ` (${p.u.why})` : ''}`);
  return {
    title: `Run as a non-root user instead of root: ${parts.join(', ')}`,
    applicability: HARDENING,
    edits: (e) => {
      if (podRoot) e.set(pod.node, ['securityContext', 'runAsUser'], podUid);
      for (const p of picks) e.set(p.c.node, ['securityContext', 'runAsUser'], p.u.uid ?? FALLBACK_UID);
    },
  };
}

const validSeccomp = (t: string | undefined) => t === 'RuntimeDefault' || t === 'Localhost';

export function seccompFix(pod: Pod): FixSpec | undefined {
  if (windows(pod)) return undefined;
  const podProfile = asMap(get(pod.securityContext, 'seccompProfile'));
  const podType = str(get(podProfile, 'type'));
  const badContainers = pod.containers.filter((c) => {
    const prof = asMap(get(sc(c), 'seccompProfile'));
    return prof && !validSeccomp(str(get(prof, 'type')));
  });
  const setPod = !validSeccomp(podType);
  if (!setPod && !badContainers.length) return undefined;
  const parts: string[] = [];
  if (setPod) parts.push('the pod');
  if (badContainers.length) parts.push(`${badContainers.length === 1 ? 'container' : 'containers'} ${quoteList(badContainers.map((c) => c.name))}`);
  return {
    title: `Set seccompProfile.type: RuntimeDefault on ${parts.join(' and ')}`,
    applicability: HARDENING,
    edits: (e) => {
      if (setPod) e.set(pod.node, ['securityContext', 'seccompProfile', 'type'], 'RuntimeDefault');
      for (const c of badContainers) e.set(c.node, ['securityContext', 'seccompProfile', 'type'], 'RuntimeDefault');
    },
  };
}

/** The hardening fix for a baseline control, or none: only `privileged` has one (host namespaces, ports and paths are the user's call). */
export function baselineFix(pod: Pod, control: string): FixSpec | undefined {
  return control === 'privileged' ? privilegedFix(pod) : undefined;
}

/** The hardening fix for a restricted control, or none (no fix for volume types and /proc). */
export function hardeningFix(pod: Pod, control: string): FixSpec | undefined {
  switch (control) {
    case 'allowPrivilegeEscalation': return allowPrivilegeEscalationFix(pod);
    case 'capabilities_restricted': return capabilitiesFix(pod);
    case 'runAsNonRoot': return runAsNonRootFix(pod);
    case 'runAsUser': return runAsUserFix(pod);
    case 'seccompProfile_restricted': return seccompFix(pod);
    default: return undefined;
  }
}

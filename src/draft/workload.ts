/**
 * A new workload from an image name: a complete manifest with a read-only root, the restricted
 * securityContext, and a volume for every place the image writes, each with a comment saying why.
 */
import type { Plain } from '../yaml/render.ts';
import { COMMENT_KEY, renderMapLines } from '../yaml/render.ts';
import type { BlockStyle } from '../yaml/render.ts';
import { findingNotes } from './check.ts';
import { dnsLabel, planContainer } from './plan.ts';
import type { ContainerPlan, DraftNote, VolumePlan } from './plan.ts';

export type { DraftNote } from './plan.ts';

export type DraftKind = 'Deployment' | 'StatefulSet' | 'DaemonSet' | 'Job' | 'CronJob' | 'Pod';

export const DRAFT_KINDS: readonly DraftKind[] = ['Deployment', 'StatefulSet', 'DaemonSet', 'Job', 'CronJob', 'Pod'];

export interface DraftOptions {
  /** Any image reference; the knowledge base decides what the draft mounts. */
  image: string;
  kind: DraftKind;
  name: string;
  namespace?: string;
  /** The port the container listens on: a containerPort. */
  port?: number;
  /** CronJob only; every day at 03:00 when absent. */
  schedule?: string;
}

export interface DraftResult {
  /** The manifest, YAML. */
  text: string;
  /** What the user should know: where the image cannot run as drafted, what was left out, what to create. */
  notes: DraftNote[];
}

type Obj = { [key: string]: Plain };

/** The style drafts are written in: 2 spaces, dashes flush with their key (as kubectl writes). */
export const DRAFT_STYLE: BlockStyle = { indent: 2, indentSequences: false, eol: '\n' };

const DEFAULT_SCHEDULE = '0 3 * * *';
const DNS_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const DNS_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;

/** Drafts a workload of `kind` running `image`, hardened and with its writable paths mounted. */
export function draftWorkload(opts: DraftOptions): DraftResult {
  const notes: DraftNote[] = [];
  const image = opts.image.trim();
  const name = opts.name.trim() || dnsLabel(image.split(/[:@]/)[0]?.split('/').pop() ?? '', 'app');
  if (!DNS_SUBDOMAIN.test(name) || name.length > 253) {
    notes.push({ level: 'warning', message: `"${name}" is not a valid Kubernetes name: use lower-case letters, digits and "-" (at most 63 characters), starting and ending with a letter or digit.` });
  } else if (opts.kind !== 'Deployment' && opts.kind !== 'Pod' && (!DNS_LABEL.test(name) || name.length > (opts.kind === 'CronJob' ? 52 : 63))) {
    notes.push({ level: 'warning', message: `A ${opts.kind}'s name becomes part of its pods' names: keep "${name}" to lower-case letters, digits and "-"${opts.kind === 'CronJob' ? ', at most 52 characters' : ', at most 63 characters'}.` });
  }
  let port = opts.port;
  if (port !== undefined && (!Number.isInteger(port) || port < 1 || port > 65535)) {
    notes.push({ level: 'warning', message: `${port} is not a port number (1–65535): the draft has no containerPort.` });
    port = undefined;
  }

  const statefulSet = opts.kind === 'StatefulSet';
  const plan = planContainer(image, port !== undefined ? { port } : {});
  notes.push(...plan.notes);

  const labels: Obj = { 'app.kubernetes.io/name': name };
  const names = volumeNames(plan.volumes, new Set());
  const claims = plan.volumes.filter((v) => v.kind === 'persistent');
  const pod = podSpec(plan, names, { name, statefulSet, ...(port !== undefined ? { port } : {}), job: opts.kind === 'Job' || opts.kind === 'CronJob' });
  if (claims.length && !statefulSet) notes.push(claimNote(opts.kind, name, claims, names));
  if (claims.length && statefulSet) {
    notes.push({ level: 'info', message: `Each pod of the StatefulSet gets its own PersistentVolumeClaim from ${claims.length === 1 ? 'the volumeClaimTemplate' : 'the volumeClaimTemplates'} (${claims.map((v) => `"${names.get(v)}", ${v.size}`).join('; ')}): check the size, and set storageClassName unless the cluster's default class suits.` });
  }

  const metadata: Obj = { name, ...(opts.namespace?.trim() ? { namespace: opts.namespace.trim() } : {}), labels };
  const template: Obj = { metadata: { labels }, spec: pod };
  let spec: Obj;
  switch (opts.kind) {
    case 'Pod':
      spec = pod;
      break;
    case 'Deployment':
      spec = { replicas: 1, selector: { matchLabels: labels }, ...(claims.length ? { strategy: { type: 'Recreate' } } : {}), template };
      break;
    case 'StatefulSet':
      spec = { serviceName: name, replicas: 1, selector: { matchLabels: labels }, template };
      if (claims.length) spec.volumeClaimTemplates = claims.map((v) => claimTemplate(v, names));
      notes.push({ level: 'info', message: `serviceName "${name}" names the headless Service that gives the StatefulSet's pods their network identity: create it (clusterIP: None, selector app.kubernetes.io/name: ${name}).` });
      break;
    case 'DaemonSet':
      spec = { selector: { matchLabels: labels }, template };
      break;
    case 'Job':
      spec = { backoffLimit: 3, template };
      break;
    case 'CronJob': {
      const schedule = opts.schedule?.trim() || DEFAULT_SCHEDULE;
      if (!opts.schedule?.trim()) notes.push({ level: 'info', message: `No schedule given: the draft runs the job every day at 03:00 ("${DEFAULT_SCHEDULE}"); change spec.schedule.` });
      spec = { schedule, concurrencyPolicy: 'Forbid', jobTemplate: { spec: { backoffLimit: 3, template } } };
      break;
    }
  }
  const apiVersion = opts.kind === 'Pod' ? 'v1' : opts.kind === 'Job' || opts.kind === 'CronJob' ? 'batch/v1' : 'apps/v1';
  const doc: Obj = { apiVersion, kind: opts.kind, metadata, spec };
  const text = renderMapLines(doc, 0, DRAFT_STYLE);
  notes.push(...findingNotes(text));
  return { text, notes };
}

/** A unique, readable name per volume. */
export function volumeNames(volumes: readonly VolumePlan[], taken: Set<string>, prefix?: string): Map<VolumePlan, string> {
  const out = new Map<VolumePlan, string>();
  for (const v of volumes) {
    const base = prefix && v.base !== prefix && !v.base.startsWith(`${prefix}-`) ? dnsLabel(`${prefix}-${v.base}`, v.base) : v.base;
    let name = base;
    for (let n = 2; taken.has(name); n++) name = `${base}-${n}`;
    taken.add(name);
    out.set(v, name);
  }
  return out;
}

/** The hardening every drafted container gets. */
export function containerSecurity(): Obj {
  return { readOnlyRootFilesystem: true, allowPrivilegeEscalation: false, capabilities: { drop: ['ALL'] } };
}

function podSpec(plan: ContainerPlan, names: Map<VolumePlan, string>, o: { name: string; statefulSet: boolean; port?: number; job: boolean }): Obj {
  const hasClaim = plan.volumes.some((v) => v.kind === 'persistent');
  const security: Obj = { runAsNonRoot: true };
  if (plan.uid !== undefined) security.runAsUser = plan.uid;
  // a claim's files belong to root unless the kubelet hands the volume to the pod's group
  if (hasClaim && plan.uid !== undefined) security.fsGroup = plan.uid;
  security.seccompProfile = { type: 'RuntimeDefault' };
  if (plan.privilegedPort !== undefined) security.sysctls = [{ name: 'net.ipv4.ip_unprivileged_port_start', value: String(plan.privilegedPort) }];

  const main = appContainer(plan, names, plan.name, o.port !== undefined ? { port: o.port } : {});
  const seed = seedContainer(plan, names, plan.name === 'seed' ? 'seed-files' : 'seed');
  const pod: Obj = {};
  if (o.job) pod.restartPolicy = 'Never';
  pod.securityContext = security;
  if (seed) pod.initContainers = [seed];
  pod.containers = [main];
  const volumes = plan.volumes.filter((v) => !(v.kind === 'persistent' && o.statefulSet)).map((v) => volumeItem(v, names, o.name));
  if (volumes.length) pod.volumes = volumes;
  return pod;
}

/** The container itself: image, port, env, hardening and its mounts. */
export function appContainer(plan: ContainerPlan, names: Map<VolumePlan, string>, name: string, opts: { port?: number; restartPolicy?: string; security?: Obj } = {}): Obj {
  const c: Obj = { name, image: plan.image };
  if (opts.restartPolicy) c.restartPolicy = opts.restartPolicy;
  if (opts.port !== undefined) c.ports = [{ containerPort: opts.port }];
  if (plan.env.length) c.env = plan.env.map((e) => ({ name: e.name, value: e.value }));
  c.securityContext = { ...containerSecurity(), ...opts.security };
  const mounts = plan.volumes.map((v) => ({ name: names.get(v) ?? v.base, mountPath: v.mountPath }));
  if (mounts.length) c.volumeMounts = mounts;
  return c;
}

/**
 * The init container that copies what the image ships at a path into the volume that will cover
 * that path, so the volume makes it writable without hiding the files. Undefined when no volume
 * needs it. It runs the same image (the files come from there) with the same hardening; it runs
 * only `cp`, so the image's program and what it writes do not start.
 */
export function seedContainer(plan: ContainerPlan, names: Map<VolumePlan, string>, name: string, security: Obj = {}): Obj | undefined {
  const seeded = plan.volumes.filter((v) => v.seedFrom);
  if (!seeded.length) return undefined;
  const stage = (v: VolumePlan) => `/seed/${names.get(v) ?? v.base}`;
  const script = seeded.map((v) => `cp -a ${v.seedFrom}/. ${stage(v)}/`).join(' && ');
  const mounts: Obj[] = seeded.map((v) => ({ name: names.get(v) ?? v.base, mountPath: stage(v) }));
  return {
    [COMMENT_KEY]: `copies what ${plan.who} ships at ${seeded.map((v) => v.seedFrom).join(', ')} into the volume${seeded.length > 1 ? 's' : ''} that make${seeded.length > 1 ? '' : 's'} ${seeded.length > 1 ? 'them' : 'it'} writable`,
    name,
    image: plan.image,
    command: ['sh', '-c', script],
    securityContext: { ...containerSecurity(), ...security },
    volumeMounts: mounts,
  };
}

/** A `volumes` item with its comment: an emptyDir, or a claim the user creates. */
export function volumeItem(v: VolumePlan, names: Map<VolumePlan, string>, workload: string): Obj {
  const name = names.get(v) ?? v.base;
  if (v.kind === 'persistent') {
    return { [COMMENT_KEY]: `${v.comment} — create the PersistentVolumeClaim "${claimName(workload, name)}" before you apply`, name, persistentVolumeClaim: { claimName: claimName(workload, name) } };
  }
  const emptyDir: Obj = v.kind === 'memory' ? { medium: 'Memory', sizeLimit: v.size } : { sizeLimit: v.size };
  return { [COMMENT_KEY]: v.comment, name, emptyDir };
}

/** A StatefulSet's volumeClaimTemplates item. */
export function claimTemplate(v: VolumePlan, names: Map<VolumePlan, string>): Obj {
  return {
    [COMMENT_KEY]: `${v.comment} — check the size and storageClassName before you apply`,
    metadata: { name: names.get(v) ?? v.base },
    spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: v.size } } },
  };
}

export function claimName(workload: string, volume: string): string {
  return dnsLabel(`${workload}-${volume}`, volume);
}

function claimNote(kind: DraftKind, workload: string, claims: VolumePlan[], names: Map<VolumePlan, string>): DraftNote {
  const list = claims.map((v) => `"${claimName(workload, names.get(v) ?? v.base)}" for ${v.mountPath} (${v.size} or more)`).join(', ');
  const how = kind === 'DaemonSet'
    ? ' Every node\'s pod mounts the same claim, so it must be ReadWriteMany; for data kept per node a StatefulSet (or a local volume) fits better.'
    : kind === 'Deployment'
      ? ' A ReadWriteOnce claim is mounted on one node at a time: keep one replica (the draft replaces the pod rather than rolling, strategy Recreate), or use a StatefulSet.'
      : '';
  return { level: 'warning', message: `The pod stays Pending until its PersistentVolumeClaim${claims.length > 1 ? 's exist' : ' exists'}: create ${list}.${how}` };
}

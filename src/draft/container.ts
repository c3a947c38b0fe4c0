/**
 * A container for an image, added to a workload of the text as minimal edits: an app container,
 * an init container or a native sidecar (an init container with restartPolicy: Always), hardened
 * like a drafted one, with a volume for each place the image writes and, where the user picks one,
 * an existing volume of the pod mounted too.
 */
import type { TextEdit } from '../types.ts';
import { applyEdits } from '../fixes/apply.ts';
import { EditBuilder, EditContext } from '../fixes/edits.ts';
import { findingNotes } from './check.ts';
import { detectStyle } from '../fixes/style.ts';
import { findWorkloads, isWithin, normalizePath } from '../model/index.ts';
import type { Pod, Volume } from '../model/index.ts';
import { parseYaml } from '../yaml/parse.ts';
import type { Plain } from '../yaml/render.ts';
import { asMap, asScalar, asSeq, get, getPath, getStr } from '../yaml/tree.ts';
import { dnsLabel, planContainer, volumeWords } from './plan.ts';
import type { DraftNote, VolumePlan } from './plan.ts';
import { hints } from './hints.ts';
import { findImage } from '../knowledge/index.ts';
import { appContainer, claimTemplate, seedContainer, volumeItem, volumeNames } from './workload.ts';

export type ContainerRole = 'app' | 'init' | 'sidecar';

export interface AddContainerOptions {
  /** The workload, by its index in analyze(text).workloads. */
  workload: number;
  role: ContainerRole;
  image: string;
  name: string;
  /** An existing volume of the pod to mount in the new container too. */
  shareVolume?: { name: string; mountPath: string };
}

export interface AddContainerResult {
  /** Text edits on `text`; empty when the container cannot be added (the notes say why). */
  edits: TextEdit[];
  notes: DraftNote[];
}

type Obj = { [key: string]: Plain };

/** The edits that add a hardened container for `image` to a workload of `text`. */
export function addContainer(text: string, opts: AddContainerOptions): AddContainerResult {
  const fail = (message: string): AddContainerResult => ({ edits: [], notes: [{ level: 'warning', message }] });
  try {
    const docs = parseYaml(text);
    if (docs.some((d) => d.errors.length)) return fail('The YAML has a syntax error; fix it in the editor first.');
    const w = findWorkloads(docs.map((d) => ({ index: d.index, contents: d.contents })))[opts.workload];
    if (!w) return fail('That workload is no longer in the text.');
    const image = opts.image.trim();
    if (!image) return fail('Name an image for the container.');
    const pod = w.pod;
    const e = new EditBuilder(new EditContext(text, detectStyle(text, docs.map((d) => d.contents))));
    const spec = w.kind === 'StatefulSet' && w.podPath.join('.') === 'spec.template.spec' ? asMap(get(w.node, 'spec')) : null;
    const plan = planContainer(image);
    const notes: DraftNote[] = [...plan.notes];

    const wanted = dnsLabel(opts.name.trim() || plan.name, plan.name);
    const name = e.uniqueContainerName(pod, wanted);
    if (name !== wanted) notes.push({ level: 'info', message: `The pod already has a container named "${wanted}": the new one is "${name}".` });

    // an existing volume to share, and the writable paths it already covers
    let share: { volume: Volume; mountPath: string } | undefined;
    if (opts.shareVolume) {
      const volume = pod.volume(opts.shareVolume.name);
      const mountPath = opts.shareVolume.mountPath.trim();
      if (!volume) notes.push({ level: 'warning', message: `The pod has no volume "${opts.shareVolume.name}" to share; the container is added without it.` });
      else if (!mountPath.startsWith('/')) notes.push({ level: 'warning', message: `"${mountPath}" is not an absolute path: the shared volume "${volume.name}" is not mounted.` });
      else share = { volume, mountPath: normalizePath(mountPath) };
    }
    const volumes: VolumePlan[] = [];
    for (const v of plan.volumes) {
      if (share && isWithin(v.mountPath, share.mountPath)) {
        const writable = !share.volume.readOnlySource;
        const persistent = share.volume.type === 'persistentVolumeClaim' || share.volume.type === 'ephemeral';
        if (writable && !v.seedFrom && (v.kind !== 'persistent' || persistent)) continue; // the shared volume holds it
        if (v.mountPath === share.mountPath) {
          notes.push({ level: 'warning', message: `${plan.who} writes ${v.mountPath}, which wants ${volumeWords(v.kind)}, but the shared volume "${share.volume.name}" mounted there is ${writable ? share.volume.type : 'read-only'}${v.seedFrom ? ' and would hide the files the image ships there' : ''}: mount it elsewhere, or check the findings after adding.` });
          continue;
        }
      }
      volumes.push(v);
    }
    const names = volumeNames(volumes, new Set(pod.volumes.map((v) => v.name)), name);
    const own = { ...plan, volumes };

    // container-level hardening where the pod's securityContext does not already give it
    const podSecurity = pod.securityContext;
    const podUid = asScalar(get(podSecurity, 'runAsUser'))?.value;
    const podNonRoot = asScalar(get(podSecurity, 'runAsNonRoot'))?.value === true;
    const security: Obj = {};
    if (plan.uid !== undefined && plan.uid !== podUid) {
      security.runAsNonRoot = true;
      security.runAsUser = plan.uid;
    } else if (!podNonRoot) security.runAsNonRoot = true;
    if (!getStr(asMap(get(podSecurity, 'seccompProfile')), 'type')) security.seccompProfile = { type: 'RuntimeDefault' };

    // Volumes first: a new `initContainers:` key and new `volumes` items can land at one offset
    // (after the pod's last list), and insertions at one offset keep the order they were made in.
    podLevel(e, pod, plan.uid, volumes, plan.privilegedPort);
    for (const v of volumes) {
      if (v.kind === 'persistent' && spec) e.append(spec, 'volumeClaimTemplates', claimTemplate(v, names));
      else e.append(pod.node, 'volumes', volumeItem(v, names, w.name));
    }
    const seed = seedContainer(own, names, e.uniqueContainerName(pod, `${name}-seed`), security);
    if (seed) e.append(pod.node, 'initContainers', seed);
    const c = appContainer(own, names, name, { ...(opts.role === 'sidecar' ? { restartPolicy: 'Always' } : {}), security });
    if (share) c.volumeMounts = [...((c.volumeMounts as Plain[] | undefined) ?? []), { name: share.volume.name, mountPath: share.mountPath }];
    e.append(pod.node, opts.role === 'app' ? 'containers' : 'initContainers', c);

    const claims = volumes.filter((v) => v.kind === 'persistent');
    if (claims.length && !spec) {
      notes.push({ level: 'warning', message: `The pod stays Pending until ${claims.map((v) => `the PersistentVolumeClaim "${dnsLabel(`${w.name}-${names.get(v) ?? v.base}`, v.base)}" (for ${v.mountPath}, ${v.size} or more)`).join(' and ')} exist${claims.length > 1 ? '' : 's'}: create ${claims.length > 1 ? 'them' : 'it'}.` });
    }
    const found = findImage(image);
    if (opts.role === 'init' && found && hints[found.image.id]?.port) {
      notes.push({ level: 'warning', message: `An init container must finish before the next one starts, and ${plan.who} is a server that keeps running: the pod would never start. A sidecar (an init container with restartPolicy: Always) runs beside the app instead.` });
    }
    if (opts.role === 'sidecar') notes.push({ level: 'info', message: 'A native sidecar is an init container with restartPolicy: Always: it starts before the app containers and runs beside them (Kubernetes 1.29 and later).' });
    notes.push(...findingNotes(applyEdits(text, e.edits), text));
    return { edits: e.edits, notes };
  } catch (err) {
    return fail(`rootlock could not add the container (${String((err as Error)?.message ?? err)}); the text is unchanged.`);
  }
}

/** fsGroup for new claims, and the sysctl that lets a non-root program bind a port below 1024. */
function podLevel(e: EditBuilder, pod: Pod, uid: number | undefined, volumes: VolumePlan[], port: number | undefined): void {
  const sc = pod.securityContext;
  if (uid !== undefined && volumes.some((v) => v.kind === 'persistent') && get(sc, 'fsGroup') === null) e.set(pod.node, ['securityContext', 'fsGroup'], uid);
  if (port === undefined) return;
  const item = { name: 'net.ipv4.ip_unprivileged_port_start', value: String(port) };
  const sysctls = asSeq(get(sc, 'sysctls'));
  if (!sc || !sysctls) {
    e.set(pod.node, ['securityContext', 'sysctls'], [item]);
    return;
  }
  const current = sysctls.items.map((i) => asMap(i)).find((m) => getStr(m, 'name') === item.name);
  if (!current) {
    e.append(sc, 'sysctls', item);
    return;
  }
  const value = asScalar(getPath(current, ['value']));
  if (value && Number(value.value) > port) e.replaceScalar(value, String(port));
}

/**
 * What one container of an image needs to run with a read-only root and the restricted
 * securityContext: the uid it runs as, the env vars that move its writes into volumes, one volume
 * per place it writes, and what to tell the user. The needs come from the same model the rules
 * read (containerWrites on a probe container), so a draft and its analysis agree by construction.
 */
import { findImage, findRuntime, images, parseImageRef, runtimes } from '../knowledge/index.ts';
import type { ImageKnowledge, RuntimeKnowledge, VolumeKind, WritablePath } from '../knowledge/index.ts';
import { findWorkloads, isWithin, normalizePath } from '../model/index.ts';
import { SYSTEM_DIRS } from '../model/paths.ts';
import { containerWrites, genericTmpNeed } from '../model/writes.ts';
import type { Need } from '../model/writes.ts';
import { sizeFor } from '../rules/util.ts';
import { nameForPath } from '../fixes/edits.ts';
import { parseYaml } from '../yaml/parse.ts';
import { FALLBACK_UID, hints } from './hints.ts';
import type { DraftHint } from './hints.ts';

export interface DraftNote {
  level: 'info' | 'warning';
  message: string;
}

export interface VolumePlan {
  /** A readable volume name for the path (made unique where the volume is added). */
  base: string;
  mountPath: string;
  kind: VolumeKind;
  /** sizeLimit of an emptyDir, or the storage request of a claim. */
  size: string;
  /** Why the volume is there, from the knowledge base: the comment above it. */
  comment: string;
  /** The directory the image ships files in, which an init container copies into the volume first. */
  seedFrom?: string;
}

export interface ContainerPlan {
  image: string;
  /** A container name from the image's repository: `nginx`, `postgres`, `grafana`. */
  name: string;
  /** What rootlock knows of the image, to name it in messages ("nginx", "PostgreSQL"). */
  who: string;
  known: boolean;
  /** The uid to run as; undefined when rootlock cannot tell (runAsNonRoot alone). */
  uid: number | undefined;
  env: Array<{ name: string; value: string }>;
  volumes: VolumePlan[];
  /** A port below 1024 the non-root program binds: the pod needs ip_unprivileged_port_start. */
  privilegedPort: number | undefined;
  notes: DraftNote[];
}

export interface PlanOptions {
  /** The container port the user gave. */
  port?: number;
}

/** Where a draft keeps HOME for a uid that has no /etc/passwd entry (it would otherwise be `/`). */
const NONROOT_HOME = '/home/nonroot';

export function planContainer(image: string, opts: PlanOptions = {}): ContainerPlan {
  const notes: DraftNote[] = [];
  const ref = parseImageRef(image);
  if (!ref) notes.push({ level: 'warning', message: `"${image}" is not an image reference rootlock can read (lower-case repository, optional registry, :tag and @digest): the draft uses it as written and treats it as an unknown image.` });
  const found = ref ? findImage(image)?.image : undefined;
  const rts = ref ? findRuntime(image, undefined).filter((r) => r.id !== 'shell') : [];
  const known = !!found || rts.length > 0;
  const entry: ImageKnowledge | RuntimeKnowledge | undefined = found ?? rts[0];
  const who = entry ? shortTitle(entry.title) : image;
  const hint: DraftHint = (found && hints[found.id]) || {};

  // ── the user ──
  const userOf = found?.user ? found : rts.find((r) => r.user);
  const u = userOf?.user;
  let uid: number | undefined;
  let uidChanged = false;
  if (u && u.uid > 0) {
    uid = u.uid;
  } else if (u?.dropsTo) {
    uid = (ref ? hint.uid?.(ref) : undefined) ?? u.dropsTo.uid;
    const name = u.dropsTo.name ? `${u.dropsTo.name} (${uid})` : `uid ${uid}`;
    notes.push({ level: 'info', message: join(u.note ?? `${who} starts as root and switches to ${name}.`, `The draft runs ${who} as ${name} from the start, so runAsNonRoot holds.`, hint.nonRoot) });
  } else if (u) {
    const h = hint.runAsUser;
    uid = h?.uid ?? FALLBACK_UID;
    uidChanged = true;
    notes.push(h
      ? { level: 'info', message: `${who} runs as root by default; the draft runs it as ${uid}, ${h.why}.` }
      : { level: 'warning', message: `${who} runs as root by default and rootlock knows no non-root user for it: the draft runs it as uid ${uid}, which has no /etc/passwd entry. Check that it starts and can read its files; an image that really needs root cannot meet the restricted profile.` });
  } else {
    notes.push({ level: known ? 'info' : 'warning', message: `rootlock does not know which user ${known ? `this ${who} image` : 'this image'} runs as, so the draft sets runAsNonRoot: true without a runAsUser. If the image's USER is root (or a name rather than a number) the kubelet refuses to start it ("container has runAsNonRoot and image will run as root"): then set runAsUser to a uid the image works with.` });
  }

  // ── the port ──
  const defaultPort = ref ? hint.port?.(ref) : undefined;
  const low = [opts.port, defaultPort].filter((p): p is number => p !== undefined && p > 0 && p < 1024);
  const privilegedPort = low.length && uid !== 0 ? Math.min(...low) : undefined;
  if (privilegedPort !== undefined) {
    const listens = privilegedPort === defaultPort ? `${who} listens on port ${privilegedPort} with the image's own configuration` : `Port ${privilegedPort} is below 1024`;
    notes.push({
      level: 'warning',
      message: join(
        `${listens}, and a process that is not root may not bind a port below 1024. The draft sets the pod sysctl net.ipv4.ip_unprivileged_port_start=${privilegedPort} (namespaced to the pod, and allowed by the restricted profile) so it can. Adding the NET_BIND_SERVICE capability would not do it: with allowPrivilegeEscalation: false a non-root process never gains a capability. Where the program can be configured, a port of 1024 or above (mapped to ${privilegedPort} by the Service) needs neither.`,
        hint.unprivileged ? `Or use ${hint.unprivileged.image}: ${hint.unprivileged.why}.` : undefined,
      ),
    });
  }

  // ── pass 1: what it writes as it stands, and the env vars that move it ──
  const env = new Map<string, string>(Object.entries(hint.env ?? {}));
  const mountAt = new Map<string, string>();
  const seedFrom = new Map<string, string>();
  const inHome: string[] = [];
  for (const n of probe(image, env, uid).needs) {
    const p = knowledgePath(n);
    if (!p || p.onlyWhen) continue;
    const key = needKey(n);
    if (p.env?.includes('PGDATA') && n.volume === 'persistent') {
      const at = ref ? hint.dataMount?.(ref) : undefined;
      if (at && isWithin(n.path, at)) mountAt.set(key, at);
      else {
        // initdb refuses a non-empty directory, and a fresh volume holds lost+found
        env.set('PGDATA', `${n.path}/pgdata`);
        mountAt.set(key, n.path);
      }
    } else if (p.shipsContent) {
      const moveBy = p.env?.[0];
      if (moveBy && n.volume === 'persistent') {
        // keep what the image ships visible: the data goes into a directory below it
        env.set(moveBy, `${n.path}/data`);
        notes.push({ level: 'info', message: `${who} ships files in ${n.path} (${p.shipsContent}): the draft points ${moveBy} at ${n.path}/data and mounts the volume there, so they stay visible.` });
      } else if (moveBy) {
        env.set(moveBy, `${n.path}-rw`);
        seedFrom.set(key, n.path);
      } else {
        seedFrom.set(key, n.path);
      }
    } else if (p.home !== undefined && uidChanged) {
      env.set('HOME', NONROOT_HOME);
      inHome.push(`${who}: ${n.what}`);
    }
  }

  // ── pass 2: the volumes ──
  const owner = containerName(ref?.repository ?? image);
  const { needs, tmp } = probe(image, env, uid);
  const volumes: VolumePlan[] = [];
  const persistent: VolumePlan[] = [];
  for (const n of needs) {
    const p = knowledgePath(n);
    if (p?.onlyWhen) {
      // a path below HOME moves with the user the draft picked
      const home = p.home !== undefined && uidChanged && !env.has('HOME') ? (hint.runAsUser?.home ?? '') : undefined;
      const moved = home !== undefined ? ` As uid ${uid ?? ''} HOME is ${home || '/'}, so the path is ${home}/${p.home}.` : '';
      notes.push({ level: 'info', message: `Left out ${n.path} (${n.what}): ${who} writes there only when ${p.onlyWhen}.${moved} If that is your case, mount ${volumeWords(n.volume)} there.` });
      continue;
    }
    if (n.origin === 'command') continue;
    const at = mountAt.get(needKey(n)) ?? n.mountAt;
    if (SYSTEM_DIRS.has(at)) {
      notes.push({ level: 'warning', message: `${who} writes ${n.path} (${n.what}), but a volume there would hide the image's own files; rootlock leaves it to you.` });
      continue;
    }
    if (volumes.some((v) => v.mountPath === at)) continue;
    const from = seedFrom.get(needKey(n));
    const v: VolumePlan = {
      base: nameFor(at, n.purpose, owner),
      mountPath: at,
      kind: n.volume,
      size: sizeFor(n),
      comment: n.env?.name === 'HOME' && !n.knowledge && inHome.length ? `HOME of uid ${uid ?? ''}, which has no /etc/passwd entry — ${inHome.join('; ')}` : commentFor(n, from),
      ...(from ? { seedFrom: from } : {}),
    };
    volumes.push(v);
    if (n.volume === 'persistent') persistent.push(v);
    if (p?.inferred) notes.push({ level: 'info', message: `${n.path} (${n.what}) is inferred from how similar images behave, not read in a source: the draft mounts ${volumeWords(n.volume)} there to be safe.` });
    if (from) notes.push({ level: 'info', message: `${who} ships files in ${from} (${p?.shipsContent ?? n.what}) and writes there too: an init container copies them into the writable volume before ${who} starts${at === from ? '' : `, and ${[...env].find(([, value]) => value === at)?.[0] ?? 'an env var'} points ${who} at ${at}`}.` });
  }
  if (tmp) volumes.push({ base: 'tmp', mountPath: '/tmp', kind: tmp.volume, size: sizeFor(tmp), comment: 'temporary files: most programs write them to /tmp' });
  if (persistent.length === 1 && persistent[0]) persistent[0].base = 'data';

  // ── what else to say ──
  if (!known) {
    notes.push({
      level: 'warning',
      message: `rootlock does not know ${image}, so it cannot tell which paths it writes: the draft mounts only an emptyDir at /tmp, where most programs write. To find the others, run the image once with a writable root and list what it changed (\`docker run --name probe ${image}\`, then \`docker diff probe\`), or deploy this draft and read the "Read-only file system" errors in its logs; give each directory it writes an emptyDir (persistent storage for data).`,
    });
  }
  if (found && ref && ref.major === undefined && (found.paths.some((p) => p.versions) || found.defaults?.some((d) => d.versions))) {
    notes.push({ level: 'info', message: `${image} names no version: the paths are those of the newest ${who} rootlock knows. Pin a tag to be sure.` });
  }
  for (const k of [found, ...rts]) for (const text of k?.notes ?? []) {
    if (!notes.some((x) => x.message === text)) notes.push({ level: 'info', message: text });
  }

  return {
    image,
    name: owner,
    who,
    known,
    uid,
    env: [...env].map(([name, value]) => ({ name, value })),
    volumes,
    privilegedPort,
    notes,
  };
}

/** The model's view of a container of `image` with `env`, read-only and without mounts. */
function probe(image: string, env: ReadonlyMap<string, string>, uid: number | undefined): { needs: Need[]; tmp: Need | undefined } {
  const container = {
    name: 'probe',
    image,
    env: [...env].map(([name, value]) => ({ name, value })),
    securityContext: { readOnlyRootFilesystem: true, ...(uid !== undefined ? { runAsUser: uid } : {}) },
  };
  const docs = parseYaml(JSON.stringify({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'probe' }, spec: { containers: [container] } }));
  const c = findWorkloads(docs.map((d) => ({ index: d.index, contents: d.contents })))[0]?.pod.containers[0];
  if (!c) return { needs: [], tmp: undefined };
  return { needs: containerWrites(c).needs, tmp: genericTmpNeed(c) };
}

function needKey(n: Need): string {
  return `${n.knowledge?.id ?? ''}|${n.what}`;
}

/** The knowledge base's entry for a need that came from it. */
function knowledgePath(n: Need): WritablePath | undefined {
  const id = n.knowledge?.id;
  if (!id) return undefined;
  const k = images.find((i) => i.id === id) ?? runtimes.find((r) => r.id === id);
  return k?.paths.find((p) => p.what === n.what && p.purpose === n.purpose);
}

function commentFor(n: Need, seedFrom: string | undefined): string {
  const who = n.knowledge ? shortTitle(n.knowledge.title) : undefined;
  const what = who ? `${who}: ${n.what}` : n.what;
  return seedFrom ? `${what}; the init container copies in what the image ships at ${seedFrom}` : what;
}

/** "PostgreSQL (Docker official image)" → "PostgreSQL". */
export function shortTitle(title: string): string {
  return title.replace(/ \(.*\)$/, '');
}

export function volumeWords(kind: VolumeKind): string {
  return kind === 'memory' ? 'a memory-backed emptyDir' : kind === 'persistent' ? 'persistent storage' : 'an emptyDir';
}

function join(...parts: Array<string | undefined>): string {
  return parts.filter((p) => p).join(' ');
}

/**
 * A readable volume name for a mount path, as the fixes name theirs (`/var/cache/nginx` →
 * `nginx-cache`); a name that only repeats the image's own (`/opt/bitnami/rabbitmq/.rabbitmq` →
 * `rabbitmq`) gets the path's purpose (`rabbitmq-home`).
 */
export function nameFor(path: string, purpose?: string, owner?: string): string {
  const clean = normalizePath(path).split('/').map((s) => s.replace(/^\.+/, '')).join('/');
  let name = dnsLabel(nameForPath(clean), 'vol');
  const words = name.split('-');
  if (words.length === 2 && words[0] === words[1]) name = words[0] as string;
  if (purpose && name === owner) name = `${name}-${purpose}`;
  return name;
}

/** `bitnami/postgresql` → `postgresql`, `nginxinc/nginx-unprivileged` → `nginx-unprivileged`. */
function containerName(repository: string): string {
  const last = repository.split('/').pop() ?? '';
  return dnsLabel(last, 'app');
}

/** A DNS-1123 label made from `s` (lower-case, `-` for anything else), or `fallback`. */
export function dnsLabel(s: string, fallback: string): string {
  const clean = s.toLowerCase().replace(/[^a-z0-9-]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 63).replace(/-+$/, '');
  return clean || fallback;
}

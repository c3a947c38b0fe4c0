/**
 * What a container needs writable: the paths its image and runtime write (from the knowledge
 * base), the paths its env vars point the program at, and what its command writes (from the shell
 * analysis). Rules and the predicted runtime errors read this, never the knowledge base directly.
 */
import { findImage, findRuntime, pathsFor } from '../knowledge/index.ts';
import type { ImageKnowledge, ParsedRef, PathPurpose, RuntimeKnowledge, Source, VolumeKind, WritablePath } from '../knowledge/index.ts';
import { analyzeCommand } from '../shell/index.ts';
import type { CommandAnalysis, Install, Write } from '../shell/index.ts';
import type { YNode, YScalar } from '../yaml/tree.ts';
import type { Container, EnvVar, Writability } from './index.ts';
import { mountFor } from './index.ts';
import { SYSTEM_DIRS, canonicalPath, isWithin, normalizePath } from './paths.ts';

export type NeedOrigin = 'image' | 'runtime' | 'env' | 'command';

/** A place in the source to point at: a node, or offsets. */
export type At = YNode | { start: number; end: number };

export interface Need {
  /** The path the program writes, absolute and normalised. */
  path: string;
  /** Where a volume for it goes: the path itself, or the directory of a file the command writes. */
  mountAt: string;
  origin: NeedOrigin;
  purpose: PathPurpose | 'unknown';
  what: string;
  volume: VolumeKind;
  sizeLimit?: string;
  /** The line the program logs when it cannot write there. */
  error: string;
  /** What the image ships at the path (a fresh volume there would hide it: fill it first). */
  shipsContent?: string;
  /**
   * Persistent data where the image also ships files (Grafana's plugins in /var/lib/grafana): the
   * volume goes to a subdirectory (`mountAt`) and this env var points the program there, so what
   * the image ships stays visible.
   */
  setEnv?: { name: string; value: string };
  /** Set when the write happens only under a condition rootlock cannot see: advice, not an error. */
  advice?: string;
  /** The knowledge entry the fact comes from, with its source. */
  knowledge?: { id: string; title: string; source?: Source };
  /** The env var that names the path (origin env, or an image path moved by env). */
  env?: EnvVar;
  /** The shell write (origin command). */
  write?: Write;
  /** Where a finding about it points. */
  at: At;
  /** Whether and why the path is writable in this container. */
  writability: Writability;
}

export interface ContentPath {
  path: string;
  what: string;
  shipsContent: string;
  knowledge: { id: string; title: string; source?: Source };
}

export interface UnknownPath {
  /** The env var or shell word that names it. */
  name: string;
  reason: string;
  at: At;
}

export interface ContainerWrites {
  image: { knowledge: ImageKnowledge; ref: ParsedRef; versionAssumed: boolean; major: number | undefined } | undefined;
  runtimes: RuntimeKnowledge[];
  command: CommandAnalysis | null;
  needs: Need[];
  /** Paths where the image ships files that a writable volume mounted over them would hide. */
  content: ContentPath[];
  /** Writes rootlock cannot place: a path from valueFrom, an unset variable, a command substitution. */
  unknown: UnknownPath[];
  installs: Array<Install & { at: At }>;
}

/** Env vars that name a place a program writes, whatever the image. */
export const ENV_PATH_VARS: Readonly<Record<string, { purpose: PathPurpose; what: string; volume: VolumeKind }>> = {
  TMPDIR: { purpose: 'temp', what: 'temporary files (TMPDIR)', volume: 'emptyDir' },
  HOME: { purpose: 'home', what: 'the home directory (HOME): dot-files, caches, tool state', volume: 'emptyDir' },
  XDG_CACHE_HOME: { purpose: 'cache', what: 'caches (XDG_CACHE_HOME)', volume: 'emptyDir' },
  XDG_CONFIG_HOME: { purpose: 'config', what: 'configuration written at run time (XDG_CONFIG_HOME)', volume: 'emptyDir' },
  XDG_DATA_HOME: { purpose: 'data', what: 'application data (XDG_DATA_HOME)', volume: 'persistent' },
  XDG_STATE_HOME: { purpose: 'data', what: 'state (XDG_STATE_HOME)', volume: 'emptyDir' },
  XDG_RUNTIME_DIR: { purpose: 'run', what: 'sockets and runtime files (XDG_RUNTIME_DIR)', volume: 'memory' },
  PGDATA: { purpose: 'data', what: 'the PostgreSQL database cluster (PGDATA)', volume: 'persistent' },
  npm_config_cache: { purpose: 'cache', what: 'the npm cache (npm_config_cache)', volume: 'emptyDir' },
  NPM_CONFIG_CACHE: { purpose: 'cache', what: 'the npm cache (NPM_CONFIG_CACHE)', volume: 'emptyDir' },
  PYTHONPYCACHEPREFIX: { purpose: 'cache', what: 'Python bytecode caches (PYTHONPYCACHEPREFIX)', volume: 'emptyDir' },
  CATALINA_TMPDIR: { purpose: 'temp', what: 'Tomcat temporary files (CATALINA_TMPDIR)', volume: 'emptyDir' },
  ES_TMPDIR: { purpose: 'temp', what: 'Elasticsearch temporary files (ES_TMPDIR)', volume: 'emptyDir' },
  GF_PATHS_DATA: { purpose: 'data', what: 'Grafana data: its database, sessions, plugins (GF_PATHS_DATA)', volume: 'persistent' },
  GF_PATHS_LOGS: { purpose: 'logs', what: 'Grafana log files (GF_PATHS_LOGS)', volume: 'emptyDir' },
  GF_PATHS_PLUGINS: { purpose: 'plugins', what: 'Grafana plugins (GF_PATHS_PLUGINS)', volume: 'emptyDir' },
};

/** sizeLimit for an emptyDir rootlock adds, by what the path holds (see the README). */
export const SIZE_BY_PURPOSE: Readonly<Record<PathPurpose | 'unknown', string>> = {
  temp: '256Mi',
  cache: '256Mi',
  run: '16Mi',
  data: '1Gi',
  config: '16Mi',
  logs: '256Mi',
  home: '128Mi',
  plugins: '512Mi',
  content: '256Mi',
  unknown: '256Mi',
};

const cache = new WeakMap<Container, ContainerWrites>();

/** Everything rootlock knows about what `c` writes; computed once per container. */
export function containerWrites(c: Container): ContainerWrites {
  let w = cache.get(c);
  if (!w) {
    w = compute(c);
    cache.set(c, w);
  }
  return w;
}

/** The container's environment as the program sees it: later entries win; undefined for valueFrom. */
export function envOf(c: Container): Map<string, EnvVar> {
  const m = new Map<string, EnvVar>();
  for (const e of c.env) m.set(e.name, e);
  return m;
}

function compute(c: Container): ContainerWrites {
  const env = envOf(c);
  const argv = [...(c.command?.values ?? []), ...(c.args?.values ?? [])];
  const argvNodes = [...(c.command?.nodes ?? []), ...(c.args?.nodes ?? [])];
  const command = argv.length
    ? analyzeCommand({
      ...(c.command ? { command: c.command.values } : {}),
      ...(c.args ? { args: c.args.values } : {}),
      env: Object.fromEntries([...env].map(([k, v]) => [k, v.value])),
      ...(c.workingDir ? { workingDir: c.workingDir } : {}),
    })
    : null;
  const found = c.image ? findImage(c.image) : undefined;
  // Without a command, the image's own entrypoint runs: the runtimes are those of the image.
  const runtimes = findRuntime(c.image, c.command ? c.command.values : undefined);
  const executables = new Set([...(command?.executables ?? []), ...argv.slice(0, 1).map(basename)]);
  const imageAt: At = asAt(c.node, 'image') ?? c.nameNode ?? c.node;
  // A `command` that runs only standard tools (`cp -a` into a volume, `sleep infinity`, a shell
  // loop) replaces the image's entrypoint: its program — and its runtime — never start, so what
  // they write does not apply. What the command itself writes still does.
  const programRuns = !c.command || (command?.executables.some((x) => !PLAIN_TOOLS.has(x)) ?? true);

  const needs: Need[] = [];
  const unknown: UnknownPath[] = [];
  const content: ContentPath[] = [];
  const movedByEnv = new Set<string>();

  const fromKnowledge = (k: ImageKnowledge | RuntimeKnowledge, origin: 'image' | 'runtime', ref: ParsedRef | string | undefined) => {
    const v = pathsFor(k, ref);
    for (const p of v.paths) {
      if (p.purpose === 'content' || p.shipsContent) content.push({ path: normalizePath(p.path), what: p.what, shipsContent: p.shipsContent ?? p.what, knowledge: ref0(k, p) });
      if (p.purpose === 'content' || !programRuns) continue;
      if (p.whenEnv && !p.whenEnv.some((n) => env.has(n))) continue;
      if (p.unlessEnv && p.unlessEnv.some((u) => env.get(u.name)?.value === u.value)) continue;
      if (p.whenCommand && !p.whenCommand.some((x) => executables.has(x))) continue;
      // the shell runtime's /tmp is about here-documents: the command analysis decides
      if (k.id === 'shell') continue;
      let path = p.path;
      let from: NeedOrigin = origin;
      let at: At = imageAt;
      let byEnv: EnvVar | undefined;
      const setter = p.env?.map((n) => env.get(n)).find((e) => e !== undefined);
      if (setter) {
        movedByEnv.add(setter.name);
        if (setter.value === undefined) {
          unknown.push({ name: setter.name, reason: `${setter.name} comes from valueFrom, so rootlock cannot see where ${p.what} goes`, at: setter.node });
          continue;
        }
        if (!setter.value.startsWith('/')) continue;
        path = setter.value;
        from = 'env';
        at = setter.valueNode ?? setter.node;
        byEnv = setter;
      } else if (p.home !== undefined) {
        const home = env.get('HOME');
        if (home?.value?.startsWith('/')) path = joinPath(home.value, p.home);
      }
      const moveTo = !byEnv && p.shipsContent && p.volume === 'persistent' && p.env?.[0] ? { name: p.env[0], value: `${normalizePath(path)}/data` } : undefined;
      // data in a subdirectory of a volume mounted at the path itself (postgres up to 17)
      const subdir = !byEnv && !moveTo && p.dataSubdir && p.env?.[0] ? { name: p.env[0], value: `${normalizePath(path)}/${p.dataSubdir}` } : undefined;
      needs.push(need(c, {
        path: normalizePath(path),
        mountAt: moveTo ? moveTo.value : byEnv ? (byEnv.name === 'PGDATA' ? pgdataMount(normalizePath(path), p) : normalizePath(path)) : normalizePath(p.mountAt ?? path),
        origin: from,
        purpose: p.purpose,
        what: p.what,
        volume: p.volume,
        ...(p.sizeLimit ? { sizeLimit: p.sizeLimit } : {}),
        ...(p.shipsContent && !byEnv ? { shipsContent: p.shipsContent } : {}),
        ...(moveTo ? { setEnv: moveTo } : subdir ? { setEnv: subdir } : {}),
        error: byEnv ? movePath(p.error, p.path, path) : p.error,
        ...(adviceOf(p) ? { advice: adviceOf(p) as string } : {}),
        knowledge: ref0(k, p),
        ...(byEnv ? { env: byEnv } : {}),
        at,
      }));
    }
  };
  if (found) fromKnowledge(found.image, 'image', found.ref);
  for (const r of runtimes) fromKnowledge(r, 'runtime', c.image);

  // Env vars that name a write location, whatever the image.
  for (const [name, e] of env) {
    const known = ENV_PATH_VARS[name];
    if (!known || movedByEnv.has(name)) continue;
    if (e.value === undefined) {
      unknown.push({ name, reason: `${name} comes from valueFrom, so rootlock cannot see where ${known.what} goes`, at: e.node });
      continue;
    }
    if (!e.value.startsWith('/')) continue;
    const path = normalizePath(e.value);
    needs.push(need(c, {
      path,
      mountAt: name === 'PGDATA' ? parentMount(path) : path,
      origin: 'env',
      purpose: known.purpose,
      what: known.what,
      volume: known.volume,
      error: `${name}=${e.value}: writes there fail with "Read-only file system"`,
      env: e,
      at: e.valueNode ?? e.node,
    }));
  }

  // What the command writes.
  const installs: ContainerWrites['installs'] = [];
  if (command) {
    const prog = command.executables[0] ?? basename(argv[0] ?? 'sh');
    for (const w of command.writes) {
      const at = argAt(argvNodes[w.arg], w.offset, w.raw) ?? c.nameNode ?? c.node;
      if (w.path === null) {
        unknown.push({ name: w.raw, reason: w.reason ?? 'the path cannot be worked out from the manifest', at });
        continue;
      }
      const dirOp = DIR_OPS.has(w.op) || w.raw.endsWith('/');
      const mountAt = dirOp ? w.path : dirname(w.path);
      needs.push(need(c, {
        path: w.path,
        mountAt: mountAt === '/' ? w.path : mountAt,
        origin: 'command',
        purpose: w.op === 'heredoc' ? 'temp' : 'unknown',
        what: w.op === 'heredoc' ? 'the temporary file of a here-document' : `written by \`${w.op}\` in the command`,
        volume: w.op === 'heredoc' ? 'memory' : 'emptyDir',
        error: commandError(w, prog),
        write: w,
        at,
      }));
    }
    for (const i of command.installs) installs.push({ ...i, at: argAt(argvNodes[i.arg], i.offset, i.raw) ?? c.nameNode ?? c.node });
  }

  return {
    image: found ? { knowledge: found.image, ref: found.ref, versionAssumed: found.ref.major === undefined, major: found.ref.major } : undefined,
    runtimes,
    command,
    needs: dedupe(needs),
    content: dedupeContent(content),
    unknown,
    installs,
  };
}

/** Programs that are not an image's server or runtime: file and text tools, sleep, downloads. */
const PLAIN_TOOLS: ReadonlySet<string> = new Set([
  'cp', 'mv', 'ln', 'mkdir', 'rmdir', 'rm', 'chmod', 'chown', 'chgrp', 'touch', 'cat', 'echo', 'printf', 'ls',
  'sleep', 'true', 'false', 'test', '[', 'tail', 'head', 'sed', 'awk', 'grep', 'find', 'xargs', 'tar', 'gzip',
  'gunzip', 'zcat', 'unzip', 'envsubst', 'install', 'rsync', 'tee', 'dd', 'sort', 'uniq', 'wc', 'cut', 'tr',
  'date', 'id', 'whoami', 'hostname', 'basename', 'dirname', 'realpath', 'readlink', 'stat', 'du', 'df',
  'base64', 'sha256sum', 'md5sum', 'curl', 'wget', 'nc', 'ping',
]);

/** Tools that create no temporary files (`sort`, `curl`, package managers and runtimes do). */
const NO_TMP_TOOLS: ReadonlySet<string> = new Set([
  'cp', 'mv', 'ln', 'mkdir', 'rmdir', 'rm', 'chmod', 'chown', 'chgrp', 'touch', 'cat', 'echo', 'printf', 'ls',
  'sleep', 'true', 'false', 'test', '[', 'tail', 'head', 'tee', 'sed', 'basename', 'dirname', 'id', 'whoami',
  'hostname', 'date', 'stat', 'readlink', 'realpath',
]);

const DIR_OPS = new Set(['mkdir', 'tar -x', 'unzip -d', 'wget', 'curl -O', 'heredoc', 'git clone', 'npm install', 'pip install']);

function need(c: Container, n: Omit<Need, 'writability'>): Need {
  return { ...n, writability: c.writableAt(n.path) };
}

function adviceOf(p: WritablePath): string | undefined {
  if (p.onlyWhen) return `only when ${p.onlyWhen}`;
  if (p.inferred) return 'inferred from how similar images behave, not read in a source';
  return undefined;
}

function ref0(k: ImageKnowledge | RuntimeKnowledge, p: WritablePath): { id: string; title: string; source?: Source } {
  const source = k.sources[p.source];
  return { id: k.id, title: k.title, ...(source ? { source } : {}) };
}

/** One need per place: a need below another of the same kind of volume is covered by it. */
function dedupe(needs: Need[]): Need[] {
  const out: Need[] = [];
  const rank = (n: Need) => (n.advice ? 1 : 0);
  const sorted = [...needs].sort((a, b) => a.mountAt.length - b.mountAt.length || rank(a) - rank(b));
  for (const n of sorted) {
    const cn = canonicalPath(n.mountAt);
    const same = out.find((o) => canonicalPath(o.mountAt) === cn);
    if (same) continue;
    if (out.some((o) => o.volume === n.volume && !o.advice && isWithin(cn, canonicalPath(o.mountAt)))) continue;
    out.push(n);
  }
  // keep the order a person reads: image facts first, then env, then the command
  const order: Record<NeedOrigin, number> = { image: 0, runtime: 1, env: 2, command: 3 };
  return out.sort((a, b) => order[a.origin] - order[b.origin] || needs.indexOf(a) - needs.indexOf(b));
}

function dedupeContent(list: ContentPath[]): ContentPath[] {
  const seen = new Set<string>();
  return list.filter((p) => (seen.has(p.path) ? false : (seen.add(p.path), true)));
}

function commandError(w: Write, prog: string): string {
  const p = w.path ?? w.raw;
  switch (w.op) {
    case '>':
    case '>>':
    case '<>':
      return `${prog === 'bash' ? 'bash' : 'sh'}: can't create ${p}: Read-only file system`;
    case 'mkdir':
      return `mkdir: can't create directory '${p}': Read-only file system`;
    case 'heredoc':
      return 'sh: cannot create temp file for here-document: Read-only file system';
    case 'cp':
    case 'mv':
    case 'install':
    case 'touch':
    case 'ln':
    case 'tee':
      return `${w.op}: can't create '${p}': Read-only file system`;
    default:
      return `${w.op.split(' ')[0]}: ${p}: Read-only file system`;
  }
}

/** The source offsets of `raw` inside an argv scalar: exact for plain and simple quoted scalars, else searched. */
function argAt(node: YScalar | undefined, offset: number, raw: string): At | undefined {
  if (!node) return undefined;
  const len = Math.max(raw.length, 1);
  if (node.style === 'plain') return { start: node.start + offset, end: node.start + offset + len };
  if ((node.style === 'single' || node.style === 'double') && typeof node.value === 'string' && node.end - node.start === node.value.length + 2) {
    return { start: node.start + 1 + offset, end: node.start + 1 + offset + len };
  }
  return node;
}

function asAt(map: YNode, key: string): At | undefined {
  if (map.kind !== 'map') return undefined;
  const p = map.pairs.find((x) => x.name === key);
  return p?.value ?? undefined;
}

function basename(p: string): string {
  const i = p.lastIndexOf('/');
  return i >= 0 ? p.slice(i + 1) : p;
}

/**
 * The program's error line with the default path replaced by the one an env var names: only where
 * it is the path itself or a parent of the file named (`/tmp/tmp.XXXXXXXXXX` with TMPDIR=/scratch is
 * `/scratch/tmp.XXXXXXXXXX`: the file's name stays).
 */
function movePath(error: string, from: string, to: string): string {
  const escaped = from.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return error.replace(new RegExp(`${escaped}(?![\\w.-])`, 'g'), () => to);
}

/**
 * Where the volume for a PGDATA directory goes: the directory above it, so that PGDATA is a
 * subdirectory of the mount (initdb refuses a non-empty directory, and a fresh volume often holds
 * lost+found; pgdata-at-mount-root). The path itself when the parent is / or a system directory.
 */
/**
 * Where a volume for an explicit PGDATA goes: its parent directory (PGDATA must be a subdirectory
 * of its mount) — but never a parent of the image's own data VOLUME (postgres up to 17), which
 * must be covered exactly.
 */
function pgdataMount(path: string, p: WritablePath): string {
  const up = parentMount(path);
  if (p.dataSubdir && isWithin(p.path, up) && p.path !== up) return isWithin(path, p.path) ? p.path : path;
  return up;
}

function parentMount(path: string): string {
  const up = dirname(path);
  return up === '/' || SYSTEM_DIRS.has(up) ? path : up;
}

function dirname(p: string): string {
  const i = p.lastIndexOf('/');
  return i <= 0 ? '/' : p.slice(0, i);
}

function joinPath(a: string, b: string): string {
  return b ? `${a.replace(/\/+$/, '')}/${b}` : a;
}

/**
 * The generic /tmp need: most programs write temporary files there, so a read-only container with
 * nothing at /tmp gets one — unless what rootlock knows of the image already speaks of /tmp (its
 * own need, with the program's error) or says the program never uses it (nginx).
 */
export function genericTmpNeed(c: Container): Need | undefined {
  const w = containerWrites(c);
  if (w.image?.knowledge.tmpNotNeeded) return undefined;
  // a command that runs only tools that never make temp files (`cp -a` into a volume, a sleep
  // loop), without a here-document, needs no /tmp: rootlock sees everything it runs
  if (c.command && w.command && !w.command.heredoc && w.command.executables.every((x) => NO_TMP_TOOLS.has(x))) return undefined;
  if (w.needs.some((n) => isWithin(n.mountAt, '/tmp') || isWithin(n.path, '/tmp'))) return undefined;
  if (mountFor(c, '/tmp')) return undefined;
  return {
    path: '/tmp',
    mountAt: '/tmp',
    origin: 'runtime',
    purpose: 'temp',
    what: 'temporary files',
    volume: 'emptyDir',
    sizeLimit: SIZE_BY_PURPOSE.temp,
    error: 'Read-only file system (errno 30, EROFS) from whatever creates a temp file',
    at: c.nameNode ?? c.node,
    writability: c.writableAt('/tmp'),
  };
}

/**
 * What must become writable when the container's root is made read-only: each path it writes
 * that only the root filesystem holds now (facts, not conditional advice), and /tmp. Persistent
 * storage outside a StatefulSet is left out: its claim is the user's to create.
 */
export function volumesForReadOnly(c: Container): Need[] {
  const statefulSet = c.pod.workload.kind === 'StatefulSet';
  const out = containerWrites(c).needs.filter((n) => !n.advice && n.writability.mount === null && (n.volume !== 'persistent' || statefulSet));
  const tmp = genericTmpNeed(c);
  if (tmp) out.push(tmp);
  return out;
}

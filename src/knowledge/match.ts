/**
 * From an image reference (and a command) to the knowledge entries that describe it.
 *
 * References follow the distribution/reference grammar: `[registry/]path[:tag][@digest]`. The
 * first component is a registry when it contains `.` or `:` or is `localhost`; path components are
 * lowercase. A reference that does not fit the grammar (uppercase path, spaces, a template such as
 * `{{ .Values.image }}`) is not an image reference: parseImageRef returns undefined.
 */
import { images } from './images.ts';
import { runtimes } from './runtimes.ts';
import type { ImageKnowledge, RuntimeKnowledge, WritablePath } from './types.ts';

export interface ParsedRef {
  /** `docker.io`, `quay.io`, `localhost:5000` … when the reference names one. */
  registry?: string;
  /** The path without registry, tag or digest, as written: `library/nginx`, `bitnami/postgresql`. */
  repository: string;
  tag?: string;
  /** `sha256:…` */
  digest?: string;
  /** The tag's leading number (`16-alpine` → 16, `v2.53.0` → 2); undefined for `latest` or no tag. */
  major?: number;
}

const PATH_COMPONENT = /^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*$/;
const DOMAIN_LABEL = '(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])';
const DOMAIN = new RegExp(`^(?:${DOMAIN_LABEL}(?:\\.${DOMAIN_LABEL})*|\\[[a-fA-F0-9:]+\\])(?::[0-9]+)?$`);
const TAG = /^[\w][\w.-]{0,127}$/;
const DIGEST = /^[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,}$/;
const LEADING_NUMBER = /^v?(\d+)/;
/** The whole name may not exceed 255 characters (distribution/reference NameTotalLengthMax). */
const NAME_MAX = 255;

export function parseImageRef(ref: string): ParsedRef | undefined {
  if (typeof ref !== 'string' || ref.length === 0 || ref.length > 1024) return undefined;
  let rest = ref;
  let digest: string | undefined;
  const at = rest.indexOf('@');
  if (at >= 0) {
    digest = rest.slice(at + 1);
    rest = rest.slice(0, at);
    if (!DIGEST.test(digest)) return undefined;
  }
  let tag: string | undefined;
  const colon = rest.lastIndexOf(':');
  if (colon > rest.lastIndexOf('/')) {
    tag = rest.slice(colon + 1);
    rest = rest.slice(0, colon);
    if (!TAG.test(tag)) return undefined;
  }
  if (rest.length === 0 || rest.length > NAME_MAX) return undefined;
  const parts = rest.split('/');
  let registry: string | undefined;
  const first = parts[0] ?? '';
  if (parts.length > 1 && (first.includes('.') || first.includes(':') || first === 'localhost' || first.startsWith('['))) {
    if (!DOMAIN.test(first)) return undefined;
    registry = first;
    parts.shift();
  }
  if (parts.length === 0 || !parts.every((p) => PATH_COMPONENT.test(p))) return undefined;
  const repository = parts.join('/');
  // A bare 64-hex name is an image id, not a repository (docker refuses it as a name).
  if (registry === undefined && /^[a-f0-9]{64}$/.test(repository)) return undefined;
  const parsed: ParsedRef = { repository };
  if (registry !== undefined) parsed.registry = registry;
  if (tag !== undefined) parsed.tag = tag;
  if (digest !== undefined) parsed.digest = digest;
  const major = tag === undefined ? undefined : majorOf(tag);
  if (major !== undefined) parsed.major = major;
  return parsed;
}

function majorOf(tag: string): number | undefined {
  const m = LEADING_NUMBER.exec(tag);
  if (!m?.[1]) return undefined;
  const n = Number(m[1]);
  return Number.isSafeInteger(n) ? n : undefined;
}

/**
 * A repository path for matching: `library/` components dropped (Docker Hub's official images are
 * `library/<name>`, and mirrors keep that component: `mirror.corp/dockerhub/library/nginx`).
 */
export function normalizeRepository(repository: string): string {
  const parts = repository.split('/');
  const kept = parts.filter((p, i) => p !== 'library' || i === parts.length - 1);
  return kept.join('/');
}

/** How well `path` matches `repo`: its length when path is repo or ends with `/repo`, else -1. */
function matchLength(path: string, repo: string): number {
  const r = normalizeRepository(repo);
  return path === r || path.endsWith(`/${r}`) ? r.length : -1;
}

/** Normalised repository → entry, built once per list: matching is a few map look-ups. */
const indexes = new WeakMap<readonly { repositories: string[] }[], Map<string, { repositories: string[] }>>();

function indexOf<T extends { repositories: string[] }>(entries: readonly T[]): Map<string, T> {
  let index = indexes.get(entries) as Map<string, T> | undefined;
  if (!index) {
    index = new Map();
    for (const entry of entries) for (const repo of entry.repositories) {
      const r = normalizeRepository(repo);
      if (!index.has(r)) index.set(r, entry);
    }
    indexes.set(entries, index);
  }
  return index;
}

function bestMatch<T extends { repositories: string[] }>(entries: readonly T[], repository: string): { entry: T; length: number } | undefined {
  const path = normalizeRepository(repository);
  const index = indexOf(entries);
  // the whole path first, then ever shorter suffixes after a `/`: the first hit is the longest
  for (let at = 0; at !== -1 && at <= path.length; at = path.indexOf('/', at) + 1 || -1) {
    const suffix = path.slice(at);
    const entry = index.get(suffix);
    if (entry) return { entry, length: suffix.length };
  }
  return undefined;
}

/**
 * The image entry for a reference: the entry one of whose repositories equals the reference's
 * repository path or ends it after a `/` (a mirror or an organisation's copy); the longest wins,
 * so `docker.io/bitnami/redis` is `bitnami/redis`, not `redis`.
 */
export function findImage(ref: string): { image: ImageKnowledge; ref: ParsedRef } | undefined {
  const parsed = parseImageRef(ref);
  if (!parsed) return undefined;
  const best = bestMatch(images, parsed.repository);
  return best ? { image: best.entry, ref: parsed } : undefined;
}

/**
 * The runtimes a container carries: by the image's repository (`eclipse-temurin:21` → JVM) and by
 * its command's argv[0] basename (`/usr/bin/python3` → Python). `command` is argv as the container
 * runs it: the container's `command`, or its `args` when it sets no command. `env` as argv[0] is
 * looked through (`/usr/bin/env python3`), and a versioned name counts as its family (`python3.12`).
 */
export function findRuntime(ref: string | undefined, command: string[] | undefined): RuntimeKnowledge[] {
  const found = new Set<RuntimeKnowledge>();
  const parsed = ref === undefined ? undefined : parseImageRef(ref);
  if (parsed) {
    const path = normalizeRepository(parsed.repository);
    for (const runtime of runtimes) {
      if (runtime.repositories.some((repo) => matchLength(path, repo) >= 0)) found.add(runtime);
    }
  }
  const exe = executable(command);
  if (exe !== undefined) {
    const family = exe.replace(/[\d.]+$/, '');
    for (const runtime of runtimes) {
      if (runtime.commands.includes(exe) || (family !== '' && runtime.commands.includes(family))) found.add(runtime);
    }
  }
  return runtimes.filter((r) => found.has(r));
}

function basename(path: string): string {
  const i = path.lastIndexOf('/');
  return i >= 0 ? path.slice(i + 1) : path;
}

function executable(command: string[] | undefined): string | undefined {
  if (!command || command.length === 0) return undefined;
  const first = command[0];
  if (first === undefined) return undefined;
  const name = basename(first.trim());
  if (name !== 'env') return name === '' ? undefined : name;
  // env [-i] [NAME=value …] program …
  const program = command.slice(1).find((a) => !a.startsWith('-') && !a.includes('='));
  return program === undefined ? undefined : basename(program);
}

export interface VersionedPaths {
  /** Every path entry that applies to this version. */
  paths: WritablePath[];
  /** The paths the program writes (purpose other than `content`). */
  writable: WritablePath[];
  /** Paths the image ships content at, not written (purpose `content`). */
  content: WritablePath[];
  /** The env defaults that apply to this version: PGDATA → /var/lib/postgresql/data … */
  defaults: Record<string, string>;
  /** The tag's major version, when the tag has one. */
  major?: number;
  /**
   * True when the reference gives no version (no tag, a digest only, `latest`, `alpine` …): the
   * paths are those of the newest version the knowledge describes.
   */
  versionAssumed: boolean;
}

type VersionRange = { min?: number; max?: number } | undefined;

/** Whether a range includes a major version; an unknown version is the newest (no upper bound). */
export function versionApplies(range: VersionRange, major: number | undefined): boolean {
  if (!range) return true;
  if (major === undefined) return range.max === undefined;
  return (range.min === undefined || major >= range.min) && (range.max === undefined || major <= range.max);
}

/** The image's (or runtime's) paths and env defaults for the version a reference names. */
export function pathsFor(image: ImageKnowledge | RuntimeKnowledge, ref?: ParsedRef | string): VersionedPaths {
  const parsed = typeof ref === 'string' ? parseImageRef(ref) : ref;
  const major = parsed?.major;
  const paths = image.paths.filter((p) => versionApplies(p.versions, major));
  const defaults: Record<string, string> = {};
  for (const d of image.defaults ?? []) {
    if (versionApplies(d.versions, major)) defaults[d.env] = d.value;
  }
  const result: VersionedPaths = {
    paths,
    writable: paths.filter((p) => p.purpose !== 'content'),
    content: paths.filter((p) => p.purpose === 'content'),
    defaults,
    versionAssumed: major === undefined,
  };
  if (major !== undefined) result.major = major;
  return result;
}

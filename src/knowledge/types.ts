/**
 * The knowledge base's shape: what an image writes at run time, as data. Every fact carries the
 * source it was read from (see ../shared/knowledge/WRITABLE-PATHS.md for the research notes).
 */

/**
 * Why the program writes there. `content` is the exception: the program does not write there, the
 * entry is listed so that a volume mounted over it is known to hide files the image ships (then
 * `error` is what the program logs when that content is missing).
 */
export type PathPurpose = 'temp' | 'cache' | 'run' | 'data' | 'config' | 'logs' | 'home' | 'plugins' | 'content';

/**
 * The volume a path wants:
 * - emptyDir: disk-backed scratch (temp files, caches, generated config);
 * - memory: emptyDir with medium Memory (pid files, sockets, small temp);
 * - persistent: data that must outlive the pod (a PersistentVolumeClaim, or a
 *   volumeClaimTemplate in a StatefulSet); never silently an emptyDir.
 */
export type VolumeKind = 'emptyDir' | 'memory' | 'persistent';

export interface Source {
  title: string;
  url: string;
}

export interface WritablePath {
  /** Absolute path in the container, as the image uses it by default. */
  path: string;
  purpose: PathPurpose;
  /** What the program keeps there, for messages: "nginx.pid", "client_temp, proxy_temp …". */
  what: string;
  volume: VolumeKind;
  /** A sizeLimit that fits this path when it is an emptyDir (default per purpose when absent). */
  sizeLimit?: string;
  /** Env vars that move the path: when the container sets one, its value is the path instead. */
  env?: string[];
  /** Options/config that move it, for the explanation ("pid directive in nginx.conf"). */
  movedBy?: string;
  /** The line the program logs when it cannot write there, as the user would see it. */
  error: string;
  /** The image ships files here that a fresh emptyDir would hide. */
  shipsContent?: string;
  /** Only under a condition rootlock cannot see in the manifest; then it is advice, not an error. */
  onlyWhen?: string;
  /**
   * Where a volume for this path goes when not at the path itself: a data directory that must be
   * a subdirectory of its mount (PGDATA: initdb refuses a mount point that holds lost+found).
   */
  mountAt?: string;
  /**
   * The data must live in this subdirectory of the volume, which is mounted at the path itself:
   * the fix mounts the volume at `path` and sets `env[0]` to `path/dataSubdir`. For postgres up to
   * 17, whose image declares `VOLUME /var/lib/postgresql/data`: a claim mounted one level up
   * leaves that path to the runtime's anonymous image volume (containerd creates one for every
   * image VOLUME no mount covers exactly), and the database would be lost with the container.
   */
  dataSubdir?: string;
  /** Limits the entry to some image versions (by the tag's major version). */
  versions?: { min?: number; max?: number };
  /** Index into the image's sources. */
  source: number;
  /**
   * The path is $HOME or lies below it: the part after `$HOME/` ('' for HOME itself). `path` is its
   * value for the image's default user (`/root/…` for root). With another runAsUser or a HOME env
   * var it moves with HOME; a uid without an /etc/passwd entry gets HOME=/.
   */
  home?: string;
  /** Needed only when the container sets one of these env vars (visible in the manifest). */
  whenEnv?: string[];
  /** Not needed when the container sets this env var to this value (`GF_LOG_MODE=console`). */
  unlessEnv?: Array<{ name: string; value: string }>;
  /** Needed only when the container's command (argv[0] basename) is one of these: `npm`, `npx`. */
  whenCommand?: string[];
  /** The research inferred this (marked I) instead of reading it in a source: advice, not an error. */
  inferred?: boolean;
}

export interface ImageKnowledge {
  /** Stable id: `nginx`, `bitnami/postgresql`, `jvm` … */
  id: string;
  /** How to name it to a person: "nginx (Docker official image)". */
  title: string;
  /**
   * Repository names that identify the image, without registry, tag or digest: `nginx`,
   * `library/nginx`, `nginxinc/nginx-unprivileged`, `bitnami/postgresql`. A reference matches
   * when its repository path is one of these or ends with `/` + one of these (a mirror).
   */
  repositories: string[];
  /**
   * Set when the sources say the program writes nothing to /tmp (nginx's docs name exactly two
   * writable places): rootlock then leaves out its generic "/tmp is not writable" warning.
   */
  tmpNotNeeded?: boolean;
  /** Default user; `uid: 0` means the image starts as root. */
  user?: {
    uid: number;
    name?: string;
    note?: string;
    /** The user the server (or its workers) switches to when started as root (gosu, su-exec, worker processes). */
    dropsTo?: { uid: number; name?: string };
  };
  /** Env vars the image reads with their default values (PGDATA …), by version where they differ. */
  defaults?: Array<{ env: string; value: string; versions?: { min?: number; max?: number } }>;
  paths: WritablePath[];
  /** Other facts worth telling (entrypoints that modify the image, symlinked logs …). */
  notes?: string[];
  sources: Source[];
}

/** A runtime recognised from the image or the command, not from one image: JVM, Python, Node, shell. */
export interface RuntimeKnowledge extends Omit<ImageKnowledge, 'repositories'> {
  /** Repository names (as for images) of images that carry this runtime: `eclipse-temurin`, `openjdk` … */
  repositories: string[];
  /** Executables whose presence as the command (argv[0] basename) marks the runtime: `java`, `python3` … */
  commands: string[];
}

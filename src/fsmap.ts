/**
 * The filesystem map of one workload: per container, its root filesystem and a small path tree of
 * mount points and the paths it writes, what each is, which volumes containers share (and which way
 * the data goes), and the start-up story. Plain data for the editor's Map tab.
 */
import type { Finding, SourceRange } from './types.ts';
import { analyze } from './analyze.ts';
import { LineIndex } from './text.ts';
import { parseYaml } from './yaml/parse.ts';
import { findWorkloads, canonicalPath, isWithin } from './model/index.ts';
import type { Container, Mount, Workload } from './model/index.ts';
import { containerWrites } from './model/writes.ts';

export type NodeKind =
  | 'root-ro' // the read-only root filesystem
  | 'root-rw' // a writable root filesystem
  | 'emptyDir' // disk-backed emptyDir
  | 'memory' // emptyDir with medium Memory
  | 'persistent' // persistentVolumeClaim, volumeClaimTemplate, ephemeral, csi …
  | 'config' // configMap, secret, projected, downwardAPI: always read-only
  | 'hostPath' // the node's filesystem: flagged
  | 'read-only' // a writable kind of volume mounted readOnly: true
  | 'missing' // the mount names no volume of the pod
  | 'path'; // a path the container writes that has no mount of its own

export interface MapNode {
  /** Normalised absolute path; '/' is the root filesystem. */
  path: string;
  /** The nearest ancestor in this column's tree; null for '/'. */
  parent: string | null;
  kind: NodeKind;
  writable: boolean | 'unknown';
  /** The volume mounted here, for mount nodes. */
  volume?: string;
  sizeLimit?: string;
  subPath?: string;
  /**
   * A short text alternative that names the path, the volume and its type once:
   * `/var/cache/nginx — emptyDir "cache" (256Mi), writable`, `/data — persistent volume "data"
   * (persistentVolumeClaim), writable`, `/tmp — temp files; fails: …`.
   */
  label: string;
  /** Where to select in the editor: the mount, or the container for '/' and written paths. */
  range: SourceRange;
  /** The container's first write here (image, env or command); `writes` has every one. */
  written?: { what: string; origin: string };
  /** Every write of the container to this path, in the order rootlock reads them (image, runtime, env, command). */
  writes?: MapWrite[];
  /** The first write here that fails: the program's own error and, when there is one, the finding whose fix prevents it. */
  failing?: MapFailure;
}

/** A write that fails: the program's own error, and the finding (Finding.key) whose fix prevents it. */
export interface MapFailure {
  error: string;
  findingKey: string | undefined;
  fixTitle: string | undefined;
}

/** One write of a container to a node's path. */
export interface MapWrite {
  /** What the program keeps there. */
  what: string;
  /** Where rootlock knows it from: 'image', 'runtime', 'env' or 'command'. */
  origin: string;
  /** Where the write is stated in the editor: the image, the env var's value, the command. */
  range: SourceRange;
  /** Set when this write fails. */
  failing?: MapFailure;
}

export interface MapColumn {
  container: string;
  type: 'init' | 'sidecar' | 'app' | 'ephemeral';
  image: string | undefined;
  readOnlyRoot: boolean;
  range: SourceRange;
  nodes: MapNode[];
}

export interface MapLink {
  volume: string;
  from: { container: string; path: string };
  to: { container: string; path: string };
  /** 'writes-reads': `from` writes what `to` reads (known direction); 'shared': both mount it writable. */
  direction: 'writes-reads' | 'shared';
}

export interface StoryStep {
  path: string;
  ok: boolean;
  text: string;
}

export interface StoryEntry {
  container: string;
  phase: 'init' | 'sidecar' | 'app';
  steps: StoryStep[];
}

export interface FilesystemMap {
  workload: { kind: string; name: string; namespace: string | undefined };
  columns: MapColumn[];
  links: MapLink[];
  story: StoryEntry[];
}

/** The map of workload `index` (as in analyze(text).workloads), or undefined when there is none. */
export function filesystemMap(text: string, index: number): FilesystemMap | undefined {
  const docs = parseYaml(text);
  const workloads = findWorkloads(docs.filter((d) => !d.errors.length).map((d) => ({ index: d.index, contents: d.contents })));
  const w = workloads[index];
  if (!w) return undefined;
  const analysis = analyze(text);
  const findings = analysis.findings.filter((f) => f.workload === index);
  return buildMap(w, findings, new LineIndex(text));
}

function buildMap(w: Workload, findings: Finding[], lines: LineIndex): FilesystemMap {
  const pod = w.pod;
  const phaseOf = (c: Container) => (c.type === 'ephemeral' ? 'app' : c.type);
  // Kubernetes order: init containers one by one, then sidecars (started in order) and app containers.
  const ordered = [
    ...pod.containers.filter((c) => c.type === 'init'),
    ...pod.containers.filter((c) => c.type === 'sidecar'),
    ...pod.containers.filter((c) => c.type === 'app'),
    ...pod.containers.filter((c) => c.type === 'ephemeral'),
  ];
  const columns = ordered.map((c) => column(c, findings, lines));
  const story: StoryEntry[] = ordered.filter((c) => c.type !== 'ephemeral').map((c) => ({ container: c.name, phase: phaseOf(c) as StoryEntry['phase'], steps: storySteps(c, columns.find((x) => x.container === c.name) as MapColumn) }));
  return { workload: { kind: w.kind, name: w.name, namespace: w.namespace }, columns, links: links(ordered), story };
}

function mountKind(m: Mount): NodeKind {
  const v = m.volume;
  if (!v) return 'missing';
  if (v.readOnlySource) return 'config';
  if (v.type === 'hostPath') return 'hostPath';
  if (m.readOnly) return 'read-only';
  if (v.type === 'emptyDir') return v.medium === 'Memory' ? 'memory' : 'emptyDir';
  return 'persistent';
}

const KIND_WORDS: Record<NodeKind, string> = {
  'root-ro': 'read-only root filesystem',
  'root-rw': 'writable root filesystem',
  emptyDir: 'emptyDir',
  memory: 'memory-backed emptyDir',
  persistent: 'persistent volume',
  config: 'read-only config',
  hostPath: 'host path (the node\'s filesystem)',
  'read-only': 'read-only mount',
  missing: 'mount of a volume the pod does not have',
  path: 'written path',
};

/**
 * `/var/cache/nginx — emptyDir "cache" (256Mi), writable`: the path, then the volume's type once —
 * in the kind's words, or in parentheses when those do not already say it (a configMap, a PVC).
 */
function mountLabel(m: Mount, kind: NodeKind, writable: boolean | 'unknown'): string {
  const words = KIND_WORDS[kind];
  const type = m.volume?.type;
  const squash = (x: string) => x.toLowerCase().replace(/[^a-z]/g, '');
  const extra = [type && !squash(words).includes(squash(type)) ? type : undefined, m.volume?.sizeLimit].filter((x): x is string => !!x);
  const state = writable === true ? 'writable' : writable === false ? 'read-only' : 'unknown';
  return `${m.mountPath} — ${words} "${m.name}"${extra.length ? ` (${extra.join(', ')})` : ''}, ${state}`;
}

/** `/tmp — temp files; the JVM's temp files; fails: …`: the path once, then every write, then what happens. */
function pathLabel(node: MapNode, reason: string): string {
  const whats = [...new Set((node.writes ?? []).map((w) => w.what))];
  return `${node.path} — ${whats.join('; ')}; ${node.failing ? `fails: ${node.failing.error}` : `writable (${reason})`}`;
}

/**
 * The finding about a failing write: of the container, at the write's place, about its path — by
 * the finding's subject (image, env and command rules give the path), else by the path in the message.
 */
function failingFinding(findings: Finding[], c: Container, n: { path: string; at: { start: number } }): Finding | undefined {
  const here = findings.filter((f) => f.container === c.name && f.range.start === n.at.start);
  return here.find((f) => f.subject === n.path) ?? here.find((f) => f.message.includes(` ${n.path} `));
}

function column(c: Container, findings: Finding[], lines: LineIndex): MapColumn {
  const ro = c.readOnlyRootFilesystem === true;
  const nodes: MapNode[] = [];
  nodes.push({ path: '/', parent: null, kind: ro ? 'root-ro' : 'root-rw', writable: !ro, label: `/ — ${KIND_WORDS[ro ? 'root-ro' : 'root-rw']}`, range: lines.range(c.node.start, c.node.end) });
  for (const m of c.mounts) {
    if (!m.mountPath.startsWith('/')) continue;
    const kind = mountKind(m);
    const writable = kind === 'missing' ? 'unknown' : kind === 'emptyDir' || kind === 'memory' || kind === 'persistent' || kind === 'hostPath';
    const size = m.volume?.sizeLimit;
    nodes.push({
      path: m.mountPath,
      parent: null,
      kind,
      writable,
      volume: m.name,
      ...(size ? { sizeLimit: size } : {}),
      ...(m.subPath ? { subPath: m.subPath } : {}),
      label: mountLabel(m, kind, writable),
      range: lines.range(m.node.start, m.node.end),
    });
  }
  const cw = containerWrites(c);
  const reasons = new Map<MapNode, string>(); // the written-path nodes, and why each is writable or not
  for (const n of cw.needs) {
    if (n.advice) continue;
    const existing = nodes.find((x) => canonicalPath(x.path) === canonicalPath(n.path));
    const fails = n.writability.writable === false;
    const finding = fails ? failingFinding(findings, c, n) : undefined;
    const failing = fails ? { error: n.error, findingKey: finding?.key, fixTitle: finding?.fixes[0]?.title } : undefined;
    const write: MapWrite = { what: n.what, origin: n.origin, range: lines.range(n.at.start, n.at.end), ...(failing ? { failing } : {}) };
    if (existing && existing.path !== '/') {
      const writes = existing.writes ?? [];
      // the same fact read twice (e.g. from the image and from one of its runtimes) is one write
      if (writes.some((x) => x.what === write.what && x.origin === write.origin && x.failing?.error === write.failing?.error)) continue;
      writes.push(write);
      existing.writes = writes;
      existing.written ??= { what: n.what, origin: n.origin };
      if (failing && !existing.failing) existing.failing = failing;
      continue;
    }
    const node: MapNode = {
      path: n.path,
      parent: null,
      kind: 'path',
      writable: n.writability.writable,
      label: '',
      range: lines.range(n.at.start, n.at.end),
      written: { what: n.what, origin: n.origin },
      writes: [write],
      ...(failing ? { failing } : {}),
    };
    reasons.set(node, n.writability.reason);
    nodes.push(node);
  }
  for (const [node, reason] of reasons) node.label = pathLabel(node, reason);
  // parents: the nearest ancestor present in this column
  nodes.sort((a, b) => a.path.localeCompare(b.path));
  for (const n of nodes) {
    if (n.path === '/') continue;
    let best = '/';
    for (const o of nodes) if (o !== n && o.path !== n.path && isWithin(n.path, o.path) && o.path.length > best.length) best = o.path;
    n.parent = best;
  }
  return { container: c.name, type: c.type, image: c.image, readOnlyRoot: ro, range: lines.range(c.node.start, c.node.end), nodes };
}

function links(ordered: Container[]): MapLink[] {
  const out: MapLink[] = [];
  const byVolume = new Map<string, Array<{ c: Container; m: Mount }>>();
  for (const c of ordered) for (const m of c.mounts) {
    if (!m.volume || m.volume.readOnlySource) continue;
    const list = byVolume.get(m.name) ?? [];
    list.push({ c, m });
    byVolume.set(m.name, list);
  }
  for (const [volume, users] of byVolume) {
    if (users.length < 2) continue;
    const writers = users.filter((u) => !u.m.readOnly);
    const readers = users.filter((u) => u.m.readOnly);
    if (writers.length && readers.length) {
      for (const wr of writers) for (const rd of readers) if (wr.c !== rd.c) out.push({ volume, from: { container: wr.c.name, path: wr.m.mountPath }, to: { container: rd.c.name, path: rd.m.mountPath }, direction: 'writes-reads' });
      continue;
    }
    // all writable: an init container runs first, so it writes what the others read
    const init = writers.filter((u) => u.c.type === 'init');
    const rest = writers.filter((u) => u.c.type !== 'init');
    if (init.length && rest.length) {
      for (const a of init) for (const b of rest) out.push({ volume, from: { container: a.c.name, path: a.m.mountPath }, to: { container: b.c.name, path: b.m.mountPath }, direction: 'writes-reads' });
      continue;
    }
    for (let i = 1; i < writers.length; i++) {
      const a = writers[0] as { c: Container; m: Mount };
      const b = writers[i] as { c: Container; m: Mount };
      out.push({ volume, from: { container: a.c.name, path: a.m.mountPath }, to: { container: b.c.name, path: b.m.mountPath }, direction: 'shared' });
    }
  }
  return out;
}

function storySteps(c: Container, col: MapColumn): StoryStep[] {
  const steps: StoryStep[] = [];
  for (const n of col.nodes) {
    for (const w of n.writes ?? []) {
      if (w.failing) steps.push({ path: n.path, ok: false, text: `writes ${n.path} (${w.what}) — fails: ${w.failing.error}` });
      else {
        const holder = n.kind === 'path' ? (n.parent && n.parent !== '/' ? col.nodes.find((x) => x.path === n.parent) : undefined) : n;
        const on = holder?.volume ? `volume "${holder.volume}"` : c.readOnlyRootFilesystem === true ? 'a mount' : 'the writable root filesystem';
        steps.push({ path: n.path, ok: true, text: `writes ${n.path} (${w.what}) on ${on}` });
      }
    }
  }
  if (!steps.length) steps.push({ path: '/', ok: true, text: c.readOnlyRootFilesystem === true ? 'writes nothing rootlock knows of' : 'starts with a writable root filesystem' });
  return steps;
}

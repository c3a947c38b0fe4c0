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
  /** A short text alternative: "emptyDir nginx-cache (256Mi), writable". */
  label: string;
  /** Where to select in the editor: the mount, or the container for '/' and written paths. */
  range: SourceRange;
  /** The container writes here (image, env or command). */
  written?: { what: string; origin: string };
  /** The write fails: the program's own error and, when there is one, the finding whose fix prevents it. */
  failing?: { error: string; findingKey: string | undefined; fixTitle: string | undefined };
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
      label: `${m.mountPath} — ${KIND_WORDS[kind]} "${m.name}"${m.volume ? ` (${m.volume.type}${size ? `, ${size}` : ''})` : ''}, ${writable === true ? 'writable' : writable === false ? 'read-only' : 'unknown'}`,
      range: lines.range(m.node.start, m.node.end),
    });
  }
  const cw = containerWrites(c);
  for (const n of cw.needs) {
    if (n.advice) continue;
    const existing = nodes.find((x) => canonicalPath(x.path) === canonicalPath(n.path));
    const fails = n.writability.writable === false;
    const finding = fails ? findings.find((f) => f.container === c.name && f.range.start === n.at.start && f.message.includes(` ${n.path} `)) : undefined;
    const failing = fails ? { error: n.error, findingKey: finding?.key, fixTitle: finding?.fixes[0]?.title } : undefined;
    if (existing && existing.path !== '/') {
      existing.written = { what: n.what, origin: n.origin };
      if (failing) existing.failing = failing;
      continue;
    }
    nodes.push({
      path: n.path,
      parent: null,
      kind: 'path',
      writable: n.writability.writable,
      label: `${n.path} — ${n.what}; ${fails ? `fails: ${n.error}` : `writable (${n.writability.reason})`}`,
      range: lines.range(n.at.start, n.at.end),
      written: { what: n.what, origin: n.origin },
      ...(failing ? { failing } : {}),
    });
  }
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
    if (!n.written) continue;
    if (n.failing) steps.push({ path: n.path, ok: false, text: `writes ${n.path} (${n.written.what}) — fails: ${n.failing.error}` });
    else {
      const holder = n.kind === 'path' ? (n.parent && n.parent !== '/' ? col.nodes.find((x) => x.path === n.parent) : undefined) : n;
      const on = holder?.volume ? `volume "${holder.volume}"` : c.readOnlyRootFilesystem === true ? 'a mount' : 'the writable root filesystem';
      steps.push({ path: n.path, ok: true, text: `writes ${n.path} (${n.written.what}) on ${on}` });
    }
  }
  if (!steps.length) steps.push({ path: '/', ok: true, text: c.readOnlyRootFilesystem === true ? 'writes nothing rootlock knows of' : 'starts with a writable root filesystem' });
  return steps;
}

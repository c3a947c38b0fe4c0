/**
 * Where everything of the filesystem map goes: pure geometry from the engine's FilesystemMap, so
 * the SVG component only draws. One column per container, in the engine's order (init containers
 * first, then sidecars and app containers); in each, the path tree of mount points and written
 * paths stacked above the root filesystem's base; links between columns for shared volumes.
 */
import type { FilesystemMap, MapColumn, MapLink, MapNode, NodeKind } from '../../src/index.ts';

export const COL_W = 288;
export const GAP = 96;
export const PAD = 16;
const HEADER_H = 50;
const NODE_GAP = 10;
const INDENT = 16;
const TREE_X = 7; // the trunk, from the column's left edge
const NODE_X = 20; // first level of nodes, from the column's left edge
const BASE_H = 46;
const LANE_GAP = 18;
export const FIX_W = 40;

/** Approximate advance of one character, for truncating text that must fit a box. */
const MONO_CHAR = 7.3; // 12px monospace, bold
const SANS_CHAR = 6.1; // 11px sans-serif

export interface LaidNode {
  /** Stable id within the map: column index and path. */
  id: string;
  node: MapNode;
  column: number;
  depth: number;
  x: number;
  y: number;
  w: number;
  h: number;
  /** The lines drawn in the box: the path, then what it is, then what is written (or what fails). */
  lines: string[];
  /** The accessible name: the engine's label, with the failure when the label does not say it. */
  name: string;
  failing: boolean;
}

export interface LaidColumn {
  index: number;
  column: MapColumn;
  x: number;
  /** "init container 1", "sidecar container", "app container". */
  role: string;
  /** Its position in the start-up order, 1-based. */
  order: number;
  name: string;
  base: LaidNode;
  nodes: LaidNode[];
  /** The tree's connectors, as SVG path data. */
  tree: string;
}

export interface LaidLink {
  id: string;
  link: MapLink;
  d: string;
  label: { x: number; y: number; text: string };
  name: string;
}

export interface MapLayout {
  width: number;
  height: number;
  columns: LaidColumn[];
  links: LaidLink[];
  /** Every node, the bases included, in reading order (column by column, top to bottom). */
  nodes: LaidNode[];
}

export const KIND_TEXT: Record<NodeKind, string> = {
  'root-ro': 'read-only root',
  'root-rw': 'writable root',
  emptyDir: 'emptyDir on disk',
  memory: 'emptyDir in memory',
  persistent: 'persistent volume',
  config: 'read-only config',
  hostPath: 'host path (flagged)',
  'read-only': 'read-only mount',
  missing: 'missing volume',
  path: 'written path',
};

export function truncate(text: string, width: number, charWidth: number): string {
  const max = Math.max(4, Math.floor(width / charWidth));
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

/** A path cut to fit from the left, so its last parts (what tells paths apart) stay: "…/data/pgdata". */
export function truncatePath(path: string, width: number, charWidth: number): string {
  const max = Math.max(4, Math.floor(width / charWidth));
  if (path.length <= max) return path;
  const tail = path.slice(path.length - (max - 1));
  const cut = tail.indexOf('/');
  return `…${cut > 0 && tail.length - cut > max / 2 ? tail.slice(cut) : tail}`;
}

/** What is written, as a phrase: the engine's words, which may already say "written by …". */
export function writtenPhrase(what: string): string {
  return /^written\b/i.test(what) ? what : `writes ${what}`;
}

/**
 * What a node is, in a few words: the second line of its box. Whether it can be written comes
 * first, so it survives when the line is cut to fit.
 */
export function kindLine(n: MapNode): string {
  const vol = n.volume ? ` "${n.volume}"` : '';
  const size = n.sizeLimit ? ` · ${n.sizeLimit}` : ' · no sizeLimit';
  const sub = n.subPath ? ` · subPath ${n.subPath}` : '';
  switch (n.kind) {
    case 'root-ro':
      return 'read-only root filesystem · locked';
    case 'root-rw':
      return 'writable root filesystem · unlocked';
    case 'emptyDir':
      return `writable · emptyDir${vol}${size}${sub}`;
    case 'memory':
      return `writable · memory emptyDir${vol}${size}${sub}`;
    case 'persistent':
      return `writable · persistent${vol}${sub}`;
    case 'config':
      return `read-only · config${vol}${sub}`;
    case 'hostPath':
      return `writable · hostPath${vol}: the node's disk${sub}`;
    case 'read-only':
      return `read-only · mount of${vol}${sub}`;
    case 'missing':
      return `unknown · no volume${vol} in the pod`;
    case 'path':
      return n.written ? writtenPhrase(n.written.what) : 'written here';
  }
}

/** The third line: what fails, or what is written on a mount. */
function stateLine(n: MapNode): string | undefined {
  if (n.failing) return `✗ fails: ${n.failing.error}`;
  if (n.kind === 'path') return n.writable === true ? '✓ writable' : n.writable === false ? 'not writable' : undefined;
  if (n.written) return `✓ ${writtenPhrase(n.written.what)}`;
  return undefined;
}

/** The node's accessible name: the engine's label, and its failure when the label does not already say it. */
export function nodeName(n: MapNode): string {
  return n.failing && !/\bfails\b/.test(n.label) ? `${n.label}; fails: ${n.failing.error}` : n.label;
}

const ROLE: Record<MapColumn['type'], string> = { init: 'init container', sidecar: 'sidecar container', app: 'app container', ephemeral: 'ephemeral container' };

const norm = (p: string) => (p.length > 1 ? p.replace(/\/+$/, '') : p);

/** Lays the map out; `fixable` says which nodes get a Fix button (room is kept for it). */
export function layoutMap(map: FilesystemMap, fixable: (column: number, n: MapNode) => boolean = () => false): MapLayout {
  const columns: LaidColumn[] = [];
  const top = PAD + HEADER_H + 14;
  let lowest = top + 8;
  let initCount = 0;

  map.columns.forEach((col, ci) => {
    const x = PAD + ci * (COL_W + GAP);
    // the path tree: children of each node, in path order
    const rootNode = col.nodes.find((n) => n.path === '/');
    const children = new Map<string, MapNode[]>();
    for (const n of col.nodes) {
      if (n.path === '/') continue;
      const p = n.parent ?? '/';
      const list = children.get(p) ?? [];
      list.push(n);
      children.set(p, list);
    }
    for (const list of children.values()) list.sort((a, b) => a.path.localeCompare(b.path));
    const nodes: LaidNode[] = [];
    let y = top;
    let tree = '';
    const visit = (parent: string, depth: number, parentBox: LaidNode | undefined) => {
      for (const n of children.get(parent) ?? []) {
        const nx = x + NODE_X + depth * INDENT;
        const w = COL_W - NODE_X - depth * INDENT;
        const third = stateLine(n);
        const h = third ? 56 : 40;
        const failing = !!n.failing;
        const textW = w - 34;
        const lines = [
          truncatePath(n.path, textW - (failing && fixable(ci, n) ? FIX_W + 4 : 0), MONO_CHAR),
          truncate(kindLine(n), textW, SANS_CHAR),
          // the failure is drawn bold: wider letters
          ...(third ? [truncate(third, textW, failing ? SANS_CHAR * 1.12 : SANS_CHAR)] : []),
        ];
        const box: LaidNode = { id: `${ci}:${n.path}`, node: n, column: ci, depth, x: nx, y, w, h, lines, name: nodeName(n), failing };
        nodes.push(box);
        // connector: from the parent's stem (or the trunk) to the middle of the box's left edge
        const stemX = parentBox ? parentBox.x + TREE_X : x + TREE_X;
        const mid = y + h / 2;
        if (parentBox) tree += `M${stemX} ${parentBox.y + parentBox.h} V${mid} H${nx} `;
        else tree += `M${stemX} ${mid} H${nx} `;
        y += h + NODE_GAP;
        visit(n.path, depth + 1, box);
      }
    };
    visit('/', 0, undefined);
    lowest = Math.max(lowest, y);
    if (col.type === 'init') initCount++;
    const role = col.type === 'init' ? `init container ${initCount}` : ROLE[col.type];
    const base: LaidNode = {
      id: `${ci}:/`,
      node: rootNode ?? { path: '/', parent: null, kind: col.readOnlyRoot ? 'root-ro' : 'root-rw', writable: !col.readOnlyRoot, label: `/ — ${col.readOnlyRoot ? 'read-only' : 'writable'} root filesystem`, range: col.range },
      column: ci,
      depth: -1,
      x,
      y: 0, // set once every column is laid out: the bases line up
      w: COL_W,
      h: BASE_H,
      lines: [],
      name: '',
      failing: false,
    };
    base.lines = ['/', kindLine(base.node)];
    base.name = nodeName(base.node);
    columns.push({ index: ci, column: col, x, role, order: ci + 1, name: `${role} "${col.container}"${col.image ? `, image ${col.image}` : ''}, ${col.readOnlyRoot ? 'read-only root' : 'writable root'}`, base, nodes, tree });
  });

  const baseY = lowest + 12;
  for (const c of columns) {
    c.base.y = baseY;
    const firstTop = c.nodes.find((n) => n.depth === 0);
    // the trunk: from the base up to the first top-level node
    if (firstTop) c.tree = `M${c.x + TREE_X} ${baseY} V${firstTop.y + firstTop.h / 2} ${c.tree}`;
  }

  const find = (container: string, path: string) => {
    const ci = columns.findIndex((c) => c.column.container === container);
    const col = columns[ci];
    const n = col?.nodes.find((x) => norm(x.node.path) === norm(path));
    return col && n ? { ci, n } : undefined;
  };
  const links: LaidLink[] = [];
  let lanes = 0;
  const laneTop = baseY + BASE_H + 20;
  map.links.forEach((link, li) => {
    const a = find(link.from.container, link.from.path);
    const b = find(link.to.container, link.to.path);
    if (!a || !b || a.ci === b.ci) return;
    const rightward = a.ci < b.ci;
    const sx = rightward ? a.n.x + a.n.w : a.n.x;
    const sy = a.n.y + a.n.h / 2;
    const ex = rightward ? b.n.x : b.n.x + b.n.w;
    const ey = b.n.y + b.n.h / 2;
    const dir = rightward ? 1 : -1;
    let d: string;
    let label: { x: number; y: number };
    if (Math.abs(a.ci - b.ci) === 1) {
      const gapMid = rightward ? columns[a.ci]!.x + COL_W + GAP / 2 : columns[b.ci]!.x + COL_W + GAP / 2;
      d = `M${sx} ${sy} C${gapMid} ${sy} ${gapMid} ${ey} ${ex - dir * 2} ${ey}`;
      label = { x: gapMid, y: (sy + ey) / 2 - 8 };
    } else {
      // around the columns in between: down the gap beside the writer, along a lane under the bases, up the gap beside the reader
      const lane = laneTop + lanes * LANE_GAP;
      lanes++;
      const g1 = rightward ? columns[a.ci]!.x + COL_W + GAP / 2 : columns[a.ci]!.x - GAP / 2;
      const g2 = rightward ? columns[b.ci]!.x - GAP / 2 : columns[b.ci]!.x + COL_W + GAP / 2;
      d = `M${sx} ${sy} H${g1} V${lane} H${g2} V${ey} H${ex - dir * 2}`;
      label = { x: (g1 + g2) / 2, y: lane - 5 };
    }
    const name = link.direction === 'writes-reads'
      ? `Data flows from ${link.from.container} at ${link.from.path} to ${link.to.container} at ${link.to.path} (volume "${link.volume}": ${link.from.container} writes, ${link.to.container} reads)`
      : `Volume "${link.volume}" shared by ${link.from.container} at ${link.from.path} and ${link.to.container} at ${link.to.path} (both can write)`;
    links.push({ id: `link-${li}`, link, d, label: { ...label, text: truncate(link.volume, GAP - 14, SANS_CHAR) }, name });
  });

  const width = PAD * 2 + Math.max(1, columns.length) * COL_W + Math.max(0, columns.length - 1) * GAP;
  const height = baseY + BASE_H + (lanes ? 20 + lanes * LANE_GAP : 0) + PAD;
  const nodes = columns.flatMap((c) => [...c.nodes, c.base]);
  return { width, height, columns, links, nodes };
}

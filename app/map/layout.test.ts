import { describe, expect, it } from 'vitest';
import type { FilesystemMap } from '../../src/index.ts';
import { filesystemMap } from '../../src/index.ts';
import { COL_W, layoutMap, nodeName, truncatePath } from './layout.ts';

const SHARED = `apiVersion: v1
kind: Pod
metadata: {name: p}
spec:
  initContainers:
  - name: setup
    image: busybox
    command: ["sh", "-c", "cp /src/* /shared/"]
    securityContext: {readOnlyRootFilesystem: true}
    volumeMounts:
    - {name: shared, mountPath: /shared}
    - {name: src, mountPath: /src}
  - name: second
    image: busybox
    securityContext: {readOnlyRootFilesystem: true}
  containers:
  - name: app
    image: nginx:1.27
    securityContext: {readOnlyRootFilesystem: true}
    volumeMounts:
    - {name: shared, mountPath: /etc/app, readOnly: true}
  volumes:
  - {name: shared, emptyDir: {}}
  - {name: src, configMap: {name: c}}
`;

describe('the map layout', () => {
  const map = filesystemMap(SHARED, 0) as FilesystemMap;
  const layout = layoutMap(map, () => true);

  it('puts one column per container, in the engine’s order, with the bases on one line under the trees', () => {
    expect(layout.columns.map((c) => `${c.column.container}:${c.role}`)).toEqual(['setup:init container 1', 'second:init container 2', 'app:app container']);
    const bases = layout.columns.map((c) => c.base.y);
    expect(new Set(bases).size).toBe(1);
    for (const c of layout.columns) for (const n of c.nodes) {
      expect(n.y + n.h).toBeLessThan(c.base.y);
      expect(n.x).toBeGreaterThanOrEqual(c.x);
      expect(n.x + n.w).toBeLessThanOrEqual(c.x + COL_W);
    }
    expect(layout.width).toBeGreaterThanOrEqual(layout.columns.at(-1)!.x + COL_W);
    expect(layout.height).toBeGreaterThan(layout.columns[0]!.base.y);
  });

  it('nests a node under the mount that holds it, and names each by the engine’s label', () => {
    const setup = layout.columns[0]!;
    expect(setup.nodes.map((n) => n.node.path)).toEqual(['/shared', '/src']);
    for (const n of layout.nodes) expect(n.name.startsWith(n.node.label)).toBe(true);
    expect(nodeName({ ...setup.base.node, failing: { error: 'boom', findingKey: undefined, fixTitle: undefined } })).toMatch(/; fails: boom$/);
  });

  it('routes a link between columns that are not side by side under the bases, with its direction in its name', () => {
    expect(layout.links).toHaveLength(1);
    const l = layout.links[0]!;
    expect(l.name).toBe('Data flows from setup at /shared to app at /etc/app (volume "shared": setup writes, app reads)');
    const lane = Math.max(...l.d.match(/V(\d+(\.\d+)?)/g)!.map((v) => Number(v.slice(1))));
    expect(lane).toBeGreaterThan(layout.columns[0]!.base.y + layout.columns[0]!.base.h);
  });

  it('cuts long paths from the left, keeping their last parts', () => {
    expect(truncatePath('/var/lib/postgresql/data/pgdata', 100, 7.3)).toBe('…/data/pgdata');
    expect(truncatePath('/tmp', 100, 7.3)).toBe('/tmp');
  });
});

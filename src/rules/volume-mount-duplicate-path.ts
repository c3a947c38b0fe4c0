import { defineRule } from './define.ts';
import type { Mount } from './define.ts';
import { containerLabel, workloadLabel } from './util.ts';

export default defineRule({
  id: 'volume-mount-duplicate-path',
  severity: 'error',
  docs: {
    summary: 'Two volume mounts at the same path in one container',
    why: 'The API server rejects a container whose `volumeMounts` repeat a `mountPath` ("must be unique"). It usually means a writable volume was added where one already was, and only one of them can be meant.',
    fix: 'Keep one mount per path: remove the extra one, or move it to the path it was meant for.',
    url: 'https://kubernetes.io/docs/concepts/storage/volumes/#using-subpath',
  },
  check(pod, report) {
    for (const c of pod.containers) {
      const first = new Map<string, Mount>();
      for (const m of c.mounts) {
        if (!m.mountPath) continue;
        const prev = first.get(m.mountPath);
        if (!prev) {
          first.set(m.mountPath, m);
          continue;
        }
        report({
          at: m.mountPathNode ?? m.node,
          container: c,
          subject: m.mountPath,
          message: `${containerLabel(c)} in ${workloadLabel(pod)} mounts both "${prev.name}" and "${m.name}" at ${m.mountPath}; the API rejects duplicate mount paths, so keep one`,
          fixes: [{ title: `Remove the mount of "${m.name}" at ${m.mountPath}`, applicability: 'manual', edits: (e) => e.removeItem(c.node, 'volumeMounts', m.index) }],
        });
      }
    }
  },
});

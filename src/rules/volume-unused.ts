import { defineRule } from './define.ts';
import { workloadLabel } from './util.ts';

export default defineRule({
  id: 'volume-unused',
  severity: 'info',
  docs: {
    summary: 'Volume that no container mounts',
    why: 'A volume that no container, init container or sidecar mounts (or uses as a block device) does nothing. It is often a leftover, or the sign of a mount that was meant to be added and was not — such as a writable emptyDir for a read-only container.',
    fix: 'Mount it where it was meant to go, or remove it.',
    url: 'https://kubernetes.io/docs/concepts/storage/volumes/',
  },
  check(pod, report) {
    const used = new Set<string>();
    for (const c of pod.containers) {
      for (const m of c.mounts) used.add(m.name);
      for (const d of c.deviceNames) used.add(d);
    }
    for (const v of pod.volumes) {
      if (!v.name || used.has(v.name)) continue;
      report({
        at: v.nameNode ?? v.node,
        subject: v.name,
        message: v.claimTemplate
          ? `${workloadLabel(pod)} has a volumeClaimTemplate "${v.name}" but no container mounts it: every pod still gets a PersistentVolumeClaim for it`
          : `${workloadLabel(pod)} defines volume "${v.name}" (${v.type}) but no container mounts it`,
        fixes: v.claimTemplate
          ? []
          : [{ title: `Remove volume "${v.name}"`, applicability: 'manual', edits: (e) => e.removeItem(pod.node, 'volumes', v.index) }],
      });
    }
  },
});

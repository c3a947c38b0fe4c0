import { defineRule } from './define.ts';
import { workloadLabel } from './util.ts';

export default defineRule({
  id: 'volume-duplicate-name',
  severity: 'error',
  docs: {
    summary: 'Two volumes with the same name',
    why: 'Volume names must be unique within a pod; the API server rejects a duplicate ("spec.volumes[1].name: Duplicate value"). Mounts refer to volumes by name, so it is also unclear which one a mount gets.',
    fix: 'Rename one of the volumes (and the mounts meant for it), or remove the duplicate.',
    url: 'https://kubernetes.io/docs/concepts/storage/volumes/',
  },
  check(pod, report) {
    const seen = new Set<string>();
    for (const v of pod.volumes) {
      if (!v.name || v.claimTemplate) continue;
      if (!seen.has(v.name)) {
        seen.add(v.name);
        continue;
      }
      report({
        at: v.nameNode ?? v.node,
        subject: v.name,
        message: `${workloadLabel(pod)} has more than one volume named "${v.name}"; volume names must be unique within a pod`,
      });
    }
  },
});

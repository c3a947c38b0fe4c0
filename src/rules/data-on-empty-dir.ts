import { defineRule } from './define.ts';
import { containerWrites } from '../model/writes.ts';
import { containerLabel, workloadLabel } from './util.ts';

export default defineRule({
  id: 'data-on-empty-dir',
  severity: 'warning',
  docs: {
    summary: 'Database or queue data on an emptyDir',
    why: 'An emptyDir lives and dies with the pod: a reschedule, an eviction or a rolling update starts the database empty. rootlock knows which paths hold data (PGDATA, /var/lib/mysql, /data/db, Redis /data …); making them writable with an emptyDir silences the read-only error and loses the data later.',
    fix: 'Use persistent storage: a volumeClaimTemplate in a StatefulSet, or a PersistentVolumeClaim. Keep the emptyDir only for a cache or a test database you mean to throw away.',
    url: 'https://kubernetes.io/docs/concepts/storage/persistent-volumes/',
  },
  check(pod, report) {
    for (const c of pod.containers) {
      const w = containerWrites(c);
      for (const n of w.needs) {
        if (n.volume !== 'persistent' || n.advice) continue;
        const m = n.writability.mount;
        if (!m || m.volume?.type !== 'emptyDir') continue;
        report({
          at: m.volume.nameNode ?? m.node,
          container: c,
          subject: n.path,
          message: `${containerLabel(c)} in ${workloadLabel(pod)} keeps ${n.what} at ${n.path} on emptyDir "${m.volume.name}": it is lost whenever the pod is deleted or rescheduled. Use a PersistentVolumeClaim${pod.workload.kind === 'StatefulSet' ? ' (a volumeClaimTemplate)' : ''}`,
        });
      }
    }
  },
});

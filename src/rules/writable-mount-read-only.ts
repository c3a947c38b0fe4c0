import { defineRule } from './define.ts';
import type { FixSpec } from './define.ts';
import { containerWrites } from '../model/writes.ts';
import { containerLabel, logLine, workloadLabel } from './util.ts';

export default defineRule({
  id: 'writable-mount-read-only',
  severity: 'error',
  docs: {
    summary: 'A path the program writes is a read-only mount',
    why: 'A mount with `readOnly: true`, and every configMap, secret, downwardAPI or projected volume, is read-only whatever the root filesystem is. When the image, an env var or the command writes there, it fails just as on a read-only root.',
    fix: 'Drop `readOnly: true` when the volume is meant to be written. A configMap or secret cannot be made writable: copy it into an emptyDir with an init container, or let the program write elsewhere.',
    url: 'https://kubernetes.io/docs/concepts/storage/volumes/#configmap',
  },
  check(pod, report) {
    for (const c of pod.containers) {
      if (c.type === 'ephemeral') continue;
      const w = containerWrites(c);
      for (const n of w.needs) {
        const m = n.writability.mount;
        if (!m || n.writability.writable !== false || !m.volume) continue;
        // an env var pointing into it is reported by env-path-not-writable, a command by its rule
        if (n.origin === 'env' && c.readOnlyRootFilesystem === true) continue;
        if (n.origin === 'command' && c.readOnlyRootFilesystem === true) continue;
        const fixes: FixSpec[] = [];
        if (m.readOnly && !m.volume.readOnlySource) {
          fixes.push({ title: `Mount "${m.name}" writable (remove readOnly: true)`, applicability: 'unsafe', edits: (e) => e.remove(m.node, ['readOnly']) });
        }
        report({
          at: m.readOnlyNode ?? m.mountPathNode ?? m.node,
          container: c,
          subject: n.path,
          severity: n.advice ? 'info' : 'error',
          message: `${containerLabel(c)} in ${workloadLabel(pod)} writes ${n.path} (${n.what}), but ${n.writability.reason}. It would log: ${m.volume.readOnlySource ? `${logLine(n.error)} Copy the ${m.volume.type} into an emptyDir with an init container, or move the write elsewhere` : n.error}`,
          fixes,
        });
      }
    }
  },
});

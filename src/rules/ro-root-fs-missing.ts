import { defineRule } from './define.ts';
import type { EditBuilder } from './define.ts';
import { addVolumeFor, canMountFor, containerLabel, isWindows, workloadLabel } from './util.ts';
import { volumesForReadOnly } from '../model/writes.ts';

export default defineRule({
  id: 'ro-root-fs-missing',
  severity: 'error',
  docs: {
    summary: 'Container root filesystem is writable',
    why: 'Without `securityContext.readOnlyRootFilesystem: true` anyone who gets code running in the container can replace its binaries, drop a backdoor or tamper with its configuration, and the change lasts as long as the container does. Only the container-level field has any effect. Ephemeral (debug) containers get a warning rather than an error: they are added for a short session by an operator.',
    fix: 'Set `securityContext.readOnlyRootFilesystem: true` on the container and, in the same step, mount a writable volume for each path rootlock knows it writes (its image, runtime, env vars and command; /tmp for an image it does not know). Unsafe: review what else the program writes.',
    url: 'https://kubernetes.io/docs/reference/kubernetes-api/workload-resources/pod-v1/#security-context-1',
  },
  check(pod, report) {
    if (isWindows(pod)) return; // the field is forbidden there: ro-root-fs-windows
    for (const c of pod.containers) {
      if (c.readOnlyRootFilesystem === true) continue;
      const node = c.readOnlyRootFilesystemNode;
      const written = node && node.kind === 'scalar' && !node.empty && node.value !== null ? node : null;
      let message: string;
      if (c.readOnlyRootFilesystem === false) {
        message = `${containerLabel(c)} in ${workloadLabel(pod)} sets readOnlyRootFilesystem: false, so its root filesystem is writable; set it to true and give each path it writes a volume`;
      } else if (written) {
        message = `${containerLabel(c)} in ${workloadLabel(pod)} sets readOnlyRootFilesystem to ${JSON.stringify(written.value)}, which is not the boolean true (the API rejects it); write readOnlyRootFilesystem: true`;
      } else {
        message = `${containerLabel(c)} in ${workloadLabel(pod)} does not set securityContext.readOnlyRootFilesystem: true, so its root filesystem is writable`;
      }
      // One step to a working read-only container: the flag and a volume for each path it writes.
      const volumes = c.type === 'ephemeral' ? [] : volumesForReadOnly(c).filter(canMountFor);
      report({
        at: written ?? c.nameNode ?? c.node,
        container: c,
        message,
        severity: c.type === 'ephemeral' ? 'warning' : 'error',
        fixes: [
          ...(volumes.length ? [{
            title: `Set readOnlyRootFilesystem: true and mount what it writes (${volumes.map((n) => n.mountAt).join(', ')})`,
            applicability: 'unsafe' as const,
            edits: (e: EditBuilder) => {
              e.set(c.node, ['securityContext', 'readOnlyRootFilesystem'], true);
              for (const n of volumes) addVolumeFor(e, pod, c, n);
            },
          }] : []),
          {
            title: volumes.length ? 'Only set readOnlyRootFilesystem: true' : 'Set readOnlyRootFilesystem: true',
            applicability: 'unsafe',
            edits: (e) => e.set(c.node, ['securityContext', 'readOnlyRootFilesystem'], true),
          },
        ],
      });
    }
  },
});

import { defineRule } from './define.ts';
import { containerLabel, isWindows, workloadLabel } from './util.ts';

export default defineRule({
  id: 'ro-root-fs-missing',
  severity: 'error',
  docs: {
    summary: 'Container root filesystem is writable',
    why: 'Without `securityContext.readOnlyRootFilesystem: true` anyone who gets code running in the container can replace its binaries, drop a backdoor or tamper with its configuration, and the change lasts as long as the container does. Only the container-level field has any effect. Ephemeral (debug) containers get a warning rather than an error: they are added for a short session by an operator.',
    fix: 'Set `securityContext.readOnlyRootFilesystem: true` on the container (unsafe: the program may still write somewhere, so rootlock then asks for a writable volume for each path it writes, starting with /tmp).',
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
      report({
        at: written ?? c.nameNode ?? c.node,
        container: c,
        message,
        severity: c.type === 'ephemeral' ? 'warning' : 'error',
        fixes: [{
          title: 'Set readOnlyRootFilesystem: true',
          applicability: 'unsafe',
          edits: (e) => e.set(c.node, ['securityContext', 'readOnlyRootFilesystem'], true),
        }],
      });
    }
  },
});

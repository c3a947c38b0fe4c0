import { defineRule } from './define.ts';
import { containerLabel, isWindows, workloadLabel } from './util.ts';

export default defineRule({
  id: 'ro-root-fs-windows',
  severity: 'error',
  docs: {
    summary: 'readOnlyRootFilesystem set on a Windows pod',
    why: 'For a pod with `spec.os.name: windows` the API server rejects `securityContext.readOnlyRootFilesystem` (Windows containers cannot mount their root read-only), so the whole object is refused.',
    fix: 'Remove the field from the Windows pod\'s containers; harden Windows workloads by other means (least-privilege accounts, `runAsUserName`).',
    url: 'https://kubernetes.io/docs/concepts/windows/intro/#compatibility-v1-pod-spec-containers-securitycontext',
  },
  check(pod, report) {
    if (!isWindows(pod)) return;
    for (const c of pod.containers) {
      const node = c.readOnlyRootFilesystemNode;
      if (!node || (node.kind === 'scalar' && node.value === null)) continue;
      report({
        at: node,
        container: c,
        message: `${containerLabel(c)} in ${workloadLabel(pod)} sets readOnlyRootFilesystem, but the pod runs Windows (spec.os.name: windows) and the API rejects the field there; remove it`,
        fixes: [{
          title: 'Remove readOnlyRootFilesystem',
          applicability: 'safe',
          edits: (e) => e.remove(c.node, ['securityContext', 'readOnlyRootFilesystem']),
        }],
      });
    }
  },
});

import { defineRule } from './define.ts';
import { isWindows, workloadLabel } from './util.ts';

export default defineRule({
  id: 'ro-root-fs-pod-level',
  severity: 'error',
  docs: {
    summary: 'readOnlyRootFilesystem set in the pod securityContext, where it does nothing',
    why: 'The pod-level `securityContext` (PodSecurityContext) has no `readOnlyRootFilesystem` field. The API server drops it as an unknown field, so every container keeps a writable root while the manifest looks hardened.',
    fix: 'Remove it from the pod and set `readOnlyRootFilesystem: true` in each container\'s own `securityContext` (containers that already set the field keep their value).',
    url: 'https://kubernetes.io/docs/reference/kubernetes-api/workload-resources/pod-v1/#security-context',
  },
  check(pod, report) {
    const sc = pod.securityContext;
    const pair = sc?.pairs.find((p) => p.name === 'readOnlyRootFilesystem');
    if (!sc || !pair) return;
    const value = pair.value && pair.value.kind === 'scalar' ? pair.value.value : undefined;
    const targets = value === true && !isWindows(pod) ? pod.containers.filter((c) => c.readOnlyRootFilesystem === undefined && c.type !== 'ephemeral') : [];
    const names = targets.map((c) => `"${c.name}"`).join(', ');
    report({
      at: { start: pair.key.start, end: pair.value?.end ?? pair.key.end },
      message: `${workloadLabel(pod)} sets readOnlyRootFilesystem in the pod's securityContext, where Kubernetes ignores it: set it on each container instead`,
      fixes: [{
        title: targets.length ? `Move readOnlyRootFilesystem: true into ${targets.length === 1 ? 'container' : 'containers'} ${names}` : 'Remove the pod-level readOnlyRootFilesystem',
        applicability: targets.length ? 'unsafe' : 'safe',
        edits: (e) => {
          e.remove(pod.node, ['securityContext', 'readOnlyRootFilesystem']);
          for (const c of targets) e.set(c.node, ['securityContext', 'readOnlyRootFilesystem'], true);
        },
      }],
    });
  },
});

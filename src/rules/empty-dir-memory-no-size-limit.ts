import { defineRule } from './define.ts';
import { SIZE_LIMITS, mebibytes, quantityBytes, workloadLabel } from './util.ts';

export default defineRule({
  id: 'empty-dir-memory-no-size-limit',
  severity: 'warning',
  docs: {
    summary: 'Memory-backed emptyDir without a sizeLimit',
    why: 'An `emptyDir` with `medium: Memory` is a tmpfs: what is written there counts against the memory limit of the container that writes it, and without `sizeLimit` it can grow until that container is OOM-killed (or, with no limit, until the node is short of memory).',
    fix: `Add \`sizeLimit\`. rootlock proposes half of the smallest memory limit among the containers that mount it, or ${SIZE_LIMITS.memory} when none has a limit — enough for pid files, sockets and small scratch; raise it if the volume holds more (e.g. /dev/shm for a database).`,
    url: 'https://kubernetes.io/docs/concepts/storage/volumes/#emptydir-configuration-example',
  },
  check(pod, report) {
    for (const v of pod.volumes) {
      if (v.type !== 'emptyDir' || v.medium !== 'Memory' || v.sizeLimit !== undefined || !v.emptyDir) continue;
      const limits = pod.containers
        .filter((c) => c.mounts.some((m) => m.name === v.name))
        .map((c) => quantityBytes(c.memoryLimit))
        .filter((b): b is number => b !== undefined && b > 0);
      const size = limits.length ? mebibytes(Math.min(...limits) / 2) : SIZE_LIMITS.memory;
      const emptyDir = v.emptyDir;
      const medium = emptyDir.pairs.find((p) => p.name === 'medium');
      report({
        at: medium?.value ?? v.nameNode ?? v.node,
        subject: v.name,
        message: `Volume "${v.name}" in ${workloadLabel(pod)} is a memory-backed emptyDir without sizeLimit: what is written there counts against the container's memory and can get it OOM-killed`,
        fixes: [{
          title: `Add sizeLimit: ${size}`,
          applicability: 'unsafe',
          edits: (e) => e.set(emptyDir, ['sizeLimit'], size),
        }],
      });
    }
  },
});

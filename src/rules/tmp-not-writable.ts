import { defineRule } from './define.ts';
import { containerWrites, genericTmpNeed } from '../model/writes.ts';
import { isWithin } from '../model/index.ts';
import type { FixSpec } from './define.ts';
import { SIZE_LIMITS, addVolumeFor, containerLabel, isWindows, workloadLabel } from './util.ts';

export default defineRule({
  id: 'tmp-not-writable',
  severity: 'warning',
  docs: {
    summary: 'Read-only container has no writable /tmp',
    why: 'Shells (here-documents), Python\'s tempfile, the JVM (hsperfdata), curl, package managers and most runtimes write temporary files to /tmp. With a read-only root and nothing mounted there they fail with "Read-only file system" — often only on a code path that tests did not reach. Where rootlock knows the image, its image rules report /tmp instead (with the program\'s own error), and an image known not to use /tmp (nginx) gets no warning.',
    fix: `Mount a disk-backed emptyDir at /tmp with \`sizeLimit: ${SIZE_LIMITS.tmp}\` (the kubelet evicts the pod if it fills, instead of filling the node). If a read-only mount covers /tmp, make it writable. Ephemeral containers are left alone: they come and go with a debug session.`,
    url: 'https://kubernetes.io/docs/concepts/storage/volumes/#emptydir',
  },
  check(pod, report) {
    if (isWindows(pod)) return;
    for (const c of pod.containers) {
      if (c.readOnlyRootFilesystem !== true || c.type === 'ephemeral') continue;
      const w = c.writableAt('/tmp');
      if (w.writable !== false) continue;
      // What rootlock knows of the image decides: its own rules report /tmp where the image, its
      // runtime, an env var or the command writes there, and some images never do (nginx).
      const known = containerWrites(c);
      if (known.image?.knowledge.tmpNotNeeded) continue;
      if (known.needs.some((n) => isWithin(n.mountAt, '/tmp') || isWithin(n.path, '/tmp'))) continue;
      const m = w.mount;
      const fixes: FixSpec[] = [];
      let message: string;
      const generic = genericTmpNeed(c);
      if (!m) {
        if (!generic) continue;
        message = `${containerLabel(c)} in ${workloadLabel(pod)} has a read-only root filesystem and nothing writable at /tmp: anything that creates a temp file fails with "Read-only file system"`;
        fixes.push({ title: `Mount an emptyDir at /tmp (sizeLimit ${SIZE_LIMITS.tmp})`, applicability: 'safe', edits: (e) => addVolumeFor(e, pod, c, generic) });
      } else {
        message = `${containerLabel(c)} in ${workloadLabel(pod)} has a read-only /tmp: ${w.reason}`;
        if (m.readOnly && m.volume && !m.volume.readOnlySource) {
          fixes.push({ title: `Mount "${m.name}" writable (remove readOnly: true)`, applicability: 'unsafe', edits: (e) => e.remove(m.node, ['readOnly']) });
        } else if (m.mountPath !== '/tmp') {
          fixes.push({ title: `Mount an emptyDir at /tmp (sizeLimit ${SIZE_LIMITS.tmp})`, applicability: 'safe', edits: (e) => { e.addEmptyDir(pod, c, { path: '/tmp', name: 'tmp', sizeLimit: SIZE_LIMITS.tmp }); } });
        }
      }
      report({ at: c.nameNode ?? c.node, container: c, message, fixes });
    }
  },
});

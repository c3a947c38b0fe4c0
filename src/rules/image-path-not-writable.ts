import { defineRule } from './define.ts';
import { containerWrites } from '../model/writes.ts';
import { containerLabel, isWindows, logLine, volumeFixFor, volumeWords, workloadLabel } from './util.ts';

export default defineRule({
  id: 'image-path-not-writable',
  severity: 'error',
  docs: {
    summary: 'A path the image writes is on the read-only root',
    why: 'rootlock knows what common images and runtimes write at run time (nginx its cache and pid file, postgres its socket directory, the JVM /tmp …), from their Dockerfiles, entrypoints and docs. With a read-only root and no writable volume there, the program fails at start-up, or later on the code path that writes. Writes that happen only under a condition rootlock cannot see (a template directory, a uid without a passwd entry) are reported as info.',
    fix: 'Mount a volume of the kind the path wants: an emptyDir with a sizeLimit for temp files, caches and generated config; a memory-backed emptyDir for pid files and sockets; persistent storage for data (a volumeClaimTemplate in a StatefulSet, else a PersistentVolumeClaim you create).',
    url: 'https://kubernetes.io/docs/concepts/storage/volumes/#emptydir',
  },
  check(pod, report) {
    if (isWindows(pod)) return;
    for (const c of pod.containers) {
      if (c.readOnlyRootFilesystem !== true || c.type === 'ephemeral') continue;
      const w = containerWrites(c);
      for (const n of w.needs) {
        if (n.origin !== 'image' && n.origin !== 'runtime') continue;
        // only the root decides here; a read-only mount is writable-mount-read-only's
        if (n.writability.writable !== false || n.writability.mount) continue;
        const fix = volumeFixFor(pod, c, n);
        report({
          at: n.at,
          container: c,
          subject: n.path,
          severity: n.advice ? 'info' : 'error',
          message: `${containerLabel(c)} in ${workloadLabel(pod)} (${n.knowledge?.title ?? 'image'}) writes ${n.path} — ${n.what} — but the root is read-only${n.advice ? ` (${n.advice})` : ''}. It would log: ${logLine(n.error)} Give it ${volumeWords(n.volume)}`,
          fixes: fix ? [fix] : [],
        });
      }
    }
  },
});

import { defineRule } from './define.ts';
import { containerWrites } from '../model/writes.ts';
import { containerLabel, isWindows, workloadLabel } from './util.ts';

export default defineRule({
  id: 'image-unknown',
  severity: 'info',
  docs: {
    summary: 'rootlock does not know what this image writes',
    why: 'rootlock\'s knowledge base covers common images (nginx, postgres, redis, grafana, the Bitnami family …) and runtimes (JVM, Python, Node, shells). For any other image it can only check /tmp and what the command visibly writes; the program may still write elsewhere and fail once the root is read-only.',
    fix: 'Find the paths once: run the image with a writable root and list what changed (`docker diff <container>`, or in a pod `find / -xdev -newer /proc/1/cmdline -not -path "/proc/*" 2>/dev/null`), or run it read-only and read the "Read-only file system" errors. Mount an emptyDir for each path it writes.',
    url: 'https://docs.docker.com/reference/cli/docker/container/diff/',
  },
  check(pod, report) {
    if (isWindows(pod)) return;
    for (const c of pod.containers) {
      if (c.readOnlyRootFilesystem !== true || c.type === 'ephemeral' || !c.image) continue;
      const w = containerWrites(c);
      if (w.image || w.runtimes.some((r) => r.id !== 'shell')) continue;
      report({
        at: c.nameNode ?? c.node,
        container: c,
        message: `${containerLabel(c)} in ${workloadLabel(pod)} runs ${c.image}, which rootlock does not know: it checks /tmp and what the command writes, but the program may write elsewhere. Run it once with a writable root and list the changed files (docker diff), then mount an emptyDir for each path`,
      });
    }
  },
});

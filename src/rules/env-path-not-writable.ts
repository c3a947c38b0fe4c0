import { defineRule } from './define.ts';
import { containerWrites } from '../model/writes.ts';
import { containerLabel, isWindows, logLine, volumeFixFor, volumeWords, workloadLabel } from './util.ts';

export default defineRule({
  id: 'env-path-not-writable',
  severity: 'error',
  docs: {
    summary: 'An env var points a program at a path it cannot write',
    why: 'Variables such as PGDATA, TMPDIR, HOME, XDG_*_HOME, npm_config_cache, PYTHONPYCACHEPREFIX, CATALINA_TMPDIR, GF_PATHS_* and ES_TMPDIR (and those the knowledge base lists for an image) tell a program where to write. Pointing one at the read-only root, or at a read-only mount, moves the failure rather than removing it. A value from valueFrom cannot be checked: rootlock says so.',
    fix: 'Mount a writable volume at that path (of the kind it wants: persistent for data such as PGDATA), or point the variable into a writable mount.',
    url: 'https://kubernetes.io/docs/tasks/inject-data-application/define-environment-variable-container/',
  },
  check(pod, report) {
    if (isWindows(pod)) return;
    for (const c of pod.containers) {
      if (c.readOnlyRootFilesystem !== true || c.type === 'ephemeral') continue;
      const w = containerWrites(c);
      for (const n of w.needs) {
        if (n.origin !== 'env' || !n.env || n.writability.writable !== false) continue;
        const where = n.writability.mount ? n.writability.reason : 'that path is on the read-only root';
        const fix = n.writability.mount ? undefined : volumeFixFor(pod, c, n);
        report({
          at: n.at,
          container: c,
          subject: n.path,
          severity: n.advice ? 'info' : 'error',
          message: `${containerLabel(c)} in ${workloadLabel(pod)} sets ${n.env.name}=${n.path}, where ${n.what} goes, but ${where}. It would log: ${logLine(n.error)} Give it ${volumeWords(n.volume)}, or point ${n.env.name} into a writable mount`,
          fixes: fix ? [fix] : [],
        });
      }
      for (const u of w.unknown) {
        if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(u.name) || !/valueFrom/.test(u.reason)) continue;
        report({
          at: u.at,
          container: c,
          subject: u.name,
          severity: 'info',
          message: `${containerLabel(c)} in ${workloadLabel(pod)}: ${u.reason}. Check that it names a writable mount`,
        });
      }
    }
  },
});

import { defineRule } from './define.ts';
import { containerWrites, envOf } from '../model/writes.ts';
import { mountFor, normalizePath } from '../model/index.ts';
import { containerLabel, workloadLabel } from './util.ts';

export default defineRule({
  id: 'pgdata-at-mount-root',
  severity: 'warning',
  docs: {
    summary: 'PGDATA is the mount point itself, not a directory inside it',
    why: 'initdb refuses to initialise a directory that is not empty, and a freshly formatted volume often holds `lost+found`; the postgres image docs therefore recommend PGDATA in a subdirectory of the mount. A mount point also cannot get the 0700 permissions PostgreSQL insists on with every storage driver.',
    fix: 'Set PGDATA to a subdirectory of the mount, e.g. `/var/lib/postgresql/data/pgdata`. Only for a new database: an existing cluster must be moved into that directory first.',
    url: 'https://github.com/docker-library/docs/blob/master/postgres/README.md#pgdata',
  },
  check(pod, report) {
    for (const c of pod.containers) {
      const w = containerWrites(c);
      if (w.image?.knowledge.id !== 'postgres' && !envOf(c).has('PGDATA')) continue;
      const env = envOf(c).get('PGDATA');
      const explicit = env?.value;
      const fallback = w.image ? (w.image.major === undefined || w.image.major >= 18 ? undefined : '/var/lib/postgresql/data') : undefined;
      const pgdata = explicit ?? (env ? undefined : fallback);
      if (!pgdata || !pgdata.startsWith('/')) continue;
      const m = mountFor(c, pgdata);
      if (!m || normalizePath(m.mountPath) !== normalizePath(pgdata)) continue;
      const sub = `${normalizePath(pgdata)}/pgdata`;
      report({
        at: env?.valueNode ?? m.mountPathNode ?? m.node,
        container: c,
        message: `${containerLabel(c)} in ${workloadLabel(pod)} keeps PGDATA at ${pgdata}, the mount point of "${m.name}" itself: initdb fails on a volume that holds lost+found ("directory exists but is not empty"). Use a subdirectory such as ${sub}`,
        fixes: [{
          title: `Set PGDATA=${sub} (new databases only)`,
          applicability: 'unsafe',
          edits: (e) => {
            if (env?.valueNode) e.replaceScalar(env.valueNode, sub);
            else e.append(c.node, 'env', { name: 'PGDATA', value: sub });
          },
        }],
      });
    }
  },
});

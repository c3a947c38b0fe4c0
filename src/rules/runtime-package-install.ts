import { defineRule } from './define.ts';
import { containerWrites } from '../model/writes.ts';
import { containerLabel, workloadLabel } from './util.ts';

export default defineRule({
  id: 'runtime-package-install',
  severity: 'error',
  docs: {
    summary: 'Packages installed when the container starts',
    why: '`apt-get install`, `apk add`, `yum`/`dnf install`, `pip install`, `npm install` and the like write into system directories (/usr, /var/lib/apt, site-packages, node_modules), which a read-only root forbids — and installing at start-up makes every start depend on a package mirror and gives each pod whatever version was current, defeating an immutable image.',
    fix: 'Install the packages when the image is built (a Dockerfile RUN step) and run that image.',
    url: 'https://kubernetes.io/docs/concepts/containers/images/',
  },
  check(pod, report) {
    for (const c of pod.containers) {
      if (c.type === 'ephemeral') continue;
      const w = containerWrites(c);
      for (const i of w.installs) {
        const ro = c.readOnlyRootFilesystem === true;
        report({
          at: i.at,
          container: c,
          subject: i.tool,
          message: `${containerLabel(c)} in ${workloadLabel(pod)} runs \`${i.tool}\` at start-up: ${ro ? 'with a read-only root it fails ("Read-only file system"); ' : ''}install the packages when the image is built instead`,
        });
      }
    }
  },
});

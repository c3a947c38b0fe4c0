import { defineRule } from './define.ts';
import { containerWrites } from '../model/writes.ts';
import { isWithin, normalizePath } from '../model/index.ts';
import { containerLabel, workloadLabel } from './util.ts';

export default defineRule({
  id: 'mount-hides-image-content',
  severity: 'warning',
  docs: {
    summary: 'A writable volume hides files the image ships',
    why: 'A volume mounted on a directory replaces what the image has there: an emptyDir on /etc/nginx hides nginx.conf, one on Elasticsearch\'s config hides jvm.options, one on Grafana\'s plugins directory hides the pre-installed plugins. Making a path writable this way turns a read-only error into a missing-file error.',
    fix: 'Fill the volume with an init container that copies the image\'s files into it (same image, `cp -a`), or mount only the single file or subdirectory that must change with `subPath`.',
    url: 'https://kubernetes.io/docs/concepts/storage/volumes/#using-subpath',
  },
  check(pod, report) {
    for (const c of pod.containers) {
      const w = containerWrites(c);
      if (!w.content.length) continue;
      for (const m of c.mounts) {
        if (!m.volume || m.volume.readOnlySource || m.subPath || !m.mountPath.startsWith('/')) continue;
        const mp = normalizePath(m.mountPath);
        const hidden = w.content.find((p) => isWithin(p.path, mp));
        if (!hidden) continue;
        const image = c.image ?? '';
        const stage = `/rootlock-seed${mp}`;
        report({
          at: m.mountPathNode ?? m.node,
          container: c,
          message: `${containerLabel(c)} in ${workloadLabel(pod)} mounts ${m.volume.type} "${m.name}" at ${mp}, which hides what ${hidden.knowledge.title} ships at ${hidden.path} (${hidden.shipsContent}). Copy it in with an init container, or mount single files with subPath`,
          fixes: image && m.volume.type === 'emptyDir' ? [{
            title: `Add an init container that copies ${mp} from the image into "${m.name}"`,
            applicability: 'manual',
            edits: (e) => {
              e.append(pod.node, 'initContainers', {
                name: e.uniqueContainerName(pod, `seed-${m.name}`),
                image,
                command: ['sh', '-c', `cp -a ${mp}/. ${stage}/`],
                securityContext: { readOnlyRootFilesystem: true, allowPrivilegeEscalation: false },
                volumeMounts: [{ name: m.name, mountPath: stage }],
              });
            },
          }] : [],
        });
      }
    }
  },
});

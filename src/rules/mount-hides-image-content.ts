import { defineRule } from './define.ts';
import { containerWrites } from '../model/writes.ts';
import { isWithin, normalizePath } from '../model/index.ts';
import { addSeed, containerLabel, workloadLabel } from './util.ts';
import type { Pod } from './define.ts';

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
        // what the mount hides first of all: the shipped directory closest to the mount point
        const hidden = w.content.filter((p) => isWithin(p.path, mp)).sort((a, b) => a.path.length - b.path.length)[0];
        if (!hidden || seeded(pod, m.name)) continue;
        const image = c.image ?? '';
        report({
          at: m.mountPathNode ?? m.node,
          container: c,
          subject: mp,
          message: `${containerLabel(c)} in ${workloadLabel(pod)} mounts ${m.volume.type} "${m.name}" at ${mp}, which hides what ${hidden.knowledge.title} ships at ${hidden.path} (${hidden.shipsContent}). Copy it in with an init container, or mount single files with subPath`,
          fixes: image && m.volume.type === 'emptyDir' ? [{
            title: `Add an init container that copies ${mp} from the image into "${m.name}"`,
            applicability: 'manual',
            edits: (e) => addSeed(e, pod, image, m.name, mp),
          }] : [],
        });
      }
    }
  },
});

/**
 * True when an init container writes into volume `name` (the copy this rule suggests, or one of
 * the user's own, as in a ConfigMap copied into a shared emptyDir): the volume is filled before
 * the container starts, so it hides nothing the container needs.
 */
function seeded(pod: Pod, name: string): boolean {
  return pod.containers.some((c) => c.type === 'init' && containerWrites(c).needs.some((n) => n.origin === 'command' && n.writability.mount?.name === name && n.writability.writable === true));
}

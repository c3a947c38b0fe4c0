import { defineRule } from './define.ts';
import type { FixSpec } from './define.ts';
import { containerLabel, workloadLabel } from './util.ts';

export default defineRule({
  id: 'volume-mount-missing-volume',
  severity: 'error',
  docs: {
    summary: 'Volume mount names a volume the pod does not have',
    why: 'Every `volumeMounts[].name` must match a volume in `spec.volumes`; otherwise the API server rejects the object ("volumeMounts[0].name: Not found"). A typo here is a common result of adding a mount by hand.',
    fix: 'Correct the name to an existing volume (offered when one is spelled alike), or add the volume it names.',
    url: 'https://kubernetes.io/docs/concepts/storage/volumes/',
  },
  check(pod, report) {
    for (const c of pod.containers) {
      for (const m of c.mounts) {
        if (m.volume || !m.name) continue;
        const alike = closest(m.name, pod.volumes.map((v) => v.name));
        const nameNode = m.nameNode;
        const fixes: FixSpec[] = [];
        if (alike && nameNode) fixes.push({ title: `Use volume "${alike}"`, applicability: 'unsafe', edits: (e) => e.replaceScalar(nameNode, alike) });
        fixes.push({ title: `Add an emptyDir volume "${m.name}"`, applicability: 'manual', edits: (e) => e.append(pod.node, 'volumes', { name: m.name, emptyDir: {} }) });
        report({
          at: m.nameNode ?? m.node,
          container: c,
          subject: m.mountPath,
          message: `${containerLabel(c)} in ${workloadLabel(pod)} mounts volume "${m.name}" at ${m.mountPath}, but the pod has no volume of that name${alike ? ` (did you mean "${alike}"?)` : ''}`,
          fixes,
        });
      }
    }
  },
});

/** The one name within two edits of `name`, if exactly one is. */
function closest(name: string, names: string[]): string | undefined {
  const near = [...new Set(names)].filter((n) => n && distance(n, name) <= 2);
  return near.length === 1 ? near[0] : undefined;
}

function distance(a: string, b: string): number {
  if (Math.abs(a.length - b.length) > 2) return 3;
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) {
      cur[j] = Math.min((prev[j] as number) + 1, (cur[j - 1] as number) + 1, (prev[j - 1] as number) + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    prev = cur;
  }
  return prev[b.length] as number;
}

import { defineContextRule, namespaceFor } from '../pss/context.ts';
import type { PssReport } from '../pss/context.ts';
import { enforceSentence, namespaceVerdict } from '../pss/namespaces.ts';
import { get, getPair } from '../yaml/tree.ts';
import { asMap } from '../yaml/tree.ts';

export default defineContextRule({
  id: 'pss-namespace-rejects',
  severity: 'error',
  docs: {
    summary: 'Namespace in the same file rejects this workload\'s pods',
    why: 'When the file also holds the Namespace the workload goes to, rootlock evaluates the pod spec against that namespace\'s `pod-security.kubernetes.io/enforce` level and version, as pod-security admission will. A Pod that fails is rejected outright. A Deployment, StatefulSet, DaemonSet, ReplicaSet, Job or CronJob that fails is admitted anyway, because enforce checks Pods only (only the warn and audit modes look at pod templates, and warn shows a warning only if the namespace sets it): the object is created, and every pod its controller then tries to create is refused, which shows only as FailedCreate events and a rollout that never becomes ready.',
    fix: 'Bring the pod spec up to the namespace\'s level (the pss-baseline and pss-restricted findings carry the fixes), or deploy it to a namespace whose level it meets.',
    url: 'https://kubernetes.io/docs/concepts/security/pod-security-admission/#workload-resources-and-pod-templates',
  },
  check(pod, report, ctx) {
    const ns = namespaceFor(pod, ctx);
    if (!ns) return;
    const v = namespaceVerdict(pod, ns);
    if (v.enforce.allowed) return;
    const w = pod.workload;
    const meta = asMap(get(w.node, 'metadata'));
    const pair = getPair(meta, 'namespace');
    const at = pair ? { start: pair.key.start, end: pair.value?.end ?? pair.key.end } : (get(meta, 'namespace') ?? w.node);
    const finding: PssReport = {
      at,
      message: `${enforceSentence(w, v)}. ${v.enforce.violations.map((x) => x.reason).join('; ')}`,
      ...(v.enforce.violations[0] ? { control: v.enforce.violations[0].control } : {}),
    };
    report(finding);
  },
});

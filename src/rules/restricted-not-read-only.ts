import { defineContextRule, namespaceFor } from '../pss/context.ts';
import { get, getPair } from '../yaml/tree.ts';
import { asMap } from '../yaml/tree.ts';
import { containerLabel, isWindows } from './util.ts';

export default defineContextRule({
  id: 'restricted-not-read-only',
  severity: 'info',
  docs: {
    summary: 'Namespace enforces restricted, but that does not make root filesystems read-only',
    why: 'Many people take the `restricted` Pod Security Standard for "fully hardened". It is not: pod-security admission has no readOnlyRootFilesystem check (the PSP-to-PSS mapping lists it as "no opinion"), so a namespace labelled `pod-security.kubernetes.io/enforce: restricted` still admits containers whose root filesystem is writable. rootlock says so once per workload in such a namespace that has a writable container.',
    fix: 'Set `readOnlyRootFilesystem: true` on the containers (ro-root-fs-missing offers it), and enforce it across the cluster with a policy: export a ValidatingAdmissionPolicy, a Kyverno ClusterPolicy or a Gatekeeper constraint from rootlock\'s Policy tab (or `generatePolicy()`).',
    url: 'https://kubernetes.io/docs/concepts/security/pod-security-standards/#policy-instantiation',
  },
  check(pod, report, ctx) {
    const ns = namespaceFor(pod, ctx);
    if (!ns || ns.modes.enforce.level !== 'restricted' || isWindows(pod)) return;
    const writable = pod.containers.filter((c) => c.readOnlyRootFilesystem !== true);
    if (!writable.length) return;
    const w = pod.workload;
    const meta = asMap(get(w.node, 'metadata'));
    const pair = getPair(meta, 'namespace');
    const at = pair ? { start: pair.key.start, end: pair.value?.end ?? pair.key.end } : w.node;
    const who = writable.map(containerLabel).join(', ');
    report({
      at,
      message: `Namespace "${ns.name}" enforces the restricted Pod Security Standard, but restricted does not cover readOnlyRootFilesystem: ${who} in ${w.kind} "${w.name}" still ${writable.length === 1 ? 'has a writable root filesystem' : 'have writable root filesystems'}. Set readOnlyRootFilesystem: true, and enforce it cluster-wide with a policy (Policy tab: ValidatingAdmissionPolicy, Kyverno or Gatekeeper)`,
      ...(writable.length === 1 && writable[0] ? { container: writable[0] } : {}),
    });
  },
});

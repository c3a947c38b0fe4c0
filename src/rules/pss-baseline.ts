import { defineContextRule } from '../pss/context.ts';
import type { PssReport } from '../pss/context.ts';
import { evaluatePss } from '../pss/evaluate.ts';
import { baselineFix } from '../pss/fixes.ts';
import type { Container, Pod } from './define.ts';
import { workloadLabel } from './util.ts';
import { violationMessage } from '../pss/messages.ts';

export default defineContextRule({
  id: 'pss-baseline',
  severity: 'warning',
  docs: {
    summary: 'Pod spec fails the baseline Pod Security Standard',
    why: 'The baseline level forbids what lets a container reach the node: privileged containers, host namespaces, hostPath volumes, host ports, added capabilities beyond the default set, unsafe sysctls, AppArmor, SELinux or seccomp turned off, an unmasked /proc, Windows HostProcess, probes and hooks that target another host. A namespace labelled `pod-security.kubernetes.io/enforce: baseline` (or restricted) rejects such pods. rootlock evaluates each control with the semantics of Kubernetes\' pod-security admission at the version you choose (`--pss-version`, default latest); one finding per failing control, at its field. Severity warning: each of these gives the container a way out of its isolation that a read-only root cannot make up for (a privileged container can remount its root read-write), but node agents need them on purpose; when a Namespace in the same file enforces baseline, pss-namespace-rejects reports the rejection as an error.',
    fix: '`privileged: true` has a manual fix that sets it to false (also applied by "Harden to restricted + read-only root"); for the other controls, remove the field the finding points at, unless the workload is a node agent that really needs it (then run it in a namespace that allows privileged pods, and keep it out of your application namespaces).',
    url: 'https://kubernetes.io/docs/concepts/security/pod-security-standards/#baseline',
  },
  check(pod, report, ctx) {
    const version = ctx?.pssVersion ?? 'latest';
    const r = evaluatePss(pod, 'baseline', version);
    for (const v of r.violations) {
      const fix = baselineFix(pod, v.control);
      const finding: PssReport = {
        at: v.at,
        control: v.control,
        message: violationMessage(workloadLabel(pod), 'baseline', version, v),
        ...(v.container !== undefined ? containerOf(pod, v.container) : {}),
        ...(fix ? { fixes: [fix] } : {}),
      };
      report(finding);
    }
  },
});

function containerOf(pod: Pod, name: string): { container?: Container } {
  const c = pod.containers.find((x) => x.name === name);
  return c ? { container: c } : {};
}

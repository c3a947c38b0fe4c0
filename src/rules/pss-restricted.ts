import { defineContextRule } from '../pss/context.ts';
import type { PssReport } from '../pss/context.ts';
import { evaluatePss } from '../pss/evaluate.ts';
import { hardeningFix } from '../pss/fixes.ts';
import { violationMessage } from '../pss/messages.ts';
import { workloadLabel } from './util.ts';

export default defineContextRule({
  id: 'pss-restricted',
  severity: 'info',
  docs: {
    summary: 'Pod spec fails a restricted Pod Security Standard control',
    why: 'The restricted level adds the hardening settings that should be on by default: no privilege escalation (`allowPrivilegeEscalation: false`), every capability dropped (`drop: [ALL]`, only NET_BIND_SERVICE may be added back), running as non-root (`runAsNonRoot: true`, never `runAsUser: 0`), a seccomp profile (`RuntimeDefault`), only volume types that stay inside the pod, and a masked /proc. A namespace labelled `pod-security.kubernetes.io/enforce: restricted` rejects pods without them. rootlock reports the restricted controls here (the baseline ones under pss-baseline), one finding per failing control, with pod-security admission\'s semantics at the version you choose (`--pss-version`, default latest): Windows pods are exempt from the Linux-only controls from v1.25, `hostUsers: false` relaxes runAsNonRoot and runAsUser from v1.35. Note that restricted does not require `readOnlyRootFilesystem`. Severity info, and the fixes are manual: these are defence in depth that changes how the program runs (some images need a non-root user first), so "Fix all" leaves them to you; "Harden to restricted + read-only root" applies them all, shown as a diff first. When a Namespace in the same file enforces restricted, pss-namespace-rejects reports the rejection as an error.',
    fix: 'Each finding offers the setting as a manual fix: `allowPrivilegeEscalation: false`; `capabilities.drop: [ALL]`; `runAsNonRoot: true` on the pod, with a non-zero `runAsUser` where rootlock knows the image\'s non-root user (or 65532 for an image that runs as root); `seccompProfile.type: RuntimeDefault` on the pod. Check the program still starts. Volume types and /proc have no automatic fix.',
    url: 'https://kubernetes.io/docs/concepts/security/pod-security-standards/#restricted',
  },
  check(pod, report, ctx) {
    const version = ctx?.pssVersion ?? 'latest';
    const r = evaluatePss(pod, 'restricted', version);
    for (const v of r.violations) {
      if (v.controlLevel !== 'restricted') continue; // baseline controls: pss-baseline
      const fix = hardeningFix(pod, v.control);
      const c = v.container !== undefined ? pod.containers.find((x) => x.name === v.container) : undefined;
      const finding: PssReport = {
        at: v.at,
        control: v.control,
        message: violationMessage(workloadLabel(pod), 'restricted', version, v),
        ...(c ? { container: c } : {}),
        ...(fix ? { fixes: [fix] } : {}),
      };
      report(finding);
    }
  },
});

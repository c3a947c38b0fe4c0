import rule from './pss-namespace-rejects.ts';
import { ruleTester } from './rule-tester.ts';

const namespace = (labels: string) => `apiVersion: v1
kind: Namespace
metadata:
  name: shop
  labels:
${labels}---
`;
const enforceRestricted = namespace('    pod-security.kubernetes.io/enforce: restricted\n');
const plainPod = `apiVersion: v1
kind: Pod
metadata:
  name: web
  namespace: shop
spec:
  containers:
  - name: web
    image: nginx
`;
const deployment = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  namespace: shop
spec:
  template:
    spec:
      containers:
      - name: web
        image: nginx
`;

ruleTester(rule, {
  valid: [
    { name: 'no Namespace object in the text', code: plainPod },
    { name: 'another namespace', code: enforceRestricted + plainPod.replace('namespace: shop', 'namespace: other') },
    { name: 'no namespace on the workload (kubectl -n decides)', code: enforceRestricted + plainPod.replace('  namespace: shop\n', '') },
    { name: 'baseline is met', code: namespace('    pod-security.kubernetes.io/enforce: baseline\n') + plainPod },
    { name: 'warn and audit never reject', code: namespace('    pod-security.kubernetes.io/warn: restricted\n    pod-security.kubernetes.io/audit: restricted\n') + plainPod },
  ],
  invalid: [
    {
      name: 'a Pod that fails the enforce level is rejected',
      code: enforceRestricted + plainPod,
      findings: [{
        line: 12, column: 3, severity: 'error',
        message: /^Pod "web" would be rejected: namespace "shop" enforces restricted, and the pod violates PodSecurity "restricted:latest" \(allowPrivilegeEscalation, capabilities_restricted, runAsNonRoot, seccompProfile_restricted\); the API server refuses to create it\. allowPrivilegeEscalation != false \(container "web" must set/,
      }],
      output: null,
    },
    {
      name: 'a Deployment is admitted, its pods are rejected; without a warn label there is no warning',
      code: namespace('    pod-security.kubernetes.io/enforce: baseline\n    pod-security.kubernetes.io/enforce-version: v1.30\n') + deployment.replace('      containers:', '      hostPID: true\n      containers:'),
      findings: [{
        line: 13, column: 3,
        message: 'Deployment "web" is admitted but the pods its ReplicaSets create will be rejected: namespace "shop" enforces baseline at v1.30, which pod-security admission applies to Pods only, and the pod template violates PodSecurity "baseline:v1.30" (hostNamespaces); on create no warning is shown (the namespace sets no warn level), and the controller\'s pod creations fail with FailedCreate events. host namespaces (hostPID=true)',
      }],
    },
    {
      name: 'with warn at the same level, kubectl warns',
      code: namespace('    pod-security.kubernetes.io/enforce: restricted\n    pod-security.kubernetes.io/warn: restricted\n') + deployment.replace('kind: Deployment', 'kind: StatefulSet'),
      findings: [{ message: /^StatefulSet "web" is admitted but the pods it creates will be rejected: .*on create kubectl prints a warning \("would violate PodSecurity \\"restricted:latest\\""\)/ }],
    },
    {
      name: 'an invalid enforce level enforces restricted (fail closed)',
      code: namespace('    pod-security.kubernetes.io/enforce: strict\n') + plainPod,
      findings: [{ message: /^Pod "web" would be rejected: namespace "shop" enforces restricted/ }],
    },
  ],
});

import rule from './restricted-not-read-only.ts';
import { ruleTester } from './rule-tester.ts';

const ns = (level: string) => `apiVersion: v1
kind: Namespace
metadata:
  name: shop
  labels:
    pod-security.kubernetes.io/enforce: ${level}
---
`;
const pod = (ro: string) => `apiVersion: v1
kind: Pod
metadata:
  name: web
  namespace: shop
spec:
  containers:
  - name: web
    image: nginx
    securityContext: {readOnlyRootFilesystem: ${ro}}
  - name: log
    image: busybox
`;

ruleTester(rule, {
  valid: [
    { name: 'the namespace enforces baseline', code: ns('baseline') + pod('false') },
    { name: 'every container is read-only', code: ns('restricted') + pod('true').replace('  - name: log\n    image: busybox\n', '') },
    { name: 'no Namespace object in the text', code: pod('false') },
  ],
  invalid: [
    {
      name: 'restricted namespace, writable containers: one finding per workload, at its namespace',
      code: ns('restricted') + pod('false'),
      findings: [{
        line: 12, column: 3, severity: 'info',
        message: 'Namespace "shop" enforces the restricted Pod Security Standard, but restricted does not cover readOnlyRootFilesystem: Container "web", Container "log" in Pod "web" still have writable root filesystems. Set readOnlyRootFilesystem: true, and enforce it cluster-wide with a policy (Policy tab: ValidatingAdmissionPolicy, Kyverno or Gatekeeper)',
        fixes: [],
      }],
      output: null,
    },
    {
      name: 'one writable container is named as the finding\'s container',
      code: ns('restricted') + pod('true'),
      findings: [{ container: 'log', message: /Container "log" in Pod "web" still has a writable root filesystem/ }],
    },
  ],
});

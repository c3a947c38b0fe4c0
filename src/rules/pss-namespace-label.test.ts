import rule from './pss-namespace-label.ts';
import { ruleTester } from './rule-tester.ts';

const ns = (labels: string) => `apiVersion: v1
kind: Namespace
metadata:
  name: apps
  labels:
${labels}---
apiVersion: v1
kind: Pod
metadata:
  name: p
  namespace: apps
spec:
  containers:
  - name: app
`;

ruleTester(rule, {
  valid: [
    ns('    pod-security.kubernetes.io/enforce: restricted\n    pod-security.kubernetes.io/enforce-version: v1.30\n    pod-security.kubernetes.io/warn: baseline\n    pod-security.kubernetes.io/warn-version: latest\n    pod-security.kubernetes.io/audit: privileged\n'),
    { name: 'other labels are none of its business', code: ns('    team: web\n    app.kubernetes.io/part-of: shop\n') },
    { name: 'a namespace without labels', code: 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: x\n---\napiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n  - name: a\n' },
  ],
  invalid: [
    {
      name: 'a level in the wrong case: the API server rejects it; the fix lower-cases it',
      code: ns('    pod-security.kubernetes.io/enforce: Restricted\n'),
      findings: [{
        line: 6, column: 5, severity: 'error',
        message: 'Label pod-security.kubernetes.io/enforce: "Restricted" on namespace "apps" is not a Pod Security level (privileged, baseline or restricted); did you mean restricted? The API server rejects the Namespace with this label, and a namespace that has it anyway enforces restricted:latest (pod-security admission fails closed)',
        fixes: [{ title: 'Write "restricted"', applicability: 'safe' }],
      }],
      output: ns('    pod-security.kubernetes.io/enforce: restricted\n'),
    },
    {
      name: 'an unknown level in warn fails open; a version without v; a number',
      code: ns('    pod-security.kubernetes.io/warn: strict\n    pod-security.kubernetes.io/warn-version: "1.30"\n    pod-security.kubernetes.io/enforce-version: 1.29\n'),
      findings: [
        { line: 8, column: 5, message: /^Label pod-security\.kubernetes\.io\/enforce-version of namespace "apps" is the number 1\.29, but label values are strings: the API server rejects the Namespace \(write it quoted: "1\.29"\)$/, fixes: [{ title: 'Write "v1.29"' }] },
        { line: 6, column: 5, message: /"strict" on namespace "apps" is not a Pod Security level.*gets no warnings \(pod-security admission fails open for warn\)$/, fixes: [] },
        { line: 7, column: 5, message: /"1\.30" on namespace "apps" is not a Pod Security version \(latest or v1\.<minor>, e\.g\. v1\.30\); did you mean v1\.30\?/, fixes: [{ title: 'Write "v1.30"' }] },
      ],
      output: ns('    pod-security.kubernetes.io/warn: strict\n    pod-security.kubernetes.io/warn-version: "v1.30"\n    pod-security.kubernetes.io/enforce-version: v1.29\n'),
    },
    {
      name: 'a label pod-security admission does not read',
      code: ns('    pod-security.kubernetes.io/enforcement: restricted\n'),
      findings: [{ line: 6, column: 5, severity: 'warning', message: /^Label pod-security\.kubernetes\.io\/enforcement on namespace "apps" is not a pod-security label: pod-security admission ignores it \(did you mean pod-security\.kubernetes\.io\/enforce\?\)/, fixes: [] }],
      output: null,
    },
  ],
});

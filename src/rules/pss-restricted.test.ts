import rule from './pss-restricted.ts';
import { ruleTester } from './rule-tester.ts';

const restrictedPod = `apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  securityContext:
    runAsNonRoot: true
    seccompProfile: {type: RuntimeDefault}
  containers:
  - name: app
    image: nginxinc/nginx-unprivileged:1.27
    securityContext:
      allowPrivilegeEscalation: false
      capabilities: {drop: [ALL], add: [NET_BIND_SERVICE]}
`;

const bare = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  template:
    spec:
      containers:
      - name: web
        image: nginx:1.27
`;

ruleTester(rule, {
  valid: [
    restrictedPod,
    {
      name: 'a Windows pod needs only runAsNonRoot (the Linux-only controls skip it from v1.25)',
      code: `apiVersion: v1
kind: Pod
metadata:
  name: win
spec:
  os: {name: windows}
  securityContext:
    runAsNonRoot: true
  containers:
  - name: app
    image: mcr.microsoft.com/windows/nanoserver:ltsc2022
`,
    },
    {
      name: 'a user-namespaced pod (hostUsers: false) may run as root inside it (v1.35+)',
      code: restrictedPod.replace('    runAsNonRoot: true\n', '    runAsUser: 0\n').replace('spec:\n  securityContext:', 'spec:\n  hostUsers: false\n  securityContext:'),
    },
    {
      name: 'baseline controls are pss-baseline findings, not these',
      code: restrictedPod.replace('spec:\n  securityContext:', 'spec:\n  hostNetwork: true\n  securityContext:'),
    },
  ],
  invalid: [
    {
      name: 'a bare Deployment: one finding per restricted control, each with its hardening fix (manual: Fix all leaves them to the user)',
      code: bare,
      findings: [
        {
          line: 9, column: 15, container: 'web',
          message: 'Deployment "web" does not meet Pod Security "restricted:latest", control allowPrivilegeEscalation (Privilege Escalation): spec.template.spec.containers[0].securityContext.allowPrivilegeEscalation is not set (the default allows escalation). Pod security admission says: allowPrivilegeEscalation != false (container "web" must set securityContext.allowPrivilegeEscalation=false)',
          fixes: [{ title: 'Set allowPrivilegeEscalation: false', applicability: 'manual', output: `${bare}        securityContext:\n          allowPrivilegeEscalation: false\n` }],
        },
        {
          line: 9, column: 15, message: /control capabilities_restricted \(Capabilities\): spec\.template\.spec\.containers\[0\]\.securityContext\.capabilities\.drop is not set \(must drop ALL\)/,
          fixes: [{ title: 'Drop ALL capabilities', applicability: 'manual', output: `${bare}        securityContext:\n          capabilities:\n            drop:\n            - ALL\n` }],
        },
        {
          line: 9, column: 15,
          message: /control runAsNonRoot \(Running as Non-root\): .*runAsNonRoot is not set, nor is the pod-level runAsNonRoot\. Pod security admission says: runAsNonRoot != true \(pod or container "web" must set securityContext\.runAsNonRoot=true\)$/,
          fixes: [{
            title: 'Set runAsNonRoot: true on the pod, and runAsUser: 101 on "web" (nginx starts as root and steps down to nginx (101); check it can start as that user)',
            applicability: 'manual',
            output: `${bare}        securityContext:\n          runAsUser: 101\n      securityContext:\n        runAsNonRoot: true\n`,
          }],
        },
        {
          line: 9, column: 15, message: /control seccompProfile_restricted \(Seccomp\)/,
          fixes: [{ title: 'Set seccompProfile.type: RuntimeDefault on the pod', applicability: 'manual', output: `${bare}      securityContext:\n        seccompProfile:\n          type: RuntimeDefault\n` }],
        },
      ],
      output: null,
    },
    {
      name: 'explicit bad values are replaced where they are written',
      code: `apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  securityContext:
    runAsUser: 0
    seccompProfile:
      type: Unconfined
  containers:
  - name: app
    image: example.com/app:1
    securityContext:
      allowPrivilegeEscalation: true
      runAsNonRoot: false
      capabilities:
        add: ["SYS_ADMIN"]
`,
      findings: [
        { line: 14, column: 7, message: /allowPrivilegeEscalation is true, not false/ },
        { line: 16, column: 7, message: /capabilities\.drop does not drop ALL \(and 1 more place\).*container "app" must not include "SYS_ADMIN" in securityContext\.capabilities\.add\)$/, fixes: [{ title: 'Drop ALL capabilities and remove the added SYS_ADMIN' }] },
        { line: 15, column: 7, message: /runAsNonRoot is false\. Pod security admission says: runAsNonRoot != true \(container "app" must not set securityContext\.runAsNonRoot=false\)$/, fixes: [{ title: 'Set runAsNonRoot: true' }] },
        { line: 7, column: 5, message: /control runAsUser .*spec\.securityContext\.runAsUser is 0 \(root\)/, fixes: [{ title: 'Run as a non-root user instead of root: runAsUser: 65532 on the pod' }] },
        { line: 9, column: 7, message: /spec\.securityContext\.seccompProfile\.type is "Unconfined"/ },
      ],
      output: null,
    },
    {
      name: 'JSON stays JSON; an existing drop list gets ALL',
      code: '{"apiVersion": "v1", "kind": "Pod", "metadata": {"name": "p"}, "spec": {"containers": [{"name": "app", "image": "postgres:16", "securityContext": {"capabilities": {"drop": ["NET_RAW"]}}}]}}\n',
      findings: [
        { message: /allowPrivilegeEscalation/ },
        { message: /capabilities\.drop does not drop ALL/ },
        { message: /runAsNonRoot/, fixes: [{ title: 'Set runAsNonRoot: true on the pod, and runAsUser: 999 on "app" (PostgreSQL starts as root and steps down to postgres (999); check it can start as that user)' }] },
        { message: /seccompProfile/ },
      ],
      output: null,
    },
    {
      name: 'an image rootlock does not know: runAsNonRoot alone, and the title says what may happen',
      code: restrictedPod.replace('    runAsNonRoot: true\n', '').replace('nginxinc/nginx-unprivileged:1.27', 'example.com/team/app:3'),
      findings: [{
        line: 9, column: 11, container: 'app', message: /control runAsNonRoot/,
        fixes: [{ title: 'Set runAsNonRoot: true on the pod — rootlock does not know image "example.com/team/app:3": the kubelet refuses to start it if it runs as root' }],
      }],
      output: null,
    },
    {
      name: 'volume types have no automatic fix',
      code: restrictedPod + '  volumes:\n  - name: host\n    hostPath: {path: /var/log}\n',
      findings: [{ line: 17, column: 5, message: /control restrictedVolumes \(Volume Types\): spec\.volumes\[0\]\.hostPath is a hostPath volume\. Pod security admission says: restricted volume types \(volume "host" uses restricted volume type "hostPath"\)$/, fixes: [] }],
      output: null,
    },
    {
      name: 'runAsUser: 0 on the pod fails even with runAsNonRoot: true',
      code: restrictedPod.replace('    runAsNonRoot: true\n', '    runAsNonRoot: true\n    runAsUser: 0\n'),
      findings: [{ line: 8, column: 5, message: /control runAsUser/ }],
    },
  ],
});

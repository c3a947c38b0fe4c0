import rule from './ro-root-fs-pod-level.ts';
import { ruleTester } from './rule-tester.ts';

const ignored = (where: string) => `${where} sets readOnlyRootFilesystem in the pod's securityContext, where Kubernetes ignores it: set it on each container instead`;

ruleTester(rule, {
  valid: [
    `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  securityContext:
    runAsNonRoot: true
  containers:
  - name: app
    securityContext:
      readOnlyRootFilesystem: true
`,
    {
      name: 'no pod securityContext at all',
      code: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n  - name: app\n',
    },
    {
      name: 'a key that merely mentions it',
      code: `apiVersion: v1
kind: Pod
metadata:
  name: web
  annotations:
    readOnlyRootFilesystem: "true"
spec:
  securityContext: {}
  containers:
  - name: app
`,
    },
  ],
  invalid: [
    {
      name: 'moved into every container type except ephemeral; one that says false keeps it',
      code: `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  securityContext:
    runAsNonRoot: true
    readOnlyRootFilesystem: true # pod level
    fsGroup: 2000
  initContainers:
  - name: init
    image: busybox
  - name: proxy
    image: envoy
    restartPolicy: Always
  containers:
  - name: app
    image: nginx
  - name: legacy
    image: php
    securityContext:
      readOnlyRootFilesystem: false
  ephemeralContainers:
  - name: debug
    image: busybox
`,
      findings: [{
        message: ignored('Pod "web"'),
        line: 8,
        column: 5,
        fixes: [{ title: 'Move readOnlyRootFilesystem: true into containers "init", "proxy", "app"', applicability: 'unsafe' }],
      }],
      output: `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  securityContext:
    runAsNonRoot: true
    # pod level
    fsGroup: 2000
  initContainers:
  - name: init
    image: busybox
    securityContext:
      readOnlyRootFilesystem: true
  - name: proxy
    image: envoy
    restartPolicy: Always
    securityContext:
      readOnlyRootFilesystem: true
  containers:
  - name: app
    image: nginx
    securityContext:
      readOnlyRootFilesystem: true
  - name: legacy
    image: php
    securityContext:
      readOnlyRootFilesystem: false
  ephemeralContainers:
  - name: debug
    image: busybox
`,
    },
    {
      name: 'the only key: the pod securityContext goes, its comments stay',
      code: `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  template:
    spec:
      securityContext:
        # hardening
        readOnlyRootFilesystem: true
      containers:
      - name: app
        image: nginx
`,
      findings: [{ message: ignored('Deployment "web"'), line: 10, column: 9, fixes: [{ title: 'Move readOnlyRootFilesystem: true into container "app"', applicability: 'unsafe' }] }],
      output: `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  template:
    spec:
      # hardening
      containers:
      - name: app
        image: nginx
        securityContext:
          readOnlyRootFilesystem: true
`,
    },
    {
      name: 'false at pod level: only removed (safe)',
      code: `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  securityContext:
    readOnlyRootFilesystem: false
    runAsUser: 1000
  containers:
  - name: app
`,
      findings: [{ line: 7, column: 5, fixes: [{ title: 'Remove the pod-level readOnlyRootFilesystem', applicability: 'safe' }] }],
      output: `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  securityContext:
    runAsUser: 1000
  containers:
  - name: app
`,
    },
    {
      name: 'every container already decides: only removed',
      code: `apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: db
spec:
  template:
    spec:
      securityContext: {fsGroup: 999, readOnlyRootFilesystem: true}
      containers:
      - name: db
        securityContext: {readOnlyRootFilesystem: true}
`,
      findings: [{ message: ignored('StatefulSet "db"'), line: 8, column: 39, fixes: [{ title: 'Remove the pod-level readOnlyRootFilesystem', applicability: 'safe' }] }],
      output: `apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: db
spec:
  template:
    spec:
      securityContext: {fsGroup: 999}
      containers:
      - name: db
        securityContext: {readOnlyRootFilesystem: true}
`,
    },
    {
      name: 'flow securityContext with only this key, flow containers',
      code: `apiVersion: batch/v1
kind: CronJob
metadata:
  name: nightly
spec:
  schedule: "0 3 * * *"
  jobTemplate:
    spec:
      template:
        spec:
          securityContext: {readOnlyRootFilesystem: true}
          restartPolicy: OnFailure
          containers:
          - {name: backup, image: restic}
`,
      findings: [{ message: ignored('CronJob "nightly"'), line: 11, column: 29 }],
      output: `apiVersion: batch/v1
kind: CronJob
metadata:
  name: nightly
spec:
  schedule: "0 3 * * *"
  jobTemplate:
    spec:
      template:
        spec:
          restartPolicy: OnFailure
          containers:
          - {name: backup, image: restic, securityContext: {readOnlyRootFilesystem: true}}
`,
    },
    {
      name: 'a Windows pod: only removed, nothing moved',
      code: `apiVersion: v1
kind: Pod
metadata:
  name: win
spec:
  os: {name: windows}
  securityContext:
    readOnlyRootFilesystem: true
    windowsOptions:
      runAsUserName: ContainerUser
  containers:
  - name: app
`,
      findings: [{ line: 8, fixes: [{ title: 'Remove the pod-level readOnlyRootFilesystem', applicability: 'safe' }] }],
      output: `apiVersion: v1
kind: Pod
metadata:
  name: win
spec:
  os: {name: windows}
  securityContext:
    windowsOptions:
      runAsUserName: ContainerUser
  containers:
  - name: app
`,
    },
    {
      name: 'a List of kinds, CRLF',
      code: 'apiVersion: v1\r\nkind: List\r\nitems:\r\n- apiVersion: apps/v1\r\n  kind: DaemonSet\r\n  metadata:\r\n    name: agent\r\n  spec:\r\n    template:\r\n      spec:\r\n        securityContext:\r\n          runAsNonRoot: true\r\n          readOnlyRootFilesystem: true\r\n        containers:\r\n        - name: agent\r\n',
      findings: [{ message: ignored('DaemonSet "agent"'), line: 13, column: 11 }],
      output: 'apiVersion: v1\r\nkind: List\r\nitems:\r\n- apiVersion: apps/v1\r\n  kind: DaemonSet\r\n  metadata:\r\n    name: agent\r\n  spec:\r\n    template:\r\n      spec:\r\n        securityContext:\r\n          runAsNonRoot: true\r\n        containers:\r\n        - name: agent\r\n          securityContext:\r\n            readOnlyRootFilesystem: true\r\n',
    },
    {
      name: 'JSON',
      code: `{
  "apiVersion": "v1",
  "kind": "Pod",
  "metadata": {"name": "web"},
  "spec": {
    "securityContext": {"runAsNonRoot": true, "readOnlyRootFilesystem": true},
    "containers": [{"name": "app"}]
  }
}
`,
      findings: [{ line: 6, column: 47 }],
      output: `{
  "apiVersion": "v1",
  "kind": "Pod",
  "metadata": {"name": "web"},
  "spec": {
    "securityContext": {"runAsNonRoot": true},
    "containers": [{"name": "app", "securityContext": {"readOnlyRootFilesystem": true}}]
  }
}
`,
    },
  ],
});

import rule from './ro-root-fs-windows.ts';
import { ruleTester } from './rule-tester.ts';

const rejected = (who: string, where: string) => `${who} in ${where} sets readOnlyRootFilesystem, but the pod runs Windows (spec.os.name: windows) and the API rejects the field there; remove it`;

ruleTester(rule, {
  valid: [
    `apiVersion: v1
kind: Pod
metadata:
  name: win
spec:
  os:
    name: windows
  containers:
  - name: app
    securityContext:
      windowsOptions:
        runAsUserName: ContainerUser
`,
    {
      name: 'an empty value is not a setting',
      code: `apiVersion: v1
kind: Pod
metadata:
  name: win
spec:
  os: {name: windows}
  containers:
  - name: a
    securityContext:
      readOnlyRootFilesystem:
  - name: b
    securityContext: {readOnlyRootFilesystem: ~}
`,
    },
    {
      name: 'Linux pods, and pods that do not say',
      code: `apiVersion: v1
kind: Pod
metadata:
  name: lin
spec:
  os:
    name: linux
  containers:
  - name: app
    securityContext: {readOnlyRootFilesystem: true}
---
apiVersion: v1
kind: Pod
metadata:
  name: any
spec:
  containers:
  - name: app
    securityContext: {readOnlyRootFilesystem: true}
`,
    },
  ],
  invalid: [
    {
      name: 'the only key: securityContext goes, the comment stays',
      code: `apiVersion: v1
kind: Pod
metadata:
  name: win
spec:
  os:
    name: windows
  containers:
  - name: app
    image: mcr.microsoft.com/windows/servercore:ltsc2022
    securityContext:
      readOnlyRootFilesystem: true # copied from the Linux chart
`,
      findings: [{ message: rejected('Container "app"', 'Pod "win"'), line: 12, column: 31, container: 'app', fixes: [{ title: 'Remove readOnlyRootFilesystem', applicability: 'safe' }] }],
      output: `apiVersion: v1
kind: Pod
metadata:
  name: win
spec:
  os:
    name: windows
  containers:
  - name: app
    image: mcr.microsoft.com/windows/servercore:ltsc2022
    # copied from the Linux chart
`,
    },
    {
      name: 'every container type, false too, other keys kept; os name in any case',
      code: `apiVersion: apps/v1
kind: Deployment
metadata:
  name: win
spec:
  template:
    spec:
      os: {name: Windows}
      initContainers:
      - name: init
        securityContext:
          readOnlyRootFilesystem: false
          windowsOptions: {runAsUserName: ContainerUser}
      - name: proxy
        restartPolicy: Always
        securityContext: {runAsNonRoot: true, readOnlyRootFilesystem: true}
      containers:
      - name: app
        securityContext:
          windowsOptions:
            runAsUserName: ContainerUser
          readOnlyRootFilesystem: true
      ephemeralContainers:
      - name: debug
        securityContext: {readOnlyRootFilesystem: true}
`,
      findings: [
        { message: rejected('Init container "init"', 'Deployment "win"'), line: 12, column: 35 },
        { message: rejected('Sidecar container "proxy"', 'Deployment "win"'), line: 16, column: 71 },
        { message: rejected('Container "app"', 'Deployment "win"'), line: 22, column: 35 },
        { message: rejected('Ephemeral container "debug"', 'Deployment "win"'), line: 25, column: 51 },
      ],
      output: `apiVersion: apps/v1
kind: Deployment
metadata:
  name: win
spec:
  template:
    spec:
      os: {name: Windows}
      initContainers:
      - name: init
        securityContext:
          windowsOptions: {runAsUserName: ContainerUser}
      - name: proxy
        restartPolicy: Always
        securityContext: {runAsNonRoot: true}
      containers:
      - name: app
        securityContext:
          windowsOptions:
            runAsUserName: ContainerUser
      ephemeralContainers:
      - name: debug
`,
    },
    {
      name: 'a securityContext shared through an anchor is emptied once, at the anchor',
      code: `apiVersion: batch/v1
kind: Job
metadata:
  name: win
spec:
  template:
    spec:
      os:
        name: windows
      containers:
      - name: a
        securityContext: &sc {readOnlyRootFilesystem: true}
      - name: b
        securityContext: *sc
`,
      findings: [{ line: 12, column: 55, container: 'a' }, { line: 12, column: 55, container: 'b' }],
      output: `apiVersion: batch/v1
kind: Job
metadata:
  name: win
spec:
  template:
    spec:
      os:
        name: windows
      containers:
      - name: a
        securityContext: &sc {}
      - name: b
        securityContext: *sc
`,
    },
    {
      name: 'the key on the dash line of a flush list, CRLF',
      code: 'apiVersion: v1\r\nkind: Pod\r\nmetadata:\r\n  name: win\r\nspec:\r\n  os:\r\n    name: windows\r\n  containers:\r\n  - securityContext:\r\n      readOnlyRootFilesystem: true\r\n      runAsUserName: x\r\n    name: app\r\n',
      findings: [{ line: 10, column: 31 }],
      output: 'apiVersion: v1\r\nkind: Pod\r\nmetadata:\r\n  name: win\r\nspec:\r\n  os:\r\n    name: windows\r\n  containers:\r\n  - securityContext:\r\n      runAsUserName: x\r\n    name: app\r\n',
    },
    {
      name: 'the only key of a list item: the item keeps its other keys',
      code: `apiVersion: v1
kind: Pod
metadata:
  name: win
spec:
  os:
    name: windows
  containers:
  - securityContext: {readOnlyRootFilesystem: true}
    name: app
`,
      findings: [{ line: 9, column: 47 }],
      output: `apiVersion: v1
kind: Pod
metadata:
  name: win
spec:
  os:
    name: windows
  containers:
  - name: app
`,
    },
    {
      name: 'JSON',
      code: '{"apiVersion": "v1", "kind": "Pod", "metadata": {"name": "w"}, "spec": {"os": {"name": "windows"}, "containers": [{"name": "app", "securityContext": {"runAsNonRoot": true, "readOnlyRootFilesystem": true}}]}}\n',
      findings: [{ line: 1 }],
      output: '{"apiVersion": "v1", "kind": "Pod", "metadata": {"name": "w"}, "spec": {"os": {"name": "windows"}, "containers": [{"name": "app", "securityContext": {"runAsNonRoot": true}}]}}\n',
    },
  ],
});

import rule from './ro-root-fs-missing.ts';
import { ruleTester } from './rule-tester.ts';

const missing = (who: string, where: string) => `${who} in ${where} does not set securityContext.readOnlyRootFilesystem: true, so its root filesystem is writable`;

/** A workload of `kind` whose pod spec (at the indentation `pad`) holds one container "app". */
function workload(kind: string, apiVersion: string, head: string, pad: string): { code: string; output: string; line: number; column: number } {
  const code = `apiVersion: ${apiVersion}
kind: ${kind}
metadata:
  name: web
${head}${pad}containers:
${pad}- name: app
${pad}  image: nginx
`;
  const output = `${code}${pad}  securityContext:
${pad}    readOnlyRootFilesystem: true
`;
  return { code, output, line: head.split('\n').length + 5, column: pad.length + 9 };
}

const template = 'spec:\n  selector: {}\n  template:\n    spec:\n';
const kinds: Array<[string, string, string, string]> = [
  ['Pod', 'v1', 'spec:\n', '  '],
  ['Deployment', 'apps/v1', template, '      '],
  ['StatefulSet', 'apps/v1', template, '      '],
  ['DaemonSet', 'apps/v1', template, '      '],
  ['ReplicaSet', 'apps/v1', template, '      '],
  ['ReplicationController', 'v1', template, '      '],
  ['Job', 'batch/v1', 'spec:\n  template:\n    spec:\n', '      '],
  ['CronJob', 'batch/v1', 'spec:\n  schedule: "0 * * * *"\n  jobTemplate:\n    spec:\n      template:\n        spec:\n', '          '],
  ['PodTemplate', 'v1', 'template:\n  spec:\n', '    '],
  ['Rollout', 'argoproj.io/v1alpha1', template, '      '],
];

ruleTester(rule, {
  valid: [
    `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  containers:
  - name: app
    image: nginx
    securityContext:
      readOnlyRootFilesystem: true
`,
    {
      name: 'every container type sets it',
      code: `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  initContainers:
  - name: init
    securityContext: {readOnlyRootFilesystem: true}
  - name: proxy
    restartPolicy: Always
    securityContext: {readOnlyRootFilesystem: true}
  containers:
  - name: app
    securityContext: {readOnlyRootFilesystem: true}
  ephemeralContainers:
  - name: debug
    securityContext: {readOnlyRootFilesystem: true}
`,
    },
    {
      name: 'a Windows pod may not set it at all (ro-root-fs-windows)',
      code: `apiVersion: v1
kind: Pod
metadata:
  name: win
spec:
  os:
    name: windows
  containers:
  - name: app
    image: mcr.microsoft.com/windows/nanoserver:ltsc2022
`,
    },
    {
      name: 'through an alias and a merge key',
      code: `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  template:
    spec:
      containers:
      - name: a
        securityContext: &ro
          readOnlyRootFilesystem: true
      - name: b
        securityContext: *ro
      - name: c
        securityContext:
          <<: *ro
          runAsNonRoot: true
`,
    },
    {
      name: 'JSON',
      code: '{"apiVersion": "v1", "kind": "Pod", "metadata": {"name": "web"}, "spec": {"containers": [{"name": "app", "securityContext": {"readOnlyRootFilesystem": true}}]}}',
    },
    { name: 'not a workload', code: 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cm\ndata:\n  a: b\n', noWorkload: true },
    {
      name: 'a custom resource without a pod template is not a workload',
      code: 'apiVersion: example.com/v1\nkind: Widget\nmetadata:\n  name: w\nspec:\n  template:\n    spec:\n      size: 3\n',
      noWorkload: true,
    },
  ],
  invalid: [
    ...kinds.map(([kind, apiVersion, head, pad]) => {
      const w = workload(kind, apiVersion, head, pad);
      return {
        name: `${kind}: container without securityContext`,
        code: w.code,
        findings: [{ message: missing('Container "app"', `${kind} "web"`), line: w.line, column: w.column, container: 'app', fixes: [{ title: 'Set readOnlyRootFilesystem: true', applicability: 'unsafe' as const }] }],
        output: w.output,
      };
    }),
    {
      name: 'init container, native sidecar, app container; ephemeral container is a warning',
      code: `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  initContainers:
  - name: init
    image: busybox
  - name: proxy
    image: envoy
    restartPolicy: Always
  containers:
  - name: app
    image: nginx
  ephemeralContainers:
  - name: debug
    image: busybox
`,
      findings: [
        { message: missing('Init container "init"', 'Pod "web"'), line: 7, column: 11, container: 'init' },
        { message: missing('Sidecar container "proxy"', 'Pod "web"'), line: 9, column: 11, container: 'proxy' },
        { message: missing('Container "app"', 'Pod "web"'), line: 13, column: 11, container: 'app' },
        { message: missing('Ephemeral container "debug"', 'Pod "web"'), line: 16, column: 11, container: 'debug', severity: 'warning' as const },
      ],
      output: `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
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
  ephemeralContainers:
  - name: debug
    image: busybox
    securityContext:
      readOnlyRootFilesystem: true
`,
    },
    {
      name: 'false is replaced in place; its comment stays',
      code: `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  containers:
  - name: app
    securityContext:
      readOnlyRootFilesystem: false # TODO harden
      runAsNonRoot: true
`,
      findings: [{
        message: 'Container "app" in Pod "web" sets readOnlyRootFilesystem: false, so its root filesystem is writable; set it to true and give each path it writes a volume',
        line: 9,
        column: 31,
      }],
      output: `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  containers:
  - name: app
    securityContext:
      readOnlyRootFilesystem: true # TODO harden
      runAsNonRoot: true
`,
    },
    {
      name: 'a quoted "true" is a string, not the boolean',
      code: `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  containers:
  - name: app
    securityContext:
      readOnlyRootFilesystem: "true"
`,
      findings: [{ message: 'Container "app" in Pod "web" sets readOnlyRootFilesystem to "true", which is not the boolean true (the API rejects it); write readOnlyRootFilesystem: true', line: 9, column: 31 }],
      output: `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  containers:
  - name: app
    securityContext:
      readOnlyRootFilesystem: true
`,
    },
    {
      name: 'empty securityContext in every spelling: {}, nothing, ~, null',
      code: `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  containers:
  - name: a
    securityContext: {}
  - name: b
    securityContext:
  - name: c
    securityContext: ~
  - name: d
    securityContext: null # none yet
    image: nginx
`,
      findings: [{ line: 7, column: 11 }, { line: 9 }, { line: 11 }, { line: 13 }],
      output: `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  containers:
  - name: a
    securityContext: {readOnlyRootFilesystem: true}
  - name: b
    securityContext:
      readOnlyRootFilesystem: true
  - name: c
    securityContext:
      readOnlyRootFilesystem: true
  - name: d
    securityContext: # none yet
      readOnlyRootFilesystem: true
    image: nginx
`,
    },
    {
      name: 'flow container: the new key goes into the flow map',
      code: `apiVersion: v1
kind: Pod
metadata: {name: web}
spec:
  containers:
  - {name: app, image: nginx}
`,
      findings: [{ line: 6, column: 12 }],
      output: `apiVersion: v1
kind: Pod
metadata: {name: web}
spec:
  containers:
  - {name: app, image: nginx, securityContext: {readOnlyRootFilesystem: true}}
`,
    },
    {
      name: 'indented sequences and 4-space indentation are copied',
      code: `apiVersion: v1
kind: Pod
metadata:
    name: web
spec:
    containers:
        - name: app
          image: nginx
          securityContext:
              runAsNonRoot: true
        - name: b
          image: nginx
`,
      findings: [{ line: 7, column: 17 }, { line: 11, column: 17 }],
      output: `apiVersion: v1
kind: Pod
metadata:
    name: web
spec:
    containers:
        - name: app
          image: nginx
          securityContext:
              runAsNonRoot: true
              readOnlyRootFilesystem: true
        - name: b
          image: nginx
          securityContext:
              readOnlyRootFilesystem: true
`,
    },
    {
      name: 'a securityContext shared through an anchor is fixed once, at the anchor',
      code: `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  containers:
  - name: a
    securityContext: &sc
      runAsNonRoot: true
  - name: b
    securityContext: *sc
`,
      findings: [{ line: 7 }, { line: 10 }],
      output: `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  containers:
  - name: a
    securityContext: &sc
      runAsNonRoot: true
      readOnlyRootFilesystem: true
  - name: b
    securityContext: *sc
`,
    },
    {
      name: 'a securityContext that comes in through a merge key is edited where it is written, not replaced',
      code: `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  containers:
  - &base
    name: a
    securityContext:
      runAsNonRoot: true
  - <<: *base
    name: b
`,
      findings: [{ line: 8 }, { line: 12 }],
      output: `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  containers:
  - &base
    name: a
    securityContext:
      runAsNonRoot: true
      readOnlyRootFilesystem: true
  - <<: *base
    name: b
`,
    },
    {
      name: 'a false that comes in through a merge key is overridden by a local key (the merged map may be shared)',
      code: `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  containers:
  - name: a
    securityContext:
      <<: {readOnlyRootFilesystem: false, runAsNonRoot: true}
      runAsUser: 10001
`,
      findings: [{ line: 9, column: 36 }],
      output: `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  containers:
  - name: a
    securityContext:
      <<: {readOnlyRootFilesystem: false, runAsNonRoot: true}
      runAsUser: 10001
      readOnlyRootFilesystem: true
`,
    },
    {
      name: 'List items, generateName and a container without a name',
      code: `apiVersion: v1
kind: List
items:
- apiVersion: v1
  kind: Pod
  metadata:
    generateName: job-
  spec:
    containers:
    - image: busybox
`,
      findings: [{ message: missing('Container "(unnamed)"', 'Pod "job-*"'), line: 10, column: 7 }],
      output: `apiVersion: v1
kind: List
items:
- apiVersion: v1
  kind: Pod
  metadata:
    generateName: job-
  spec:
    containers:
    - image: busybox
      securityContext:
        readOnlyRootFilesystem: true
`,
    },
    {
      name: 'CRLF line endings stay CRLF',
      code: 'apiVersion: v1\r\nkind: Pod\r\nmetadata:\r\n  name: web\r\nspec:\r\n  containers:\r\n  - name: app\r\n    image: nginx\r\n',
      findings: [{ line: 7, column: 11 }],
      output: 'apiVersion: v1\r\nkind: Pod\r\nmetadata:\r\n  name: web\r\nspec:\r\n  containers:\r\n  - name: app\r\n    image: nginx\r\n    securityContext:\r\n      readOnlyRootFilesystem: true\r\n',
    },
    {
      name: 'a file without a final line break still ends without one',
      code: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n  - name: app\n    image: nginx',
      findings: [{ line: 7 }],
      output: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n  - name: app\n    image: nginx\n    securityContext:\n      readOnlyRootFilesystem: true',
    },
    {
      name: 'pretty-printed JSON: the new key gets its own line, spread like the container',
      code: `{
  "apiVersion": "v1",
  "kind": "Pod",
  "metadata": {"name": "web"},
  "spec": {
    "containers": [
      {
        "name": "app",
        "image": "nginx"
      },
      {
        "name": "b",
        "securityContext": {"readOnlyRootFilesystem": false}
      }
    ]
  }
}
`,
      findings: [{ line: 8, column: 17 }, { line: 13, column: 55 }],
      output: `{
  "apiVersion": "v1",
  "kind": "Pod",
  "metadata": {"name": "web"},
  "spec": {
    "containers": [
      {
        "name": "app",
        "image": "nginx",
        "securityContext": {
          "readOnlyRootFilesystem": true
        }
      },
      {
        "name": "b",
        "securityContext": {"readOnlyRootFilesystem": true}
      }
    ]
  }
}
`,
    },
    {
      name: 'one-line JSON stays on one line',
      code: '{"apiVersion": "v1", "kind": "Pod", "metadata": {"name": "web"}, "spec": {"containers": [{"name": "app", "securityContext": {}}]}}',
      findings: [{ line: 1 }],
      output: '{"apiVersion": "v1", "kind": "Pod", "metadata": {"name": "web"}, "spec": {"containers": [{"name": "app", "securityContext": {"readOnlyRootFilesystem": true}}]}}',
    },
    {
      name: 'each document of a stream is fixed in its own style',
      code: `# first
apiVersion: v1
kind: Pod
metadata:
  name: one
spec:
  containers:
  - name: app
---
apiVersion: v1
kind: Pod
metadata:
    name: two
spec:
    containers:
        - name: app
`,
      findings: [{ message: missing('Container "app"', 'Pod "one"'), line: 8 }, { message: missing('Container "app"', 'Pod "two"'), line: 16 }],
      output: `# first
apiVersion: v1
kind: Pod
metadata:
  name: one
spec:
  containers:
  - name: app
    securityContext:
      readOnlyRootFilesystem: true
---
apiVersion: v1
kind: Pod
metadata:
    name: two
spec:
    containers:
        - name: app
          securityContext:
              readOnlyRootFilesystem: true
`,
    },
  ],
});

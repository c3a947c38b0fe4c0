import rule from './ro-root-fs-missing.ts';
import { ruleTester } from './rule-tester.ts';

const missing = (who: string, where: string) => `${who} in ${where} does not set securityContext.readOnlyRootFilesystem: true, so its root filesystem is writable`;

/** A workload of `kind` whose pod spec (at the indentation `pad`) holds one container "app". */
function workload(kind: string, apiVersion: string, head: string, pad: string): { code: string; output: string; flagOnly: string; line: number; column: number } {
  const code = `apiVersion: ${apiVersion}
kind: ${kind}
metadata:
  name: web
${head}${pad}containers:
${pad}- name: app
${pad}  image: example/web
`;
  const flagOnly = `${code}${pad}  securityContext:
${pad}    readOnlyRootFilesystem: true
`;
  // an image rootlock does not know: the generic /tmp, on disk, 256Mi
  const output = `${flagOnly}${pad}  volumeMounts:
${pad}  - name: tmp
${pad}    mountPath: /tmp
${pad}volumes:
${pad}- name: tmp
${pad}  emptyDir:
${pad}    sizeLimit: 256Mi
`;
  return { code, output, flagOnly, line: head.split('\n').length + 5, column: pad.length + 9 };
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
        findings: [{
          message: missing('Container "app"', `${kind} "web"`),
          line: w.line,
          column: w.column,
          container: 'app',
          fixes: [
            { title: 'Set readOnlyRootFilesystem: true and mount what it writes (/tmp)', applicability: 'unsafe' as const, output: w.output },
            { title: 'Only set readOnlyRootFilesystem: true', applicability: 'unsafe' as const, output: w.flagOnly },
          ],
        }],
        output: w.output,
      };
    }),
    {
      name: 'init container, native sidecar, app container; ephemeral container is a warning and gets only the flag',
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
    image: example/web
  ephemeralContainers:
  - name: debug
    image: busybox
`,
      findings: [
        { message: missing('Init container "init"', 'Pod "web"'), line: 7, column: 11, container: 'init' },
        { message: missing('Sidecar container "proxy"', 'Pod "web"'), line: 9, column: 11, container: 'proxy' },
        { message: missing('Container "app"', 'Pod "web"'), line: 13, column: 11, container: 'app' },
        {
          message: missing('Ephemeral container "debug"', 'Pod "web"'),
          line: 16,
          column: 11,
          container: 'debug',
          severity: 'warning' as const,
          fixes: [{ title: 'Set readOnlyRootFilesystem: true', applicability: 'unsafe' as const }],
        },
      ],
      // several containers: each /tmp volume is named after its container
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
    volumeMounts:
    - name: init-tmp
      mountPath: /tmp
  - name: proxy
    image: envoy
    restartPolicy: Always
    securityContext:
      readOnlyRootFilesystem: true
    volumeMounts:
    - name: proxy-tmp
      mountPath: /tmp
  containers:
  - name: app
    image: example/web
    securityContext:
      readOnlyRootFilesystem: true
    volumeMounts:
    - name: app-tmp
      mountPath: /tmp
  ephemeralContainers:
  - name: debug
    image: busybox
    securityContext:
      readOnlyRootFilesystem: true
  volumes:
  - name: init-tmp
    emptyDir:
      sizeLimit: 256Mi
  - name: proxy-tmp
    emptyDir:
      sizeLimit: 256Mi
  - name: app-tmp
    emptyDir:
      sizeLimit: 256Mi
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
    volumeMounts:
    - name: tmp
      mountPath: /tmp
  volumes:
  - name: tmp
    emptyDir:
      sizeLimit: 256Mi
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
    volumeMounts:
    - name: tmp
      mountPath: /tmp
  volumes:
  - name: tmp
    emptyDir:
      sizeLimit: 256Mi
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
    image: example/web
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
    volumeMounts:
    - name: a-tmp
      mountPath: /tmp
  - name: b
    securityContext:
      readOnlyRootFilesystem: true
    volumeMounts:
    - name: b-tmp
      mountPath: /tmp
  - name: c
    securityContext:
      readOnlyRootFilesystem: true
    volumeMounts:
    - name: c-tmp
      mountPath: /tmp
  - name: d
    securityContext: # none yet
      readOnlyRootFilesystem: true
    image: example/web
    volumeMounts:
    - name: d-tmp
      mountPath: /tmp
  volumes:
  - name: a-tmp
    emptyDir:
      sizeLimit: 256Mi
  - name: b-tmp
    emptyDir:
      sizeLimit: 256Mi
  - name: c-tmp
    emptyDir:
      sizeLimit: 256Mi
  - name: d-tmp
    emptyDir:
      sizeLimit: 256Mi
`,
    },
    {
      name: 'flow container: the new keys go into the flow map, the pod volume into the block spec',
      code: `apiVersion: v1
kind: Pod
metadata: {name: web}
spec:
  containers:
  - {name: app, image: example/web}
`,
      findings: [{ line: 6, column: 12 }],
      output: `apiVersion: v1
kind: Pod
metadata: {name: web}
spec:
  containers:
  - {name: app, image: example/web, securityContext: {readOnlyRootFilesystem: true}, volumeMounts: [{name: tmp, mountPath: /tmp}]}
  volumes:
  - name: tmp
    emptyDir:
      sizeLimit: 256Mi
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
          image: example/web
          securityContext:
              runAsNonRoot: true
        - name: b
          image: example/web
`,
      findings: [{ line: 7, column: 17 }, { line: 11, column: 17 }],
      output: `apiVersion: v1
kind: Pod
metadata:
    name: web
spec:
    containers:
        - name: app
          image: example/web
          securityContext:
              runAsNonRoot: true
              readOnlyRootFilesystem: true
          volumeMounts:
              - name: app-tmp
                mountPath: /tmp
        - name: b
          image: example/web
          securityContext:
              readOnlyRootFilesystem: true
          volumeMounts:
              - name: b-tmp
                mountPath: /tmp
    volumes:
        - name: app-tmp
          emptyDir:
              sizeLimit: 256Mi
        - name: b-tmp
          emptyDir:
              sizeLimit: 256Mi
`,
    },
    {
      // b's own fix overlaps a's at the anchor and waits; once the anchor is read-only b no
      // longer needs this rule, and its /tmp is tmp-not-writable's (Fix all with every rule adds it).
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
    volumeMounts:
    - name: a-tmp
      mountPath: /tmp
  - name: b
    securityContext: *sc
  volumes:
  - name: a-tmp
    emptyDir:
      sizeLimit: 256Mi
`,
    },
    {
      name: 'a securityContext that comes in through a merge key is edited where it is written, not replaced (the mount comes along)',
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
    volumeMounts:
    - name: a-tmp
      mountPath: /tmp
  - <<: *base
    name: b
  volumes:
  - name: a-tmp
    emptyDir:
      sizeLimit: 256Mi
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
    volumeMounts:
    - name: tmp
      mountPath: /tmp
  volumes:
  - name: tmp
    emptyDir:
      sizeLimit: 256Mi
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
      volumeMounts:
      - name: tmp
        mountPath: /tmp
    volumes:
    - name: tmp
      emptyDir:
        sizeLimit: 256Mi
`,
    },
    {
      name: 'CRLF line endings stay CRLF',
      code: 'apiVersion: v1\r\nkind: Pod\r\nmetadata:\r\n  name: web\r\nspec:\r\n  containers:\r\n  - name: app\r\n    image: example/web\r\n',
      findings: [{ line: 7, column: 11 }],
      output: 'apiVersion: v1\r\nkind: Pod\r\nmetadata:\r\n  name: web\r\nspec:\r\n  containers:\r\n  - name: app\r\n    image: example/web\r\n    securityContext:\r\n      readOnlyRootFilesystem: true\r\n    volumeMounts:\r\n    - name: tmp\r\n      mountPath: /tmp\r\n  volumes:\r\n  - name: tmp\r\n    emptyDir:\r\n      sizeLimit: 256Mi\r\n',
    },
    {
      name: 'a file without a final line break still ends without one',
      code: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n  - name: app\n    image: example/web',
      findings: [{ line: 7 }],
      output: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n  - name: app\n    image: example/web\n    securityContext:\n      readOnlyRootFilesystem: true\n    volumeMounts:\n    - name: tmp\n      mountPath: /tmp\n  volumes:\n  - name: tmp\n    emptyDir:\n      sizeLimit: 256Mi',
    },
    {
      name: 'pretty-printed JSON: new keys get their own lines, spread like their siblings',
      code: `{
  "apiVersion": "v1",
  "kind": "Pod",
  "metadata": {"name": "web"},
  "spec": {
    "containers": [
      {
        "name": "app",
        "image": "example/web"
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
        "image": "example/web",
        "securityContext": {
          "readOnlyRootFilesystem": true
        },
        "volumeMounts": [
          {
            "name": "app-tmp",
            "mountPath": "/tmp"
          }
        ]
      },
      {
        "name": "b",
        "securityContext": {"readOnlyRootFilesystem": true},
        "volumeMounts": [{"name": "b-tmp", "mountPath": "/tmp"}]
      }
    ],
    "volumes": [
      {
        "name": "app-tmp",
        "emptyDir": {
          "sizeLimit": "256Mi"
        }
      },
      {
        "name": "b-tmp",
        "emptyDir": {
          "sizeLimit": "256Mi"
        }
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
      output: '{"apiVersion": "v1", "kind": "Pod", "metadata": {"name": "web"}, "spec": {"containers": [{"name": "app", "securityContext": {"readOnlyRootFilesystem": true}, "volumeMounts": [{"name": "tmp", "mountPath": "/tmp"}]}], "volumes": [{"name": "tmp", "emptyDir": {"sizeLimit": "256Mi"}}]}}',
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
    volumeMounts:
    - name: tmp
      mountPath: /tmp
  volumes:
  - name: tmp
    emptyDir:
      sizeLimit: 256Mi
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
          volumeMounts:
              - name: tmp
                mountPath: /tmp
    volumes:
        - name: tmp
          emptyDir:
              sizeLimit: 256Mi
`,
    },
    {
      name: 'nginx: the flag and nginx\'s own two places in one step (no /tmp: nginx does not use it), each volume saying why',
      code: `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  template:
    spec:
      containers:
      - name: web
        image: nginx:1.27
`,
      findings: [{
        message: missing('Container "web"', 'Deployment "web"'),
        line: 9,
        column: 15,
        fixes: [
          { title: 'Set readOnlyRootFilesystem: true and mount what it writes (/var/cache/nginx, /var/run)', applicability: 'unsafe' },
          {
            title: 'Only set readOnlyRootFilesystem: true',
            applicability: 'unsafe',
            output: `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  template:
    spec:
      containers:
      - name: web
        image: nginx:1.27
        securityContext:
          readOnlyRootFilesystem: true
`,
          },
        ],
      }],
      output: `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  template:
    spec:
      containers:
      - name: web
        image: nginx:1.27
        securityContext:
          readOnlyRootFilesystem: true
        volumeMounts:
        - name: nginx-cache
          mountPath: /var/cache/nginx
        - name: run
          mountPath: /var/run
      volumes:
      # nginx: client_temp, proxy_temp, fastcgi_temp, uwsgi_temp, scgi_temp (request and response buffers)
      - name: nginx-cache
        emptyDir:
          sizeLimit: 256Mi
      # nginx: nginx.pid
      - name: run
        emptyDir:
          medium: Memory
          sizeLimit: 16Mi
`,
    },
    {
      name: 'postgres in a StatefulSet: a memory emptyDir for the socket and a volumeClaimTemplate exactly at the image VOLUME /var/lib/postgresql/data with PGDATA in a subdirectory of it, its size marked for review',
      code: `apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: db
spec:
  serviceName: db
  template:
    spec:
      containers:
      - name: postgres
        image: postgres:16
`,
      findings: [{ line: 10, fixes: [{ title: 'Set readOnlyRootFilesystem: true and mount what it writes (/var/lib/postgresql/data, /var/run/postgresql)' }, { title: 'Only set readOnlyRootFilesystem: true' }] }],
      output: `apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: db
spec:
  serviceName: db
  template:
    spec:
      containers:
      - name: postgres
        image: postgres:16
        securityContext:
          readOnlyRootFilesystem: true
        volumeMounts:
        - name: postgresql-data
          mountPath: /var/lib/postgresql/data
        - name: postgresql-run
          mountPath: /var/run/postgresql
        env:
        - name: PGDATA
          value: /var/lib/postgresql/data/pgdata
      volumes:
      # PostgreSQL: the Unix socket .s.PGSQL.5432 and its lock file
      - name: postgresql-run
        emptyDir:
          medium: Memory
          sizeLimit: 16Mi
  volumeClaimTemplates:
  # rootlock: PostgreSQL: the database cluster (PGDATA); check the size and storageClassName before you apply
  - metadata:
      name: postgresql-data
    spec:
      accessModes:
      - ReadWriteOnce
      resources:
        requests:
          storage: 1Gi
`,
    },
    {
      name: 'postgres in a Deployment: the socket only; the data needs a claim the user creates (image-path-not-writable offers it)',
      code: `apiVersion: apps/v1
kind: Deployment
metadata:
  name: db
spec:
  template:
    spec:
      containers:
      - name: postgres
        image: postgres:16
`,
      findings: [{ line: 9, fixes: [{ title: 'Set readOnlyRootFilesystem: true and mount what it writes (/var/run/postgresql)' }, { title: 'Only set readOnlyRootFilesystem: true' }] }],
      output: `apiVersion: apps/v1
kind: Deployment
metadata:
  name: db
spec:
  template:
    spec:
      containers:
      - name: postgres
        image: postgres:16
        securityContext:
          readOnlyRootFilesystem: true
        volumeMounts:
        - name: postgresql-run
          mountPath: /var/run/postgresql
      volumes:
      # PostgreSQL: the Unix socket .s.PGSQL.5432 and its lock file
      - name: postgresql-run
        emptyDir:
          medium: Memory
          sizeLimit: 16Mi
`,
    },
    {
      name: 'a container that already has what it needs: the one fix only sets the flag',
      code: `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  containers:
  - name: app
    image: example/web
    volumeMounts:
    - name: tmp
      mountPath: /tmp
  volumes:
  - name: tmp
    emptyDir: {}
`,
      findings: [{ line: 7, fixes: [{ title: 'Set readOnlyRootFilesystem: true', applicability: 'unsafe' }] }],
      output: `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  containers:
  - name: app
    image: example/web
    volumeMounts:
    - name: tmp
      mountPath: /tmp
    securityContext:
      readOnlyRootFilesystem: true
  volumes:
  - name: tmp
    emptyDir: {}
`,
    },
    {
      name: 'what the command writes is mounted too, except a system directory such as /etc (that would hide the image\'s files); a script of builtins needs no /tmp',
      code: `apiVersion: v1
kind: Pod
metadata:
  name: job
spec:
  containers:
  - name: app
    image: example/tool
    command: ["sh", "-c", "echo ok > /var/log/tool/status && echo 1 > /etc/tool.flag"]
`,
      findings: [{ line: 7, fixes: [{ title: 'Set readOnlyRootFilesystem: true and mount what it writes (/var/log/tool)' }, { title: 'Only set readOnlyRootFilesystem: true' }] }],
      output: `apiVersion: v1
kind: Pod
metadata:
  name: job
spec:
  containers:
  - name: app
    image: example/tool
    command: ["sh", "-c", "echo ok > /var/log/tool/status && echo 1 > /etc/tool.flag"]
    securityContext:
      readOnlyRootFilesystem: true
    volumeMounts:
    - name: tool-log
      mountPath: /var/log/tool
  volumes:
  - name: tool-log
    emptyDir:
      sizeLimit: 256Mi
`,
    },
  ],
});

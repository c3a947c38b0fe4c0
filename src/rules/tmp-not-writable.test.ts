import rule from './tmp-not-writable.ts';
import { ruleTester } from './rule-tester.ts';

const noTmp = (who: string, where: string) => `${who} in ${where} has a read-only root filesystem and nothing writable at /tmp: anything that creates a temp file fails with "Read-only file system"`;

ruleTester(rule, {
  valid: [
    `apiVersion: v1
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
    emptyDir: {}
`,
    {
      name: 'writable roots, ephemeral containers, a writable volume at /, a PVC at /tmp, a mount of an unknown volume',
      code: `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  containers:
  - name: writable
  - name: says-false
    securityContext: {readOnlyRootFilesystem: false}
  - name: root-volume
    securityContext: {readOnlyRootFilesystem: true}
    volumeMounts: [{name: scratch, mountPath: /}]
  - name: pvc
    securityContext: {readOnlyRootFilesystem: true}
    volumeMounts: [{name: data, mountPath: /tmp/}]
  - name: unknown
    securityContext: {readOnlyRootFilesystem: true}
    volumeMounts: [{name: nosuch, mountPath: /tmp}]
  ephemeralContainers:
  - name: debug
    securityContext: {readOnlyRootFilesystem: true}
  volumes:
  - {name: scratch, emptyDir: {}}
  - {name: data, persistentVolumeClaim: {claimName: data}}
`,
    },
    {
      name: 'nginx: its sources name exactly two writable places, and /tmp is not one of them (scenario 01)',
      code: `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  containers:
  - name: nginx
    image: registry.corp.example/dockerhub/library/nginx:1.27
    securityContext:
      readOnlyRootFilesystem: true
    volumeMounts:
    - {name: cache, mountPath: /var/cache/nginx}
    - {name: run, mountPath: /var/run}
  volumes:
  - {name: cache, emptyDir: {}}
  - {name: run, emptyDir: {}}
`,
    },
    {
      name: 'images whose own knowledge speaks of /tmp: image-path-not-writable reports it with the program\'s error (JVM, Python, Grafana), or as a condition (postgres)',
      code: `apiVersion: v1
kind: Pod
metadata:
  name: apps
spec:
  containers:
  - name: java
    image: example/api
    command: ["java", "-jar", "/app.jar"]
    securityContext: {readOnlyRootFilesystem: true}
  - name: python
    image: python:3.12
    securityContext: {readOnlyRootFilesystem: true}
  - name: grafana
    image: grafana/grafana:11.0.0
    securityContext: {readOnlyRootFilesystem: true}
  - name: postgres
    image: postgres:16
    securityContext: {readOnlyRootFilesystem: true}
`,
    },
    {
      name: 'a command that runs only tools that make no temp files (a copy into a volume, a sleep loop, builtins) needs no /tmp',
      code: `apiVersion: v1
kind: Pod
metadata:
  name: job
spec:
  initContainers:
  - name: seed
    image: example/app
    command: ["sh", "-c", "cp -a /etc/app/. /seed/ && chmod -R g+w /seed"]
    securityContext: {readOnlyRootFilesystem: true}
    volumeMounts: [{name: conf, mountPath: /seed}]
  containers:
  - name: idle
    image: busybox:1.37
    command: ["/bin/sh", "-c", "while true; do sleep 30; done"]
    securityContext: {readOnlyRootFilesystem: true}
  - name: hello
    image: example/app
    command: ["sh", "-c", "echo hello"]
    securityContext: {readOnlyRootFilesystem: true}
  volumes:
  - {name: conf, emptyDir: {}}
`,
    },
    {
      name: 'Windows pods are left to ro-root-fs-windows',
      code: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: win\nspec:\n  os: {name: windows}\n  containers:\n  - name: app\n    securityContext: {readOnlyRootFilesystem: true}\n',
    },
  ],
  invalid: [
    {
      name: 'a command that runs a tool which may make temp files (sort), or only args (the image\'s entrypoint runs them), still gets the /tmp warning',
      code: `apiVersion: v1
kind: Pod
metadata:
  name: job
spec:
  containers:
  - name: sort
    image: example/app
    command: ["sh", "-c", "sort -u /data/in > /data/out"]
    securityContext: {readOnlyRootFilesystem: true}
  - name: args
    image: example/app
    args: ["sleep", "30"]
    securityContext: {readOnlyRootFilesystem: true}
`,
      findings: [
        { message: noTmp('Container "sort"', 'Pod "job"'), line: 7, container: 'sort' },
        { message: noTmp('Container "args"', 'Pod "job"'), line: 11, container: 'args' },
      ],
    },
    {
      name: 'the container is the last thing in the file: its mount and the pod volume both go in, each at its own level',
      code: `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  containers:
  - name: app
    image: example/web
    securityContext:
      readOnlyRootFilesystem: true
`,
      findings: [{ message: noTmp('Container "app"', 'Pod "web"'), line: 7, column: 11, container: 'app', fixes: [{ title: 'Mount an emptyDir at /tmp (sizeLimit 256Mi)', applicability: 'safe' }] }],
      output: `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  containers:
  - name: app
    image: example/web
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
      name: 'init container, sidecar and app container each get their own volume, appended to the lists there are',
      code: `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  template:
    spec:
      initContainers:
        - name: init
          securityContext: {readOnlyRootFilesystem: true}
        - name: proxy
          restartPolicy: Always
          securityContext: {readOnlyRootFilesystem: true}
      containers:
        - name: app
          securityContext:
            readOnlyRootFilesystem: true
          volumeMounts:
            - name: data
              mountPath: /data
      volumes:
        - name: data
          emptyDir: {}
      # end of the pod spec
`,
      findings: [
        { message: noTmp('Init container "init"', 'Deployment "web"'), line: 9, column: 17, fixes: [{ title: 'Mount an emptyDir at /tmp (sizeLimit 256Mi)' }] },
        { message: noTmp('Sidecar container "proxy"', 'Deployment "web"'), line: 11, column: 17 },
        { message: noTmp('Container "app"', 'Deployment "web"'), line: 15, column: 17 },
      ],
      output: `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  template:
    spec:
      initContainers:
        - name: init
          securityContext: {readOnlyRootFilesystem: true}
          volumeMounts:
            - name: init-tmp
              mountPath: /tmp
        - name: proxy
          restartPolicy: Always
          securityContext: {readOnlyRootFilesystem: true}
          volumeMounts:
            - name: proxy-tmp
              mountPath: /tmp
      containers:
        - name: app
          securityContext:
            readOnlyRootFilesystem: true
          volumeMounts:
            - name: data
              mountPath: /data
            - name: app-tmp
              mountPath: /tmp
      volumes:
        - name: data
          emptyDir: {}
        - name: init-tmp
          emptyDir:
            sizeLimit: 256Mi
        - name: proxy-tmp
          emptyDir:
            sizeLimit: 256Mi
        - name: app-tmp
          emptyDir:
            sizeLimit: 256Mi
      # end of the pod spec
`,
    },
    {
      name: 'a name that is taken gets a suffix',
      code: `apiVersion: v1
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
      mountPath: /scratch
  volumes:
  - name: tmp
    emptyDir: {}
  restartPolicy: Always
`,
      findings: [{ line: 7 }],
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
      mountPath: /scratch
    - name: tmp-2
      mountPath: /tmp
  volumes:
  - name: tmp
    emptyDir: {}
  - name: tmp-2
    emptyDir:
      sizeLimit: 256Mi
  restartPolicy: Always
`,
    },
    {
      name: 'a read-only mount of a writable volume: made writable (unsafe), comment kept',
      code: `apiVersion: v1
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
      readOnly: true # why?
  volumes:
  - name: tmp
    emptyDir: {}
`,
      findings: [{
        message: 'Container "app" in Pod "web" has a read-only /tmp: volume "tmp" is mounted with readOnly: true',
        line: 7,
        column: 11,
        fixes: [{ title: 'Mount "tmp" writable (remove readOnly: true)', applicability: 'unsafe' }],
      }],
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
      # why?
  volumes:
  - name: tmp
    emptyDir: {}
`,
    },
    {
      name: 'a configMap at /tmp: no automatic fix',
      code: `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  containers:
  - name: app
    securityContext: {readOnlyRootFilesystem: true}
    volumeMounts: [{name: cfg, mountPath: /tmp}]
  volumes: [{name: cfg, configMap: {name: cfg}}]
`,
      findings: [{ message: 'Container "app" in Pod "web" has a read-only /tmp: configMap volume "cfg" is always mounted read-only', fixes: [] }],
      output: null,
    },
    {
      name: 'a secret mounted at /: an emptyDir goes at /tmp; flow lists stay flow',
      code: `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  containers:
  - name: app
    securityContext: {readOnlyRootFilesystem: true}
    volumeMounts: [{name: all, mountPath: /}]
  volumes: [{name: all, secret: {secretName: all}}]
`,
      findings: [{ message: 'Container "app" in Pod "web" has a read-only /tmp: secret volume "all" is always mounted read-only', fixes: [{ applicability: 'safe' }] }],
      output: `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  containers:
  - name: app
    securityContext: {readOnlyRootFilesystem: true}
    volumeMounts: [{name: all, mountPath: /}, {name: tmp, mountPath: /tmp}]
  volumes: [{name: all, secret: {secretName: all}}, {name: tmp, emptyDir: {sizeLimit: 256Mi}}]
`,
    },
    {
      name: 'empty flow lists, two containers: one fix per list and pass, still all fixed',
      code: `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  containers:
  - name: a
    securityContext: {readOnlyRootFilesystem: true}
    volumeMounts: []
  - name: b
    securityContext: {readOnlyRootFilesystem: true}
    volumeMounts:
  volumes: []
`,
      findings: [{ line: 7 }, { line: 10 }],
      output: `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  containers:
  - name: a
    securityContext: {readOnlyRootFilesystem: true}
    volumeMounts: [{name: a-tmp, mountPath: /tmp}]
  - name: b
    securityContext: {readOnlyRootFilesystem: true}
    volumeMounts:
    - name: b-tmp
      mountPath: /tmp
  volumes: [{name: a-tmp, emptyDir: {sizeLimit: 256Mi}}, {name: b-tmp, emptyDir: {sizeLimit: 256Mi}}]
`,
    },
    {
      name: 'a CronJob, without a final line break',
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
          restartPolicy: OnFailure
          containers:
          - name: backup
            securityContext:
              readOnlyRootFilesystem: true`,
      findings: [{ message: noTmp('Container "backup"', 'CronJob "nightly"'), line: 13 }],
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
          - name: backup
            securityContext:
              readOnlyRootFilesystem: true
            volumeMounts:
            - name: tmp
              mountPath: /tmp
          volumes:
          - name: tmp
            emptyDir:
              sizeLimit: 256Mi`,
    },
    {
      name: 'pretty-printed JSON: new lists spread over lines like the containers list, or on one line like the securityContext beside them',
      code: `{
  "apiVersion": "v1",
  "kind": "Pod",
  "metadata": {"name": "web"},
  "spec": {
    "containers": [
      {
        "name": "app",
        "securityContext": {"readOnlyRootFilesystem": true}
      }
    ]
  }
}
`,
      findings: [{ line: 8, column: 17 }],
      output: `{
  "apiVersion": "v1",
  "kind": "Pod",
  "metadata": {"name": "web"},
  "spec": {
    "containers": [
      {
        "name": "app",
        "securityContext": {"readOnlyRootFilesystem": true},
        "volumeMounts": [{"name": "tmp", "mountPath": "/tmp"}]
      }
    ],
    "volumes": [
      {
        "name": "tmp",
        "emptyDir": {
          "sizeLimit": "256Mi"
        }
      }
    ]
  }
}
`,
    },
  ],
});

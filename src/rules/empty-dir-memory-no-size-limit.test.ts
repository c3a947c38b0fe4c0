import rule from './empty-dir-memory-no-size-limit.ts';
import { ruleTester } from './rule-tester.ts';

const oom = (volume: string, where: string) => `Volume "${volume}" in ${where} is a memory-backed emptyDir without sizeLimit: what is written there counts against the container's memory and can get it OOM-killed`;

ruleTester(rule, {
  valid: [
    `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  containers:
  - name: app
  volumes:
  - name: shm
    emptyDir:
      medium: Memory
      sizeLimit: 64Mi
  - name: disk
    emptyDir: {}
  - name: empty
    emptyDir:
  - name: default-medium
    emptyDir: {medium: ""}
`,
  ],
  invalid: [
    {
      name: 'block emptyDir with a comment; 64Mi when no container has a memory limit',
      code: `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  containers:
  - name: app
    volumeMounts:
    - name: shm
      mountPath: /dev/shm
  volumes:
  - name: shm
    emptyDir:
      medium: Memory # tmpfs
`,
      findings: [{ message: oom('shm', 'Pod "web"'), line: 14, column: 15, fixes: [{ title: 'Add sizeLimit: 64Mi', applicability: 'unsafe' }] }],
      output: `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  containers:
  - name: app
    volumeMounts:
    - name: shm
      mountPath: /dev/shm
  volumes:
  - name: shm
    emptyDir:
      medium: Memory # tmpfs
      sizeLimit: 64Mi
`,
    },
    {
      name: 'half of the smallest memory limit among the containers that mount it',
      code: `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  template:
    spec:
      initContainers:
      - name: init
        resources: {limits: {memory: 300Mi}}
        volumeMounts: [{name: run, mountPath: /run}]
      containers:
      - name: app
        resources:
          limits:
            memory: 1Gi
        volumeMounts:
        - {name: run, mountPath: /run}
        - {name: big, mountPath: /big}
      - name: other
        resources: {limits: {memory: 64Mi}}
      volumes:
      - name: run
        emptyDir: {medium: Memory}
      - name: big
        emptyDir: {medium: Memory}
`,
      findings: [
        { message: oom('run', 'Deployment "web"'), line: 24, column: 28, fixes: [{ title: 'Add sizeLimit: 150Mi' }] },
        { message: oom('big', 'Deployment "web"'), line: 26, column: 28, fixes: [{ title: 'Add sizeLimit: 512Mi' }] },
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
        resources: {limits: {memory: 300Mi}}
        volumeMounts: [{name: run, mountPath: /run}]
      containers:
      - name: app
        resources:
          limits:
            memory: 1Gi
        volumeMounts:
        - {name: run, mountPath: /run}
        - {name: big, mountPath: /big}
      - name: other
        resources: {limits: {memory: 64Mi}}
      volumes:
      - name: run
        emptyDir: {medium: Memory, sizeLimit: 150Mi}
      - name: big
        emptyDir: {medium: Memory, sizeLimit: 512Mi}
`,
    },
    {
      name: 'decimal units and whole gibibytes',
      code: `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  containers:
  - name: a
    resources: {limits: {memory: 1G}}
    volumeMounts: [{name: x, mountPath: /x}]
  - name: b
    resources: {limits: {memory: 2Gi}}
    volumeMounts: [{name: y, mountPath: /y}]
  volumes:
  - {name: x, emptyDir: {medium: Memory}}
  - {name: y, emptyDir: {medium: Memory}}
`,
      findings: [{ fixes: [{ title: 'Add sizeLimit: 476Mi' }] }, { fixes: [{ title: 'Add sizeLimit: 1Gi' }] }],
      output: `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  containers:
  - name: a
    resources: {limits: {memory: 1G}}
    volumeMounts: [{name: x, mountPath: /x}]
  - name: b
    resources: {limits: {memory: 2Gi}}
    volumeMounts: [{name: y, mountPath: /y}]
  volumes:
  - {name: x, emptyDir: {medium: Memory, sizeLimit: 476Mi}}
  - {name: y, emptyDir: {medium: Memory, sizeLimit: 1Gi}}
`,
    },
    {
      name: 'an emptyDir shared through an anchor gets one sizeLimit',
      code: `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  containers:
  - name: app
  volumes:
  - name: a
    emptyDir: &mem
      medium: Memory
  - name: b
    emptyDir: *mem
`,
      findings: [{ message: oom('a', 'Pod "web"'), line: 11, column: 15 }, { message: oom('b', 'Pod "web"'), line: 11, column: 15 }],
      output: `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  containers:
  - name: app
  volumes:
  - name: a
    emptyDir: &mem
      medium: Memory
      sizeLimit: 64Mi
  - name: b
    emptyDir: *mem
`,
    },
    {
      name: 'CRLF, a StatefulSet',
      code: 'apiVersion: apps/v1\r\nkind: StatefulSet\r\nmetadata:\r\n  name: db\r\nspec:\r\n  template:\r\n    spec:\r\n      containers:\r\n        - name: db\r\n      volumes:\r\n        - name: shm\r\n          emptyDir:\r\n            medium: Memory\r\n',
      findings: [{ message: oom('shm', 'StatefulSet "db"'), line: 13, column: 21 }],
      output: 'apiVersion: apps/v1\r\nkind: StatefulSet\r\nmetadata:\r\n  name: db\r\nspec:\r\n  template:\r\n    spec:\r\n      containers:\r\n        - name: db\r\n      volumes:\r\n        - name: shm\r\n          emptyDir:\r\n            medium: Memory\r\n            sizeLimit: 64Mi\r\n',
    },
    {
      name: 'JSON',
      code: `{
  "apiVersion": "v1",
  "kind": "Pod",
  "metadata": {"name": "web"},
  "spec": {
    "containers": [{"name": "app"}],
    "volumes": [
      {
        "name": "shm",
        "emptyDir": {
          "medium": "Memory"
        }
      }
    ]
  }
}
`,
      findings: [{ line: 11, column: 21 }],
      output: `{
  "apiVersion": "v1",
  "kind": "Pod",
  "metadata": {"name": "web"},
  "spec": {
    "containers": [{"name": "app"}],
    "volumes": [
      {
        "name": "shm",
        "emptyDir": {
          "medium": "Memory",
          "sizeLimit": "64Mi"
        }
      }
    ]
  }
}
`,
    },
  ],
});

import rule from './volume-unused.ts';
import { ruleTester } from './rule-tester.ts';

ruleTester(rule, {
  valid: [
    {
      name: 'used by an init container, a sidecar, an ephemeral container, and as a block device',
      code: `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  initContainers:
  - name: init
    volumeMounts: [{name: seed, mountPath: /seed}]
  - name: proxy
    restartPolicy: Always
    volumeMounts: [{name: certs, mountPath: /certs}]
  containers:
  - name: app
    volumeDevices:
    - name: disk
      devicePath: /dev/xvda
  ephemeralContainers:
  - name: debug
    volumeMounts: [{name: tools, mountPath: /tools}]
  volumes:
  - {name: seed, emptyDir: {}}
  - {name: certs, secret: {secretName: certs}}
  - {name: disk, persistentVolumeClaim: {claimName: disk}}
  - {name: tools, emptyDir: {}}
`,
    },
    'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n  - name: app\n',
  ],
  invalid: [
    {
      name: 'an unused volume between others: removing it is manual, comments kept',
      code: `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  template:
    spec:
      containers:
      - name: app
        volumeMounts:
        - name: data
          mountPath: /data
        - name: config
          mountPath: /etc/app
      volumes:
      - name: data
        emptyDir: {}
      # left over from v1
      - name: old-cache # remove?
        emptyDir:
          medium: Memory
      - name: config
        configMap:
          name: web
`,
      findings: [{
        message: 'Deployment "web" defines volume "old-cache" (emptyDir) but no container mounts it',
        line: 19,
        column: 15,
        severity: 'info',
        fixes: [{
          title: 'Remove volume "old-cache"',
          applicability: 'manual',
          output: `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  template:
    spec:
      containers:
      - name: app
        volumeMounts:
        - name: data
          mountPath: /data
        - name: config
          mountPath: /etc/app
      volumes:
      - name: data
        emptyDir: {}
      # left over from v1
      # remove?
      - name: config
        configMap:
          name: web
`,
        }],
      }],
      output: null,
    },
    {
      name: 'the only volume: its key goes too',
      code: `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  containers:
  - name: app
    volumeMounts:
    - name: cahce
      mountPath: /cache
  volumes:
  - name: cache
    emptyDir: {}
  restartPolicy: Always
`,
      findings: [{
        message: 'Pod "web" defines volume "cache" (emptyDir) but no container mounts it',
        line: 12,
        column: 11,
        fixes: [{
          applicability: 'manual',
          output: `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  containers:
  - name: app
    volumeMounts:
    - name: cahce
      mountPath: /cache
  restartPolicy: Always
`,
        }],
      }],
      output: null,
    },
    {
      name: 'flow list, a volume with no source, a List item',
      code: `apiVersion: v1
kind: List
items:
- apiVersion: apps/v1
  kind: ReplicaSet
  metadata:
    name: rs
  spec:
    template:
      spec:
        containers: [{name: app}]
        volumes: [{name: a, emptyDir: {}}, {name: b}]
`,
      findings: [
        { message: 'ReplicaSet "rs" defines volume "a" (emptyDir) but no container mounts it', line: 12, column: 26, fixes: [{ applicability: 'manual', output: 'apiVersion: v1\nkind: List\nitems:\n- apiVersion: apps/v1\n  kind: ReplicaSet\n  metadata:\n    name: rs\n  spec:\n    template:\n      spec:\n        containers: [{name: app}]\n        volumes: [{name: b}]\n' }] },
        { message: 'ReplicaSet "rs" defines volume "b" (unknown) but no container mounts it', line: 12, column: 51, fixes: [{ applicability: 'manual', output: 'apiVersion: v1\nkind: List\nitems:\n- apiVersion: apps/v1\n  kind: ReplicaSet\n  metadata:\n    name: rs\n  spec:\n    template:\n      spec:\n        containers: [{name: app}]\n        volumes: [{name: a, emptyDir: {}}]\n' }] },
      ],
      output: null,
    },
  ],
});

import rule from './volume-mount-duplicate-path.ts';
import { ruleTester } from './rule-tester.ts';

ruleTester(rule, {
  valid: [
    `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  containers:
  - name: app
    volumeMounts:
    - name: data
      mountPath: /data
    - name: data
      mountPath: /data/cache
      subPath: cache
  - name: sidecar
    volumeMounts:
    - name: data
      mountPath: /data
  volumes:
  - name: data
    emptyDir: {}
`,
    {
      name: 'mounts without a path are another problem',
      code: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n  - name: app\n    volumeMounts:\n    - name: a\n    - name: b\n',
    },
  ],
  invalid: [
    {
      name: 'the second mount is reported; removing it is manual, comments kept',
      code: `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  containers:
  - name: app
    volumeMounts:
    - name: tmp
      mountPath: /tmp
    # added by the chart
    - name: scratch # older
      mountPath: /tmp
    - name: cache
      mountPath: /cache
  volumes:
  - name: tmp
    emptyDir: {}
  - name: scratch
    emptyDir: {}
  - name: cache
    emptyDir: {}
`,
      findings: [{
        message: 'Container "app" in Pod "web" mounts both "tmp" and "scratch" at /tmp; the API rejects duplicate mount paths, so keep one',
        line: 13,
        column: 18,
        container: 'app',
        fixes: [{
          title: 'Remove the mount of "scratch" at /tmp',
          applicability: 'manual',
          output: `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  containers:
  - name: app
    volumeMounts:
    - name: tmp
      mountPath: /tmp
    # added by the chart
    # older
    - name: cache
      mountPath: /cache
  volumes:
  - name: tmp
    emptyDir: {}
  - name: scratch
    emptyDir: {}
  - name: cache
    emptyDir: {}
`,
        }],
      }],
      output: null,
    },
    {
      name: 'paths are compared normalised; the last item of an init container',
      code: `apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: db
spec:
  template:
    spec:
      initContainers:
      - name: init
        volumeMounts:
        - name: data
          mountPath: /var/lib/db/
        - name: seed
          mountPath: /var/lib//db
      containers:
      - name: db
`,
      findings: [{
        message: 'Init container "init" in StatefulSet "db" mounts both "data" and "seed" at /var/lib/db; the API rejects duplicate mount paths, so keep one',
        line: 14,
        column: 22,
        fixes: [{
          applicability: 'manual',
          output: `apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: db
spec:
  template:
    spec:
      initContainers:
      - name: init
        volumeMounts:
        - name: data
          mountPath: /var/lib/db/
      containers:
      - name: db
`,
        }],
      }],
      output: null,
    },
    {
      name: 'three at one path, flow list',
      code: `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  containers:
  - name: app
    volumeMounts: [{name: a, mountPath: /x}, {name: b, mountPath: /x}, {name: c, mountPath: /x}]
`,
      findings: [
        {
          message: /mounts both "a" and "b" at \/x/,
          line: 8,
          column: 67,
          fixes: [{
            applicability: 'manual',
            output: `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  containers:
  - name: app
    volumeMounts: [{name: a, mountPath: /x}, {name: c, mountPath: /x}]
`,
          }],
        },
        {
          message: /mounts both "a" and "c" at \/x/,
          line: 8,
          column: 93,
          fixes: [{
            applicability: 'manual',
            output: `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  containers:
  - name: app
    volumeMounts: [{name: a, mountPath: /x}, {name: b, mountPath: /x}]
`,
          }],
        },
      ],
      output: null,
    },
    {
      name: 'ephemeral and sidecar containers, CRLF',
      code: 'apiVersion: v1\r\nkind: Pod\r\nmetadata:\r\n  name: web\r\nspec:\r\n  initContainers:\r\n  - name: proxy\r\n    restartPolicy: Always\r\n    volumeMounts:\r\n    - {name: a, mountPath: /a}\r\n    - {name: b, mountPath: /a}\r\n  ephemeralContainers:\r\n  - name: debug\r\n    volumeMounts:\r\n    - name: a\r\n      mountPath: /a\r\n    - name: b # keep me\r\n      mountPath: /a\r\n',
      findings: [
        {
          message: /^Sidecar container "proxy" in Pod "web" mounts both "a" and "b" at \/a/,
          line: 11,
          fixes: [{ applicability: 'manual', output: 'apiVersion: v1\r\nkind: Pod\r\nmetadata:\r\n  name: web\r\nspec:\r\n  initContainers:\r\n  - name: proxy\r\n    restartPolicy: Always\r\n    volumeMounts:\r\n    - {name: a, mountPath: /a}\r\n  ephemeralContainers:\r\n  - name: debug\r\n    volumeMounts:\r\n    - name: a\r\n      mountPath: /a\r\n    - name: b # keep me\r\n      mountPath: /a\r\n' }],
        },
        {
          message: /^Ephemeral container "debug" in Pod "web" mounts both "a" and "b" at \/a/,
          line: 18,
          fixes: [{ applicability: 'manual', output: 'apiVersion: v1\r\nkind: Pod\r\nmetadata:\r\n  name: web\r\nspec:\r\n  initContainers:\r\n  - name: proxy\r\n    restartPolicy: Always\r\n    volumeMounts:\r\n    - {name: a, mountPath: /a}\r\n    - {name: b, mountPath: /a}\r\n  ephemeralContainers:\r\n  - name: debug\r\n    volumeMounts:\r\n    - name: a\r\n      mountPath: /a\r\n    # keep me\r\n' }],
        },
      ],
      output: null,
    },
  ],
});

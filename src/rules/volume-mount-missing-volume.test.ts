import rule from './volume-mount-missing-volume.ts';
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
    - name: cache
      mountPath: /cache
    - name: config
      mountPath: /etc/app
      readOnly: true
  volumes:
  - name: cache
    emptyDir: {}
  - name: config
    configMap:
      name: app-config
`,
    {
      name: 'a mount without a name is another problem (the API reports it)',
      code: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n  - name: app\n    volumeMounts:\n    - mountPath: /x\n',
    },
    {
      name: 'every container type, flow style',
      code: `apiVersion: v1
kind: Pod
metadata: {name: web}
spec:
  initContainers:
  - {name: init, volumeMounts: [{name: data, mountPath: /data}]}
  - {name: proxy, restartPolicy: Always, volumeMounts: [{name: data, mountPath: /data}]}
  containers:
  - {name: app, volumeMounts: [{name: data, mountPath: /data}]}
  ephemeralContainers:
  - {name: debug, volumeMounts: [{name: data, mountPath: /data}]}
  volumes: [{name: data, emptyDir: {}}]
`,
    },
  ],
  invalid: [
    {
      name: 'a typo: renamed to the volume spelled alike, quotes and comment kept',
      code: `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  containers:
  - name: app
    volumeMounts:
    - name: "cahce" # the cache
      mountPath: /cache
    - name: 'tpm'
      mountPath: /tmp
  volumes:
  - name: cache
    emptyDir: {}
  - name: tmp
    emptyDir: {}
`,
      findings: [
        {
          message: 'Container "app" in Pod "web" mounts volume "cahce" at /cache, but the pod has no volume of that name (did you mean "cache"?)',
          line: 9,
          column: 13,
          container: 'app',
          fixes: [
            { title: 'Use volume "cache"', applicability: 'unsafe' },
            { title: 'Add an emptyDir volume "cahce"', applicability: 'manual' },
          ],
        },
        { message: /mounts volume "tpm" at \/tmp, .* \(did you mean "tmp"\?\)$/, line: 11, column: 13 },
      ],
      output: `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  containers:
  - name: app
    volumeMounts:
    - name: "cache" # the cache
      mountPath: /cache
    - name: 'tmp'
      mountPath: /tmp
  volumes:
  - name: cache
    emptyDir: {}
  - name: tmp
    emptyDir: {}
`,
    },
    {
      name: 'nothing spelled alike: only the manual fix, which fix-all leaves alone',
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
          mountPath: /var/lib/app
      volumes:
      - name: config
        configMap: {name: app}
      # more volumes here
`,
      findings: [{
        message: 'Container "app" in Deployment "web" mounts volume "data" at /var/lib/app, but the pod has no volume of that name',
        line: 11,
        column: 17,
        fixes: [{
          title: 'Add an emptyDir volume "data"',
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
          mountPath: /var/lib/app
      volumes:
      - name: config
        configMap: {name: app}
      - name: data
        emptyDir: {}
      # more volumes here
`,
        }],
      }],
      output: null,
    },
    {
      name: 'two names alike: no guess',
      code: `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  containers:
  - name: app
    volumeMounts:
    - name: log
      mountPath: /var/log
  volumes:
  - name: logs
    emptyDir: {}
  - name: loga
    emptyDir: {}
`,
      findings: [{ message: /"log" at \/var\/log, but the pod has no volume of that name$/, fixes: [{ applicability: 'manual' }] }],
      output: null,
    },
    {
      name: 'no volumes at all: the manual fix adds the list',
      code: `apiVersion: batch/v1
kind: Job
metadata:
  name: once
spec:
  template:
    spec:
      restartPolicy: Never
      containers:
      - name: job
        volumeMounts:
        - name: scratch
          mountPath: /scratch
`,
      findings: [{
        line: 12,
        column: 17,
        fixes: [{
          applicability: 'manual',
          output: `apiVersion: batch/v1
kind: Job
metadata:
  name: once
spec:
  template:
    spec:
      restartPolicy: Never
      containers:
      - name: job
        volumeMounts:
        - name: scratch
          mountPath: /scratch
      volumes:
      - name: scratch
        emptyDir: {}
`,
        }],
      }],
      output: null,
    },
    {
      name: 'an empty flow list: the manual fix fills it',
      code: `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  containers:
  - name: app
    volumeMounts: [{name: data, mountPath: /data}]
  volumes: []
`,
      findings: [{
        line: 8,
        column: 27,
        fixes: [{
          applicability: 'manual',
          output: `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  containers:
  - name: app
    volumeMounts: [{name: data, mountPath: /data}]
  volumes: [{name: data, emptyDir: {}}]
`,
        }],
      }],
      output: null,
    },
    {
      name: 'init container, sidecar and ephemeral container; 4-space `-   ` lists',
      code: `apiVersion: v1
kind: Pod
metadata:
    name: web
spec:
    initContainers:
        -   name: init
            volumeMounts:
                -   name: dta
                    mountPath: /data
        -   name: proxy
            restartPolicy: Always
            volumeMounts:
                -   name: dta
                    mountPath: /data
    containers:
        -   name: app
    ephemeralContainers:
        -   name: debug
            volumeMounts:
                -   name: other
                    mountPath: /other
    volumes:
        -   name: data
            emptyDir: {}
`,
      findings: [
        { message: /^Init container "init" in Pod "web" mounts volume "dta"/, line: 9, column: 27 },
        { message: /^Sidecar container "proxy" in Pod "web" mounts volume "dta"/, line: 14, column: 27 },
        {
          message: 'Ephemeral container "debug" in Pod "web" mounts volume "other" at /other, but the pod has no volume of that name',
          line: 21,
          column: 27,
          fixes: [{
            applicability: 'manual',
            output: `apiVersion: v1
kind: Pod
metadata:
    name: web
spec:
    initContainers:
        -   name: init
            volumeMounts:
                -   name: dta
                    mountPath: /data
        -   name: proxy
            restartPolicy: Always
            volumeMounts:
                -   name: dta
                    mountPath: /data
    containers:
        -   name: app
    ephemeralContainers:
        -   name: debug
            volumeMounts:
                -   name: other
                    mountPath: /other
    volumes:
        -   name: data
            emptyDir: {}
        -   name: other
            emptyDir: {}
`,
          }],
        },
      ],
      output: `apiVersion: v1
kind: Pod
metadata:
    name: web
spec:
    initContainers:
        -   name: init
            volumeMounts:
                -   name: data
                    mountPath: /data
        -   name: proxy
            restartPolicy: Always
            volumeMounts:
                -   name: data
                    mountPath: /data
    containers:
        -   name: app
    ephemeralContainers:
        -   name: debug
            volumeMounts:
                -   name: other
                    mountPath: /other
    volumes:
        -   name: data
            emptyDir: {}
`,
    },
    {
      name: 'JSON keeps its double quotes',
      code: '{"apiVersion": "v1", "kind": "Pod", "metadata": {"name": "web"}, "spec": {"containers": [{"name": "app", "volumeMounts": [{"name": "cahce", "mountPath": "/cache"}]}], "volumes": [{"name": "cache", "emptyDir": {}}]}}',
      findings: [{ line: 1, column: 132 }],
      output: '{"apiVersion": "v1", "kind": "Pod", "metadata": {"name": "web"}, "spec": {"containers": [{"name": "app", "volumeMounts": [{"name": "cache", "mountPath": "/cache"}]}], "volumes": [{"name": "cache", "emptyDir": {}}]}}',
    },
  ],
});

import rule from './volume-duplicate-name.ts';
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
  volumes:
  - name: data
    emptyDir: {}
  - name: data-2
    emptyDir: {}
`,
    {
      name: 'nameless volumes are another problem',
      code: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n  - name: app\n  volumes:\n  - emptyDir: {}\n  - emptyDir: {}\n',
    },
    {
      name: 'the same name in two pods',
      code: `apiVersion: v1
kind: Pod
metadata:
  name: a
spec:
  containers: [{name: app}]
  volumes: [{name: data, emptyDir: {}}]
---
apiVersion: v1
kind: Pod
metadata:
  name: b
spec:
  containers: [{name: app}]
  volumes: [{name: data, emptyDir: {}}]
`,
    },
  ],
  invalid: [
    {
      name: 'the second and third volume of a name; no automatic fix',
      code: `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  template:
    spec:
      containers:
      - name: app
      volumes:
      - name: data
        emptyDir: {}
      - name: data # copy-paste
        configMap: {name: data}
      - {name: data, secret: {secretName: data}}
`,
      findings: [
        { message: 'Deployment "web" has more than one volume named "data"; volume names must be unique within a pod', line: 13, column: 15, fixes: [] },
        { message: 'Deployment "web" has more than one volume named "data"; volume names must be unique within a pod', line: 15, column: 16, fixes: [] },
      ],
      output: null,
    },
    {
      name: 'quoted names, a CronJob',
      code: `apiVersion: batch/v1
kind: CronJob
metadata:
  name: nightly
spec:
  schedule: "@daily"
  jobTemplate:
    spec:
      template:
        spec:
          containers:
          - name: job
          volumes:
          - name: 'cache'
            emptyDir: {}
          - name: "cache"
            emptyDir: {medium: Memory}
`,
      findings: [{ message: 'CronJob "nightly" has more than one volume named "cache"; volume names must be unique within a pod', line: 16, column: 19 }],
      output: null,
    },
    {
      name: 'JSON',
      code: '{"apiVersion": "v1", "kind": "Pod", "metadata": {"name": "web"}, "spec": {"containers": [{"name": "app"}], "volumes": [{"name": "a", "emptyDir": {}}, {"name": "a", "emptyDir": {}}]}}',
      findings: [{ message: /^Pod "web" has more than one volume named "a"/, line: 1 }],
      output: null,
    },
  ],
});

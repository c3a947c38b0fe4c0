import rule from './image-unknown.ts';
import { ruleTester } from './rule-tester.ts';

const unknown = (who: string, where: string, image: string) =>
  `${who} in ${where} runs ${image}, which rootlock does not know: it checks /tmp and what the command writes, but the program may write elsewhere. Run it once with a writable root and list the changed files (docker diff), then mount an emptyDir for each path`;

ruleTester(rule, {
  valid: [
    {
      name: 'known images (through a mirror, by digest), a runtime known from the command, a writable root, no image at all',
      code: `apiVersion: v1
kind: Pod
metadata:
  name: apps
spec:
  containers:
  - name: mirror
    image: registry.corp.example/dockerhub/library/nginx:1.27
    securityContext: {readOnlyRootFilesystem: true}
  - name: digest
    image: redis@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef
    securityContext: {readOnlyRootFilesystem: true}
  - name: java
    image: example/api:3
    command: ["java", "-jar", "/app.jar"]
    securityContext: {readOnlyRootFilesystem: true}
  - name: writable
    image: example/web
  - name: no-image
    securityContext: {readOnlyRootFilesystem: true}
  ephemeralContainers:
  - name: debug
    image: example/debug
    securityContext: {readOnlyRootFilesystem: true}
`,
    },
    {
      name: 'a Windows pod is left to ro-root-fs-windows',
      code: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: win\nspec:\n  os: {name: windows}\n  containers:\n  - name: app\n    image: example/win\n    securityContext: {readOnlyRootFilesystem: true}\n',
    },
  ],
  invalid: [
    {
      name: 'an image rootlock does not know: an info with the way to find out (no fix: there is nothing to add yet)',
      code: `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  template:
    spec:
      containers:
      - name: web
        image: ghcr.io/example/web:2.4.1
        securityContext:
          readOnlyRootFilesystem: true
`,
      findings: [{ message: unknown('Container "web"', 'Deployment "web"', 'ghcr.io/example/web:2.4.1'), line: 9, column: 15, container: 'web', severity: 'info', fixes: [] }],
      output: null,
    },
    {
      name: 'a shell script is not an image: the shell\'s own knowledge does not make the image known; nor does a name that is no image reference',
      code: `apiVersion: v1
kind: Pod
metadata:
  name: job
spec:
  initContainers:
  - name: setup
    image: example/tools:1
    command: ["sh", "-c", "cp /src/* /dst/"]
    securityContext: {readOnlyRootFilesystem: true}
  containers:
  - name: app
    image: MyCompany/App:latest
    securityContext: {readOnlyRootFilesystem: true}
`,
      findings: [
        { message: unknown('Init container "setup"', 'Pod "job"', 'example/tools:1'), line: 7, severity: 'info', container: 'setup' },
        { message: unknown('Container "app"', 'Pod "job"', 'MyCompany/App:latest'), line: 12, severity: 'info', container: 'app' },
      ],
      output: null,
    },
  ],
});

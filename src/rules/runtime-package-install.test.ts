import rule from './runtime-package-install.ts';
import { ruleTester } from './rule-tester.ts';

const installs = (who: string, where: string, tool: string, readOnly: boolean) =>
  `${who} in ${where} runs \`${tool}\` at start-up: ${readOnly ? 'with a read-only root it fails ("Read-only file system"); ' : ''}install the packages when the image is built instead`;

ruleTester(rule, {
  valid: [
    {
      name: 'refreshing the index installs nothing; running what the image has; a debug session may install',
      code: `apiVersion: v1
kind: Pod
metadata:
  name: job
spec:
  containers:
  - name: update-only
    image: debian:12
    command: ["sh", "-c", "apt-get update"]
  - name: app
    image: python:3.12
    command: ["python3", "-m", "app"]
  - name: echo
    image: busybox
    command: ["sh", "-c", "echo 'run pip install later'"]
  ephemeralContainers:
  - name: debug
    image: alpine:3.20
    command: ["sh", "-c", "apk add curl"]
`,
    },
  ],
  invalid: [
    {
      name: '`apt-get install` at start-up in a read-only container: it fails, and it should have been built into the image',
      code: `apiVersion: apps/v1
kind: Deployment
metadata:
  name: fetcher
spec:
  template:
    spec:
      containers:
      - name: fetch
        image: debian:12
        command: ["sh", "-c", "apt-get update && apt-get install -y curl && curl -s http://svc"]
        securityContext:
          readOnlyRootFilesystem: true
`,
      findings: [{
        message: installs('Container "fetch"', 'Deployment "fetcher"', 'apt-get install', true),
        line: 11,
        column: 50,
        container: 'fetch',
        fixes: [],
      }],
      output: null,
    },
    {
      name: 'apk, pip through python3 -m, npm ci in an init container: an error whatever the root',
      code: `apiVersion: v1
kind: Pod
metadata:
  name: job
spec:
  initContainers:
  - name: deps
    image: node:20
    workingDir: /app
    command: ["sh", "-c", "npm ci && npm run build"]
  containers:
  - name: apk
    image: alpine:3.20
    command: ["/bin/sh", "-c", "apk add --no-cache jq; jq . /data/x.json"]
  - name: pip
    image: python:3.12
    command: ["python3", "-m", "pip", "install", "requests"]
`,
      findings: [
        { message: installs('Init container "deps"', 'Pod "job"', 'npm ci', false), line: 10, column: 28, container: 'deps' },
        { message: installs('Container "apk"', 'Pod "job"', 'apk add', false), line: 14, column: 33, container: 'apk' },
        { message: installs('Container "pip"', 'Pod "job"', 'pip install', false), line: 17, column: 16, container: 'pip' },
      ],
      output: null,
    },
  ],
});

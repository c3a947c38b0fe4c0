import rule from './command-writes-read-only-path.ts';
import { ruleTester } from './rule-tester.ts';

const writes = (who: string, where: string, path: string, op: string, reason: string, log: string) =>
  `${who} in ${where} runs a command that writes ${path} (\`${op}\`), but ${reason}. It would log: ${log}`;
const unresolved = (who: string, where: string, raw: string, reason: string) =>
  `${who} in ${where} runs a command that writes to ${raw}, which rootlock cannot resolve (${reason}): make sure it lands in a writable mount`;
const HEREDOC = (who: string, where: string) =>
  `${who} in ${where} uses a here-document: bash writes it to a temporary file in $TMPDIR or /tmp (from bash 5.1 only when it is larger than a pipe buffer; dash and busybox ash use a pipe), and the root filesystem is read-only. It would log: sh: cannot create temp file for here-document: Read-only file system`;

ruleTester(rule, {
  valid: [
    {
      name: 'scenario 04: the init container copies a ConfigMap into /shared/config, a writable emptyDir',
      code: `apiVersion: v1
kind: Pod
metadata:
  name: init-readonly-demo
spec:
  initContainers:
  - name: setup
    image: busybox
    command:
    - sh
    - -c
    - |
      echo "Preparing environment..."
      cp /config/* /shared/config/
      chmod 644 /shared/config/*
    securityContext:
      readOnlyRootFilesystem: true
    volumeMounts:
    - {name: source-config, mountPath: /config, readOnly: true}
    - {name: shared-config, mountPath: /shared/config}
    - {name: tmp, mountPath: /tmp}
  containers:
  - name: app
    image: myapp:1.0
  volumes:
  - {name: source-config, configMap: {name: app-config}}
  - {name: shared-config, emptyDir: {}}
  - {name: tmp, emptyDir: {}}
`,
    },
    {
      name: 'relative paths inside a writable workingDir, a variable from env into /tmp, and a writable root',
      code: `apiVersion: v1
kind: Pod
metadata:
  name: job
spec:
  containers:
  - name: work
    image: example/tool
    workingDir: /work
    command: ["sh", "-c", "mkdir -p out && tool > out/result.json"]
    securityContext: {readOnlyRootFilesystem: true}
    volumeMounts: [{name: work, mountPath: /work}]
  - name: env
    image: example/tool
    env: [{name: SCRATCH, value: /tmp/tool}]
    command: ["sh", "-c", "mkdir -p \\"$SCRATCH\\" && tool --out \${SCRATCH}/x > $SCRATCH/log"]
    securityContext: {readOnlyRootFilesystem: true}
    volumeMounts: [{name: tmp, mountPath: /tmp}]
  - name: writable
    image: example/tool
    command: ["sh", "-c", "echo hi > /etc/motd"]
  volumes:
  - {name: work, emptyDir: {}}
  - {name: tmp, emptyDir: {}}
`,
    },
    {
      name: 'here-documents with a writable /tmp',
      code: `apiVersion: v1
kind: Pod
metadata:
  name: job
spec:
  containers:
  - name: bash
    image: example/tool
    command:
    - bash
    - -c
    - |
      cat <<EOF | tool
      key=value
      EOF
    securityContext: {readOnlyRootFilesystem: true}
    volumeMounts: [{name: tmp, mountPath: /tmp}]
  volumes:
  - {name: tmp, emptyDir: {medium: Memory, sizeLimit: 64Mi}}
`,
    },
  ],
  invalid: [
    {
      name: 'a script writing to /etc: no volume is offered over /etc, which would hide the image\'s files',
      code: `apiVersion: v1
kind: Pod
metadata:
  name: job
spec:
  containers:
  - name: tool
    image: example/tool
    command: ["sh", "-c", "echo 'level = debug' > /etc/tool.conf && exec tool"]
    securityContext:
      readOnlyRootFilesystem: true
`,
      findings: [{
        message: writes('Container "tool"', 'Pod "job"', '/etc/tool.conf', '>', 'the root filesystem is read-only', "sh: can't create /etc/tool.conf: Read-only file system"),
        line: 9,
        column: 51,
        container: 'tool',
        fixes: [],
      }],
      output: null,
    },
    {
      name: 'relative paths resolve against workingDir: a volume where the command writes (unsafe: review what else lives there)',
      code: `apiVersion: v1
kind: Pod
metadata:
  name: job
spec:
  containers:
  - name: tool
    image: example/tool
    workingDir: /app/work
    command: ["sh", "-c", "mkdir -p cache && tool > out.log"]
    securityContext:
      readOnlyRootFilesystem: true
`,
      findings: [{
        message: writes('Container "tool"', 'Pod "job"', '/app/work/out.log', '>', 'the root filesystem is read-only', "sh: can't create /app/work/out.log: Read-only file system"),
        line: 10,
        column: 53,
        fixes: [{ title: 'Mount an emptyDir (sizeLimit 256Mi) at /app/work', applicability: 'unsafe' }],
      }],
      output: `apiVersion: v1
kind: Pod
metadata:
  name: job
spec:
  containers:
  - name: tool
    image: example/tool
    workingDir: /app/work
    command: ["sh", "-c", "mkdir -p cache && tool > out.log"]
    securityContext:
      readOnlyRootFilesystem: true
    volumeMounts:
    - name: work
      mountPath: /app/work
  volumes:
  - name: work
    emptyDir:
      sizeLimit: 256Mi
`,
    },
    {
      name: 'without workingDir, or with a variable the manifest does not set, the path is unknown: said, not guessed',
      code: `apiVersion: v1
kind: Pod
metadata:
  name: job
spec:
  containers:
  - name: tool
    image: example/tool
    command: ["sh", "-c", "tool > out.log; echo done > $STATUS_DIR/status"]
    securityContext: {readOnlyRootFilesystem: true}
`,
      findings: [
        { message: unresolved('Container "tool"', 'Pod "job"', 'out.log', 'relative path and no workingDir'), severity: 'info', line: 9, column: 35, fixes: [] },
        { message: unresolved('Container "tool"', 'Pod "job"', '$STATUS_DIR/status', 'variable $STATUS_DIR is not set'), severity: 'info', line: 9, column: 56, fixes: [] },
      ],
      output: null,
    },
    {
      name: 'a variable from the container env is expanded; a write into a configMap cannot be fixed by a volume',
      code: `apiVersion: v1
kind: Pod
metadata:
  name: job
spec:
  containers:
  - name: logs
    image: example/tool
    env: [{name: LOG_DIR, value: /var/log/tool}]
    command: ["sh", "-c", "tool 2>> $LOG_DIR/err.log"]
    securityContext: {readOnlyRootFilesystem: true}
  - name: conf
    image: example/tool
    args: ["sh", "-c", "sed -i s/x/y/ /config/app.conf"]
    securityContext: {readOnlyRootFilesystem: true}
    volumeMounts: [{name: config, mountPath: /config}]
  volumes:
  - {name: config, configMap: {name: tool}}
`,
      findings: [
        {
          message: writes('Container "logs"', 'Pod "job"', '/var/log/tool/err.log', '>>', 'the root filesystem is read-only', "sh: can't create /var/log/tool/err.log: Read-only file system"),
          line: 10,
          column: 37,
          container: 'logs',
          fixes: [{ title: 'Mount an emptyDir (sizeLimit 256Mi) at /var/log/tool', applicability: 'unsafe' }],
        },
        {
          message: writes('Container "conf"', 'Pod "job"', '/config/app.conf', 'sed -i', 'configMap volume "config" is always mounted read-only', 'sed: /config/app.conf: Read-only file system'),
          line: 14,
          column: 39,
          container: 'conf',
          fixes: [],
        },
      ],
      output: `apiVersion: v1
kind: Pod
metadata:
  name: job
spec:
  containers:
  - name: logs
    image: example/tool
    env: [{name: LOG_DIR, value: /var/log/tool}]
    command: ["sh", "-c", "tool 2>> $LOG_DIR/err.log"]
    securityContext: {readOnlyRootFilesystem: true}
    volumeMounts:
    - name: tool-log
      mountPath: /var/log/tool
  - name: conf
    image: example/tool
    args: ["sh", "-c", "sed -i s/x/y/ /config/app.conf"]
    securityContext: {readOnlyRootFilesystem: true}
    volumeMounts: [{name: config, mountPath: /config}]
  volumes:
  - {name: config, configMap: {name: tool}}
  - name: tool-log
    emptyDir:
      sizeLimit: 256Mi
`,
    },
    {
      // a block scalar's offsets are not the script's: the finding points at the script as a whole
      name: 'bash writes a here-document to /tmp (an error); sh may use a pipe (dash, ash), so only an info',
      code: `apiVersion: v1
kind: Pod
metadata:
  name: job
spec:
  containers:
  - name: bash
    image: example/tool
    command:
    - bash
    - -c
    - |
      cat <<EOF > /work/config
      x=1
      EOF
    securityContext: {readOnlyRootFilesystem: true}
    volumeMounts: [{name: work, mountPath: /work}]
  - name: sh
    image: example/tool
    command:
    - sh
    - -c
    - |
      tool <<EOF
      x=1
      EOF
    securityContext: {readOnlyRootFilesystem: true}
  volumes:
  - {name: work, emptyDir: {}}
`,
      findings: [
        { message: HEREDOC('Container "bash"', 'Pod "job"'), line: 12, column: 7, fixes: [{ title: 'Mount a memory-backed emptyDir (sizeLimit 64Mi) at /tmp', applicability: 'unsafe' }] },
        { message: HEREDOC('Container "sh"', 'Pod "job"'), severity: 'info', line: 23, column: 7, fixes: [{ title: 'Mount a memory-backed emptyDir (sizeLimit 64Mi) at /tmp', applicability: 'unsafe' }] },
      ],
      output: `apiVersion: v1
kind: Pod
metadata:
  name: job
spec:
  containers:
  - name: bash
    image: example/tool
    command:
    - bash
    - -c
    - |
      cat <<EOF > /work/config
      x=1
      EOF
    securityContext: {readOnlyRootFilesystem: true}
    volumeMounts: [{name: work, mountPath: /work}, {name: bash-tmp, mountPath: /tmp}]
  - name: sh
    image: example/tool
    command:
    - sh
    - -c
    - |
      tool <<EOF
      x=1
      EOF
    securityContext: {readOnlyRootFilesystem: true}
    volumeMounts:
    - name: sh-tmp
      mountPath: /tmp
  volumes:
  - {name: work, emptyDir: {}}
  - name: bash-tmp
    emptyDir:
      medium: Memory
      sizeLimit: 64Mi
  - name: sh-tmp
    emptyDir:
      medium: Memory
      sizeLimit: 64Mi
`,
    },
  ],
});

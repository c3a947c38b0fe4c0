import rule from './writable-mount-read-only.ts';
import { ruleTester } from './rule-tester.ts';

ruleTester(rule, {
  valid: [
    {
      name: 'writable mounts where nginx writes; read-only mounts where nothing is written',
      code: `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  containers:
  - name: nginx
    image: nginx:1.27
    securityContext: {readOnlyRootFilesystem: true}
    volumeMounts:
    - {name: cache, mountPath: /var/cache/nginx, readOnly: false}
    - {name: run, mountPath: /var/run}
    - {name: site, mountPath: /usr/share/nginx/html, readOnly: true}
    - {name: tls, mountPath: /etc/tls}
  volumes:
  - {name: cache, emptyDir: {}}
  - {name: run, emptyDir: {medium: Memory, sizeLimit: 16Mi}}
  - {name: site, persistentVolumeClaim: {claimName: site}}
  - {name: tls, secret: {secretName: web-tls}}
`,
    },
    {
      name: 'in a read-only container, env vars and commands that write into read-only mounts are their own rules\' to report',
      code: `apiVersion: v1
kind: Pod
metadata:
  name: job
spec:
  containers:
  - name: tool
    image: example/tool
    env: [{name: TMPDIR, value: /config/tmp}]
    command: ["sh", "-c", "echo x > /config/out"]
    securityContext: {readOnlyRootFilesystem: true}
    volumeMounts: [{name: config, mountPath: /config}]
  volumes:
  - {name: config, configMap: {name: tool}}
`,
    },
  ],
  invalid: [
    {
      name: '`readOnly: true` on the emptyDir where nginx keeps its cache: the fix drops it',
      code: `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  containers:
  - name: nginx
    image: nginx:1.27
    securityContext:
      readOnlyRootFilesystem: true
    volumeMounts:
    - name: cache
      mountPath: /var/cache/nginx
      readOnly: true # copied from the config mount
    - name: run
      mountPath: /var/run
  volumes:
  - name: cache
    emptyDir: {}
  - name: run
    emptyDir: {}
`,
      findings: [{
        message: 'Container "nginx" in Pod "web" writes /var/cache/nginx (client_temp, proxy_temp, fastcgi_temp, uwsgi_temp, scgi_temp (request and response buffers)), but volume "cache" is mounted with readOnly: true. It would log: [emerg] 1#1: mkdir() "/var/cache/nginx/client_temp" failed (30: Read-only file system)',
        line: 14,
        column: 17,
        container: 'nginx',
        fixes: [{ title: 'Mount "cache" writable (remove readOnly: true)', applicability: 'unsafe' }],
      }],
      output: `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  containers:
  - name: nginx
    image: nginx:1.27
    securityContext:
      readOnlyRootFilesystem: true
    volumeMounts:
    - name: cache
      mountPath: /var/cache/nginx
      # copied from the config mount
    - name: run
      mountPath: /var/run
  volumes:
  - name: cache
    emptyDir: {}
  - name: run
    emptyDir: {}
`,
    },
    {
      name: 'a configMap where the image writes cannot be made writable: copy it, or write elsewhere; the templates directory only maybe',
      code: `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  containers:
  - name: nginx
    image: nginx:1.27
    securityContext: {readOnlyRootFilesystem: true}
    volumeMounts:
    - {name: cache, mountPath: /var/cache/nginx}
    - {name: pid, mountPath: /var/run}
    - {name: sites, mountPath: /etc/nginx/conf.d}
  volumes:
  - {name: cache, emptyDir: {}}
  - {name: pid, configMap: {name: nginx-run}}
  - {name: sites, configMap: {name: sites}}
`,
      findings: [
        {
          message: 'Container "nginx" in Pod "web" writes /var/run (nginx.pid), but configMap volume "pid" is always mounted read-only. It would log: [emerg] 1#1: open() "/var/run/nginx.pid" failed (30: Read-only file system). Copy the configMap into an emptyDir with an init container, or move the write elsewhere',
          line: 12,
          column: 30,
          fixes: [],
        },
        {
          message: 'Container "nginx" in Pod "web" writes /etc/nginx/conf.d (configuration rendered from /etc/nginx/templates/*.template by 20-envsubst-on-templates.sh), but configMap volume "sites" is always mounted read-only. It would log: 20-envsubst-on-templates.sh: ERROR: /etc/nginx/templates exists, but /etc/nginx/conf.d is not writable. Copy the configMap into an emptyDir with an init container, or move the write elsewhere',
          severity: 'info',
          line: 13,
          column: 32,
          fixes: [],
        },
      ],
      output: null,
    },
    {
      name: 'with a writable root the read-only mount still fails: the image, an env var and a command writing into it',
      code: `apiVersion: v1
kind: Pod
metadata:
  name: cache
spec:
  containers:
  - name: redis
    image: redis:7.2
    volumeMounts:
    - {name: data, mountPath: /data, readOnly: true}
  - name: tool
    image: example/tool
    env: [{name: TMPDIR, value: /scratch}]
    volumeMounts:
    - {name: scratch, mountPath: /scratch, readOnly: true}
  - name: writer
    image: example/tool
    command: ["sh", "-c", "tool > /out/result"]
    volumeMounts:
    - {name: out, mountPath: /out, readOnly: true}
  volumes:
  - {name: data, persistentVolumeClaim: {claimName: cache}}
  - {name: scratch, emptyDir: {}}
  - {name: out, emptyDir: {}}
`,
      findings: [
        {
          message: 'Container "redis" in Pod "cache" writes /data (RDB snapshots (dump.rdb) and the append-only file), but volume "data" is mounted with readOnly: true. It would log: Failed opening the temp RDB file temp-1.rdb (in server root dir /data) for saving: Read-only file system',
          line: 10,
          column: 48,
          container: 'redis',
          fixes: [{ title: 'Mount "data" writable (remove readOnly: true)', applicability: 'unsafe' }],
        },
        {
          message: 'Container "tool" in Pod "cache" writes /scratch (temporary files (TMPDIR)), but volume "scratch" is mounted with readOnly: true. It would log: TMPDIR=/scratch: writes there fail with "Read-only file system"',
          line: 15,
          container: 'tool',
          fixes: [{ title: 'Mount "scratch" writable (remove readOnly: true)' }],
        },
        {
          message: 'Container "writer" in Pod "cache" writes /out/result (written by `>` in the command), but volume "out" is mounted with readOnly: true. It would log: sh: can\'t create /out/result: Read-only file system',
          line: 20,
          container: 'writer',
          fixes: [{ title: 'Mount "out" writable (remove readOnly: true)' }],
        },
      ],
      output: `apiVersion: v1
kind: Pod
metadata:
  name: cache
spec:
  containers:
  - name: redis
    image: redis:7.2
    volumeMounts:
    - {name: data, mountPath: /data}
  - name: tool
    image: example/tool
    env: [{name: TMPDIR, value: /scratch}]
    volumeMounts:
    - {name: scratch, mountPath: /scratch}
  - name: writer
    image: example/tool
    command: ["sh", "-c", "tool > /out/result"]
    volumeMounts:
    - {name: out, mountPath: /out}
  volumes:
  - {name: data, persistentVolumeClaim: {claimName: cache}}
  - {name: scratch, emptyDir: {}}
  - {name: out, emptyDir: {}}
`,
    },
  ],
});

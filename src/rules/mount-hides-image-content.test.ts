import rule from './mount-hides-image-content.ts';
import { ruleTester } from './rule-tester.ts';

const hides = (who: string, where: string, type: string, volume: string, at: string, image: string, path: string, content: string) =>
  `${who} in ${where} mounts ${type} "${volume}" at ${at}, which hides what ${image} ships at ${path} (${content}). Copy it in with an init container, or mount single files with subPath`;

const NGINX = 'nginx (Docker official image)';
const NGINX_ETC = 'nginx.conf, mime.types, fastcgi_params, conf.d/default.conf';

ruleTester(rule, {
  valid: [
    {
      name: 'a configMap over conf.d, a single file with subPath, and what nginx writes on emptyDirs',
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
    - {name: sites, mountPath: /etc/nginx/conf.d}
    - {name: main, mountPath: /etc/nginx/nginx.conf, subPath: nginx.conf}
    - {name: cache, mountPath: /var/cache/nginx}
    - {name: run, mountPath: /var/run}
  volumes:
  - {name: sites, configMap: {name: sites}}
  - {name: main, emptyDir: {}}
  - {name: cache, emptyDir: {}}
  - {name: run, emptyDir: {medium: Memory, sizeLimit: 16Mi}}
`,
    },
    {
      name: 'an emptyDir over /etc/nginx that an init container fills first (the copy this rule suggests, or the user\'s own)',
      code: `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  initContainers:
  - name: seed
    image: nginx:1.27
    command: ["sh", "-c", "cp -a /etc/nginx/. /seed/ && cp /config/default.conf /seed/conf.d/"]
    securityContext: {readOnlyRootFilesystem: true}
    volumeMounts:
    - {name: conf, mountPath: /seed}
    - {name: site, mountPath: /config, readOnly: true}
  containers:
  - name: nginx
    image: nginx:1.27
    volumeMounts: [{name: conf, mountPath: /etc/nginx}]
  volumes:
  - {name: conf, emptyDir: {}}
  - {name: site, configMap: {name: site}}
`,
    },
    {
      name: 'an image rootlock does not know, and a mount beside the shipped directory rather than over it',
      code: `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  containers:
  - name: app
    image: example/web
    volumeMounts: [{name: conf, mountPath: /etc/app}]
  - name: nginx
    image: nginx:1.27
    volumeMounts: [{name: extra, mountPath: /etc/nginx-extra}]
  volumes:
  - {name: conf, emptyDir: {}}
  - {name: extra, emptyDir: {}}
`,
    },
  ],
  invalid: [
    {
      name: 'an emptyDir over /etc/nginx hides nginx.conf: the manual fix copies it in with an init container of the same image',
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
    - name: run
      mountPath: /var/run
    - name: conf
      mountPath: /etc/nginx
  volumes:
  - name: cache
    emptyDir: {}
  - name: run
    emptyDir: {}
  - name: conf
    emptyDir: {}
`,
      findings: [{
        message: hides('Container "nginx"', 'Pod "web"', 'emptyDir', 'conf', '/etc/nginx', NGINX, '/etc/nginx', NGINX_ETC),
        line: 17,
        column: 18,
        container: 'nginx',
        severity: 'warning',
        fixes: [{
          title: 'Add an init container that copies /etc/nginx from the image into "conf"',
          applicability: 'manual',
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
    - name: run
      mountPath: /var/run
    - name: conf
      mountPath: /etc/nginx
  volumes:
  - name: cache
    emptyDir: {}
  - name: run
    emptyDir: {}
  - name: conf
    emptyDir: {}
  initContainers:
  - name: seed-conf
    image: nginx:1.27
    command:
    - sh
    - -c
    - cp -a /etc/nginx/. /rootlock-seed/etc/nginx/
    securityContext:
      readOnlyRootFilesystem: true
      allowPrivilegeEscalation: false
    volumeMounts:
    - name: conf
      mountPath: /rootlock-seed/etc/nginx
`,
        }],
      }],
      output: null,
    },
    {
      name: 'a volume above the shipped directory hides it too; conf.d alone hides the stock server',
      code: `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  containers:
  - name: nginx
    image: nginxinc/nginx-unprivileged:1.27-alpine
    volumeMounts:
    - {name: site, mountPath: /usr/share/nginx}
    - {name: sites, mountPath: /etc/nginx/conf.d/}
  volumes:
  - {name: site, emptyDir: {}}
  - {name: sites, emptyDir: {}}
`,
      findings: [
        { message: hides('Container "nginx"', 'Pod "web"', 'emptyDir', 'site', '/usr/share/nginx', 'nginx unprivileged (nginxinc/nginx-unprivileged)', '/usr/share/nginx/html', 'index.html and 50x.html'), line: 10, column: 31 },
        { message: hides('Container "nginx"', 'Pod "web"', 'emptyDir', 'sites', '/etc/nginx/conf.d', 'nginx unprivileged (nginxinc/nginx-unprivileged)', '/etc/nginx/conf.d', 'default.conf (the stock server on port 8080)'), line: 11, column: 32 },
      ],
      output: null,
    },
    {
      name: 'a claim over Elasticsearch\'s config hides jvm.options: warned, with no copy offered into persistent storage',
      code: `apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: es
spec:
  serviceName: es
  template:
    spec:
      containers:
      - name: es
        image: elasticsearch:8.15.0
        volumeMounts:
        - {name: config, mountPath: /usr/share/elasticsearch/config}
  volumeClaimTemplates:
  - metadata: {name: config}
    spec: {accessModes: [ReadWriteOnce], resources: {requests: {storage: 1Gi}}}
`,
      findings: [{
        message: hides('Container "es"', 'StatefulSet "es"', 'persistentVolumeClaim', 'config', '/usr/share/elasticsearch/config', 'Elasticsearch (Elastic image)', '/usr/share/elasticsearch/config', 'elasticsearch.yml, jvm.options, log4j2.properties, role_mapping.yml and the other default files'),
        line: 13,
        column: 37,
        fixes: [],
      }],
      output: null,
    },
  ],
});

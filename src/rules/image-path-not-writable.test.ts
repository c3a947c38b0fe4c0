import rule from './image-path-not-writable.ts';
import { ruleTester } from './rule-tester.ts';

/** The message for a path the image (or its runtime) writes, on a read-only root. */
const writes = (who: string, where: string, image: string, path: string, what: string, log: string, volume: string, advice?: string) =>
  `${who} in ${where} (${image}) writes ${path} — ${what} — but the root is read-only${advice ? ` (${advice})` : ''}. It would log: ${log} Give it ${volume}`;

const NGINX = 'nginx (Docker official image)';
const NGINX_RUN = ['/var/run', 'nginx.pid', '[emerg] 1#1: open() "/var/run/nginx.pid" failed (30: Read-only file system).', 'a memory-backed emptyDir'] as const;
const NGINX_CONF_D = ['/etc/nginx/conf.d', 'configuration rendered from /etc/nginx/templates/*.template by 20-envsubst-on-templates.sh', '20-envsubst-on-templates.sh: ERROR: /etc/nginx/templates exists, but /etc/nginx/conf.d is not writable.', 'an emptyDir', 'only when the templates directory /etc/nginx/templates exists (a mounted template or a derived image)'] as const;
const PG = 'PostgreSQL (Docker official image)';
const PG_SOCKET = ['/var/run/postgresql', 'the Unix socket .s.PGSQL.5432 and its lock file', 'FATAL:  could not create lock file "/var/run/postgresql/.s.PGSQL.5432.lock": Read-only file system.', 'a memory-backed emptyDir'] as const;
const PG_TMP = ['/tmp', 'temporary passwd and group files for nss_wrapper', "mktemp: failed to create file via template '/tmp/tmp.XXXXXXXXXX': Read-only file system.", 'a memory-backed emptyDir', 'only when the container runs as a uid that has no /etc/passwd entry (the entrypoint then sets up nss_wrapper)'] as const;

const postgres = (name: string, tag: string) => `apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: ${name}
spec:
  serviceName: ${name}
  template:
    spec:
      containers:
      - name: postgres
        image: postgres:${tag}
        securityContext:
          readOnlyRootFilesystem: true
`;

ruleTester(rule, {
  valid: [
    {
      name: 'nginx with what it writes mounted; an emptyDir at /run makes /var/run writable (a symlink to /run in the image)',
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
    - {name: cache, mountPath: /var/cache/nginx}
    - {name: run, mountPath: /run}
    - {name: conf, mountPath: /etc/nginx/conf.d}
  volumes:
  - {name: cache, emptyDir: {sizeLimit: 256Mi}}
  - {name: run, emptyDir: {medium: Memory, sizeLimit: 16Mi}}
  - {name: conf, emptyDir: {sizeLimit: 16Mi}}
`,
    },
    {
      name: 'and the other way round: WordPress writes /run, and an emptyDir at /var/run holds it',
      code: `apiVersion: v1
kind: Pod
metadata:
  name: blog
spec:
  containers:
  - name: wordpress
    image: wordpress:6.6-apache
    securityContext:
      readOnlyRootFilesystem: true
    volumeMounts:
    - {name: html, mountPath: /var/www/html}
    - {name: run, mountPath: /var/run}
    - {name: tmp, mountPath: /tmp}
  volumes:
  - {name: html, persistentVolumeClaim: {claimName: blog-html}}
  - {name: run, emptyDir: {medium: Memory, sizeLimit: 16Mi}}
  - {name: tmp, emptyDir: {sizeLimit: 256Mi}}
`,
    },
    {
      name: 'postgres 13 as the scenario has it: a PVC above PGDATA, the socket and /tmp mounted',
      code: `apiVersion: v1
kind: Pod
metadata:
  name: db
spec:
  containers:
  - name: postgres
    image: postgres:13
    env:
    - {name: PGDATA, value: /var/lib/postgresql/data/pgdata}
    securityContext:
      readOnlyRootFilesystem: true
    volumeMounts:
    - {name: data, mountPath: /var/lib/postgresql/data}
    - {name: run, mountPath: /var/run/postgresql}
    - {name: tmp, mountPath: /tmp}
  volumes:
  - {name: data, persistentVolumeClaim: {claimName: db}}
  - {name: run, emptyDir: {}}
  - {name: tmp, emptyDir: {}}
`,
    },
    {
      name: 'a writable root, an image rootlock does not know, an ephemeral container, a Windows pod',
      code: `apiVersion: v1
kind: List
items:
- apiVersion: v1
  kind: Pod
  metadata: {name: a}
  spec:
    containers:
    - {name: writable, image: nginx:1.27}
    - {name: unknown, image: example/web:2, securityContext: {readOnlyRootFilesystem: true}}
    ephemeralContainers:
    - {name: debug, image: nginx:1.27, securityContext: {readOnlyRootFilesystem: true}}
- apiVersion: v1
  kind: Pod
  metadata: {name: win}
  spec:
    os: {name: windows}
    containers:
    - {name: iis, image: nginx:1.27, securityContext: {readOnlyRootFilesystem: true}}
`,
    },
    {
      name: 'a command that runs only `cp` replaces the image\'s entrypoint: nginx itself never starts',
      code: `apiVersion: v1
kind: Pod
metadata:
  name: seed
spec:
  initContainers:
  - name: copy
    image: nginx:1.27
    command: ["sh", "-c", "cp -a /etc/nginx/. /seed/"]
    securityContext: {readOnlyRootFilesystem: true}
    volumeMounts: [{name: conf, mountPath: /seed}]
  containers:
  - name: app
    image: example/app
  volumes:
  - {name: conf, emptyDir: {}}
`,
    },
    {
      name: 'a read-only mount where the image writes is writable-mount-read-only\'s to report',
      code: `apiVersion: v1
kind: Pod
metadata:
  name: cache
spec:
  containers:
  - name: redis
    image: redis:7.2
    securityContext: {readOnlyRootFilesystem: true}
    volumeMounts: [{name: data, mountPath: /data, readOnly: true}]
  volumes:
  - {name: data, persistentVolumeClaim: {claimName: cache}}
`,
    },
  ],
  invalid: [
    {
      name: 'nginx through a private registry mirror: its cache, its pid file, and the templates directory as a condition',
      code: `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  template:
    spec:
      containers:
      - name: web
        image: registry.corp.example/dockerhub/library/nginx:1.27
        securityContext:
          readOnlyRootFilesystem: true
`,
      findings: [
        {
          message: 'Container "web" in Deployment "web" (nginx (Docker official image)) writes /var/cache/nginx — client_temp, proxy_temp, fastcgi_temp, uwsgi_temp, scgi_temp (request and response buffers) — but the root is read-only. It would log: [emerg] 1#1: mkdir() "/var/cache/nginx/client_temp" failed (30: Read-only file system). Give it an emptyDir',
          line: 10,
          column: 16,
          container: 'web',
          fixes: [{ title: 'Mount an emptyDir (sizeLimit 256Mi) at /var/cache/nginx', applicability: 'safe' }],
        },
        {
          message: writes('Container "web"', 'Deployment "web"', NGINX, ...NGINX_RUN),
          line: 10,
          column: 16,
          fixes: [{ title: 'Mount a memory-backed emptyDir (sizeLimit 16Mi) at /var/run', applicability: 'safe' }],
        },
        {
          message: writes('Container "web"', 'Deployment "web"', NGINX, ...NGINX_CONF_D),
          severity: 'info',
          line: 10,
          column: 16,
          fixes: [{
            // manual: rootlock cannot see whether templates exist; the volume is filled with default.conf first
            title: 'Mount an emptyDir (sizeLimit 16Mi) at /etc/nginx/conf.d, filled from the image by an init container',
            applicability: 'manual',
            output: `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  template:
    spec:
      containers:
      - name: web
        image: registry.corp.example/dockerhub/library/nginx:1.27
        securityContext:
          readOnlyRootFilesystem: true
        volumeMounts:
        - name: nginx-conf-d
          mountPath: /etc/nginx/conf.d
      volumes:
      # nginx: configuration rendered from /etc/nginx/templates/*.template by 20-envsubst-on-templates.sh
      - name: nginx-conf-d
        emptyDir:
          sizeLimit: 16Mi
      initContainers:
      - name: seed-nginx-conf-d
        image: registry.corp.example/dockerhub/library/nginx:1.27
        command:
        - sh
        - -c
        - cp -a /etc/nginx/conf.d/. /rootlock-seed/etc/nginx/conf.d/
        securityContext:
          readOnlyRootFilesystem: true
          allowPrivilegeEscalation: false
        volumeMounts:
        - name: nginx-conf-d
          mountPath: /rootlock-seed/etc/nginx/conf.d
`,
          }],
        },
      ],
      output: `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  template:
    spec:
      containers:
      - name: web
        image: registry.corp.example/dockerhub/library/nginx:1.27
        securityContext:
          readOnlyRootFilesystem: true
        volumeMounts:
        - name: nginx-cache
          mountPath: /var/cache/nginx
        - name: run
          mountPath: /var/run
      volumes:
      # nginx: client_temp, proxy_temp, fastcgi_temp, uwsgi_temp, scgi_temp (request and response buffers)
      - name: nginx-cache
        emptyDir:
          sizeLimit: 256Mi
      # nginx: nginx.pid
      - name: run
        emptyDir:
          medium: Memory
          sizeLimit: 16Mi
`,
    },
    {
      name: 'a digest-pinned reference is the same image; a mount at /run/nginx would not do, /var/run is what it writes',
      code: `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  containers:
  - name: nginx
    image: nginx@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef
    securityContext:
      readOnlyRootFilesystem: true
    volumeMounts:
    - name: cache
      mountPath: /var/cache/nginx
    - name: pid
      mountPath: /run/nginx
  volumes:
  - name: cache
    emptyDir: {}
  - name: pid
    emptyDir: {}
`,
      findings: [
        { message: writes('Container "nginx"', 'Pod "web"', NGINX, ...NGINX_RUN), line: 8, column: 12 },
        { message: writes('Container "nginx"', 'Pod "web"', NGINX, ...NGINX_CONF_D), severity: 'info' },
      ],
      output: `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  containers:
  - name: nginx
    image: nginx@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef
    securityContext:
      readOnlyRootFilesystem: true
    volumeMounts:
    - name: cache
      mountPath: /var/cache/nginx
    - name: pid
      mountPath: /run/nginx
    - name: run
      mountPath: /var/run
  volumes:
  - name: cache
    emptyDir: {}
  - name: pid
    emptyDir: {}
  # nginx: nginx.pid
  - name: run
    emptyDir:
      medium: Memory
      sizeLimit: 16Mi
`,
    },
    {
      name: 'postgres 13 and 18: PGDATA moved in 18; the claim goes exactly at the image VOLUME (13: /var/lib/postgresql/data with PGDATA in pgdata/ below it; 18: /var/lib/postgresql), its size marked for review',
      code: `${postgres('db13', '13')}---\n${postgres('db18', '18')}`,
      findings: [
        {
          message: writes('Container "postgres"', 'StatefulSet "db13"', PG, '/var/lib/postgresql/data', 'the database cluster (PGDATA)', 'initdb: error: could not change permissions of directory "/var/lib/postgresql/data": Read-only file system.', 'persistent storage'),
          line: 11,
          fixes: [{ title: 'Mount a volumeClaimTemplate (1Gi, check size and class) at /var/lib/postgresql/data and set PGDATA to it', applicability: 'unsafe' }],
        },
        { message: writes('Container "postgres"', 'StatefulSet "db13"', PG, ...PG_SOCKET), fixes: [{ title: 'Mount a memory-backed emptyDir (sizeLimit 16Mi) at /var/run/postgresql', applicability: 'safe' }] },
        { message: writes('Container "postgres"', 'StatefulSet "db13"', PG, ...PG_TMP), severity: 'info', fixes: [{ title: 'Mount a memory-backed emptyDir (sizeLimit 64Mi) at /tmp', applicability: 'manual' }] },
        {
          message: writes('Container "postgres"', 'StatefulSet "db18"', PG, '/var/lib/postgresql/18/docker', 'the database cluster (PGDATA, /var/lib/postgresql/<major>/docker)', "mkdir: cannot create directory '/var/lib/postgresql/18': Read-only file system.", 'persistent storage'),
          line: 25,
          fixes: [{ title: 'Mount a volumeClaimTemplate (1Gi, check size and class) at /var/lib/postgresql', applicability: 'unsafe' }],
        },
        { message: writes('Container "postgres"', 'StatefulSet "db18"', PG, ...PG_SOCKET) },
        { message: writes('Container "postgres"', 'StatefulSet "db18"', PG, ...PG_TMP), severity: 'info' },
      ],
      output: `apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: db13
spec:
  serviceName: db13
  template:
    spec:
      containers:
      - name: postgres
        image: postgres:13
        securityContext:
          readOnlyRootFilesystem: true
        volumeMounts:
        - name: postgresql-data
          mountPath: /var/lib/postgresql/data
        - name: postgresql-run
          mountPath: /var/run/postgresql
        env:
        - name: PGDATA
          value: /var/lib/postgresql/data/pgdata
      volumes:
      # PostgreSQL: the Unix socket .s.PGSQL.5432 and its lock file
      - name: postgresql-run
        emptyDir:
          medium: Memory
          sizeLimit: 16Mi
  volumeClaimTemplates:
  # rootlock: PostgreSQL: the database cluster (PGDATA); check the size and storageClassName before you apply
  - metadata:
      name: postgresql-data
    spec:
      accessModes:
      - ReadWriteOnce
      resources:
        requests:
          storage: 1Gi
---
apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: db18
spec:
  serviceName: db18
  template:
    spec:
      containers:
      - name: postgres
        image: postgres:18
        securityContext:
          readOnlyRootFilesystem: true
        volumeMounts:
        - name: postgresql
          mountPath: /var/lib/postgresql
        - name: postgresql-run
          mountPath: /var/run/postgresql
      volumes:
      # PostgreSQL: the Unix socket .s.PGSQL.5432 and its lock file
      - name: postgresql-run
        emptyDir:
          medium: Memory
          sizeLimit: 16Mi
  volumeClaimTemplates:
  # rootlock: PostgreSQL: the database cluster (PGDATA, /var/lib/postgresql/<major>/docker); check the size and storageClassName before you apply
  - metadata:
      name: postgresql
    spec:
      accessModes:
      - ReadWriteOnce
      resources:
        requests:
          storage: 1Gi
`,
    },
    {
      name: 'postgres in a Deployment: the data needs a claim the user creates, so that fix is manual; the socket is fixed',
      code: `apiVersion: apps/v1
kind: Deployment
metadata:
  name: db
spec:
  template:
    spec:
      containers:
      - name: postgres
        image: postgres:16
        securityContext:
          readOnlyRootFilesystem: true
`,
      findings: [
        {
          message: writes('Container "postgres"', 'Deployment "db"', PG, '/var/lib/postgresql/data', 'the database cluster (PGDATA)', 'initdb: error: could not change permissions of directory "/var/lib/postgresql/data": Read-only file system.', 'persistent storage'),
          fixes: [{
            title: 'Mount a PersistentVolumeClaim (create the claim) at /var/lib/postgresql/data and set PGDATA to it',
            applicability: 'manual',
            output: `apiVersion: apps/v1
kind: Deployment
metadata:
  name: db
spec:
  template:
    spec:
      containers:
      - name: postgres
        image: postgres:16
        securityContext:
          readOnlyRootFilesystem: true
        volumeMounts:
        - name: postgresql-data
          mountPath: /var/lib/postgresql/data
        env:
        - name: PGDATA
          value: /var/lib/postgresql/data/pgdata
      volumes:
      # rootlock: create the PersistentVolumeClaim "db-postgresql-data" (or name an existing claim) — PostgreSQL: the database cluster (PGDATA)
      - name: postgresql-data
        persistentVolumeClaim:
          claimName: db-postgresql-data
`,
          }],
        },
        { message: writes('Container "postgres"', 'Deployment "db"', PG, ...PG_SOCKET) },
        { message: writes('Container "postgres"', 'Deployment "db"', PG, ...PG_TMP), severity: 'info' },
      ],
      output: `apiVersion: apps/v1
kind: Deployment
metadata:
  name: db
spec:
  template:
    spec:
      containers:
      - name: postgres
        image: postgres:16
        securityContext:
          readOnlyRootFilesystem: true
        volumeMounts:
        - name: postgresql-run
          mountPath: /var/run/postgresql
      volumes:
      # PostgreSQL: the Unix socket .s.PGSQL.5432 and its lock file
      - name: postgresql-run
        emptyDir:
          medium: Memory
          sizeLimit: 16Mi
`,
    },
    {
      name: 'Elasticsearch writes into the config directory it ships: the new emptyDir is filled from the image first',
      code: `apiVersion: v1
kind: Pod
metadata:
  name: es
spec:
  containers:
  - name: es
    image: docker.elastic.co/elasticsearch/elasticsearch:8.15.0
    securityContext:
      readOnlyRootFilesystem: true
    volumeMounts:
    - name: data
      mountPath: /usr/share/elasticsearch/data
    - name: logs
      mountPath: /usr/share/elasticsearch/logs
    - name: tmp
      mountPath: /tmp
  volumes:
  - name: data
    persistentVolumeClaim:
      claimName: es-data
  - name: logs
    emptyDir:
      sizeLimit: 256Mi
  - name: tmp
    emptyDir:
      sizeLimit: 256Mi
`,
      findings: [{
        message: writes('Container "es"', 'Pod "es"', 'Elasticsearch (Elastic image)', '/usr/share/elasticsearch/config', 'elasticsearch.keystore (created at start), the security auto-configuration of the first start', 'Exception in thread "main" java.nio.file.FileSystemException: /usr/share/elasticsearch/config/elasticsearch.keystore.tmp: Read-only file system.', 'an emptyDir'),
        line: 8,
        column: 12,
        fixes: [{ title: 'Mount an emptyDir (sizeLimit 16Mi) at /usr/share/elasticsearch/config, filled from the image by an init container', applicability: 'safe' }],
      }],
      output: `apiVersion: v1
kind: Pod
metadata:
  name: es
spec:
  containers:
  - name: es
    image: docker.elastic.co/elasticsearch/elasticsearch:8.15.0
    securityContext:
      readOnlyRootFilesystem: true
    volumeMounts:
    - name: data
      mountPath: /usr/share/elasticsearch/data
    - name: logs
      mountPath: /usr/share/elasticsearch/logs
    - name: tmp
      mountPath: /tmp
    - name: elasticsearch-config
      mountPath: /usr/share/elasticsearch/config
  volumes:
  - name: data
    persistentVolumeClaim:
      claimName: es-data
  - name: logs
    emptyDir:
      sizeLimit: 256Mi
  - name: tmp
    emptyDir:
      sizeLimit: 256Mi
  # Elasticsearch: elasticsearch.keystore (created at start), the security auto-configuration of the first start
  - name: elasticsearch-config
    emptyDir:
      sizeLimit: 16Mi
  initContainers:
  - name: seed-elasticsearch-config
    image: docker.elastic.co/elasticsearch/elasticsearch:8.15.0
    command:
    - sh
    - -c
    - cp -a /usr/share/elasticsearch/config/. /rootlock-seed/usr/share/elasticsearch/config/
    securityContext:
      readOnlyRootFilesystem: true
      allowPrivilegeEscalation: false
    volumeMounts:
    - name: elasticsearch-config
      mountPath: /rootlock-seed/usr/share/elasticsearch/config
`,
    },
    {
      name: 'Grafana keeps its data where the image may ship plugins: the claim goes to a subdirectory and GF_PATHS_DATA follows it',
      code: `apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: grafana
spec:
  serviceName: grafana
  template:
    spec:
      containers:
      - name: grafana
        image: grafana/grafana:11.2.0
        securityContext:
          readOnlyRootFilesystem: true
`,
      findings: [
        {
          message: writes('Container "grafana"', 'StatefulSet "grafana"', 'Grafana (grafana/grafana)', '/var/lib/grafana', 'grafana.db (SQLite: dashboards, users, alerts), plugins/ (GF_PATHS_PLUGINS), csv and png exports', "GF_PATHS_DATA='/var/lib/grafana' is not writable.", 'persistent storage'),
          fixes: [{ title: 'Mount a volumeClaimTemplate (1Gi, check size and class) at /var/lib/grafana/data and set GF_PATHS_DATA to it', applicability: 'unsafe' }],
        },
        { message: writes('Container "grafana"', 'StatefulSet "grafana"', 'Grafana (grafana/grafana)', '/var/log/grafana', 'grafana.log', 'open /var/log/grafana/grafana.log: read-only file system.', 'an emptyDir') },
        { message: writes('Container "grafana"', 'StatefulSet "grafana"', 'Grafana (grafana/grafana)', '/tmp', 'temporary files (plugin downloads, rendering, uploads)', 'open /tmp/…: read-only file system.', 'an emptyDir') },
      ],
      output: `apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: grafana
spec:
  serviceName: grafana
  template:
    spec:
      containers:
      - name: grafana
        image: grafana/grafana:11.2.0
        securityContext:
          readOnlyRootFilesystem: true
        volumeMounts:
        - name: grafana-data
          mountPath: /var/lib/grafana/data
        - name: grafana-log
          mountPath: /var/log/grafana
        - name: tmp
          mountPath: /tmp
        env:
        - name: GF_PATHS_DATA
          value: /var/lib/grafana/data
      volumes:
      # Grafana: grafana.log
      - name: grafana-log
        emptyDir:
          sizeLimit: 256Mi
      # Grafana: temporary files (plugin downloads, rendering, uploads)
      - name: tmp
        emptyDir:
          sizeLimit: 256Mi
  volumeClaimTemplates:
  # rootlock: Grafana: grafana.db (SQLite: dashboards, users, alerts), plugins/ (GF_PATHS_PLUGINS), csv and png exports; check the size and storageClassName before you apply
  - metadata:
      name: grafana-data
    spec:
      accessModes:
      - ReadWriteOnce
      resources:
        requests:
          storage: 1Gi
`,
    },
    {
      name: 'a runtime recognised from the command: the JVM of an image rootlock does not know',
      code: `apiVersion: apps/v1
kind: Deployment
metadata:
  name: api
spec:
  template:
    spec:
      containers:
      - name: api
        image: example/api:3
        command: ["java", "-jar", "/app/api.jar"]
        securityContext:
          readOnlyRootFilesystem: true
`,
      findings: [{
        message: writes('Container "api"', 'Deployment "api"', 'Java virtual machine (HotSpot)', '/tmp', 'java.io.tmpdir files (File.createTempFile; native libraries that Netty, JNA, Snappy … unpack) and hsperfdata_<user>/<pid>, the perf data file', 'java.io.IOException: Read-only file system.', 'an emptyDir'),
        line: 10,
        column: 16,
        fixes: [{ title: 'Mount an emptyDir (sizeLimit 256Mi) at /tmp', applicability: 'safe' }],
      }],
      output: `apiVersion: apps/v1
kind: Deployment
metadata:
  name: api
spec:
  template:
    spec:
      containers:
      - name: api
        image: example/api:3
        command: ["java", "-jar", "/app/api.jar"]
        securityContext:
          readOnlyRootFilesystem: true
        volumeMounts:
        - name: tmp
          mountPath: /tmp
      volumes:
      # Java virtual machine: java.io.tmpdir files (File.createTempFile; native libraries that Netty, JNA, Snappy … unpack) and hsperfdata_<user>/<pid>, the perf data file
      - name: tmp
        emptyDir:
          sizeLimit: 256Mi
`,
    },
    {
      name: '`npm start` writes the npm cache below $HOME (root\'s in the node image); other caches there only maybe',
      code: `apiVersion: v1
kind: Pod
metadata:
  name: app
spec:
  containers:
  - name: app
    image: node:20-alpine
    command: ["npm", "start"]
    securityContext:
      readOnlyRootFilesystem: true
    volumeMounts:
    - {name: tmp, mountPath: /tmp}
  volumes:
  - {name: tmp, emptyDir: {}}
`,
      findings: [
        { message: writes('Container "app"', 'Pod "app"', 'Node.js and npm', '/root/.npm', 'the npm cache (_cacache) and npm\'s debug logs (_logs)', "npm ERR! rofs EROFS: read-only file system, mkdir '/root/.npm'.", 'an emptyDir'), fixes: [{ title: 'Mount an emptyDir (sizeLimit 256Mi) at /root/.npm', applicability: 'safe' }] },
        {
          message: writes('Container "app"', 'Pod "app"', 'Node.js and npm', '/root/.cache', 'caches that tools and libraries keep under $HOME/.cache', "Error: EROFS: read-only file system, mkdir '/root/.cache'.", 'an emptyDir', 'only when the application or one of its tools keeps a cache under $HOME/.cache (common, not universal)'),
          severity: 'info',
          fixes: [{ title: 'Mount an emptyDir (sizeLimit 256Mi) at /root/.cache', applicability: 'manual' }],
        },
      ],
      output: `apiVersion: v1
kind: Pod
metadata:
  name: app
spec:
  containers:
  - name: app
    image: node:20-alpine
    command: ["npm", "start"]
    securityContext:
      readOnlyRootFilesystem: true
    volumeMounts:
    - {name: tmp, mountPath: /tmp}
    - name: root-npm
      mountPath: /root/.npm
  volumes:
  - {name: tmp, emptyDir: {}}
  # Node.js and npm: the npm cache (_cacache) and npm's debug logs (_logs)
  - name: root-npm
    emptyDir:
      sizeLimit: 256Mi
`,
    },
  ],
});

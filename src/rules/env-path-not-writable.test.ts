import rule from './env-path-not-writable.ts';
import { ruleTester } from './rule-tester.ts';

ruleTester(rule, {
  valid: [
    {
      name: 'PGDATA a subdirectory of a claim, TMPDIR on an emptyDir, HOME on one too',
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
    - {name: TMPDIR, value: /scratch}
    - {name: HOME, value: /home/app}
    securityContext: {readOnlyRootFilesystem: true}
    volumeMounts:
    - {name: data, mountPath: /var/lib/postgresql/data}
    - {name: scratch, mountPath: /scratch}
    - {name: home, mountPath: /home/app}
  volumes:
  - {name: data, persistentVolumeClaim: {claimName: db}}
  - {name: scratch, emptyDir: {}}
  - {name: home, emptyDir: {}}
`,
    },
    {
      name: 'a writable root, a relative value, a variable that names no write location, an ephemeral container',
      code: `apiVersion: v1
kind: Pod
metadata:
  name: app
spec:
  containers:
  - name: writable
    image: example/app
    env: [{name: TMPDIR, value: /scratch}]
  - name: relative
    image: example/app
    env: [{name: npm_config_cache, value: .npm}, {name: APP_DIR, value: /srv/app}]
    securityContext: {readOnlyRootFilesystem: true}
  ephemeralContainers:
  - name: debug
    image: busybox
    env: [{name: TMPDIR, value: /scratch}]
    securityContext: {readOnlyRootFilesystem: true}
`,
    },
  ],
  invalid: [
    {
      name: 'TMPDIR on the read-only root: an emptyDir there',
      code: `apiVersion: apps/v1
kind: Deployment
metadata:
  name: app
spec:
  template:
    spec:
      containers:
      - name: app
        image: example/app:1
        env:
        - name: TMPDIR
          value: /scratch
        securityContext:
          readOnlyRootFilesystem: true
`,
      findings: [{
        message: 'Container "app" in Deployment "app" sets TMPDIR=/scratch, where temporary files (TMPDIR) goes, but that path is on the read-only root. It would log: TMPDIR=/scratch: writes there fail with "Read-only file system". Give it an emptyDir, or point TMPDIR into a writable mount',
        line: 13,
        column: 18,
        container: 'app',
        fixes: [{ title: 'Mount an emptyDir (sizeLimit 256Mi) at /scratch', applicability: 'safe' }],
      }],
      output: `apiVersion: apps/v1
kind: Deployment
metadata:
  name: app
spec:
  template:
    spec:
      containers:
      - name: app
        image: example/app:1
        env:
        - name: TMPDIR
          value: /scratch
        securityContext:
          readOnlyRootFilesystem: true
        volumeMounts:
        - name: scratch
          mountPath: /scratch
      volumes:
      - name: scratch
        emptyDir:
          sizeLimit: 256Mi
`,
    },
    {
      name: 'PGDATA in a StatefulSet: the claim goes one level up, so PGDATA stays a subdirectory of its mount',
      code: `apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: db
spec:
  serviceName: db
  template:
    spec:
      containers:
      - name: postgres
        image: postgres:16
        env:
        - name: PGDATA
          value: /pgdata/cluster
        securityContext:
          readOnlyRootFilesystem: true
        volumeMounts:
        - name: run
          mountPath: /var/run/postgresql
      volumes:
      - name: run
        emptyDir: {medium: Memory, sizeLimit: 16Mi}
`,
      findings: [{
        message: 'Container "postgres" in StatefulSet "db" sets PGDATA=/pgdata/cluster, where the database cluster (PGDATA) goes, but that path is on the read-only root. It would log: initdb: error: could not change permissions of directory "/pgdata/cluster": Read-only file system. Give it persistent storage, or point PGDATA into a writable mount',
        line: 14,
        column: 18,
        fixes: [{ title: 'Mount a volumeClaimTemplate (1Gi, check size and class) at /pgdata', applicability: 'unsafe' }],
      }],
      output: `apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: db
spec:
  serviceName: db
  template:
    spec:
      containers:
      - name: postgres
        image: postgres:16
        env:
        - name: PGDATA
          value: /pgdata/cluster
        securityContext:
          readOnlyRootFilesystem: true
        volumeMounts:
        - name: run
          mountPath: /var/run/postgresql
        - name: pgdata
          mountPath: /pgdata
      volumes:
      - name: run
        emptyDir: {medium: Memory, sizeLimit: 16Mi}
  volumeClaimTemplates:
  # rootlock: PostgreSQL: the database cluster (PGDATA); check the size and storageClassName before you apply
  - metadata:
      name: pgdata
    spec:
      accessModes:
      - ReadWriteOnce
      resources:
        requests:
          storage: 1Gi
`,
    },
    {
      name: 'PGDATA through valueFrom: rootlock cannot know, and says so',
      code: `apiVersion: v1
kind: Pod
metadata:
  name: db
spec:
  containers:
  - name: postgres
    image: postgres:16
    env:
    - name: PGDATA
      valueFrom:
        configMapKeyRef: {name: db, key: pgdata}
    securityContext:
      readOnlyRootFilesystem: true
    volumeMounts:
    - {name: data, mountPath: /var/lib/postgresql}
    - {name: run, mountPath: /var/run/postgresql}
  volumes:
  - {name: data, persistentVolumeClaim: {claimName: db}}
  - {name: run, emptyDir: {medium: Memory, sizeLimit: 16Mi}}
`,
      findings: [{
        message: 'Container "postgres" in Pod "db": PGDATA comes from valueFrom, so rootlock cannot see where the database cluster (PGDATA) goes. Check that it names a writable mount',
        severity: 'info',
        line: 10,
        column: 7,
        fixes: [],
      }],
      output: null,
    },
    {
      name: 'TMPDIR moves postgres\' conditional temp files: an info, and the error line names the new directory but keeps the file name',
      code: `apiVersion: v1
kind: Pod
metadata:
  name: db
spec:
  containers:
  - name: postgres
    image: postgres:16
    env:
    - {name: TMPDIR, value: /scratch}
    securityContext:
      readOnlyRootFilesystem: true
    volumeMounts:
    - {name: data, mountPath: /var/lib/postgresql}
    - {name: run, mountPath: /var/run/postgresql}
  volumes:
  - {name: data, persistentVolumeClaim: {claimName: db}}
  - {name: run, emptyDir: {medium: Memory, sizeLimit: 16Mi}}
`,
      findings: [{
        message: "Container \"postgres\" in Pod \"db\" sets TMPDIR=/scratch, where temporary passwd and group files for nss_wrapper goes, but that path is on the read-only root. It would log: mktemp: failed to create file via template '/scratch/tmp.XXXXXXXXXX': Read-only file system. Give it a memory-backed emptyDir, or point TMPDIR into a writable mount",
        severity: 'info',
        fixes: [{ title: 'Mount a memory-backed emptyDir (sizeLimit 64Mi) at /scratch', applicability: 'manual' }],
      }],
      output: null,
    },
    {
      name: 'into a configMap: read-only whatever the root is, so no volume to add; data in a Deployment: a claim the user creates',
      code: `apiVersion: apps/v1
kind: Deployment
metadata:
  name: app
spec:
  template:
    spec:
      containers:
      - name: app
        image: example/app:1
        env:
        - name: XDG_CACHE_HOME
          value: /etc/app/cache
        - name: XDG_DATA_HOME
          value: /srv/data
        securityContext:
          readOnlyRootFilesystem: true
        volumeMounts:
        - name: settings
          mountPath: /etc/app
      volumes:
      - name: settings
        configMap: {name: app}
`,
      findings: [
        {
          message: 'Container "app" in Deployment "app" sets XDG_CACHE_HOME=/etc/app/cache, where caches (XDG_CACHE_HOME) goes, but configMap volume "settings" is always mounted read-only. It would log: XDG_CACHE_HOME=/etc/app/cache: writes there fail with "Read-only file system". Give it an emptyDir, or point XDG_CACHE_HOME into a writable mount',
          line: 13,
          fixes: [],
        },
        {
          message: 'Container "app" in Deployment "app" sets XDG_DATA_HOME=/srv/data, where application data (XDG_DATA_HOME) goes, but that path is on the read-only root. It would log: XDG_DATA_HOME=/srv/data: writes there fail with "Read-only file system". Give it persistent storage, or point XDG_DATA_HOME into a writable mount',
          line: 15,
          fixes: [{
            title: 'Mount a PersistentVolumeClaim (create the claim) at /srv/data',
            applicability: 'manual',
            output: `apiVersion: apps/v1
kind: Deployment
metadata:
  name: app
spec:
  template:
    spec:
      containers:
      - name: app
        image: example/app:1
        env:
        - name: XDG_CACHE_HOME
          value: /etc/app/cache
        - name: XDG_DATA_HOME
          value: /srv/data
        securityContext:
          readOnlyRootFilesystem: true
        volumeMounts:
        - name: settings
          mountPath: /etc/app
        - name: data
          mountPath: /srv/data
      volumes:
      - name: settings
        configMap: {name: app}
      # rootlock: create the PersistentVolumeClaim "app-data" (or name an existing claim)
      - name: data
        persistentVolumeClaim:
          claimName: app-data
`,
          }],
        },
      ],
      output: null,
    },
  ],
});

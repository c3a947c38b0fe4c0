import rule from './data-on-empty-dir.ts';
import { ruleTester } from './rule-tester.ts';

const lost = (who: string, where: string, what: string, path: string, volume: string, sts = false) =>
  `${who} in ${where} keeps ${what} at ${path} on emptyDir "${volume}": it is lost whenever the pod is deleted or rescheduled. Use a PersistentVolumeClaim${sts ? ' (a volumeClaimTemplate)' : ''}`;

ruleTester(rule, {
  valid: [
    {
      name: 'data on a claim or a claim template; caches, temp files and sockets on emptyDirs',
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
        securityContext: {readOnlyRootFilesystem: true}
        volumeMounts:
        - {name: data, mountPath: /var/lib/postgresql}
        - {name: run, mountPath: /var/run/postgresql}
        - {name: tmp, mountPath: /tmp}
      - name: redis
        image: redis:7.2
        volumeMounts: [{name: cache, mountPath: /data}]
      volumes:
      - {name: run, emptyDir: {medium: Memory, sizeLimit: 16Mi}}
      - {name: tmp, emptyDir: {}}
      - {name: cache, persistentVolumeClaim: {claimName: cache}}
  volumeClaimTemplates:
  - metadata: {name: data}
    spec: {accessModes: [ReadWriteOnce], resources: {requests: {storage: 10Gi}}}
`,
    },
    {
      name: 'data kept only under a condition (Traefik\'s ACME storage) and an image rootlock does not know',
      code: `apiVersion: v1
kind: Pod
metadata:
  name: edge
spec:
  containers:
  - name: traefik
    image: traefik:v3.1
    volumeMounts: [{name: data, mountPath: /data}]
  - name: app
    image: example/app
    volumeMounts: [{name: data, mountPath: /var/lib/app}]
  volumes:
  - {name: data, emptyDir: {}}
`,
    },
  ],
  invalid: [
    {
      name: 'postgres on an emptyDir in a Deployment: a warning at the volume, with no fix (the claim is the user\'s to create)',
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
        volumeMounts:
        - name: data
          mountPath: /var/lib/postgresql/data
        - name: run
          mountPath: /var/run/postgresql
      volumes:
      - name: data
        emptyDir: {}
      - name: run
        emptyDir:
          medium: Memory
          sizeLimit: 16Mi
`,
      findings: [{
        message: lost('Container "postgres"', 'Deployment "db"', 'the database cluster (PGDATA)', '/var/lib/postgresql/data', 'data'),
        line: 19,
        column: 15,
        container: 'postgres',
        fixes: [],
      }],
      output: null,
    },
    {
      name: 'Redis in a StatefulSet (whatever its root), and PGDATA moved onto an emptyDir: the advice names a volumeClaimTemplate',
      code: `apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: store
spec:
  serviceName: store
  template:
    spec:
      containers:
      - name: redis
        image: docker.io/library/redis:7.2-alpine
        volumeMounts:
        - {name: scratch, mountPath: /data}
      - name: postgres
        image: postgres:13
        env:
        - {name: PGDATA, value: /scratch/pg}
        volumeMounts:
        - {name: scratch, mountPath: /scratch}
      volumes:
      - {name: scratch, emptyDir: {sizeLimit: 1Gi}}
`,
      findings: [
        { message: lost('Container "redis"', 'StatefulSet "store"', 'RDB snapshots (dump.rdb) and the append-only file', '/data', 'scratch', true), line: 21, column: 16, container: 'redis' },
        { message: lost('Container "postgres"', 'StatefulSet "store"', 'the database cluster (PGDATA)', '/scratch/pg', 'scratch', true), line: 21, column: 16, container: 'postgres' },
      ],
      output: null,
    },
  ],
});

import rule from './pgdata-at-mount-root.ts';
import { ruleTester } from './rule-tester.ts';

const atRoot = (who: string, where: string, pgdata: string, volume: string) =>
  `${who} in ${where} keeps PGDATA at ${pgdata}, the mount point of "${volume}" itself: initdb fails on a volume that holds lost+found ("directory exists but is not empty"). Use a subdirectory such as ${pgdata}/pgdata`;

ruleTester(rule, {
  valid: [
    {
      name: 'scenario 03: PGDATA a subdirectory of the claim',
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
    volumeMounts:
    - {name: data, mountPath: /var/lib/postgresql/data}
  volumes:
  - {name: data, persistentVolumeClaim: {claimName: db}}
`,
    },
    {
      name: 'postgres 18 keeps PGDATA in /var/lib/postgresql/18/docker, below a claim at /var/lib/postgresql (its VOLUME)',
      code: `apiVersion: v1
kind: Pod
metadata:
  name: db
spec:
  containers:
  - name: postgres
    image: postgres:18.1
    volumeMounts:
    - {name: data, mountPath: /var/lib/postgresql}
  volumes:
  - {name: data, persistentVolumeClaim: {claimName: db}}
`,
    },
    {
      name: 'a claim one level above the default PGDATA (what rootlock\'s own fix mounts)',
      code: `apiVersion: v1
kind: Pod
metadata:
  name: db
spec:
  containers:
  - name: postgres
    image: postgres:16
    volumeMounts:
    - {name: data, mountPath: /var/lib/postgresql}
  volumes:
  - {name: data, persistentVolumeClaim: {claimName: db}}
`,
    },
    {
      name: 'an untagged postgres is the newest (PGDATA below /var/lib/postgresql/18); PGDATA from valueFrom cannot be judged; no PGDATA, no postgres',
      code: `apiVersion: v1
kind: List
items:
- apiVersion: v1
  kind: Pod
  metadata: {name: latest}
  spec:
    containers:
    - name: postgres
      image: postgres
      volumeMounts: [{name: data, mountPath: /var/lib/postgresql/data}]
    volumes: [{name: data, emptyDir: {}}]
- apiVersion: v1
  kind: Pod
  metadata: {name: from-config}
  spec:
    containers:
    - name: postgres
      image: postgres:16
      env: [{name: PGDATA, valueFrom: {configMapKeyRef: {name: db, key: pgdata}}}]
      volumeMounts: [{name: data, mountPath: /var/lib/postgresql/data}]
    volumes: [{name: data, emptyDir: {}}]
- apiVersion: v1
  kind: Pod
  metadata: {name: other}
  spec:
    containers:
    - name: redis
      image: redis:7
      volumeMounts: [{name: data, mountPath: /var/lib/postgresql/data}]
    volumes: [{name: data, emptyDir: {}}]
`,
    },
  ],
  invalid: [
    {
      name: 'postgres 16 with its claim at the default PGDATA: the fix adds PGDATA one level down (new databases only)',
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
        volumeMounts:
        - name: data
          mountPath: /var/lib/postgresql/data
  volumeClaimTemplates:
  - metadata: {name: data}
    spec: {accessModes: [ReadWriteOnce], resources: {requests: {storage: 10Gi}}}
`,
      findings: [{
        message: atRoot('Container "postgres"', 'StatefulSet "db"', '/var/lib/postgresql/data', 'data'),
        line: 14,
        column: 22,
        container: 'postgres',
        fixes: [{ title: 'Set PGDATA=/var/lib/postgresql/data/pgdata (new databases only)', applicability: 'unsafe' }],
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
        volumeMounts:
        - name: data
          mountPath: /var/lib/postgresql/data
        env:
        - name: PGDATA
          value: /var/lib/postgresql/data/pgdata
  volumeClaimTemplates:
  - metadata: {name: data}
    spec: {accessModes: [ReadWriteOnce], resources: {requests: {storage: 10Gi}}}
`,
    },
    {
      name: 'PGDATA set to the mount point itself: its value is replaced, its comment kept',
      code: `apiVersion: v1
kind: Pod
metadata:
  name: db
spec:
  containers:
  - name: postgres
    image: docker.io/library/postgres:17-alpine
    env:
    - name: PGDATA
      value: /pgdata # the claim
    volumeMounts:
    - name: data
      mountPath: /pgdata
  volumes:
  - name: data
    persistentVolumeClaim:
      claimName: db
`,
      findings: [{ message: atRoot('Container "postgres"', 'Pod "db"', '/pgdata', 'data'), line: 11, column: 14 }],
      output: `apiVersion: v1
kind: Pod
metadata:
  name: db
spec:
  containers:
  - name: postgres
    image: docker.io/library/postgres:17-alpine
    env:
    - name: PGDATA
      value: /pgdata/pgdata # the claim
    volumeMounts:
    - name: data
      mountPath: /pgdata
  volumes:
  - name: data
    persistentVolumeClaim:
      claimName: db
`,
    },
    {
      name: 'postgres 18 with a PGDATA carried over from an older manifest, and an image that is not postgres but sets PGDATA',
      code: `apiVersion: v1
kind: List
items:
- apiVersion: v1
  kind: Pod
  metadata: {name: upgraded}
  spec:
    containers:
    - name: postgres
      image: postgres:18
      env: [{name: PGDATA, value: /var/lib/postgresql/data}]
      volumeMounts: [{name: data, mountPath: /var/lib/postgresql/data}]
    volumes: [{name: data, persistentVolumeClaim: {claimName: db}}]
- apiVersion: v1
  kind: Pod
  metadata: {name: timescale}
  spec:
    containers:
    - name: db
      image: timescale/timescaledb:latest-pg16
      env: [{name: PGDATA, value: /data}]
      volumeMounts: [{name: data, mountPath: /data/}]
    volumes: [{name: data, persistentVolumeClaim: {claimName: ts}}]
`,
      findings: [
        { message: atRoot('Container "postgres"', 'Pod "upgraded"', '/var/lib/postgresql/data', 'data'), line: 11, column: 35 },
        { message: atRoot('Container "db"', 'Pod "timescale"', '/data', 'data'), line: 21, column: 35 },
      ],
      output: `apiVersion: v1
kind: List
items:
- apiVersion: v1
  kind: Pod
  metadata: {name: upgraded}
  spec:
    containers:
    - name: postgres
      image: postgres:18
      env: [{name: PGDATA, value: /var/lib/postgresql/data/pgdata}]
      volumeMounts: [{name: data, mountPath: /var/lib/postgresql/data}]
    volumes: [{name: data, persistentVolumeClaim: {claimName: db}}]
- apiVersion: v1
  kind: Pod
  metadata: {name: timescale}
  spec:
    containers:
    - name: db
      image: timescale/timescaledb:latest-pg16
      env: [{name: PGDATA, value: /data/pgdata}]
      volumeMounts: [{name: data, mountPath: /data/}]
    volumes: [{name: data, persistentVolumeClaim: {claimName: ts}}]
`,
    },
  ],
});

import { describe, expect, it } from 'vitest';
import { analyze, applyEdits, formEdits, formView } from '../../src/index.ts';

const SRC = `apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: db
spec:
  template:
    spec:
      securityContext:
        runAsNonRoot: true
        runAsUser: "999"      # written as a string
        fsGroup: 999
        seccompProfile: {type: RuntimeDefault}
      initContainers:
      - name: setup
        image: busybox
      - name: proxy
        image: envoy
        restartPolicy: Always
        securityContext:
          capabilities:
            drop: [ALL]
            add: [NET_BIND_SERVICE]
      containers:
      - name: postgres
        image: postgres:16
        securityContext:
          readOnlyRootFilesystem: false
          allowPrivilegeEscalation: false
        volumeMounts:
        - name: run
          mountPath: /var/run/postgresql
        - name: conf
          mountPath: /etc/pg
          readOnly: true
          subPath: pg.conf
      volumes:
      - name: run
        emptyDir: {medium: Memory, sizeLimit: 16Mi}
      - name: conf
        configMap: {name: pg-conf}
      - name: creds
        secret: {secretName: pg-creds}
      - name: host
        hostPath: {path: /var/log}
  volumeClaimTemplates:
  - metadata: {name: data}
    spec: {accessModes: [ReadWriteOnce]}
`;

describe('formView: what the form shows, in the order of Analysis and FormOp', () => {
  const view = formView(SRC);
  const analysis = analyze(SRC);
  const w = view.workloads[0]!;

  it('reads pod and container security contexts as written', () => {
    expect(view.syntaxError).toBeUndefined();
    expect(w.pod).toEqual({ runAsNonRoot: true, runAsUser: '999', runAsGroup: undefined, fsGroup: '999', seccompProfileType: 'RuntimeDefault', readOnlyRootFilesystem: undefined });
    expect(w.containers.map((c) => `${c.name}:${c.type}`)).toEqual(analysis.workloads[0]!.containers.map((c) => `${c.name}:${c.type}`));
    expect(w.containers.map((c) => c.type)).toEqual(['init', 'sidecar', 'app']);
    expect(w.containers[1]!.security.capabilitiesDrop).toEqual(['ALL']);
    expect(w.containers[1]!.security.capabilitiesAdd).toEqual(['NET_BIND_SERVICE']);
    expect(w.containers[2]!.security).toMatchObject({ readOnlyRootFilesystem: false, allowPrivilegeEscalation: false, privileged: undefined });
  });

  it('reads mounts and every kind of volume source', () => {
    expect(w.containers[2]!.mounts).toEqual([
      { index: 0, name: 'run', mountPath: '/var/run/postgresql', readOnly: false, subPath: undefined },
      { index: 1, name: 'conf', mountPath: '/etc/pg', readOnly: true, subPath: 'pg.conf' },
    ]);
    expect(w.volumes.map((v) => v.source)).toEqual([
      { type: 'emptyDir', medium: 'Memory', sizeLimit: '16Mi' },
      { type: 'configMap', name: 'pg-conf' },
      { type: 'secret', secretName: 'pg-creds' },
      { type: 'other', sourceType: 'hostPath' },
      { type: 'other', sourceType: 'volumeClaimTemplate' },
    ]);
    const host = w.volumes[3]!;
    expect(SRC.slice(host.start, host.end).trimEnd()).toBe('name: host\n        hostPath: {path: /var/log}');
  });

  it('follows a form edit', () => {
    const r = formEdits(SRC, { op: 'containerSecurity', target: { workload: 0, container: 2 }, path: ['readOnlyRootFilesystem'], value: true });
    expect(r.ok).toBe(true);
    const after = formView(applyEdits(SRC, r.ok ? r.edits : []));
    expect(after.workloads[0]!.containers[2]!.security.readOnlyRootFilesystem).toBe(true);
  });

  it('reports a syntax error with its line, and no workloads', () => {
    const broken = formView('apiVersion: v1\nkind: Pod\nmetadata:\n  name: [x\n');
    expect(broken.workloads).toEqual([]);
    expect(broken.syntaxError?.line).toBeGreaterThanOrEqual(4);
    expect(formView('').syntaxError).toBeUndefined();
  });
});

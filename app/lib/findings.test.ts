import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/index.ts';
import { groupFindings, placeOf } from './findings.ts';

const SRC = `apiVersion: v1
kind: Pod
metadata: {name: p}
spec:
  securityContext:
    readOnlyRootFilesystem: true
  containers:
  - name: a
    image: busybox
    volumeMounts:
    - name: missing
      mountPath: /data
  - name: b
    image: busybox
    securityContext:
      readOnlyRootFilesystem: true
  volumes:
  - name: spare
    emptyDir: {}
`;

describe('where findings show', () => {
  const a = analyze(SRC);
  const place = (ruleId: string, container?: string) => {
    const f = a.findings.find((x) => x.ruleId === ruleId && (container === undefined || x.container === container));
    if (!f) throw new Error(`no ${ruleId} in ${a.findings.map((x) => x.ruleId).join(', ')}`);
    return placeOf(a, f);
  };

  it('puts each finding at its field: the flag, the mount, the volume, the pod', () => {
    expect(place('ro-root-fs-pod-level')).toEqual({ at: 'pod-security', workload: 0 });
    expect(place('ro-root-fs-missing', 'a')).toEqual({ at: 'container-rofs', workload: 0, container: 0 });
    expect(place('volume-mount-missing-volume')).toEqual({ at: 'mount', workload: 0, container: 0, mount: 0 });
    expect(place('volume-unused')).toEqual({ at: 'volume', workload: 0, volume: 0 });
  });

  it('groups the panel by workload and container, the pod first', () => {
    const groups = groupFindings(a);
    expect(groups[0]).toMatchObject({ workload: 0, container: undefined, containerIndex: -1 });
    const order = groups.map((g) => g.containerIndex);
    expect(order).toEqual([...order].sort((x, y) => x - y));
    expect(groups.flatMap((g) => g.findings)).toHaveLength(a.findings.length);
  });
});

import { describe, expect, it } from 'vitest';
import { analyze, applyEdits, formEdits } from './index.ts';
import type { FormOp } from './index.ts';

const SRC = `# app
apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  template:
    spec:
      containers:
      - name: app   # main
        image: nginx
        volumeMounts:
        - name: cache
          mountPath: /var/cache/nginx
      volumes:
      - name: cache
        emptyDir: {}
`;

function apply(text: string, op: FormOp): string {
  const r = formEdits(text, op);
  if (!r.ok) throw new Error(r.error);
  const out = applyEdits(text, r.edits);
  expect(analyze(out).diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  return out;
}

describe('form edits', () => {
  it('ticks "Read-only root filesystem": one new block, every other byte kept', () => {
    const out = apply(SRC, { op: 'containerSecurity', target: { workload: 0, container: 0 }, path: ['readOnlyRootFilesystem'], value: true });
    expect(out).toBe(SRC.replace('          mountPath: /var/cache/nginx\n', '          mountPath: /var/cache/nginx\n        securityContext:\n          readOnlyRootFilesystem: true\n'));
    // unticking removes the field again, and the emptied securityContext with it
    expect(apply(out, { op: 'containerSecurity', target: { workload: 0, container: 0 }, path: ['readOnlyRootFilesystem'], value: null })).toBe(SRC);
  });

  it('sets a pod-level field', () => {
    const out = apply(SRC, { op: 'podSecurity', workload: 0, path: ['seccompProfile', 'type'], value: 'RuntimeDefault' });
    expect(out).toContain('      securityContext:\n        seccompProfile:\n          type: RuntimeDefault\n');
  });

  it('renames a volume and its mounts', () => {
    const out = apply(SRC, { op: 'renameVolume', workload: 0, from: 'cache', to: 'nginx-cache' });
    expect(out).toBe(SRC.replaceAll('name: cache', 'name: nginx-cache'));
  });

  it('refuses a clashing or invalid volume name, saying why', () => {
    expect(formEdits(SRC, { op: 'addVolume', workload: 0, name: 'cache', source: { type: 'emptyDir' } })).toEqual({ ok: false, error: 'The pod already has a volume named "cache".' });
    const bad = formEdits(SRC, { op: 'addVolume', workload: 0, name: 'Bad_Name', source: { type: 'emptyDir' } });
    expect(bad.ok).toBe(false);
  });

  it('adds an emptyDir and its mount in one step, with a free name', () => {
    const out = apply(SRC, { op: 'addEmptyDirMount', target: { workload: 0, container: 0 }, mountPath: '/tmp', sizeLimit: '256Mi' });
    expect(out).toContain('        - name: tmp\n          mountPath: /tmp\n');
    expect(out).toContain('      - name: tmp\n        emptyDir:\n          sizeLimit: 256Mi\n');
  });

  it('edits and removes mounts and volumes', () => {
    let out = apply(SRC, { op: 'setMount', target: { workload: 0, container: 0 }, index: 0, field: 'readOnly', value: true });
    expect(out).toContain('          mountPath: /var/cache/nginx\n          readOnly: true\n');
    out = apply(out, { op: 'setMount', target: { workload: 0, container: 0 }, index: 0, field: 'readOnly', value: false });
    expect(out).toBe(SRC);
    out = apply(SRC, { op: 'setVolumeSource', workload: 0, name: 'cache', source: { type: 'emptyDir', medium: 'Memory', sizeLimit: '64Mi' } });
    expect(out).toContain('emptyDir: {medium: Memory, sizeLimit: 64Mi}');
    out = apply(SRC, { op: 'removeVolume', workload: 0, name: 'cache', removeMounts: true });
    expect(out).not.toContain('cache');
    expect(out).toContain('- name: app   # main');
  });

  it('says so when the text does not parse, and changes nothing', () => {
    expect(formEdits('a: [\n', { op: 'podSecurity', workload: 0, path: ['runAsNonRoot'], value: true })).toMatchObject({ ok: false });
  });
});

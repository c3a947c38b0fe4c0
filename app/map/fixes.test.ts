import { describe, expect, it } from 'vitest';
import { analyze, filesystemMap } from '../../src/index.ts';
import type { FilesystemMap } from '../../src/index.ts';
import { fixForNode, mentionsPath } from './fixes.ts';

// nginx with a read-only root and nowhere to write: two failing paths, found at one place (the image)
const NGINX = `apiVersion: v1
kind: Pod
metadata: {name: web}
spec:
  containers:
  - name: nginx
    image: nginx:1.27
    securityContext:
      readOnlyRootFilesystem: true
`;

describe('the fix a failing node offers', () => {
  const findings = analyze(NGINX).findings;
  const map = filesystemMap(NGINX, 0) as FilesystemMap;
  const nodes = map.columns[0]!.nodes.filter((n) => n.failing);

  it('is the fix that mounts that very path, even when findings share a key', () => {
    expect(nodes.map((n) => n.path).sort()).toEqual(['/var/cache/nginx', '/var/run']);
    for (const n of nodes) {
      const fx = fixForNode(n, 'nginx', 0, findings);
      expect(fx, n.path).toBeDefined();
      expect(fx!.finding.fixes[fx!.index]!.title).toMatch(new RegExp(`at ${n.path}$`));
      expect(fx!.finding.fixes[fx!.index]!.applicability).not.toBe('manual');
    }
  });

  it('is none for a node that does not fail', () => {
    const ok = map.columns[0]!.nodes.find((n) => !n.failing)!;
    expect(fixForNode(ok, 'nginx', 0, findings)).toBeUndefined();
  });

  it('matches whole paths only', () => {
    expect(mentionsPath('writes /var/run — nginx.pid', '/var/run')).toBe(true);
    expect(mentionsPath('writes /var/run.', '/var/run')).toBe(true);
    expect(mentionsPath('writes /var/run/postgresql', '/var/run')).toBe(false);
    expect(mentionsPath('writes /var/runner', '/var/run')).toBe(false);
  });
});

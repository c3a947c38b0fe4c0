/** reviewReport: GitHub-flavoured Markdown for a pull-request comment. */
import { describe, expect, it } from 'vitest';
import { analyze, applyFixes } from '../index.ts';
import { cell, code, fenced, reviewReport } from './report.ts';

const NGINX = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  namespace: shop
spec:
  template:
    spec:
      containers:
      - name: nginx
        image: nginx:1.27
        securityContext:
          readOnlyRootFilesystem: true
---
apiVersion: v1
kind: Pod
metadata:
  name: clean
spec:
  securityContext:
    runAsNonRoot: true
    runAsUser: 65534
    seccompProfile: {type: RuntimeDefault}
  containers:
  - name: app
    image: busybox
    securityContext:
      readOnlyRootFilesystem: true
      allowPrivilegeEscalation: false
      capabilities: {drop: [ALL]}
    volumeMounts:
    - {name: tmp, mountPath: /tmp}
  volumes:
  - {name: tmp, emptyDir: {sizeLimit: 1Gi}}
`;

describe('reviewReport', () => {
  const corrected = applyFixes(NGINX).text;
  const report = reviewReport(NGINX, analyze(NGINX), corrected, { fileName: 'web.yaml' });

  it('has a heading, a summary, and a findings table per workload with severities', () => {
    expect(report).toMatch(/^### rootlock review: `web\.yaml`\n/);
    expect(report).toMatch(/\*\*\d+ errors?.*\*\* in 2 workloads/);
    expect(report).toContain('#### Deployment `web` · namespace `shop`');
    expect(report).toContain('| Severity | Rule | Container | Line | Finding | After the change |');
    expect(report).toMatch(/\| 🔴 error \| `image-path-not-writable` \| `nginx` \| 11 \| .* \| ✅ fixed \|/);
  });

  it('lists the predicted start-up errors with path and error', () => {
    expect(report).toContain('**Predicted start-up errors** (as written):');
    const a = analyze(NGINX);
    for (const p of a.workloads[0]!.containers[0]!.predicted) {
      expect(report).toContain(`| \`nginx\` | \`${p.path}\` | \`${p.error.replace(/\|/g, '\\|')}\` |`);
    }
    expect(a.workloads[0]!.containers[0]!.predicted.length).toBeGreaterThan(0);
  });

  it('shows the suggested change as a fenced diff under its workload', () => {
    const m = /\*\*Suggested change:\*\*\n\n```diff\n([\s\S]*?)\n```/.exec(report);
    expect(m).not.toBeNull();
    expect(m![1]).toMatch(/^@@ -\d+,\d+ \+\d+,\d+ @@/);
    expect(m![1]).toContain('+        - name: nginx-cache');
    expect(report.indexOf('Suggested change')).toBeGreaterThan(report.indexOf('#### Deployment `web`'));
  });

  it('names the workloads with nothing to report in one line', () => {
    expect(report).toContain('No findings: Pod `clean`.');
  });

  it('without a change it has no status column and no diff', () => {
    const r = reviewReport(NGINX, analyze(NGINX), NGINX);
    expect(r).not.toContain('After the change');
    expect(r).not.toContain('```diff');
    expect(r).toMatch(/^### rootlock review\n/);
  });

  it('every table row has as many cells as its header (pipes in messages are escaped)', () => {
    const piped = NGINX.replace('name: nginx\n', 'name: "a|b"\n').replace('image: nginx:1.27', 'image: "nginx:1.27"');
    const r = reviewReport(piped, analyze(piped), applyFixes(piped).text);
    expect(r).toContain('`a\\|b`');
    let columns = 0;
    for (const line of r.split('\n')) {
      if (!line.startsWith('|')) {
        columns = 0;
        continue;
      }
      const cells = line.replace(/\\\|/g, '').split('|').length - 2;
      if (!columns) columns = cells;
      expect(cells, line).toBe(columns);
    }
  });

  it('reports syntax problems of the text', () => {
    const broken = `${NGINX}---\nkey: [unclosed\n`;
    expect(reviewReport(broken, analyze(broken), broken)).toContain('#### Problems with the text');
  });

  it('stays within a comment\'s size: diffs go first, then the text is cut', () => {
    const many = Array.from({ length: 120 }, (_, i) => NGINX.split('---')[0]!.replace('name: web', `name: web-${i}`)).join('---\n');
    const r = reviewReport(many, analyze(many), applyFixes(many).text);
    expect(r.length).toBeLessThanOrEqual(65_000);
    const small = reviewReport(many, analyze(many), applyFixes(many).text, { maxLength: 5000 });
    expect(small.length).toBeLessThanOrEqual(5000);
    expect(small).toMatch(/cut short|left out/);
  });
});

describe('markdown helpers', () => {
  it('escape table cells and pick safe code spans and fences', () => {
    expect(cell('a|b <c> *d* `e`\nf')).toBe('a\\|b &lt;c&gt; \\*d\\* \\`e\\`<br>f');
    expect(code('a`b', false)).toBe('``a`b``');
    expect(code('`x', false)).toBe('`` `x ``');
    expect(code('a|b', true)).toBe('`a\\|b`');
    expect(fenced('```\nx', 'diff')).toBe('````diff\n```\nx\n````');
  });
});

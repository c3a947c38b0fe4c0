/**
 * listFixes / applySelected: the fixes "Fix all" applies, switchable one by one; with every id it is
 * exactly applyFixes(); the output is byte-identical to the input outside the fixed spots.
 */
import { describe, expect, it } from 'vitest';
import { analyze, applyFixes } from '../index.ts';
import { applySelected, listFixes } from './select.ts';
import { diffLines, splitLines } from './diff.ts';
import { CORPUS_MISSING, corpusSamples, fixtureSamples } from '../../test/support/export-kit.ts';
import { lostComments } from '../../test/support/shared.ts';
import { defineRule } from '../rules/define.ts';
import { asMap, get } from '../yaml/tree.ts';

const WEB = `# the web tier
apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  namespace: shop
spec:
  template:
    spec:
      containers:
      - name: nginx
        image: nginx:1.27 # pinned
      - name: side
        image: busybox
        securityContext:
          readOnlyRootFilesystem: true
`;

describe('listFixes', () => {
  it('lists what Fix all applies, with stable readable ids, lines of the input and the pass', () => {
    const fixes = listFixes(WEB);
    expect(fixes.length).toBeGreaterThan(1);
    const ro = fixes.find((f) => f.ruleId === 'ro-root-fs-missing');
    expect(ro).toMatchObject({ workload: { kind: 'Deployment', name: 'web', namespace: 'shop' }, container: 'nginx', pass: 1, applicability: 'unsafe' });
    expect(ro?.id).toBe('ro-root-fs-missing|Deployment/shop/web|nginx');
    for (const f of fixes) expect(f.id).not.toContain(f.title);
    expect(WEB.split('\n')[(ro?.line ?? 0) - 1]).toContain('nginx');
    expect(fixes.find((f) => f.ruleId === 'tmp-not-writable' && f.container === 'side')).toBeDefined();
    // in the order Fix all applies them: pass by pass
    expect(fixes.map((f) => f.pass)).toEqual([...fixes.map((f) => f.pass)].sort((a, b) => a - b));
    expect(new Set(fixes.map((f) => f.id)).size).toBe(fixes.length);
  });

  it('names the path in the id of a rule that reports several paths of one container, not the title', () => {
    const ro = WEB.replace('image: nginx:1.27 # pinned', 'image: nginx:1.27 # pinned\n        securityContext:\n          readOnlyRootFilesystem: true');
    const image = listFixes(ro).filter((f) => f.ruleId === 'image-path-not-writable' && f.container === 'nginx');
    expect(image.map((f) => f.id)).toEqual([
      'image-path-not-writable|Deployment/shop/web|nginx|/var/cache/nginx',
      'image-path-not-writable|Deployment/shop/web|nginx|/var/run',
    ]);
    expect(applySelected(ro, [image[1]?.id as string]).applied.map((f) => f.id)).toEqual([image[1]?.id]);
  });

  it('gives a later pass the line in the input where its finding comes from', () => {
    for (const f of listFixes(WEB)) {
      expect(f.line).toBeGreaterThanOrEqual(1);
      expect(f.line).toBeLessThanOrEqual(WEB.split('\n').length);
    }
  });

  it('is deterministic, and lists nothing for fixed text', () => {
    expect(listFixes(WEB)).toEqual(listFixes(WEB));
    expect(listFixes(applyFixes(WEB).text)).toEqual([]);
    expect(listFixes('')).toEqual([]);
    expect(listFixes('a: [')).toEqual([]);
  });

  it('keeps ids apart for two objects of one identity', () => {
    const two = `${WEB}---\n${WEB}`;
    const ids = listFixes(two).map((f) => f.id);
    expect(ids.some((id) => id.includes('Deployment/shop/web#2|'))).toBe(true);
    expect(applySelected(two, ids).text).toBe(applyFixes(two).text);
  });
});

describe('applySelected', () => {
  it('with every id is exactly applyFixes, and idempotent', () => {
    const ids = listFixes(WEB).map((f) => f.id);
    const r = applySelected(WEB, ids);
    expect(r.text).toBe(applyFixes(WEB).text);
    expect(r.skipped).toEqual([]);
    expect(r.applied.map((f) => f.id)).toEqual(ids);
    expect(applySelected(r.text, ids).text).toBe(r.text);
  });

  it('leaves out a fix that is switched off, and the fixes that build on it', () => {
    const fixes = listFixes(WEB);
    const ro = fixes.find((f) => f.ruleId === 'ro-root-fs-missing' && f.container === 'nginx')!;
    const others = fixes.filter((f) => f !== ro).map((f) => f.id);
    const r = applySelected(WEB, others);
    expect(r.applied.map((f) => f.id)).not.toContain(ro.id);
    const nginx = analyze(r.text).workloads[0]?.containers.find((c) => c.name === 'nginx');
    expect(nginx?.readOnlyRootFilesystem).toBe(false);
    // what is applied is applied as in Fix all, and running it again changes nothing
    expect(applySelected(r.text, others).text).toBe(r.text);
    const dependent = fixes.filter((f) => f.pass > 1 && f.container === 'nginx').map((f) => f.id);
    for (const id of dependent) expect(r.skipped).toContain(id);
  });

  it('keeps a fix\'s id when another fix switched off changes its title', () => {
    // Two fixes that both add `securityContext` to one container cannot go in one pass: the second
    // waits for the next pass, where its title says the key is there. With the first switched off
    // it comes in the first pass under its other title, and must still be the fix that was chosen.
    const first = defineRule({
      id: 'test-first', severity: 'error', docs: { summary: '', why: '', fix: '', url: '' },
      check(pod, report) {
        for (const c of pod.containers) {
          if (get(asMap(get(c.node, 'securityContext')), 'runAsNonRoot')) continue;
          report({ at: c.node, container: c, message: 'first', fixes: [{ title: 'Set runAsNonRoot', applicability: 'safe', edits: (e) => e.set(c.node, ['securityContext', 'runAsNonRoot'], true) }] });
        }
      },
    });
    const second = defineRule({
      id: 'test-second', severity: 'error', docs: { summary: '', why: '', fix: '', url: '' },
      check(pod, report) {
        for (const c of pod.containers) {
          if (c.readOnlyRootFilesystem === true) continue;
          const title = get(c.node, 'securityContext') ? 'Add readOnlyRootFilesystem to the securityContext' : 'Add a securityContext with readOnlyRootFilesystem';
          report({ at: c.node, container: c, subject: '/', message: 'second', fixes: [{ title, applicability: 'safe', edits: (e) => e.set(c.node, ['securityContext', 'readOnlyRootFilesystem'], true) }] });
        }
      },
    });
    const text = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n  - name: app\n    image: busybox\n';
    const options = { rules: [first, second] };
    const listed = listFixes(text, options);
    expect(listed.map((f) => [f.id, f.pass, f.title])).toEqual([
      ['test-first|Pod//p|app', 1, 'Set runAsNonRoot'],
      ['test-second|Pod//p|app|/', 2, 'Add readOnlyRootFilesystem to the securityContext'],
    ]);
    const r = applySelected(text, ['test-second|Pod//p|app|/'], options);
    expect(r.skipped).toEqual([]);
    expect(r.applied.map((f) => [f.id, f.pass, f.title])).toEqual([['test-second|Pod//p|app|/', 1, 'Add a securityContext with readOnlyRootFilesystem']]);
    expect(r.text).toContain('readOnlyRootFilesystem: true');
    expect(r.text).not.toContain('runAsNonRoot');
  });

  it('applies nothing for no ids, and reports unknown ids as skipped', () => {
    expect(applySelected(WEB, []).text).toBe(WEB);
    const r = applySelected(WEB, ['nope|Pod//x||y']);
    expect(r.text).toBe(WEB);
    expect(r.skipped).toEqual(['nope|Pod//x||y']);
  });

  it('each fix alone is deterministic and idempotent', () => {
    for (const f of listFixes(WEB)) {
      const once = applySelected(WEB, [f.id]);
      expect(applySelected(WEB, [f.id]).text).toBe(once.text);
      expect(applySelected(once.text, [f.id]).text).toBe(once.text);
    }
  });

  it('respects the applicability option as Fix all does', () => {
    const safe = listFixes(WEB, { applicability: ['safe'] });
    expect(safe.every((f) => f.applicability === 'safe')).toBe(true);
    expect(applySelected(WEB, safe.map((f) => f.id), { applicability: ['safe'] }).text).toBe(applyFixes(WEB, { applicability: ['safe'] }).text);
  });
});

/**
 * The golden test (src/fixes/golden.test.ts) checks that Fix all restricted to a rule gives the
 * hand-written fail.X.fixed file byte for byte; choosing every listed fix gives the same bytes.
 */
describe('per rule, as the golden test runs it: every listed fix = Fix all', () => {
  for (const s of fixtureSamples()) {
    const [, , rule, file] = s.name.split('/') as [string, string, string, string];
    it(`${rule}/${file}`, () => {
      const ids = listFixes(s.original, { rules: [rule] }).map((f) => f.id);
      expect(applySelected(s.original, ids, { rules: [rule] }).text).toBe(applyFixes(s.original, { rules: [rule] }).text);
    });
  }
});

describe('fixtures and real manifests: Fix all = all selected, untouched outside the fixes', () => {
  if (CORPUS_MISSING) console.warn(`select corpus samples: ${CORPUS_MISSING}`);
  for (const s of [...fixtureSamples(), ...corpusSamples(30)]) {
    it(s.name, () => {
      const fixes = listFixes(s.original);
      const r = applySelected(s.original, fixes.map((f) => f.id));
      expect(r.text).toBe(s.corrected);
      expect(applySelected(r.text, fixes.map((f) => f.id)).text).toBe(r.text);
      expect(lostComments(s.original, r.text)).toEqual([]);
      // Every line the fixes removed or changed lies inside a workload that has a fix, or inside a
      // Namespace that has one (the fix of a Namespace finding edits its labels).
      const a = analyze(s.original);
      const fixedLines = [
        ...a.workloads.filter((w) => fixes.some((f) => f.workload.kind === w.kind && f.workload.name === w.name)),
        ...a.namespaces.filter((n) => fixes.some((f) => f.workload.kind === 'Namespace' && f.workload.name === n.name)),
      ].map((w) => [w.range.line, w.range.endLine + 1] as const);
      for (const op of diffLines(splitLines(s.original), splitLines(r.text))) {
        if (op.type !== '-') continue;
        expect(fixedLines.some(([from, to]) => op.a + 1 >= from && op.a + 1 <= to), `line ${op.a + 1} "${op.text}"`).toBe(true);
      }
      // The line breaks stay as they were.
      if (!s.original.includes('\r\n')) expect(r.text.includes('\r\n')).toBe(false);
      if (/\r\n/.test(s.original) && !/[^\r]\n/.test(s.original)) expect(/[^\r]\n/.test(r.text)).toBe(false);
      if (!s.original.endsWith('\n')) expect(r.text.endsWith('\n')).toBe(false);
    });
  }
});

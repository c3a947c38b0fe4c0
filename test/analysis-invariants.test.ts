/**
 * What holds for every Analysis of the committed fixtures (fixtures/rules/**) and the canonical
 * scenarios (../shared/scenarios): finding keys are unique within one analysis and the same when
 * the same text is analysed again (the editor, the map and the quick fixes find a finding by key).
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyze } from '../src/index.ts';
import type { Analysis } from '../src/index.ts';
import { REPO_ROOT, missingShared, readText, shared } from './support/shared.ts';

const FIXTURES = join(REPO_ROOT, 'fixtures', 'rules');
const MISSING = missingShared(['scenarios']);
if (MISSING) console.warn(`analysis invariants, scenarios: ${MISSING}`);

function fixtureFiles(): Array<{ name: string; text: string }> {
  const out: Array<{ name: string; text: string }> = [];
  for (const rule of readdirSync(FIXTURES).sort()) {
    for (const f of readdirSync(join(FIXTURES, rule)).sort()) {
      if (!/\.(ya?ml|json)$/.test(f)) continue;
      out.push({ name: `fixtures/rules/${rule}/${f}`, text: readText(join(FIXTURES, rule, f)) });
    }
  }
  return out;
}

function scenarioFiles(): Array<{ name: string; text: string }> {
  if (MISSING) return [];
  const dir = shared('scenarios');
  return readdirSync(dir).filter((f) => /\.ya?ml$/.test(f)).sort().map((f) => ({ name: `scenarios/${f}`, text: readText(join(dir, f)) }));
}

/** Keys that more than one finding of the analysis has. */
function repeatedKeys(a: Analysis): string[] {
  const seen = new Set<string>();
  const repeated = new Set<string>();
  for (const f of a.findings) (seen.has(f.key) ? repeated : seen).add(f.key);
  return [...repeated];
}

describe('finding keys', () => {
  const fixtures = fixtureFiles();

  it('reads the fixtures', () => {
    expect(fixtures.length).toBeGreaterThan(100);
  });

  it.each(fixtures.map((f) => [f.name, f.text] as const))('are unique and stable in %s', (_name, text) => {
    const a = analyze(text);
    expect(repeatedKeys(a)).toEqual([]);
    expect(analyze(text).findings.map((f) => f.key)).toEqual(a.findings.map((f) => f.key));
  });

  describe.skipIf(!!MISSING)(MISSING ? 'scenarios (../shared absent: skipped)' : 'scenarios', () => {
    const scenarios = scenarioFiles();
    it('reads the scenarios', () => {
      expect(scenarios.length).toBeGreaterThan(0);
    });
    it.each(scenarios.map((f) => [f.name, f.text] as const))('are unique and stable in %s', (_name, text) => {
      const a = analyze(text);
      expect(repeatedKeys(a)).toEqual([]);
      expect(analyze(text).findings.map((f) => f.key)).toEqual(a.findings.map((f) => f.key));
    });
  });

  it('tell apart the paths an image writes at one spot by the path (the finding\'s subject)', () => {
    const text = `apiVersion: v1
kind: Pod
metadata: {name: web}
spec:
  containers:
  - name: nginx
    image: nginx:1.27
    securityContext: {readOnlyRootFilesystem: true}
`;
    const image = analyze(text).findings.filter((f) => f.ruleId === 'image-path-not-writable');
    expect(image.length).toBeGreaterThan(1);
    expect(new Set(image.map((f) => f.range.start)).size).toBe(1);
    for (const f of image) {
      expect(f.subject).toMatch(/^\//);
      expect(f.message).toContain(` ${f.subject} `);
      expect(f.key).toBe(`image-path-not-writable|0|nginx|${f.range.start}|${f.subject}`);
    }
    expect(new Set(image.map((f) => f.key)).size).toBe(image.length);
  });

  it('tell apart the Pod Security controls failed at one spot', () => {
    const text = `apiVersion: v1
kind: Pod
metadata: {name: p}
spec:
  containers:
  - name: app
    image: busybox
`;
    const pss = analyze(text).findings.filter((f) => f.ruleId === 'pss-restricted');
    expect(pss.length).toBeGreaterThan(1);
    for (const f of pss) expect(f.key.endsWith(`|${f.control}`)).toBe(true);
    expect(new Set(pss.map((f) => f.key)).size).toBe(pss.length);
  });
});

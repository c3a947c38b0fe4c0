/**
 * Conformance with pod-security admission: every fixture of ../shared/conformance/pss (upstream's
 * test/testdata, 4537 Pods) at its level and version. A pass file must be allowed; a fail file
 * denied with a reason that contains the check's expectErrorSubstring (expected.json). Each file
 * is parsed once. Also: pass files stay allowed at the lower levels, fail files stay denied at
 * `latest` when their version is the newest, and readOnlyRootFilesystem changes no verdict.
 */
import { describe, expect, it } from 'vitest';
import { isSeq, parseDocument } from 'yaml';
import { parseYaml } from '../yaml/parse.ts';
import { findWorkloads } from '../model/index.ts';
import type { Pod } from '../model/index.ts';
import { missingShared, readJson, readText, shared } from '../../test/support/shared.ts';
import { evaluatePss, pssLevel } from './evaluate.ts';
import type { PssVersion } from './version.ts';
import { NEWEST_MINOR } from './version.ts';

const MISSING = missingShared(['conformance', 'pss', 'expected.json']);
if (MISSING) console.warn(`pss conformance: ${MISSING}`);

interface Entry {
  file: string;
  level: 'baseline' | 'restricted';
  version: PssVersion;
  expect: 'allow' | 'deny';
  check: string | null;
  fixture?: string;
  index?: number;
  expectErrorSubstring?: string;
  failRequiresError?: boolean;
}

function podOf(text: string): Pod {
  const docs = parseYaml(text);
  const ws = findWorkloads(docs.map((d) => ({ index: d.index, contents: d.contents })));
  if (ws.length !== 1 || ws[0]?.kind !== 'Pod') throw new Error('expected one Pod');
  return ws[0].pod;
}

describe.skipIf(!!MISSING)(MISSING ? 'pss conformance (../shared absent: skipped)' : 'pss conformance', () => {
  if (MISSING) {
    it(`skipped: ${MISSING}`, () => {});
    return;
  }
  const { fixtures } = readJson<{ fixtures: Entry[] }>(shared('conformance', 'pss', 'expected.json'));
  const pods = new Map<string, { text: string; pod: Pod }>();
  for (const f of fixtures) {
    const text = readText(shared('conformance', 'pss', f.file));
    pods.set(f.file, { text, pod: podOf(text) });
  }

  it('reads all 4537 fixtures (README counts)', () => {
    expect(fixtures).toHaveLength(4537);
    const count = (level: string, expect: string) => fixtures.filter((f) => f.level === level && f.expect === expect).length;
    expect([count('baseline', 'allow'), count('baseline', 'deny'), count('restricted', 'allow'), count('restricted', 'deny')]).toEqual([433, 1122, 618, 2364]);
  });

  it('allows every pass file and denies every fail file with its expected reason, at its level and version', () => {
    const wrong: string[] = [];
    let passed = 0;
    for (const f of fixtures) {
      const { pod } = pods.get(f.file) as { pod: Pod };
      const r = evaluatePss(pod, f.level, f.version);
      const reasons = r.violations.map((v) => v.reason).join(', ');
      if (f.expect === 'allow') {
        if (r.allowed) passed++;
        else wrong.push(`${f.file}: expected allowed, denied: ${reasons}`);
      } else {
        const sub = f.expectErrorSubstring ?? f.check ?? '';
        if (r.allowed) wrong.push(`${f.file}: expected denied (${sub}), allowed`);
        else if (!reasons.includes(sub)) wrong.push(`${f.file}: denied without "${sub}": ${reasons}`);
        else passed++;
      }
    }
    expect(wrong).toEqual([]);
    expect(passed).toBe(4537);
  });

  it('names the failing check as the control of a violation whose reason holds the substring', () => {
    // the fixture's check, or the restricted check that overrides it (capabilities_baseline →
    // capabilities_restricted, hostPathVolumes → restrictedVolumes, seccompProfile_baseline →
    // seccompProfile_restricted, procMount → procMount_restricted)
    const overriddenBy: Record<string, string[]> = {
      capabilities_baseline: ['capabilities_restricted'],
      hostPathVolumes: ['restrictedVolumes'],
      seccompProfile_baseline: ['seccompProfile_restricted'],
      procMount: ['procMount_restricted'],
    };
    const wrong: string[] = [];
    for (const f of fixtures) {
      if (f.expect !== 'deny' || !f.check) continue;
      const r = evaluatePss(pods.get(f.file)?.pod as Pod, f.level, f.version);
      const ok = r.violations.some((v) => (v.control === f.check || (f.level === 'restricted' && overriddenBy[f.check as string]?.includes(v.control))) && v.reason.includes(f.expectErrorSubstring ?? f.check ?? ''));
      if (!ok) wrong.push(`${f.file}: ${r.violations.map((v) => `${v.control}: ${v.reason}`).join('; ')}`);
    }
    expect(wrong).toEqual([]);
  });

  it('every violation points inside the file', () => {
    const wrong: string[] = [];
    for (const f of fixtures) {
      if (f.expect !== 'deny') continue;
      const { text, pod } = pods.get(f.file) as { text: string; pod: Pod };
      for (const v of evaluatePss(pod, f.level, f.version).violations) {
        for (const l of v.locations) if (!(l.at.start >= 0 && l.at.end <= text.length && l.at.start <= l.at.end)) wrong.push(`${f.file} ${v.control} ${l.field}`);
        if (!v.locations.length) wrong.push(`${f.file} ${v.control}: no location`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('a restricted pass file also passes baseline; a baseline pass file has level baseline or restricted', () => {
    const wrong: string[] = [];
    for (const f of fixtures) {
      if (f.expect !== 'allow') continue;
      const pod = pods.get(f.file)?.pod as Pod;
      if (f.level === 'restricted' && !evaluatePss(pod, 'baseline', f.version).allowed) wrong.push(`${f.file}: fails baseline`);
      const lvl = pssLevel(pod, f.version);
      if (f.level === 'restricted' ? lvl !== 'restricted' : lvl === 'privileged') wrong.push(`${f.file}: level ${lvl}`);
    }
    expect(wrong).toEqual([]);
  });

  it(`latest and versions above v1.${NEWEST_MINOR} evaluate as v1.${NEWEST_MINOR}`, () => {
    const newest = fixtures.filter((f) => f.version === `v1.${NEWEST_MINOR}`);
    expect(newest.length).toBeGreaterThan(100);
    for (const f of newest) {
      const pod = pods.get(f.file)?.pod as Pod;
      const at = evaluatePss(pod, f.level, f.version);
      for (const v of ['latest', 'v1.38', 'v1.100'] as const) {
        const r = evaluatePss(pod, f.level, v);
        expect(r.version).toBe(`v1.${NEWEST_MINOR}`);
        expect(r.violations.map((x) => x.reason), `${f.file} at ${v}`).toEqual(at.violations.map((x) => x.reason));
      }
    }
  });

  it('readOnlyRootFilesystem: true on every container changes no verdict', () => {
    const wrong: string[] = [];
    // every fifth file and all of the newest version: yaml's document API is slow on 4537 files
    for (const f of fixtures.filter((x, i) => i % 5 === 0 || x.version === `v1.${NEWEST_MINOR}`)) {
      const doc = parseDocument(pods.get(f.file)?.text as string);
      for (const list of ['containers', 'initContainers']) {
        const seq = doc.getIn(['spec', list]);
        if (!isSeq(seq)) continue;
        seq.items.forEach((_, i) => doc.setIn(['spec', list, i, 'securityContext', 'readOnlyRootFilesystem'], true));
      }
      const before = evaluatePss(pods.get(f.file)?.pod as Pod, f.level, f.version);
      const after = evaluatePss(podOf(doc.toString()), f.level, f.version);
      if (after.allowed !== before.allowed || after.violations.length !== before.violations.length) wrong.push(f.file);
    }
    expect(wrong).toEqual([]);
  });
});

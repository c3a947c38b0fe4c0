/**
 * The Kyverno policy-library pod-security fixtures (../shared/conformance/kyverno/pod-security)
 * where they express Pod Security Standards semantics:
 *
 * - subrule/: Kyverno's built-in `validate.podSecurity` at a whole level (latest);
 * - baseline/ and restricted/: one policy (rule) per PSS control; rootlock's verdict for an entry
 *   is whether that control (the part of it the rule covers) is among the violations at the
 *   control's level, latest.
 *
 * Where Kyverno's sample policies and the standard differ, the entry is listed in
 * KNOWN_DIFFERENCES with the reason; an entry listed there that no longer differs fails the test.
 */
import { describe, expect, it } from 'vitest';
import { parseYaml } from '../yaml/parse.ts';
import { findWorkloads } from '../model/index.ts';
import type { Workload } from '../model/index.ts';
import { missingShared, readJson, readText, shared } from '../../test/support/shared.ts';
import { evaluatePss } from './evaluate.ts';
import type { PssViolation } from './evaluate.ts';

const MISSING = missingShared(['conformance', 'kyverno', 'expected.json']);
if (MISSING) console.warn(`kyverno pod-security: ${MISSING}`);

interface Entry {
  suite: string;
  policyDir: string;
  policy: string;
  rule?: string;
  file: string;
  doc: number;
  kind: string;
  name: string;
  expect: 'pass' | 'fail';
}

/** How a Kyverno rule maps to a PSS control: the level, the control, and which of its locations count. */
interface Mapping {
  level: 'baseline' | 'restricted';
  control: string;
  /** Only violations with a location whose field matches count (a rule covering part of a control). */
  field?: RegExp;
}

const MAPPINGS: Record<string, Mapping | string> = {
  'disallow-capabilities/adding-capabilities': { level: 'baseline', control: 'capabilities_baseline' },
  'disallow-host-namespaces/host-namespaces': { level: 'baseline', control: 'hostNamespaces' },
  'disallow-host-path/host-path': { level: 'baseline', control: 'hostPathVolumes' },
  'disallow-host-ports/host-ports-none': { level: 'baseline', control: 'hostPorts' },
  'disallow-host-ports-range/host-port-range': 'not a PSS control: it allows host ports 5000-6000, which baseline forbids',
  'disallow-host-process/host-process-containers': { level: 'baseline', control: 'windowsHostProcess' },
  'disallow-privileged-containers/privileged-containers': { level: 'baseline', control: 'privileged' },
  'disallow-proc-mount/check-proc-mount': { level: 'baseline', control: 'procMount' },
  'disallow-selinux/selinux-type': { level: 'baseline', control: 'seLinuxOptions', field: /\.type$/ },
  'disallow-selinux/selinux-user-role': { level: 'baseline', control: 'seLinuxOptions', field: /\.(user|role)$/ },
  'restrict-apparmor-profiles/app-armor': { level: 'baseline', control: 'appArmorProfile' },
  'restrict-seccomp/check-seccomp': { level: 'baseline', control: 'seccompProfile_baseline' },
  'restrict-sysctls/check-sysctls': { level: 'baseline', control: 'sysctls' },
  'disallow-capabilities-strict/require-drop-all': { level: 'restricted', control: 'capabilities_restricted', field: /\.drop$/ },
  'disallow-capabilities-strict/adding-capabilities-strict': { level: 'restricted', control: 'capabilities_restricted', field: /\.add\[\d+\]$/ },
  'disallow-privilege-escalation/privilege-escalation': { level: 'restricted', control: 'allowPrivilegeEscalation' },
  'require-run-as-non-root-user/run-as-non-root-user': { level: 'restricted', control: 'runAsUser' },
  'require-run-as-nonroot/run-as-non-root': { level: 'restricted', control: 'runAsNonRoot' },
  'restrict-seccomp-strict/check-seccomp-strict': { level: 'restricted', control: 'seccompProfile_restricted' },
  'restrict-volume-types/restricted-volumes': { level: 'restricted', control: 'restrictedVolumes' },
};

/**
 * Entries where Kyverno's expected result differs from the standard, by `policy/rule file#doc
 * Kind/name`, with the reason. Each must still differ.
 */
const KNOWN_DIFFERENCES: ReadonlyMap<string, string> = new Map<string, string>([]);

function key(e: Entry): string {
  return `${e.policyDir.split('/').pop()}/${e.rule ?? ''} ${e.file}#${e.doc} ${e.kind}/${e.name}`;
}

function counts(m: Mapping, violations: readonly PssViolation[]): boolean {
  return violations.some((v) => v.control === m.control && (!m.field || v.locations.some((l) => m.field?.test(l.field))));
}

describe.skipIf(!!MISSING)(MISSING ? 'kyverno pod-security (../shared absent: skipped)' : 'kyverno pod-security', () => {
  if (MISSING) {
    it(`skipped: ${MISSING}`, () => {});
    return;
  }
  const { entries } = readJson<{ entries: Entry[] }>(shared('conformance', 'kyverno', 'expected.json'));
  const ps = entries.filter((e) => e.policyDir.startsWith('pod-security/'));
  const files = new Map<string, Workload[]>();
  const workload = (e: Entry): Workload => {
    let ws = files.get(e.file);
    if (!ws) {
      const docs = parseYaml(readText(shared('conformance', 'kyverno', e.file)));
      ws = findWorkloads(docs.map((d) => ({ index: d.index, contents: d.contents })));
      files.set(e.file, ws);
    }
    // by kind and name (expected.json's document index is one off in part of disallow-selinux);
    // by the index too where a name repeats
    const named = ws.filter((x) => x.kind === e.kind && x.name === e.name);
    const w = named.length === 1 ? named[0] : named.find((x) => x.docIndex === e.doc);
    if (!w) throw new Error(`${e.file}#${e.doc} ${e.kind}/${e.name} not found`);
    return w;
  };

  it('holds the pod-security entries the README describes', () => {
    expect(ps.filter((e) => e.policyDir.includes('/subrule/'))).toHaveLength(8);
    expect(ps.length).toBeGreaterThan(900);
  });

  describe('subrule: whole levels at latest', () => {
    const sub = ps.filter((e) => e.policyDir.includes('/subrule/'));
    const levelOf = (e: Entry) => (e.policyDir.includes('baseline') ? 'baseline' : 'restricted');
    it('plain levels: allowed exactly where Kyverno passes', () => {
      for (const e of sub.filter((x) => !x.policyDir.includes('exclude'))) {
        const r = evaluatePss(workload(e).pod, levelOf(e), 'latest');
        expect(r.allowed ? 'pass' : 'fail', key(e)).toBe(e.expect);
      }
      const bad = sub.find((e) => e.policyDir.endsWith('podsecurity-subrule-baseline') && e.expect === 'fail') as Entry;
      expect(evaluatePss(workload(bad).pod, 'baseline', 'latest').violations.map((v) => v.control)).toEqual(['hostNamespaces']);
    });
    it('with Kyverno exclusions (a feature rootlock does not have): the pods that pass there fail only the excluded control', () => {
      const excluded: Record<string, string> = { 'restricted-exclude-capabilities': 'capabilities_restricted', 'restricted-exclude-seccomp': 'seccompProfile_restricted' };
      for (const e of sub.filter((x) => x.policyDir.includes('exclude'))) {
        const r = evaluatePss(workload(e).pod, 'restricted', 'latest');
        expect(r.allowed, `${key(e)}: fails as plain restricted`).toBe(false);
        const only = excluded[e.policyDir.split('/').pop() as string];
        const controls = r.violations.map((v) => v.control);
        // the pod that passes there fails the excluded control only; the one that fails there
        // fails for its image (capabilities: busybox is not exempt) or beyond it (seccomp: no runAsNonRoot)
        if (e.expect === 'pass') expect(controls, key(e)).toEqual([only]);
        else expect(controls.length, key(e)).toBeGreaterThan(0);
      }
    });
  });

  it('per-control policies: each control fails exactly where Kyverno fails the rule (differences listed)', () => {
    const differ: string[] = [];
    const skipped = new Set<string>();
    let compared = 0;
    for (const e of ps.filter((x) => !x.policyDir.includes('/subrule/'))) {
      const m = MAPPINGS[`${e.policyDir.split('/').pop()}/${e.rule}`];
      if (m === undefined) throw new Error(`no mapping for ${e.policyDir} ${e.rule}`);
      if (typeof m === 'string') {
        skipped.add(`${e.policyDir}: ${m}`);
        continue;
      }
      compared++;
      const got = counts(m, evaluatePss(workload(e).pod, m.level, 'latest').violations) ? 'fail' : 'pass';
      const k = key(e);
      if (got !== e.expect && !KNOWN_DIFFERENCES.has(k)) differ.push(`${k}: Kyverno ${e.expect}, rootlock ${got}`);
      if (got === e.expect && KNOWN_DIFFERENCES.has(k)) differ.push(`${k}: listed as a difference but agrees now`);
    }
    expect(differ).toEqual([]);
    console.info(`kyverno pod-security: ${compared} per-control entries compared, ${KNOWN_DIFFERENCES.size} known differences`);
    expect(compared).toBeGreaterThan(800);
    expect([...skipped]).toHaveLength(1);
  });
});

import { describe, expect, it } from 'vitest';
import { parseYaml } from '../yaml/parse.ts';
import { findWorkloads } from '../model/index.ts';
import type { Pod } from '../model/index.ts';
import { controlsAt, CONTROLS, evaluatePss, pssLevel } from './evaluate.ts';
import { correctLevel, correctVersion, isPssVersion, resolveMinor } from './version.ts';
import { allowedSysctls } from './checks.ts';

function pod(text: string): { pod: Pod; text: string } {
  const ws = findWorkloads(parseYaml(text).map((d) => ({ index: d.index, contents: d.contents })));
  if (!ws[0]) throw new Error('no workload');
  return { pod: ws[0].pod, text };
}

const at = (text: string, r: { start: number; end: number }) => text.slice(r.start, r.end);

describe('versions', () => {
  it('parses like pod-security admission', () => {
    for (const ok of ['latest', 'v1.0', 'v1.9', 'v1.30', 'v1.100']) expect(isPssVersion(ok), ok).toBe(true);
    for (const bad of ['v1.05', 'v2.0', '1.30', 'v1.30.1', 'Latest', 'v1', '']) expect(isPssVersion(bad), bad).toBe(false);
    expect(resolveMinor('latest')).toBe(37);
    expect(resolveMinor('v1.99')).toBe(37);
    expect(resolveMinor('v1.8')).toBe(8);
    expect([correctVersion('1.30'), correctVersion('v1.30.2'), correctVersion(' V1.7 '), correctVersion('LATEST'), correctVersion('two')]).toEqual(['v1.30', 'v1.30', 'v1.7', 'latest', undefined]);
    expect([correctLevel('Restricted'), correctLevel('strict')]).toEqual(['restricted', undefined]);
  });

  it('the sysctl allow-list grows at v1.27, v1.29, v1.32 and v1.37', () => {
    expect([0, 26, 27, 28, 29, 31, 32, 36, 37].map((m) => allowedSysctls(m).size)).toEqual([5, 5, 6, 6, 10, 10, 12, 12, 14]);
  });

  it('the controls per level and version, with the restricted overrides', () => {
    expect(controlsAt('baseline', 'v1.0').map((c) => c.id)).toEqual(['appArmorProfile', 'capabilities_baseline', 'hostNamespaces', 'hostPathVolumes', 'hostPorts', 'privileged', 'procMount', 'seLinuxOptions', 'seccompProfile_baseline', 'sysctls', 'windowsHostProcess']);
    expect(controlsAt('baseline', 'latest').map((c) => c.id)).toContain('hostProbesAndHostLifecycle');
    // v1.0 restricted: baseline minus hostPathVolumes (restrictedVolumes overrides it) plus runAsNonRoot
    expect(controlsAt('restricted', 'v1.0').map((c) => c.id)).toEqual(['appArmorProfile', 'capabilities_baseline', 'hostNamespaces', 'hostPorts', 'privileged', 'procMount', 'seLinuxOptions', 'seccompProfile_baseline', 'sysctls', 'windowsHostProcess', 'restrictedVolumes', 'runAsNonRoot']);
    expect(controlsAt('restricted', 'latest').map((c) => c.id)).toEqual(['appArmorProfile', 'hostNamespaces', 'hostPorts', 'hostProbesAndHostLifecycle', 'privileged', 'seLinuxOptions', 'sysctls', 'windowsHostProcess', 'allowPrivilegeEscalation', 'capabilities_restricted', 'procMount_restricted', 'restrictedVolumes', 'runAsNonRoot', 'runAsUser', 'seccompProfile_restricted']);
    expect(CONTROLS).toHaveLength(19);
  });
});

describe('evaluatePss', () => {
  const bare = pod(`apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  containers:
  - name: app
    image: nginx
`);

  it('privileged allows everything; baseline allows a bare pod; restricted does not', () => {
    expect(evaluatePss(bare.pod, 'privileged')).toEqual({ allowed: true, level: 'privileged', version: 'v1.37', violations: [] });
    expect(evaluatePss(bare.pod, 'baseline').allowed).toBe(true);
    const r = evaluatePss(bare.pod, 'restricted', 'v1.24');
    expect(r.version).toBe('v1.24');
    expect(r.violations.map((v) => v.control)).toEqual(['allowPrivilegeEscalation', 'capabilities_restricted', 'runAsNonRoot', 'seccompProfile_restricted']);
    expect(r.violations[2]?.reason).toBe('runAsNonRoot != true (pod or container "app" must set securityContext.runAsNonRoot=true)');
    expect(at(bare.text, r.violations[2]?.at as { start: number; end: number })).toBe('app');
    expect(pssLevel(bare.pod)).toBe('baseline');
  });

  it('before v1.8 restricted has no allowPrivilegeEscalation, before v1.19 no seccomp, before v1.22 no capabilities requirement', () => {
    expect(evaluatePss(bare.pod, 'restricted', 'v1.7').violations.map((v) => v.control)).toEqual(['runAsNonRoot']);
    expect(evaluatePss(bare.pod, 'restricted', 'v1.18').violations.map((v) => v.control)).toEqual(['allowPrivilegeEscalation', 'runAsNonRoot']);
    expect(evaluatePss(bare.pod, 'restricted', 'v1.21').violations.map((v) => v.control)).toEqual(['allowPrivilegeEscalation', 'runAsNonRoot', 'seccompProfile_restricted']);
  });

  it('points at the exact field as written', () => {
    const p = pod(`apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  securityContext:
    runAsNonRoot: false
  containers:
  - name: app
    securityContext:
      privileged: true
      capabilities:
        add: [SYS_ADMIN]
`);
    const r = evaluatePss(p.pod, 'restricted');
    const byControl = Object.fromEntries(r.violations.map((v) => [v.control, v]));
    expect(at(p.text, byControl.privileged!.at)).toBe('privileged: true');
    expect(byControl.privileged!.field).toBe('spec.containers[0].securityContext.privileged');
    expect(at(p.text, byControl.runAsNonRoot!.at)).toBe('runAsNonRoot: false');
    expect(byControl.runAsNonRoot!.container).toBeUndefined();
    expect(byControl.capabilities_restricted!.locations.map((l) => [l.field, at(p.text, l.at), l.missing])).toEqual([
      ['spec.containers[0].securityContext.capabilities.drop', 'capabilities:\n        add: [SYS_ADMIN]', false],
      ['spec.containers[0].securityContext.capabilities.add[0]', 'SYS_ADMIN', false],
    ]);
    expect(pssLevel(p.pod)).toBe('privileged');
  });

  it('reads annotations from the pod template of a workload (AppArmor; seccomp before v1.19)', () => {
    const d = pod(`apiVersion: apps/v1
kind: Deployment
metadata:
  name: d
  annotations:
    container.apparmor.security.beta.kubernetes.io/app: unconfined
spec:
  template:
    metadata:
      annotations:
        seccomp.security.alpha.kubernetes.io/pod: unconfined
    spec:
      containers:
      - name: app
`);
    // the Deployment's own annotations do not apply to its pods
    expect(evaluatePss(d.pod, 'baseline').allowed).toBe(true);
    const old = evaluatePss(d.pod, 'baseline', 'v1.18');
    expect(old.violations.map((v) => v.reason)).toEqual(['seccompProfile (forbidden annotation seccomp.security.alpha.kubernetes.io/pod="unconfined")']);
    expect(old.violations[0]?.field).toBe('spec.template.metadata.annotations["seccomp.security.alpha.kubernetes.io/pod"]');
    expect(at(d.text, old.violations[0]?.at as { start: number; end: number })).toBe('seccomp.security.alpha.kubernetes.io/pod: unconfined');
    const cron = pod(`apiVersion: batch/v1
kind: CronJob
metadata:
  name: c
spec:
  jobTemplate:
    spec:
      template:
        metadata:
          annotations:
            container.apparmor.security.beta.kubernetes.io/job: unconfined
        spec:
          containers:
          - name: job
`);
    expect(evaluatePss(cron.pod, 'baseline').violations.map((v) => [v.control, v.container])).toEqual([['appArmorProfile', 'job']]);
  });

  it('Windows pods: the OS-aware controls skip them from v1.25, not before', () => {
    const w = pod(`apiVersion: v1
kind: Pod
metadata:
  name: w
spec:
  os: {name: windows}
  securityContext: {runAsNonRoot: true}
  containers:
  - name: app
`);
    expect(evaluatePss(w.pod, 'restricted', 'v1.25').allowed).toBe(true);
    expect(evaluatePss(w.pod, 'restricted', 'v1.24').violations.map((v) => v.control)).toEqual(['allowPrivilegeEscalation', 'capabilities_restricted', 'seccompProfile_restricted']);
    expect(pssLevel(w.pod)).toBe('restricted');
  });

  it('hostUsers: false relaxes runAsNonRoot, runAsUser and baseline procMount from v1.35 only', () => {
    const u = pod(`apiVersion: v1
kind: Pod
metadata:
  name: u
spec:
  hostUsers: false
  securityContext:
    runAsUser: 0
    seccompProfile: {type: RuntimeDefault}
  containers:
  - name: app
    securityContext:
      procMount: Unmasked
      allowPrivilegeEscalation: false
      capabilities: {drop: [ALL]}
`);
    expect(evaluatePss(u.pod, 'restricted', 'v1.35').violations.map((v) => v.control)).toEqual(['procMount_restricted']);
    expect(evaluatePss(u.pod, 'baseline', 'v1.35').allowed).toBe(true);
    expect(evaluatePss(u.pod, 'restricted', 'v1.34').violations.map((v) => v.control)).toEqual(['procMount', 'runAsNonRoot', 'runAsUser']);
    expect(evaluatePss(u.pod, 'baseline', 'v1.34').violations.map((v) => v.control)).toEqual(['procMount']);
  });

  it('a volume without a source is an emptyDir (API defaulting); an image volume is allowed at restricted', () => {
    const v = pod(`apiVersion: v1
kind: Pod
metadata:
  name: v
spec:
  volumes:
  - name: scratch
  - name: tools
    image: {reference: example.com/tools:1}
  - name: old
    gitRepo: {repository: https://example.com/x.git}
  containers:
  - name: app
`);
    const r = evaluatePss(v.pod, 'restricted');
    expect(r.violations.find((x) => x.control === 'restrictedVolumes')?.reason).toBe('restricted volume types (volume "old" uses restricted volume type "gitRepo")');
  });

  it('never throws on odd values', () => {
    const odd = pod(`apiVersion: v1
kind: Pod
metadata:
  name: odd
  annotations: [a, b]
spec:
  securityContext: 7
  volumes: {a: 1}
  containers:
  - name: app
    securityContext: "x"
    ports: [{hostPort: "8080"}, 3]
  - 5
  - securityContext:
      capabilities: {add: [null, 7], drop: ALL}
      seLinuxOptions: {}
      seccompProfile: {}
`);
    for (const level of ['baseline', 'restricted'] as const) {
      for (const v of ['v1.0', 'v1.19', 'v1.25', 'latest'] as const) expect(() => evaluatePss(odd.pod, level, v)).not.toThrow();
    }
    expect(evaluatePss(odd.pod, 'baseline').violations.map((v) => v.control)).toEqual(['capabilities_baseline', 'hostPorts', 'seccompProfile_baseline']);
  });
});

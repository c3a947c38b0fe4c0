import { defineContextRule } from '../pss/context.ts';
import type { FixSpec } from './define.ts';

export default defineContextRule({
  id: 'pss-namespace-label',
  severity: 'error',
  docs: {
    summary: 'Namespace has an invalid pod-security label',
    why: 'Pod security admission reads `pod-security.kubernetes.io/enforce`, `audit` and `warn` (a level: privileged, baseline or restricted) and their `-version` labels (`latest` or `v1.<minor>`). The API server rejects a Namespace whose value is anything else. A namespace that has such a value anyway (labelled before the admission plugin ran, or through an exemption) enforces restricted:latest for an invalid enforce level (fail closed) and ignores an invalid audit or warn level (fail open). A label under `pod-security.kubernetes.io/` with another name is ignored altogether, so the namespace is not protected the way it looks.',
    fix: 'Write the level in lower case (`restricted`) and the version as `v1.30` or `latest` (quoted in YAML when it could read as a number). Safe where the intent is plain (`Restricted` → `restricted`, `1.30` → `v1.30`).',
    url: 'https://kubernetes.io/docs/concepts/security/pod-security-admission/#pod-security-admission-labels-for-namespaces',
  },
  check() {
    // namespaces only: see checkNamespace
  },
  checkNamespace(ns, report) {
    for (const p of ns.problems) {
      const fixes: FixSpec[] = [];
      if (p.correction && p.node) {
        const node = p.node;
        const value = p.correction;
        fixes.push({ title: `Write ${JSON.stringify(value)}`, applicability: 'safe', edits: (e) => e.replaceScalar(node, value) });
      }
      report({ at: p.at, subject: p.label, message: p.message, severity: p.kind === 'unknown-label' ? 'warning' : 'error', ...(fixes.length ? { fixes } : {}) });
    }
  },
});

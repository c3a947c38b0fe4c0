/**
 * Namespaces in the same text and what pod-security admission makes of their labels
 * (`pod-security.kubernetes.io/{enforce,audit,warn}` and `<mode>-version`), after
 * pod-security-admission/api/helpers.go (ParseLevel, ParseVersion, PolicyToEvaluate) and
 * admission/admission.go (ValidateNamespace, EvaluatePod, EvaluatePodLike):
 *
 * - a level must be privileged, baseline or restricted; a version `latest` or `v1.<minor>`;
 * - creating (or relabelling) a Namespace with an invalid value is rejected by the API server;
 * - a namespace that has an invalid value anyway is evaluated with enforce=restricted (fail
 *   closed), audit and warn = privileged (fail open), and version latest;
 * - a missing level is the cluster default (privileged unless the AdmissionConfiguration says
 *   otherwise); a missing version is latest;
 * - enforce applies to Pods only; audit and warn apply to Pods and to the pod templates of
 *   workload resources (Deployment, Job, CronJob …), so a Deployment is admitted even when its
 *   pods will be rejected.
 */
import type { YMap, YNode, YScalar } from '../yaml/tree.ts';
import { asMap, asScalar, asSeq, get, getStr, str } from '../yaml/tree.ts';
import type { Document, Pod, Workload } from '../model/index.ts';
import type { Range } from './checks.ts';
import { fieldRange } from './checks.ts';
import { evaluatePss } from './evaluate.ts';
import type { PssViolation } from './evaluate.ts';
import type { PssLevel, PssVersion } from './version.ts';
import { correctLevel, correctVersion, describeVersion, isPssLevel, isPssVersion } from './version.ts';

export type PssMode = 'enforce' | 'audit' | 'warn';
export const MODES: readonly PssMode[] = ['enforce', 'audit', 'warn'];
export const LABEL_PREFIX = 'pod-security.kubernetes.io/';
const KNOWN_LABELS = new Set(MODES.flatMap((m) => [`${LABEL_PREFIX}${m}`, `${LABEL_PREFIX}${m}-version`]));

export interface ModePolicy {
  mode: PssMode;
  /** The level pod-security admission evaluates (an invalid value becomes restricted for enforce, privileged for audit and warn). */
  level: PssLevel;
  /** The version it evaluates at (an invalid or missing one is latest). */
  version: PssVersion;
  /** True when the namespace has the level label (else the cluster default, privileged, applies). */
  labelled: boolean;
  levelNode: YScalar | null;
  versionNode: YScalar | null;
}

export interface LabelProblem {
  /** The label key. */
  label: string;
  /** The value as written (undefined when it is not a scalar). */
  value: string | undefined;
  /** The value (or the label, when the key itself is the problem). */
  at: Range;
  /** The value node, for a fix that replaces it. */
  node: YNode | null;
  kind: 'level' | 'version' | 'not-a-string' | 'unknown-label';
  message: string;
  /** The value pod-security admission would accept, when the intent is obvious (`Restricted` → `restricted`). */
  correction?: string;
}

export interface NamespacePolicy {
  name: string;
  docIndex: number;
  node: YMap;
  nameNode: YScalar | null;
  labels: YMap | null;
  modes: Record<PssMode, ModePolicy>;
  problems: LabelProblem[];
}

/** Every Namespace object of the documents (Lists included), with its pod-security labels read. */
export function namespacePolicies(docs: readonly Document[]): NamespacePolicy[] {
  const out: NamespacePolicy[] = [];
  const visit = (obj: YMap, docIndex: number, depth: number) => {
    const kind = getStr(obj, 'kind');
    if (kind === 'Namespace') out.push(readNamespace(obj, docIndex));
    else if (kind?.endsWith('List') && depth < 4) {
      for (const it of asSeq(get(obj, 'items'))?.items ?? []) {
        const m = asMap(it);
        if (m) visit(m, docIndex, depth + 1);
      }
    }
  };
  for (const d of docs) {
    const root = asMap(d.contents);
    if (root) visit(root, d.index, 0);
  }
  return out;
}

function readNamespace(node: YMap, docIndex: number): NamespacePolicy {
  const meta = asMap(get(node, 'metadata'));
  const nameNode = asScalar(get(meta, 'name'));
  const labels = asMap(get(meta, 'labels'));
  const name = str(nameNode) ?? '(unnamed)';
  const problems: LabelProblem[] = [];
  const value = (key: string): { raw: YNode | null; text: string | undefined } => {
    const raw = get(labels, key);
    return { raw, text: raw ? str(raw) : undefined };
  };
  const rangeOf = (key: string, raw: YNode | null): Range => fieldRange(labels, key) ?? (raw ? { start: raw.start, end: raw.end } : { start: node.start, end: node.start });
  const notString = (key: string, raw: YNode | null): boolean => {
    const sc = asScalar(raw);
    if (sc && typeof sc.value === 'string') return false;
    const shown = sc ? (sc.value === null ? 'empty' : String(sc.value)) : 'not a value';
    const quoted = sc && sc.value !== null ? ` (write it quoted: "${String(sc.value)}")` : '';
    problems.push({
      label: key, value: sc && sc.value !== null ? String(sc.value) : undefined, at: rangeOf(key, raw), node: raw, kind: 'not-a-string',
      message: `Label ${key} of namespace "${name}" is ${sc && sc.value !== null ? `the ${typeof sc.value} ${shown}` : shown}, but label values are strings: the API server rejects the Namespace${quoted}`,
      ...(sc && sc.value !== null && typeof sc.value === 'number' && key.endsWith('-version') && correctVersion(String(sc.value)) ? { correction: correctVersion(String(sc.value)) as string } : {}),
    });
    return true;
  };
  const modes = {} as Record<PssMode, ModePolicy>;
  for (const mode of MODES) {
    const levelKey = `${LABEL_PREFIX}${mode}`;
    const versionKey = `${levelKey}-version`;
    const lv = value(levelKey);
    const vv = value(versionKey);
    let level: PssLevel = 'privileged';
    if (lv.raw) {
      if (notString(levelKey, lv.raw)) level = mode === 'enforce' ? 'restricted' : 'privileged';
      else if (isPssLevel(lv.text)) level = lv.text;
      else {
        level = mode === 'enforce' ? 'restricted' : 'privileged';
        const correction = correctLevel(lv.text ?? '');
        const effect = mode === 'enforce'
          ? 'a namespace that has it anyway enforces restricted:latest (pod-security admission fails closed)'
          : `a namespace that has it anyway gets no ${mode === 'warn' ? 'warnings' : 'audit annotations'} (pod-security admission fails open for ${mode})`;
        problems.push({
          label: levelKey, value: lv.text, at: rangeOf(levelKey, lv.raw), node: lv.raw, kind: 'level',
          message: `Label ${levelKey}: ${JSON.stringify(lv.text)} on namespace "${name}" is not a Pod Security level (privileged, baseline or restricted)${correction ? `; did you mean ${correction}?` : ''} The API server rejects the Namespace with this label, and ${effect}`,
          ...(correction ? { correction } : {}),
        });
      }
    }
    let version: PssVersion = 'latest';
    if (vv.raw) {
      if (notString(versionKey, vv.raw)) version = 'latest';
      else if (isPssVersion(vv.text)) version = vv.text;
      else {
        const correction = correctVersion(vv.text ?? '');
        problems.push({
          label: versionKey, value: vv.text, at: rangeOf(versionKey, vv.raw), node: vv.raw, kind: 'version',
          message: `Label ${versionKey}: ${JSON.stringify(vv.text)} on namespace "${name}" is not a Pod Security version (latest or v1.<minor>, e.g. v1.30)${correction ? `; did you mean ${correction}?` : ''} The API server rejects the Namespace with this label, and a namespace that has it anyway evaluates ${mode} at latest`,
          ...(correction ? { correction } : {}),
        });
      }
    }
    modes[mode] = { mode, level, version, labelled: !!lv.raw, levelNode: asScalar(lv.raw), versionNode: asScalar(vv.raw) };
  }
  for (const pair of labels?.pairs ?? []) {
    if (!pair.name.startsWith(LABEL_PREFIX) || KNOWN_LABELS.has(pair.name)) continue;
    const suffix = pair.name.slice(LABEL_PREFIX.length).toLowerCase();
    const known = [...KNOWN_LABELS].map((k) => k.slice(LABEL_PREFIX.length));
    const guess = known.filter((k) => suffix.startsWith(k)).sort((a, b) => b.length - a.length)[0] ?? known.find((k) => distance(k, suffix) <= 2);
    const near = guess ? LABEL_PREFIX + guess : undefined;
    problems.push({
      label: pair.name, value: str(pair.value), at: { start: pair.key.start, end: pair.key.end }, node: pair.key, kind: 'unknown-label',
      message: `Label ${pair.name} on namespace "${name}" is not a pod-security label: pod-security admission ignores it${near ? ` (did you mean ${near}?)` : ''}. The labels are ${LABEL_PREFIX}enforce, audit and warn, each with a -version label`,
    });
  }
  return { name, docIndex, node, nameNode, labels, modes, problems };
}

/** Levenshtein distance, for "did you mean" on label keys. */
function distance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) cur.push(Math.min((prev[j] as number) + 1, (cur[j - 1] as number) + 1, (prev[j - 1] as number) + (a[i - 1] === b[j - 1] ? 0 : 1)));
    prev = cur;
  }
  return prev[b.length] as number;
}

/** What pod-security admission does with one workload in one mode of its namespace. */
export interface ModeVerdict {
  mode: PssMode;
  level: PssLevel;
  version: PssVersion;
  allowed: boolean;
  violations: PssViolation[];
  /**
   * - `rejected`: enforce, a Pod that fails: the API server refuses to create it;
   * - `pods-rejected`: enforce, a pod template that fails: the object is admitted (enforce checks
   *   Pods only) but every pod its controller creates is refused;
   * - `warning`: warn, a Pod or template that fails: admitted, the client prints a warning;
   * - `audited`: audit, a Pod or template that fails: admitted, the audit event is annotated;
   * - `allowed`: passes (or the level is privileged).
   */
  outcome: 'rejected' | 'pods-rejected' | 'warning' | 'audited' | 'allowed';
}

export interface NamespaceVerdict {
  namespace: NamespacePolicy;
  enforce: ModeVerdict;
  audit: ModeVerdict;
  warn: ModeVerdict;
}

/** Evaluates a workload against each mode of its namespace. */
export function namespaceVerdict(pod: Pod, ns: NamespacePolicy): NamespaceVerdict {
  const isPod = pod.workload.kind === 'Pod';
  const one = (mode: PssMode): ModeVerdict => {
    const m = ns.modes[mode];
    const r = evaluatePss(pod, m.level, m.version);
    const outcome: ModeVerdict['outcome'] = r.allowed ? 'allowed' : mode === 'enforce' ? (isPod ? 'rejected' : 'pods-rejected') : mode === 'warn' ? 'warning' : 'audited';
    return { mode, level: m.level, version: m.version, allowed: r.allowed, violations: r.violations, outcome };
  };
  return { namespace: ns, enforce: one('enforce'), audit: one('audit'), warn: one('warn') };
}

/** `restricted:latest` as pod-security admission writes a level and version. */
export function levelVersion(m: { level: PssLevel; version: PssVersion }): string {
  return `${m.level}:${m.version}`;
}

/** The controllers whose pods are created from a template, for messages. */
export function podsOf(kind: string): string {
  switch (kind) {
    case 'Deployment': return 'the pods its ReplicaSets create';
    case 'CronJob': return 'the pods of the Jobs it creates';
    default: return 'the pods it creates';
  }
}

/** One sentence for an enforce verdict: what the API server does with the object and its pods. */
export function enforceSentence(w: Workload, v: NamespaceVerdict): string {
  const e = v.enforce;
  const policy = `PodSecurity "${levelVersion(e)}"`;
  const controls = e.violations.map((x) => x.control).join(', ');
  const ns = `namespace "${v.namespace.name}" enforces ${e.level}${e.version === 'latest' ? '' : ` at ${describeVersion(e.version)}`}`;
  if (w.kind === 'Pod') {
    return `Pod "${w.name}" would be rejected: ${ns}, and the pod violates ${policy} (${controls}); the API server refuses to create it`;
  }
  const warn = v.warn.allowed
    ? `no warning is shown (the namespace ${v.namespace.modes.warn.labelled ? `warns at ${levelVersion(v.warn)} only` : 'sets no warn level'})`
    : `kubectl prints a warning ("would violate PodSecurity \\"${levelVersion(v.warn)}\\"")`;
  return `${w.kind} "${w.name}" is admitted but ${podsOf(w.kind)} will be rejected: ${ns}, which pod-security admission applies to Pods only, and the pod template violates ${policy} (${controls}); on create ${warn}, and the controller's pod creations fail with FailedCreate events`;
}

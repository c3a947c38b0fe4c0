/**
 * Plain, serialisable Pod Security data for the Analysis (the Policy tab, the CLI's JSON): each
 * workload's level and failing controls with their ranges, its namespace's verdicts, and the
 * namespaces of the text with their labels and problems.
 */
import type { SourceRange } from '../text.ts';
import type { LineIndex } from '../text.ts';
import type { Pod } from '../model/index.ts';
import type { RuleContext } from './context.ts';
import { namespaceFor } from './context.ts';
import type { PssViolation } from './evaluate.ts';
import { evaluatePss } from './evaluate.ts';
import type { ModeVerdict, PssMode } from './namespaces.ts';
import { enforceSentence, levelVersion, MODES, namespaceVerdict } from './namespaces.ts';
import type { PssLevel, PssVersion } from './version.ts';

export interface PssLocationInfo {
  range: SourceRange;
  field: string;
  missing: boolean;
  container: string | undefined;
  problem: string;
}

export interface PssViolationInfo {
  control: string;
  controlLevel: 'baseline' | 'restricted';
  title: string;
  reason: string;
  field: string;
  container: string | undefined;
  range: SourceRange;
  locations: PssLocationInfo[];
}

export interface ModeVerdictInfo {
  mode: PssMode;
  level: PssLevel;
  version: PssVersion;
  allowed: boolean;
  outcome: ModeVerdict['outcome'];
  controls: string[];
}

export interface NamespaceVerdictInfo {
  namespace: string;
  enforce: ModeVerdictInfo;
  audit: ModeVerdictInfo;
  warn: ModeVerdictInfo;
  /** One sentence: what the API server does with this object and its pods. */
  summary: string;
}

export interface WorkloadPss {
  /** The highest level the pod spec meets at `version`. */
  level: PssLevel;
  /** The version evaluated (latest resolved), `v1.<minor>`. */
  version: PssVersion;
  /** Violations at baseline. */
  baseline: PssViolationInfo[];
  /** Violations at restricted (baseline controls included, as pod-security admission reports them). */
  restricted: PssViolationInfo[];
  /** The verdicts of the workload's namespace, when the text holds that Namespace. */
  namespace: NamespaceVerdictInfo | undefined;
}

export interface NamespaceInfo {
  name: string;
  docIndex: number;
  range: SourceRange;
  modes: Record<PssMode, { level: PssLevel; version: PssVersion; labelled: boolean }>;
  problems: Array<{ label: string; value: string | undefined; message: string; range: SourceRange; correction: string | undefined }>;
}

function violationInfo(v: PssViolation, lines: LineIndex): PssViolationInfo {
  return {
    control: v.control,
    controlLevel: v.controlLevel,
    title: v.title,
    reason: v.reason,
    field: v.field,
    container: v.container,
    range: lines.range(v.at.start, v.at.end),
    locations: v.locations.map((l) => ({ range: lines.range(l.at.start, l.at.end), field: l.field, missing: l.missing, container: l.container, problem: l.problem })),
  };
}

function modeInfo(m: ModeVerdict): ModeVerdictInfo {
  return { mode: m.mode, level: m.level, version: m.version, allowed: m.allowed, outcome: m.outcome, controls: m.violations.map((v) => v.control) };
}

/** A workload's Pod Security data at the context's version. */
export function workloadPss(pod: Pod, ctx: RuleContext, lines: LineIndex): WorkloadPss {
  const b = evaluatePss(pod, 'baseline', ctx.pssVersion);
  const r = evaluatePss(pod, 'restricted', ctx.pssVersion);
  const level: PssLevel = !b.allowed ? 'privileged' : r.allowed ? 'restricted' : 'baseline';
  const ns = namespaceFor(pod, ctx);
  let namespace: NamespaceVerdictInfo | undefined;
  if (ns) {
    const v = namespaceVerdict(pod, ns);
    const w = pod.workload;
    const summary = !v.enforce.allowed
      ? enforceSentence(w, v)
      : !v.warn.allowed
        ? `${w.kind} "${w.name}" is admitted with a warning: namespace "${ns.name}" enforces ${levelVersion(v.enforce)}, which it meets, and warns at ${levelVersion(v.warn)}, which it does not (${v.warn.violations.map((x) => x.control).join(', ')})`
        : `${w.kind} "${w.name}" is admitted: it meets namespace "${ns.name}"'s enforce level ${levelVersion(v.enforce)}`;
    namespace = { namespace: ns.name, enforce: modeInfo(v.enforce), audit: modeInfo(v.audit), warn: modeInfo(v.warn), summary };
  }
  return {
    level,
    version: b.version,
    baseline: b.violations.map((v) => violationInfo(v, lines)),
    restricted: r.violations.map((v) => violationInfo(v, lines)),
    namespace,
  };
}

/** The namespaces of the text, plain. */
export function namespaceInfos(ctx: RuleContext, lines: LineIndex): NamespaceInfo[] {
  return ctx.namespaces.map((n) => ({
    name: n.name,
    docIndex: n.docIndex,
    range: lines.range(n.node.start, n.node.end),
    modes: Object.fromEntries(MODES.map((m) => [m, { level: n.modes[m].level, version: n.modes[m].version, labelled: n.modes[m].labelled }])) as NamespaceInfo['modes'],
    problems: n.problems.map((p) => ({ label: p.label, value: p.value, message: p.message, range: lines.range(p.at.start, p.at.end), correction: p.correction })),
  }));
}


import type { SourceRange } from './text.ts';
import type { ContainerType } from './model/index.ts';

export type { SourceRange, Position } from './text.ts';
export type { ContainerType } from './model/index.ts';
import type { NamespaceInfo, WorkloadPss } from './pss/info.ts';
import type { PssLevel } from './pss/version.ts';
export type { NamespaceInfo, WorkloadPss, PssViolationInfo, PssLocationInfo, NamespaceVerdictInfo, ModeVerdictInfo } from './pss/info.ts';
export type { PssLevel, PssVersion } from './pss/version.ts';

export type Severity = 'error' | 'warning' | 'info';

/**
 * How far a fix can be trusted (after Ruff):
 * - safe: keeps what the workload does; applied by "Fix all" and `fix --safe-only`;
 * - unsafe: changes how the container runs (e.g. makes its root read-only); applied by "Fix all"
 *   and `fix`, not by `--safe-only`;
 * - manual: a suggestion applied only when the user picks it, never by "Fix all".
 */
export type Applicability = 'safe' | 'unsafe' | 'manual';

/** Replace [start, end) of the source text with `text`. An insertion has start === end. */
export interface TextEdit {
  start: number;
  end: number;
  text: string;
}

export interface Fix {
  title: string;
  applicability: Applicability;
  edits: TextEdit[];
  /** Keys the fix creates; two fixes that create the same key are not applied in one pass. */
  locks?: string[];
}

export interface RuleDocs {
  summary: string;
  why: string;
  fix: string;
  url: string;
}

export interface RuleMeta {
  id: string;
  severity: Severity;
  docs: RuleDocs;
}

export interface Finding {
  /**
   * Unique within one Analysis and the same for every analysis of the same text:
   * `rule|workload|container|offset`, then `|subject` when the finding has one, then `#2`, `#3` …
   * for a finding that would still share its key with an earlier one (in report order).
   */
  key: string;
  ruleId: string;
  severity: Severity;
  message: string;
  range: SourceRange;
  /** Index into Analysis.workloads; -1 for a finding on a Namespace object (kind "Namespace"). */
  workload: number;
  kind: string;
  name: string;
  namespace: string | undefined;
  container: string | undefined;
  fixes: Fix[];
  /** The Pod Security control (check id, e.g. runAsNonRoot) of a pss-* finding. */
  control?: string;
  /**
   * What the finding is about when its rule can report several at one spot: the path written (or
   * mounted), the variable, the volume, the tool, the label or the Pod Security control.
   */
  subject?: string;
}

/** A problem with the text itself (syntax, template, fragment, size), not with a workload. */
export interface Diagnostic {
  code: string;
  severity: Severity;
  message: string;
  range: SourceRange;
  docIndex: number | undefined;
}

export interface MountInfo {
  name: string;
  mountPath: string;
  readOnly: boolean;
  subPath: string | undefined;
  /** Volume type, or undefined when the pod has no such volume. */
  volumeType: string | undefined;
  writable: boolean | 'unknown';
  range: SourceRange;
}

/** What would fail at start-up if the container ran as written. */
export interface Prediction {
  /** The path the program writes. */
  path: string;
  /** What it keeps there. */
  what: string;
  /** The program's own error line. */
  error: string;
  /** Why the path is not writable: the read-only root, or a read-only mount. */
  reason: string;
  /** Where the fact comes from: the image, its runtime, an env var, or the command. */
  origin: 'image' | 'runtime' | 'env' | 'command';
  /** The fix that prevents it (the title of the finding's first fix), when there is one. */
  fix: string | undefined;
  /** The source the fact was read from. */
  source: string | undefined;
}

export interface ContainerInfo {
  name: string;
  type: ContainerType;
  image: string | undefined;
  /** What rootlock knows of the image: its knowledge entry, or undefined for an image it does not know. */
  knowledge: { id: string; title: string; runtimes: string[]; versionAssumed: boolean } | undefined;
  /** What would fail at start-up as written (read-only containers only), in the order it would happen. */
  predicted: Prediction[];
  /** True only when the container itself sets readOnlyRootFilesystem: true. */
  readOnlyRootFilesystem: boolean;
  range: SourceRange;
  mounts: MountInfo[];
}

export interface VolumeInfo {
  name: string;
  type: string;
  readOnlySource: boolean;
  medium: string | undefined;
  sizeLimit: string | undefined;
  range: SourceRange;
}

export interface WorkloadInfo {
  kind: string;
  apiVersion: string | undefined;
  name: string;
  namespace: string | undefined;
  docIndex: number;
  /** Path from the object to its pod spec, e.g. spec.template.spec */
  podPath: string;
  os: string | undefined;
  range: SourceRange;
  containers: ContainerInfo[];
  volumes: VolumeInfo[];
  /** The highest Pod Security level the pod spec meets at the analysis' version. */
  pssLevel: PssLevel;
  /** Failing controls per level, and the verdicts of its namespace when the text holds it. */
  pss: WorkloadPss;
}

/** The result of analyze(): plain data, safe to post from a Web Worker or print as JSON. */
export interface Analysis {
  diagnostics: Diagnostic[];
  workloads: WorkloadInfo[];
  findings: Finding[];
  /** Namespace objects of the text with their pod-security labels. */
  namespaces: NamespaceInfo[];
  summary: { errors: number; warnings: number; infos: number; containers: number; readOnlyContainers: number };
}

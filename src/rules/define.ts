import type { Applicability, RuleDocs, Severity } from '../types.ts';
import type { Container, Pod } from '../model/index.ts';
import type { EditBuilder } from '../fixes/edits.ts';
import type { YNode } from '../yaml/tree.ts';
import type { RuleContext } from '../pss/context.ts';
import type { NamespacePolicy } from '../pss/namespaces.ts';

export type { RuleContext } from '../pss/context.ts';

export type { Container, Pod, Mount, Volume } from '../model/index.ts';
export type { Need, ContainerWrites } from '../model/writes.ts';
export type { EditBuilder } from '../fixes/edits.ts';

export interface FixSpec {
  title: string;
  applicability: Applicability;
  edits: (e: EditBuilder) => void;
}

export interface Report {
  /** Where the problem is: a node of the source, or a range of offsets. */
  at: YNode | { start: number; end: number };
  message: string;
  /** Overrides the rule's severity for this finding. */
  severity?: Severity;
  container?: Container;
  fixes?: FixSpec[];
  /** The Pod Security control the finding is about (pss-* rules): Finding.control. */
  control?: string;
  /**
   * What the finding is about, when the rule can report several at one spot or in one container
   * (the path, variable, volume, tool or label): Finding.subject, part of Finding.key and of the
   * export fix id. Defaults to `control`.
   */
  subject?: string;
}

export interface Rule {
  id: string;
  severity: Severity;
  docs: RuleDocs;
  /** `ctx`: the text's Namespace objects and the Pod Security version (most rules ignore it). */
  check(pod: Pod, report: (r: Report) => void, ctx: RuleContext): void;
  /** Runs once per Namespace object of the text; its findings have no workload (Finding.workload -1). */
  checkNamespace?(ns: NamespacePolicy, report: (r: Report) => void, ctx: RuleContext): void;
}

export function defineRule(rule: Rule): Rule {
  return rule;
}

/**
 * What a rule needs to know beyond its one pod: the Pod Security Standards version to evaluate at
 * and the Namespace objects of the same text. analyze() builds it once per text and hands it to
 * every rule (`check(pod, report, ctx)`), and runs `checkNamespace` once per Namespace object.
 */
import type { Document, Pod } from '../model/index.ts';
import type { Report, Rule } from '../rules/define.ts';
import type { NamespacePolicy } from './namespaces.ts';
import { namespacePolicies } from './namespaces.ts';
import type { PssVersion } from './version.ts';

export interface RuleContext {
  /** The policy version pss-baseline and pss-restricted evaluate at (the CLI's --pss-version; default latest). */
  pssVersion: PssVersion;
  /** The Namespace objects of the text, in order. */
  namespaces: readonly NamespacePolicy[];
}

export const DEFAULT_CONTEXT: RuleContext = { pssVersion: 'latest', namespaces: [] };

/** The context of one text. */
export function ruleContext(docs: readonly Document[], pssVersion: PssVersion = 'latest'): RuleContext {
  return { pssVersion, namespaces: namespacePolicies(docs) };
}

/** A finding's report, with the Pod Security control it is about (serialised as Finding.control). */
export interface PssReport extends Report {
  control?: string;
}

/**
 * A rule that reads the context, and may also check each Namespace object (its findings have no
 * workload: Finding.workload -1, kind "Namespace"). A ContextRule is a Rule: analyze() passes the
 * context as a third argument, which a plain Rule ignores.
 */
export interface ContextRule extends Rule {
  check(pod: Pod, report: (r: Report) => void, ctx?: RuleContext): void;
  checkNamespace?(ns: NamespacePolicy, report: (r: Report) => void, ctx: RuleContext): void;
}

export function defineContextRule(rule: ContextRule): ContextRule {
  return rule;
}

/** The same namespace lookup every namespace-aware rule uses. */
export function namespaceFor(pod: Pod, ctx: RuleContext | undefined): NamespacePolicy | undefined {
  const name = pod.workload.namespace;
  if (name === undefined || !ctx) return undefined;
  let found: NamespacePolicy | undefined;
  for (const n of ctx.namespaces) if (n.name === name) found = n; // the last one wins, as kubectl apply leaves it
  return found;
}

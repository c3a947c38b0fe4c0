/**
 * The part of analyze() that runs rules on Namespace objects (ContextRule.checkNamespace): their
 * findings have no workload (Finding.workload -1, kind "Namespace", name and namespace the
 * namespace's name). Kept here so that analyze.ts needs one call.
 */
import type { Finding, Fix } from '../types.ts';
import type { LineIndex } from '../text.ts';
import type { Report, Rule } from '../rules/define.ts';
import { EditBuilder } from '../fixes/edits.ts';
import type { EditContext } from '../fixes/edits.ts';
import type { ContextRule, PssReport, RuleContext } from './context.ts';

export function runNamespaceRules(rules: readonly Rule[], ctx: RuleContext, edits: EditContext, lines: LineIndex, out: Finding[]): void {
  for (const rule of rules as readonly ContextRule[]) {
    if (!rule.checkNamespace) continue;
    for (const ns of ctx.namespaces) {
      rule.checkNamespace(ns, (r: Report) => {
        const start = r.at.start;
        const end = Math.max(r.at.end, start);
        const fixes: Fix[] = [];
        for (const spec of r.fixes ?? []) {
          const e = new EditBuilder(edits);
          spec.edits(e);
          if (e.edits.length) fixes.push({ title: spec.title, applicability: spec.applicability, edits: e.edits, ...(e.locks.length ? { locks: e.locks } : {}) });
        }
        const control = (r as PssReport).control;
        const subject = r.subject ?? control;
        out.push({
          key: `${rule.id}|ns:${ns.name}|${start}${subject !== undefined ? `|${subject}` : ''}`,
          ruleId: rule.id,
          severity: r.severity ?? rule.severity,
          message: r.message,
          range: lines.range(start, end),
          workload: -1,
          kind: 'Namespace',
          name: ns.name,
          namespace: ns.name,
          container: undefined,
          fixes,
          ...(control ? { control } : {}),
          ...(subject !== undefined ? { subject } : {}),
        } as Finding);
      }, ctx);
    }
  }
}

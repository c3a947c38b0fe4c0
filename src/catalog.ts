/**
 * The rule catalog: every rule's id, default severity and documentation, in report order. Its own
 * module, and marked pure, so that code that imports something else from src/index.ts does not
 * keep every rule in its bundle.
 */
import { rules } from './rules/index.ts';
import type { RuleMeta } from './types.ts';

function catalogOf(list: readonly RuleMeta[]): readonly RuleMeta[] {
  return list.map((r) => ({ id: r.id, severity: r.severity, docs: r.docs }));
}

/** Every rule's id, default severity and documentation, in report order. */
export const ruleCatalog: readonly RuleMeta[] = /* @__PURE__ */ catalogOf(rules);

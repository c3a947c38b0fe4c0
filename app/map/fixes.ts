import type { Finding, MapNode } from '../../src/index.ts';

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** True when `message` names `path` as a whole path (not as the start of a longer one). */
export function mentionsPath(message: string, path: string): boolean {
  return new RegExp(`${escape(path)}(?![\\w/.-]*[\\w/-])`).test(message);
}

/**
 * The finding whose fix prevents a failing node's write, and which of its fixes to apply: the one
 * the engine names (`failing.fixTitle`), else the first that is not a mere suggestion — the fix the
 * Findings panel's "Fix" applies. Findings are matched by the key the map gives; several findings
 * can share a key (same rule, container and position), so the fix title and the path decide
 * between them. When the map names no finding, one of the same container that names the path is
 * used. Undefined when nothing can be applied in one click.
 */
export function fixForNode(node: MapNode, container: string, workload: number, findings: readonly Finding[]): { finding: Finding; index: number } | undefined {
  const failing = node.failing;
  if (!failing) return undefined;
  let candidates = failing.findingKey ? findings.filter((f) => f.key === failing.findingKey) : [];
  if (candidates.length > 1 && failing.fixTitle) {
    const byTitle = candidates.filter((f) => f.fixes.some((x) => x.title === failing.fixTitle));
    if (byTitle.length) candidates = byTitle;
  }
  if (candidates.length > 1) {
    const byPath = candidates.filter((f) => mentionsPath(f.message, node.path));
    if (byPath.length) candidates = byPath;
  }
  if (!candidates.length) {
    candidates = findings.filter((f) => f.workload === workload && f.container === container && f.severity !== 'info' && mentionsPath(f.message, node.path));
  }
  for (const finding of candidates) {
    let index = failing.fixTitle ? finding.fixes.findIndex((x) => x.title === failing.fixTitle && x.applicability !== 'manual') : -1;
    if (index < 0) index = finding.fixes.findIndex((x) => x.applicability !== 'manual');
    if (index >= 0) return { finding, index };
  }
  return undefined;
}

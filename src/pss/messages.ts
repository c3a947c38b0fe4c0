/** How findings word a Pod Security violation: the control, the exact field, and upstream's reason. */
import type { PssViolation } from './evaluate.ts';
import type { PssVersion } from './version.ts';

/** `Deployment "web" does not meet Pod Security "restricted:latest": control runAsNonRoot (…) — field problem. pod-security admission: reason` */
export function violationMessage(workload: string, level: 'baseline' | 'restricted', version: PssVersion, v: PssViolation): string {
  const first = v.locations[0];
  const more = v.locations.length > 1 ? ` (and ${v.locations.length - 1} more ${v.locations.length === 2 ? 'place' : 'places'})` : '';
  const where = first ? `: ${first.field} ${first.problem}${more}` : '';
  return `${workload} does not meet Pod Security "${level}:${version}", control ${v.control} (${v.title})${where}. Pod security admission says: ${v.reason}`;
}

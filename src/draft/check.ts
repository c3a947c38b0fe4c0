/**
 * A draft is analysed before it is handed out. It is built to analyse clean; should rootlock still
 * report an error or a warning on it (a knowledge entry the draft does not handle yet), the finding
 * becomes a note, so the user reads it next to the draft rather than meeting it unexplained.
 */
import { analyze } from '../analyze.ts';
import type { DraftNote } from './plan.ts';

/**
 * A warning note for each error and warning rootlock reports on `text`. With `before` (the text a
 * container was added to), only findings that are new are noted.
 */
export function findingNotes(text: string, before?: string): DraftNote[] {
  const old = new Set(before === undefined ? [] : analyze(before).findings.map((f) => `${f.ruleId}|${f.message}`));
  return analyze(text).findings
    .filter((f) => f.severity !== 'info' && !old.has(`${f.ruleId}|${f.message}`))
    .map((f) => ({ level: 'warning', message: `rootlock reports on this draft: ${f.message}.` }));
}

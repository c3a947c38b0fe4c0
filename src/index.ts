/**
 * rootlock's engine: the one public API. Pure TypeScript with no DOM and no Node built-ins, so it
 * runs the same in the browser (in a Web Worker), in Node (the CLI, benchmarks) and in tests.
 */
import { analyze } from './analyze.ts';
import type { AnalyzeOptions } from './analyze.ts';
import { applyEdits, fixAll } from './fixes/apply.ts';
import type { FixAllOptions, FixAllResult } from './fixes/apply.ts';

export * from './types.ts';
export { analyze, DEFAULT_MAX_LENGTH } from './analyze.ts';
export type { AnalyzeOptions } from './analyze.ts';
export { applyEdits, compatibleFixes, preferredFix } from './fixes/apply.ts';
export type { AppliedFix, FixAllOptions, FixAllResult } from './fixes/apply.ts';
export { LineIndex } from './text.ts';

export { ruleCatalog } from './catalog.ts';

/** Applies every fix of the chosen applicability until nothing is left to fix (see fixAll). */
export function applyFixes(text: string, options: FixAllOptions & AnalyzeOptions = {}): FixAllResult {
  return fixAll(text, (t) => analyze(t, options), options);
}

/** Applies one fix's edits to the text it was computed for. */
export function applyFix(text: string, fix: { edits: Parameters<typeof applyEdits>[1] }): string {
  return applyEdits(text, fix.edits);
}

export { formEdits } from './form.ts';
export type { FormOp, FormResult, ContainerRef, VolumeSource, Plain } from './form.ts';

export { formView } from './formView.ts';
export type { FormView, WorkloadView, ContainerView, ContainerSecurityView, PodSecurityView, VolumeView, VolumeSourceView, MountView, FormViewSyntaxError } from './formView.ts';

export { filesystemMap } from './fsmap.ts';
export type { FilesystemMap, MapColumn, MapNode, MapLink, MapWrite, MapFailure, NodeKind, StoryEntry, StoryStep } from './fsmap.ts';

export { draftWorkload, addContainer, imageSuggestions, DRAFT_KINDS } from './draft/index.ts';
export type { DraftKind, DraftOptions, DraftResult, DraftNote, AddContainerOptions, AddContainerResult, ContainerRole, ImageSuggestion } from './draft/index.ts';

export * from './export/index.ts';

export { evaluatePss, pssLevel, controlsAt, CONTROLS } from './pss/evaluate.ts';
export type { PssResult, PssViolation, ControlInfo } from './pss/evaluate.ts';
export { NEWEST_MINOR, isPssLevel, isPssVersion } from './pss/version.ts';
export { harden, hardenEdits } from './pss/harden.ts';
export type { HardenResult, HardenOptions } from './pss/harden.ts';
export { generatePolicy, policyNotes, policyProblems, validatePolicyOptions, POLICY_NAME } from './policy/generate.ts';
export type { PolicyField, PolicyKind, PolicyOptions, PolicyProblem } from './policy/generate.ts';

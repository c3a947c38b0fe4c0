/**
 * Drafting from an image name: a new hardened workload, a container added to an existing one, and
 * the known image names for completion. Everything comes from the knowledge base through the same
 * model the rules read, so what is drafted analyses clean.
 */
export { draftWorkload, DRAFT_KINDS } from './workload.ts';
export type { DraftKind, DraftOptions, DraftResult } from './workload.ts';
export { addContainer } from './container.ts';
export type { AddContainerOptions, AddContainerResult, ContainerRole } from './container.ts';
export { imageSuggestions } from './suggest.ts';
export type { ImageSuggestion } from './suggest.ts';
export type { DraftNote } from './plan.ts';

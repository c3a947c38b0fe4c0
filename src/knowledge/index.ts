/**
 * The knowledge base: what images and runtimes write at run time, with a source for every fact,
 * and the lookups from an image reference (and a command) to it.
 */
export type {
  ImageKnowledge,
  PathPurpose,
  RuntimeKnowledge,
  Source,
  VolumeKind,
  WritablePath,
} from './types.ts';
export { images } from './images.ts';
export { runtimes } from './runtimes.ts';
export {
  findImage,
  findRuntime,
  normalizeRepository,
  parseImageRef,
  pathsFor,
  versionApplies,
} from './match.ts';
export type { ParsedRef, VersionedPaths } from './match.ts';

/**
 * The light entry of the engine: what page code can import without pulling the rules, the model,
 * the YAML parser or the knowledge base into its bundle — share links, the joined-files format,
 * applying text edits, offsets to lines, and the engine's types. No top-level work of its own; what
 * it reaches is listed (and kept so) by src/light.test.ts. Everything here is also exported by
 * src/index.ts, the full API.
 */
export type * from './types.ts';

export { encodeShare, decodeShare, isShareFragment, shareFits, SHARE_MAX_URL, SHARE_PREFIX } from './export/share.ts';
export type { SharePayload, DecodedShare, ShareDecodeError } from './export/share.ts';
export { joinFiles, splitFiles, isJoined, FILE_MARKER } from './export/files.ts';
export type { NamedFile } from './export/files.ts';
export { applyEdits } from './fixes/apply.ts';
export { LineIndex } from './text.ts';

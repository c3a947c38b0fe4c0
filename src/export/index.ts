/** Export formats and share links: the pure functions behind the export dialog and "Share". */
export { listFixes, applySelected } from './select.ts';
export type { FixChoice, SelectOptions, SelectedResult } from './select.ts';
export { kustomizeOverlay, PATCH_DIR } from './kustomize.ts';
export type { KustomizeOptions, KustomizeOverlay, OverlayFile, OverlayPatch } from './kustomize.ts';
export { jsonPatches } from './jsonPatch.ts';
export type { JsonPatchOp, WorkloadPatch } from './jsonPatch.ts';
export { reviewReport, GITHUB_COMMENT_MAX } from './report.ts';
export type { ReportOptions } from './report.ts';
export { joinFiles, splitFiles, isJoined, FILE_MARKER } from './files.ts';
export type { NamedFile } from './files.ts';
export { encodeShare, decodeShare, isShareFragment, shareFits, SHARE_MAX_URL, SHARE_PREFIX } from './share.ts';
export type { SharePayload, DecodedShare, ShareDecodeError } from './share.ts';
export { unifiedDiff } from './diff.ts';
export { zipFiles } from './zip.ts';
export type { ZipEntry } from './zip.ts';
export type { Json } from './json.ts';

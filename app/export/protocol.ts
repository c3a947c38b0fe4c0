import type { DecodedShare, FixChoice, KustomizeOverlay, NamedFile, PolicyKind, PolicyOptions, PolicyProblem, SharePayload, TextEdit, WorkloadPatch, ZipEntry } from '../../src/index.ts';

/**
 * Messages between the export dialog and its own Web Worker (export.worker.ts). The export runs the
 * "Fix all" loop several times over (once per switch of a fix) and builds every format; it has its
 * own worker so that this never waits behind, or holds up, the live analysis of the text. Share
 * links and the joining of several files go through it too, so that the page's first bundle does
 * not carry the engine (only the workers do).
 */
export type ExportRequest =
  /** The fixes "Fix all" would apply to the text (listFixes). */
  | { type: 'fixes'; id: number; text: string }
  /** The corrected text with the chosen fixes (applySelected), and every export format of it. */
  | { type: 'build'; id: number; baseline: string; text: string; ids: string[]; fileName: string }
  /** A zip archive of the entries (zipFiles). */
  | { type: 'zip'; id: number; entries: ZipEntry[] }
  /** Several files as one text (joinFiles). */
  | { type: 'join'; id: number; files: NamedFile[] }
  /** A share link: `base` + `#` + the encoded payload, and whether it is short enough to share. */
  | { type: 'shareEncode'; id: number; base: string; payload: SharePayload }
  | { type: 'shareDecode'; id: number; fragment: string }
  /** "Harden to restricted + read-only root" of one workload (its index) or of every workload (null). */
  | { type: 'harden'; id: number; text: string; workload: number | null; pssVersion: string }
  /** An enforcement policy (generatePolicy), or the problems with the options. */
  | { type: 'policy'; id: number; kind: PolicyKind; options: PolicyOptions };

export interface HardenBuild {
  /** The hardened text. */
  text: string;
  /** Line edits that turn the text it was asked for into `text`. */
  edits: TextEdit[];
  /** Titles of the fixes applied, in order. */
  applied: string[];
  /** Set when a pass was refused because its output would not parse (a rootlock bug). */
  refused?: string;
}

export type PolicyBuild = { ok: true; yaml: string; notes: string[] } | { ok: false; problems: PolicyProblem[]; notes: string[] };

export interface ExportBuild {
  /** The editor's text with the chosen fixes applied: byte-identical outside the fixed spots. */
  corrected: string;
  /** Ids of the fixes applied. */
  applied: string[];
  /** Ids asked for but not applied: each builds on a fix that is switched off. */
  skipped: string[];
  /** Set when a pass was refused because its output would not parse (a rootlock bug). */
  refused?: string;
  /** The corrected text split back into the files it was joined from, or null for a single file. */
  files: NamedFile[] | null;
  overlay: KustomizeOverlay;
  patches: WorkloadPatch[];
  /** Review report (Markdown) of the original against the corrected text. */
  report: string;
}

export type ExportResponse =
  | { type: 'fixes'; id: number; fixes: FixChoice[] }
  | { type: 'build'; id: number; build: ExportBuild }
  | { type: 'zip'; id: number; bytes: Uint8Array }
  | { type: 'joined'; id: number; text: string }
  | { type: 'shareEncoded'; id: number; url: string; fits: boolean; max: number }
  | { type: 'shareDecoded'; id: number; result: DecodedShare }
  | { type: 'hardened'; id: number; result: HardenBuild }
  | { type: 'policy'; id: number; result: PolicyBuild }
  | { type: 'error'; id: number; message: string };

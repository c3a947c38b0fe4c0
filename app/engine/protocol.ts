import type { AddContainerOptions, AddContainerResult, Analysis, DraftOptions, DraftResult, FilesystemMap, FormOp, FormResult, FormView, ImageSuggestion, RuleMeta, TextEdit } from '../../src/index.ts';

/**
 * Messages between the page and the engine's Web Worker. Every request carries an `id` (to match its
 * answer) and the `version` of the text it was made for, which the answer repeats: the page drops
 * an answer whose version is no longer the text's.
 */
export type WorkerRequest =
  /** `pssVersion`: the Pod Security Standards version to evaluate at (`latest` or `v1.<minor>`; default latest). */
  | { type: 'analyze'; id: number; version: number; text: string; pssVersion?: string }
  /** The form's view of a text (formView), asked for after its analysis unless a newer text is waiting. */
  | { type: 'view'; id: number; version: number; text: string }
  | { type: 'formEdit'; id: number; version: number; text: string; op: FormOp }
  | { type: 'fixAll'; id: number; version: number; text: string }
  /** Would these edits leave text that parses? (A guard against a fix that breaks the YAML.) */
  | { type: 'checkEdits'; id: number; version: number; text: string; edits: TextEdit[] }
  | { type: 'catalog'; id: number; version: number }
  /** The filesystem map of one workload of the text (the Map tab). */
  | { type: 'map'; id: number; version: number; text: string; workload: number }
  /** A new workload drafted from an image (the "New…" dialog); `version` is unused (0). */
  | { type: 'draft'; id: number; version: number; options: DraftOptions }
  /** The edits that add a container to a workload of the text. */
  | { type: 'addContainer'; id: number; version: number; text: string; options: AddContainerOptions }
  /** Known images for completion; `version` is unused (0). */
  | { type: 'suggest'; id: number; version: number; prefix: string };

export type WorkerResponse =
  | { type: 'analysis'; id: number; version: number; analysis: Analysis; ms: number }
  | { type: 'view'; id: number; version: number; view: FormView; ms: number }
  | { type: 'formEdit'; id: number; version: number; result: FormResult }
  | { type: 'fixed'; id: number; version: number; text: string; applied: number; refused: string | undefined }
  /** The rules' docs, and the newest Pod Security Standards minor version the engine knows. */
  | { type: 'catalog'; id: number; version: number; rules: RuleMeta[]; pssNewest: number }
  /** `edits` as the editor applies them: insertions at one offset merged in the engine's order. */
  | { type: 'checked'; id: number; version: number; error: string | undefined; edits: TextEdit[] }
  | { type: 'map'; id: number; version: number; map: FilesystemMap | undefined }
  | { type: 'draft'; id: number; version: number; result: DraftResult }
  | { type: 'addContainer'; id: number; version: number; result: AddContainerResult }
  | { type: 'suggest'; id: number; version: number; suggestions: ImageSuggestion[] }
  | { type: 'error'; id: number; version: number; message: string };

import type { Analysis } from '../../src/index.ts';

export type WorkerRequest =
  | { type: 'analyze'; version: number; text: string }
  | { type: 'fixAll'; version: number; text: string };

export type WorkerResponse =
  | { type: 'analysis'; version: number; analysis: Analysis }
  | { type: 'fixed'; version: number; text: string; applied: number; refused: string | undefined }
  | { type: 'error'; version: number; message: string };

/// <reference lib="webworker" />
import { analyze, applyFixes } from '../../src/index.ts';
import type { WorkerRequest, WorkerResponse } from './protocol.ts';

// The engine runs here, off the main thread; every answer carries the text version it belongs to.
self.onmessage = (event: MessageEvent<WorkerRequest>) => {
  const req = event.data;
  let res: WorkerResponse;
  try {
    if (req.type === 'analyze') res = { type: 'analysis', version: req.version, analysis: analyze(req.text) };
    else {
      const r = applyFixes(req.text);
      res = { type: 'fixed', version: req.version, text: r.text, applied: r.applied.length, refused: r.refused };
    }
  } catch (err) {
    res = { type: 'error', version: req.version, message: String((err as Error)?.message ?? err) };
  }
  (self as unknown as Worker).postMessage(res);
};

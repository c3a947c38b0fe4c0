/// <reference lib="webworker" />
import { addContainer, analyze, applyEdits, applyFixes, draftWorkload, filesystemMap, formEdits, formView, imageSuggestions, isPssVersion, NEWEST_MINOR, ruleCatalog } from '../../src/index.ts';
import type { FormResult, TextEdit } from '../../src/index.ts';
import { inOrder } from './editOrder.ts';
import type { WorkerRequest, WorkerResponse } from './protocol.ts';

// The engine runs here, off the main thread; every answer carries the text version it belongs to.
self.onmessage = (event: MessageEvent<WorkerRequest>) => {
  const req = event.data;
  let res: WorkerResponse;
  try {
    switch (req.type) {
      case 'analyze': {
        const t0 = performance.now();
        const analysis = analyze(req.text, isPssVersion(req.pssVersion) ? { pssVersion: req.pssVersion } : {});
        res = { type: 'analysis', id: req.id, version: req.version, analysis, ms: performance.now() - t0 };
        break;
      }
      case 'view': {
        // Asked right after 'analyze' of the same text: formView() reuses that parse (parseYamlShared).
        const t0 = performance.now();
        res = { type: 'view', id: req.id, version: req.version, view: formView(req.text), ms: performance.now() - t0 };
        break;
      }
      case 'formEdit': {
        let result: FormResult = formEdits(req.text, req.op);
        const broken = result.ok ? breaks(req.text, result.edits) : undefined;
        if (broken) result = { ok: false, error: broken };
        else if (result.ok) result = { ...result, edits: inOrder(result.edits) };
        res = { type: 'formEdit', id: req.id, version: req.version, result };
        break;
      }
      case 'checkEdits':
        res = { type: 'checked', id: req.id, version: req.version, error: breaks(req.text, req.edits), edits: inOrder(req.edits) };
        break;
      case 'fixAll': {
        const r = applyFixes(req.text);
        res = { type: 'fixed', id: req.id, version: req.version, text: r.text, applied: r.applied.length, refused: r.refused };
        break;
      }
      case 'catalog':
        res = { type: 'catalog', id: req.id, version: req.version, rules: [...ruleCatalog], pssNewest: NEWEST_MINOR };
        break;
      case 'map':
        res = { type: 'map', id: req.id, version: req.version, map: filesystemMap(req.text, req.workload) };
        break;
      case 'draft':
        res = { type: 'draft', id: req.id, version: req.version, result: draftWorkload(req.options) };
        break;
      case 'addContainer': {
        const result = addContainer(req.text, req.options);
        res = { type: 'addContainer', id: req.id, version: req.version, result: { ...result, edits: inOrder(result.edits) } };
        break;
      }
      case 'suggest':
        res = { type: 'suggest', id: req.id, version: req.version, suggestions: imageSuggestions(req.prefix) };
        break;
    }
  } catch (err) {
    res = { type: 'error', id: req.id, version: req.version, message: String((err as Error)?.message ?? err) };
  }
  (self as unknown as Worker).postMessage(res);
};

/**
 * Why applying `edits` would be refused: they turn text that parses into text that does not.
 * formView(text) usually reuses the parse of the text just analysed, and the edited text's parse
 * stays for its analysis once the editor has applied the edits (parseYamlShared keeps the last).
 */
function breaks(text: string, edits: TextEdit[]): string | undefined {
  if (formView(text).syntaxError) return undefined;
  const after = formView(applyEdits(text, edits)).syntaxError;
  return after ? `rootlock computed an edit that would break the YAML (${after.message}); nothing was changed. This is a bug in rootlock.` : undefined;
}


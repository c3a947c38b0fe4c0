/// <reference lib="webworker" />
import { analyze, applySelected, decodeShare, encodeShare, generatePolicy, harden, isJoined, isPssVersion, joinFiles, jsonPatches, kustomizeOverlay, listFixes, policyNotes, policyProblems, reviewReport, SHARE_MAX_URL, shareFits, splitFiles, zipFiles } from '../../src/index.ts';
import type { ExportRequest, ExportResponse } from './protocol.ts';

// The export formats, off the main thread (see protocol.ts).
self.onmessage = (event: MessageEvent<ExportRequest>) => {
  const req = event.data;
  const post = (res: ExportResponse, transfer: Transferable[] = []) => (self as unknown as Worker).postMessage(res, transfer);
  try {
    switch (req.type) {
      case 'fixes':
        post({ type: 'fixes', id: req.id, fixes: listFixes(req.text) });
        break;
      case 'build': {
        const r = applySelected(req.text, req.ids);
        const corrected = r.text;
        const joined = isJoined(req.baseline) || isJoined(corrected);
        post({
          type: 'build',
          id: req.id,
          build: {
            corrected,
            applied: r.applied.map((f) => f.id),
            skipped: r.skipped,
            ...(r.refused ? { refused: r.refused } : {}),
            files: joined ? splitFiles(corrected) : null,
            // a joined text lists its own files as the overlay's resources
            overlay: kustomizeOverlay(req.baseline, corrected, joined ? {} : { baseFile: req.fileName }),
            patches: jsonPatches(req.baseline, corrected),
            report: reviewReport(req.baseline, analyze(req.baseline), corrected, { fileName: req.fileName }),
          },
        });
        break;
      }
      case 'zip': {
        const bytes = zipFiles(req.entries);
        post({ type: 'zip', id: req.id, bytes }, [bytes.buffer]);
        break;
      }
      case 'join':
        post({ type: 'joined', id: req.id, text: joinFiles(req.files) });
        break;
      case 'shareEncode': {
        const url = `${req.base}#${encodeShare(req.payload)}`;
        post({ type: 'shareEncoded', id: req.id, url, fits: shareFits(url), max: SHARE_MAX_URL });
        break;
      }
      case 'shareDecode':
        post({ type: 'shareDecoded', id: req.id, result: decodeShare(req.fragment) });
        break;
      case 'harden': {
        const r = harden(req.text, req.workload ?? undefined, isPssVersion(req.pssVersion) ? { pssVersion: req.pssVersion } : {});
        post({ type: 'hardened', id: req.id, result: { text: r.text, edits: r.edits, applied: r.applied.map((f) => `${f.title} — ${f.kind} ${f.name}${f.container !== undefined ? `, container ${f.container}` : ''}`), ...(r.refused ? { refused: r.refused } : {}) } });
        break;
      }
      case 'policy': {
        const notes = policyNotes(req.kind, req.options);
        const problems = policyProblems(req.kind, req.options);
        post({ type: 'policy', id: req.id, result: problems.length ? { ok: false, problems, notes } : { ok: true, yaml: generatePolicy(req.kind, req.options), notes } });
        break;
      }
    }
  } catch (err) {
    post({ type: 'error', id: req.id, message: String((err as Error)?.message ?? err) });
  }
};

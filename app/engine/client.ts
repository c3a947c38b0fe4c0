import type { Analysis } from '../../src/index.ts';
import type { WorkerRequest, WorkerResponse } from './protocol.ts';

/** Talks to the analysis worker; answers for an older text version than the latest request are dropped. */
export class EngineClient {
  private readonly worker = new Worker(new URL('./analysis.worker.ts', import.meta.url), { type: 'module' });
  private latest = 0;
  private pending = new Map<number, (r: WorkerResponse) => void>();

  constructor() {
    this.worker.onmessage = (e: MessageEvent<WorkerResponse>) => {
      const done = this.pending.get(e.data.version);
      this.pending.delete(e.data.version);
      done?.(e.data);
    };
  }

  /** Resolves with the analysis, or null when a newer request superseded this one. */
  analyze(text: string): Promise<Analysis | null> {
    const version = ++this.latest;
    return new Promise((resolve, reject) => {
      this.pending.set(version, (r) => {
        if (version !== this.latest) resolve(null);
        else if (r.type === 'analysis') resolve(r.analysis);
        else reject(new Error(r.type === 'error' ? r.message : 'unexpected answer'));
      });
      this.send({ type: 'analyze', version, text });
    });
  }

  fixAll(text: string): Promise<{ text: string; applied: number; refused: string | undefined }> {
    const version = ++this.latest;
    return new Promise((resolve, reject) => {
      this.pending.set(version, (r) => {
        if (r.type === 'fixed') resolve(r);
        else reject(new Error(r.type === 'error' ? r.message : 'unexpected answer'));
      });
      this.send({ type: 'fixAll', version, text });
    });
  }

  private send(req: WorkerRequest): void {
    this.worker.postMessage(req);
  }
}

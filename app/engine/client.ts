import type { AddContainerOptions, AddContainerResult, Analysis, DraftOptions, DraftResult, FilesystemMap, FormOp, FormResult, FormView, ImageSuggestion, RuleMeta, TextEdit } from '../../src/index.ts';
import type { WorkerRequest, WorkerResponse } from './protocol.ts';

/** An analysis of one text version (findings for the markers come first) … */
export interface LatestResult {
  version: number;
  analysis: Analysis;
  ms: number;
}

/** … and, when no newer text is waiting, the form's view of the same version. */
export interface AnalysisResult {
  version: number;
  analysis: Analysis;
  view: FormView;
  /** Time the worker spent on both, in ms. */
  ms: number;
}

export interface FixAllResult {
  version: number;
  text: string;
  applied: number;
  refused: string | undefined;
}

type Pending = { resolve: (r: WorkerResponse) => void; reject: (e: Error) => void };
type Req = WorkerRequest extends infer R ? (R extends WorkerRequest ? Omit<R, 'id'> : never) : never;

/**
 * Talks to the engine's Web Worker. Analyses are scheduled so that at most one is in flight: while
 * the worker is busy, newer texts replace the waiting one (the latest wins), so fast typing never
 * queues up work and the answer that arrives is for the newest text the worker could take. Each
 * text is analysed first (findings → markers), then read for the form, unless a newer text is
 * already waiting: while someone types, the worker spends its time on what they see first.
 */
export class EngineClient {
  private readonly worker: Worker;
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  private inFlight = false;
  private waiting: { text: string; version: number } | null = null;
  private listeners = new Set<(r: AnalysisResult) => void>();
  private latestListeners = new Set<(r: LatestResult) => void>();
  private failureListeners = new Set<(message: string) => void>();
  /** The Pod Security Standards version every analysis evaluates at (`latest` or `v1.<minor>`). */
  pssVersion = 'latest';

  constructor() {
    this.worker = new Worker(new URL('./analysis.worker.ts', import.meta.url), { type: 'module', name: 'rootlock-engine' });
    this.worker.onmessage = (e: MessageEvent<WorkerResponse>) => {
      const p = this.pending.get(e.data.id);
      this.pending.delete(e.data.id);
      p?.resolve(e.data);
    };
    this.worker.onerror = (e) => {
      const message = `The analysis worker stopped: ${e.message || 'unknown error'}`;
      for (const p of this.pending.values()) p.reject(new Error(message));
      this.pending.clear();
      for (const l of this.failureListeners) l(message);
    };
  }

  /** Called with each analysis and form view the worker finishes (stale ones included: the store drops them). */
  onAnalysis(listener: (r: AnalysisResult) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Called with each analysis as soon as it is done, before its form view. */
  onLatest(listener: (r: LatestResult) => void): () => void {
    this.latestListeners.add(listener);
    return () => this.latestListeners.delete(listener);
  }

  onFailure(listener: (message: string) => void): () => void {
    this.failureListeners.add(listener);
    return () => this.failureListeners.delete(listener);
  }

  /** Asks for an analysis of `text`; the result goes to onAnalysis listeners. */
  schedule(text: string, version: number): void {
    if (this.inFlight) {
      this.waiting = { text, version };
      return;
    }
    this.inFlight = true;
    void this.run(text, version)
      .catch(() => undefined)
      .finally(() => {
        this.inFlight = false;
        const next = this.waiting;
        this.waiting = null;
        if (next) this.schedule(next.text, next.version);
      });
  }

  private async run(text: string, version: number): Promise<void> {
    const latest = await this.analyze(text, version);
    for (const l of this.latestListeners) l(latest);
    if (this.waiting) return;
    const r = await this.request({ type: 'view', version, text });
    if (r.type !== 'view') throw new Error(r.type === 'error' ? r.message : `unexpected answer ${r.type}`);
    const full = { version, analysis: latest.analysis, view: r.view, ms: latest.ms + r.ms };
    for (const l of this.listeners) l(full);
  }

  /** One analysis, outside the schedule (e.g. to fix a finding of a text the schedule has not reached). */
  async analyze(text: string, version: number): Promise<LatestResult> {
    const r = await this.request({ type: 'analyze', version, text, pssVersion: this.pssVersion });
    if (r.type !== 'analysis') throw new Error(r.type === 'error' ? r.message : `unexpected answer ${r.type}`);
    return { version: r.version, analysis: r.analysis, ms: r.ms };
  }

  async formEdit(text: string, version: number, op: FormOp): Promise<FormResult> {
    const r = await this.request({ type: 'formEdit', version, text, op });
    if (r.type !== 'formEdit') return { ok: false, error: r.type === 'error' ? r.message : `unexpected answer ${r.type}` };
    return r.result;
  }

  async fixAll(text: string, version: number): Promise<FixAllResult> {
    const r = await this.request({ type: 'fixAll', version, text });
    if (r.type !== 'fixed') throw new Error(r.type === 'error' ? r.message : `unexpected answer ${r.type}`);
    return { version: r.version, text: r.text, applied: r.applied, refused: r.refused };
  }

  /**
   * Why the edits would be refused (they break the YAML), or undefined when they are fine; and the
   * edits as the editor must apply them (insertions at one offset merged, in the engine's order).
   */
  async checkEdits(text: string, version: number, edits: TextEdit[]): Promise<{ error: string | undefined; edits: TextEdit[] }> {
    const r = await this.request({ type: 'checkEdits', version, text, edits });
    if (r.type !== 'checked') return { error: r.type === 'error' ? r.message : `unexpected answer ${r.type}`, edits };
    return { error: r.error, edits: r.edits };
  }

  async catalog(): Promise<{ rules: RuleMeta[]; pssNewest: number }> {
    const r = await this.request({ type: 'catalog', version: 0 });
    if (r.type !== 'catalog') throw new Error(r.type === 'error' ? r.message : `unexpected answer ${r.type}`);
    return { rules: r.rules, pssNewest: r.pssNewest };
  }

  /** The filesystem map of workload `workload` (index in the analysis) of `text`; undefined when there is no such workload. */
  async map(text: string, version: number, workload: number): Promise<FilesystemMap | undefined> {
    const r = await this.request({ type: 'map', version, text, workload });
    if (r.type !== 'map') throw new Error(r.type === 'error' ? r.message : `unexpected answer ${r.type}`);
    return r.map;
  }

  async draft(options: DraftOptions): Promise<DraftResult> {
    const r = await this.request({ type: 'draft', version: 0, options });
    if (r.type !== 'draft') throw new Error(r.type === 'error' ? r.message : `unexpected answer ${r.type}`);
    return r.result;
  }

  async addContainer(text: string, version: number, options: AddContainerOptions): Promise<AddContainerResult> {
    const r = await this.request({ type: 'addContainer', version, text, options });
    if (r.type !== 'addContainer') throw new Error(r.type === 'error' ? r.message : `unexpected answer ${r.type}`);
    return r.result;
  }

  async suggest(prefix: string): Promise<ImageSuggestion[]> {
    const r = await this.request({ type: 'suggest', version: 0, prefix });
    if (r.type !== 'suggest') throw new Error(r.type === 'error' ? r.message : `unexpected answer ${r.type}`);
    return r.suggestions;
  }

  private request(req: Req): Promise<WorkerResponse> {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.worker.postMessage({ ...req, id } as WorkerRequest);
    });
  }
}

import type { DecodedShare, FixChoice, NamedFile, PolicyKind, PolicyOptions, SharePayload, ZipEntry } from '../../src/index.ts';
import type { ExportBuild, ExportRequest, ExportResponse, HardenBuild, PolicyBuild } from './protocol.ts';

type Req = ExportRequest extends infer R ? (R extends ExportRequest ? Omit<R, 'id'> : never) : never;

/** Talks to the export worker; started when the export dialog, a share link or several files first need it. */
class ExportClient {
  private readonly worker = new Worker(new URL('./export.worker.ts', import.meta.url), { type: 'module', name: 'rootlock-export' });
  private nextId = 1;
  private readonly pending = new Map<number, { resolve: (r: ExportResponse) => void; reject: (e: Error) => void }>();

  constructor() {
    this.worker.onmessage = (e: MessageEvent<ExportResponse>) => {
      const p = this.pending.get(e.data.id);
      this.pending.delete(e.data.id);
      p?.resolve(e.data);
    };
    this.worker.onerror = (e) => {
      const err = new Error(`The export worker stopped: ${e.message || 'unknown error'}`);
      for (const p of this.pending.values()) p.reject(err);
      this.pending.clear();
    };
  }

  async fixes(text: string): Promise<FixChoice[]> {
    const r = await this.request({ type: 'fixes', text });
    if (r.type !== 'fixes') throw new Error(r.type === 'error' ? r.message : `unexpected answer ${r.type}`);
    return r.fixes;
  }

  async build(baseline: string, text: string, ids: string[], fileName: string): Promise<ExportBuild> {
    const r = await this.request({ type: 'build', baseline, text, ids, fileName });
    if (r.type !== 'build') throw new Error(r.type === 'error' ? r.message : `unexpected answer ${r.type}`);
    return r.build;
  }

  async zip(entries: ZipEntry[]): Promise<Uint8Array> {
    const r = await this.request({ type: 'zip', entries });
    if (r.type !== 'zip') throw new Error(r.type === 'error' ? r.message : `unexpected answer ${r.type}`);
    return r.bytes;
  }

  async join(files: NamedFile[]): Promise<string> {
    const r = await this.request({ type: 'join', files });
    if (r.type !== 'joined') throw new Error(r.type === 'error' ? r.message : `unexpected answer ${r.type}`);
    return r.text;
  }

  async shareEncode(base: string, payload: SharePayload): Promise<{ url: string; fits: boolean; max: number }> {
    const r = await this.request({ type: 'shareEncode', base, payload });
    if (r.type !== 'shareEncoded') throw new Error(r.type === 'error' ? r.message : `unexpected answer ${r.type}`);
    return { url: r.url, fits: r.fits, max: r.max };
  }

  async shareDecode(fragment: string): Promise<DecodedShare> {
    const r = await this.request({ type: 'shareDecode', fragment });
    if (r.type !== 'shareDecoded') throw new Error(r.type === 'error' ? r.message : `unexpected answer ${r.type}`);
    return r.result;
  }

  async harden(text: string, workload: number | null, pssVersion: string): Promise<HardenBuild> {
    const r = await this.request({ type: 'harden', text, workload, pssVersion });
    if (r.type !== 'hardened') throw new Error(r.type === 'error' ? r.message : `unexpected answer ${r.type}`);
    return r.result;
  }

  async policy(kind: PolicyKind, options: PolicyOptions): Promise<PolicyBuild> {
    const r = await this.request({ type: 'policy', kind, options });
    if (r.type !== 'policy') throw new Error(r.type === 'error' ? r.message : `unexpected answer ${r.type}`);
    return r.result;
  }

  private request(req: Req): Promise<ExportResponse> {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.worker.postMessage({ ...req, id } as ExportRequest);
    });
  }
}

let client: ExportClient | null = null;

/** The page's one export worker, started on first use. */
export function exportEngine(): ExportClient {
  client ??= new ExportClient();
  return client;
}

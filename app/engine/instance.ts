import { EngineClient } from './client.ts';

let client: EngineClient | null = null;

/** The page's one engine worker, started on first use. */
export function engine(): EngineClient {
  client ??= new EngineClient();
  return client;
}

/**
 * `fix` when the engine refuses a pass. A refusal means a rootlock bug, so no real manifest
 * triggers it: the engine is stubbed here, in-process, and everything else is real.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import type * as Engine from '../index.ts';
import type { Io } from './io.ts';

vi.mock('../index.ts', async (importOriginal) => {
  const real = await importOriginal<typeof Engine>();
  return {
    ...real,
    applyFixes: (text: string) => ({ ...real.applyFixes(text), text: `${text}# changed\n`, refused: 'a fix produced text that does not parse (YAML syntax error: oops); it was not applied' }),
  };
});

const { main } = await import('../cli.ts');

let dir: string;
beforeEach(() => { dir = mkdtempSync(join(tmpdir(), 'rootlock-refused-')); });
afterEach(() => { rmSync(dir, { recursive: true, force: true }); });

function io(): { io: Io; out: () => string; err: () => string } {
  let out = '';
  let err = '';
  return {
    io: {
      cwd: dir,
      env: {},
      stdout: { write: (s) => { out += String(s); return true; } },
      stderr: { write: (s) => { err += String(s); return true; } },
      stdinIsTTY: false,
      readStdin: async () => Buffer.from(''),
    },
    out: () => out,
    err: () => err,
  };
}

const POD = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n    - name: c\n      image: x\n';

it('prints the refusal, writes nothing and exits 1', async () => {
  writeFileSync(join(dir, 'pod.yaml'), POD);
  const w = io();
  expect(await main(['node', 'rootlock', 'fix', '--write', 'pod.yaml'], w.io)).toBe(1);
  expect(w.err()).toBe('rootlock: pod.yaml: fix refused: a fix produced text that does not parse (YAML syntax error: oops); it was not applied. Nothing was written.\n');
  expect(readFileSync(join(dir, 'pod.yaml'), 'utf8')).toBe(POD);

  const s = io();
  expect(await main(['node', 'rootlock', 'fix', 'pod.yaml'], s.io)).toBe(1);
  expect(s.out()).toBe('');
  expect(s.err()).toContain('fix refused');
});

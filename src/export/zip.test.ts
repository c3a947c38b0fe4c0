/** zipFiles: `unzip` (Info-ZIP) lists, tests and extracts the archive. Needs unzip; skips without it. */
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { zipFiles } from './zip.ts';
import { kustomizeOverlay } from './kustomize.ts';
import { applyFixes } from '../index.ts';
import { removeDir, tempDir } from '../../test/support/export-kit.ts';

const UNZIP_MISSING = spawnSync('unzip', ['-v'], { encoding: 'utf8' }).status === 0 ? undefined : 'unzip is not installed; skipped';

describe.skipIf(!!UNZIP_MISSING)(UNZIP_MISSING ? `zipFiles (${UNZIP_MISSING})` : 'zipFiles', () => {
  it('writes an archive unzip reads back exactly, deterministic', () => {
    const original = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n  - name: a\n    image: nginx\n';
    const overlay = kustomizeOverlay(original, applyFixes(original).text);
    const files = [...overlay.files, { path: 'ünï/empty.txt', content: '' }];
    const zip = zipFiles(files);
    expect(zipFiles(files)).toEqual(zip);
    const dir = tempDir();
    try {
      writeFileSync(join(dir, 'overlay.zip'), zip);
      const test = spawnSync('unzip', ['-t', join(dir, 'overlay.zip')], { encoding: 'utf8' });
      expect(test.status, test.stdout + test.stderr).toBe(0);
      for (const f of files) {
        const out = spawnSync('unzip', ['-p', join(dir, 'overlay.zip'), f.path], { encoding: 'utf8' });
        expect(out.stdout, f.path).toBe(f.content);
      }
    } finally {
      removeDir(dir);
    }
  });
});

/**
 * Opening several files at once (the picker with `multiple`, or a drop of several files): they
 * become one multi-document text, each after a `# rootlock: file NAME` comment line (joinFiles), and
 * the export splits the corrected text back into the same files (splitFiles).
 */
import type { NamedFile } from '../../src/index.ts';
import { openDocument, openFile } from '../actions.ts';
import { useStore } from '../store/index.ts';
import { exportEngine } from './client.ts';

const MAX_BYTES = 8 * 1024 * 1024;

/** Opens one file as it is, or several joined into one text. */
export async function openFiles(list: readonly File[]): Promise<void> {
  const files = [...list];
  if (files.length === 0) return;
  if (files.length === 1) return openFile(files[0]!);
  const total = files.reduce((n, f) => n + f.size, 0);
  if (total > MAX_BYTES) {
    useStore.getState().notify(`These ${files.length} files are ${(total / 1024 / 1024).toFixed(1)} MB together; rootlock opens up to 8 MB.`, 'error');
    return;
  }
  const named: NamedFile[] = await Promise.all(files.map(async (f) => ({ name: f.name, text: await f.text() })));
  const unique = uniqueNames(named);
  openDocument(await exportEngine().join(unique), unique.map((f) => f.name).join(', '), `${unique.length} files`);
}

/** Two files of one name (from different folders) get `name (2).yaml`, so the export can split them apart. */
function uniqueNames(files: NamedFile[]): NamedFile[] {
  const used = new Set<string>();
  return files.map((f) => {
    let name = f.name || 'manifest.yaml';
    const dot = name.lastIndexOf('.');
    const [base, ext] = dot > 0 ? [name.slice(0, dot), name.slice(dot)] : [name, ''];
    for (let n = 2; used.has(name); n++) name = `${base} (${n})${ext}`;
    used.add(name);
    return { name, text: f.text };
  });
}

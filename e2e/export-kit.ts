/**
 * The export dialog and share links, driven as a user does (by accessible names), on top of the
 * page object of fixtures.ts; plus what the specs need to check what comes out: downloads read
 * back, zip archives read (a small reader here, cross-checked with `unzip -l` when it exists).
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { inflateRawSync } from 'node:zlib';
import type { Download, Locator, Page } from '@playwright/test';
import { expect, test as base } from './fixtures.ts';
import type { RootlockPage } from './fixtures.ts';

export { expect, manifest } from './fixtures.ts';
export type { RootlockPage } from './fixtures.ts';

export const FORMATS = ['Corrected manifest', 'Kustomize overlay', 'JSON Patch', 'Review report'] as const;
export type FormatName = (typeof FORMATS)[number];

export interface Downloaded {
  name: string;
  bytes: Buffer;
  text: string;
}

/** The export dialog. */
export class ExportDialogPage {
  constructor(readonly app: RootlockPage) {}

  get page(): Page {
    return this.app.page;
  }
  get dialog(): Locator {
    return this.page.getByRole('dialog', { name: /^Export/ });
  }
  /** The fixes' checkboxes. */
  get fixes(): Locator {
    return this.dialog.getByRole('list', { name: 'Fixes to apply' }).getByRole('checkbox');
  }
  fix(title: string | RegExp): Locator {
    return this.dialog.getByRole('list', { name: 'Fixes to apply' }).getByRole('checkbox', { name: title });
  }
  tab(name: FormatName): Locator {
    return this.dialog.getByRole('tab', { name });
  }
  get panel(): Locator {
    return this.dialog.getByRole('tabpanel');
  }
  /** The modified side of the diff editor. */
  get corrected(): Locator {
    return this.dialog.locator('.monaco-diff-editor .editor.modified .view-lines');
  }
  get original(): Locator {
    return this.dialog.locator('.monaco-diff-editor .editor.original .view-lines');
  }

  /** Opens the dialog from the header and waits for the fixes, the formats and the diff. */
  async open(): Promise<void> {
    await this.page.getByRole('button', { name: 'Export' }).click();
    await expect(this.dialog).toBeVisible();
    await this.settled();
    await expect(this.dialog.locator('.diff-status')).not.toHaveText('Comparing…');
  }

  /** Waits until the corrected text and every format follow the fixes switched on. */
  async settled(): Promise<void> {
    await expect(this.dialog.locator('.export-body')).toHaveAttribute('aria-busy', 'false');
  }

  async show(format: FormatName): Promise<void> {
    await this.tab(format).click();
    await expect(this.tab(format)).toHaveAttribute('aria-selected', 'true');
  }

  /** Clicks a button that downloads, and reads the file back. */
  async download(button: Locator): Promise<Downloaded> {
    const pending = this.page.waitForEvent('download');
    await button.click();
    return readDownload(await pending);
  }

  async close(): Promise<void> {
    await this.page.keyboard.press('Escape');
    await expect(this.dialog).toBeHidden();
  }
}

export async function readDownload(d: Download): Promise<Downloaded> {
  const path = await d.path();
  const bytes = readFileSync(path);
  return { name: d.suggestedFilename(), bytes, text: bytes.toString('utf8') };
}

/** The entries of a zip archive (stored or deflated), by path. */
export function readZip(zip: Buffer): Map<string, string> {
  const eocd = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (eocd < 0) throw new Error('not a zip archive: no end of central directory');
  const count = zip.readUInt16LE(eocd + 10);
  let at = zip.readUInt32LE(eocd + 16);
  const out = new Map<string, string>();
  for (let i = 0; i < count; i++) {
    if (zip.readUInt32LE(at) !== 0x02014b50) throw new Error(`bad central directory entry ${i}`);
    const method = zip.readUInt16LE(at + 10);
    const size = zip.readUInt32LE(at + 20);
    const nameLength = zip.readUInt16LE(at + 28);
    const extra = zip.readUInt16LE(at + 30);
    const comment = zip.readUInt16LE(at + 32);
    const local = zip.readUInt32LE(at + 42);
    const name = zip.toString('utf8', at + 46, at + 46 + nameLength);
    const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
    const data = zip.subarray(start, start + size);
    out.set(name, (method === 8 ? inflateRawSync(data) : data).toString('utf8'));
    at += 46 + nameLength + extra + comment;
  }
  return out;
}

/** The names `unzip -l` lists in the archive file, or undefined when unzip is not installed. */
export function unzipList(file: string): string[] | undefined {
  const r = spawnSync('unzip', ['-l', file], { encoding: 'utf8' });
  if (r.error) return undefined;
  if (r.status !== 0) throw new Error(`unzip -l failed: ${r.stderr}`);
  // "  Length      Date    Time    Name" … rows of: length date time name
  return r.stdout
    .split('\n')
    .map((l) => /^\s*\d+\s+\S+\s+\S+\s+(.+)$/.exec(l)?.[1])
    .filter((x): x is string => !!x);
}

/** Drops files on the editor pane, as the browser does for a drag from the desktop. */
export async function dropFiles(page: Page, files: Array<{ name: string; text: string }>): Promise<void> {
  const dataTransfer = await page.evaluateHandle((list) => {
    const dt = new DataTransfer();
    for (const f of list) dt.items.add(new File([f.text], f.name, { type: 'application/yaml' }));
    return dt;
  }, files);
  const pane = page.locator('.editor-pane');
  await pane.dispatchEvent('dragover', { dataTransfer });
  await pane.dispatchEvent('drop', { dataTransfer });
}

/** The manifest saved in the page's localStorage (the autosave), or null. */
export async function savedText(page: Page): Promise<string | null> {
  return page.evaluate(() => {
    const raw = localStorage.getItem('rootlock.document');
    return raw ? (JSON.parse(raw) as { text: string }).text : null;
  });
}

export const test = base.extend<{ exporter: ExportDialogPage }>({
  exporter: async ({ app }, use) => {
    await use(new ExportDialogPage(app));
  },
});

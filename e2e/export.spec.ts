/**
 * The export dialog: the diff, the fixes switched on and off, every format downloaded and read back
 * (and checked with the real kubectl when it is installed), several files opened at once and split
 * back on export, paste.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseAllDocuments } from 'yaml';
import { applySelected, joinFiles, listFixes, splitFiles } from '../src/index.ts';
import { normalizeObject } from '../src/export/smp.ts';
import type { Json } from '../src/export/json.ts';
import { KUBECTL_MISSING, kustomize, writeTree } from '../test/support/export-kit.ts';
import { dropFiles, expect, manifest, readZip, test, unzipList } from './export-kit.ts';
import type { ExportDialogPage } from './export-kit.ts';

/** What the dialog should give: the engine's own answer for the same text and fixes. */
function corrected(text: string, keep: (title: string, container: string | undefined) => boolean = () => true): string {
  const ids = listFixes(text).filter((f) => keep(f.title, f.container)).map((f) => f.id);
  return applySelected(text, ids).text;
}

function objects(yamlText: string): Json[] {
  return parseAllDocuments(yamlText).map((d) => d.toJS() as Json).filter((o) => o !== null);
}

/** Objects in a stable order (kustomize prints them in its own order), as the API stores them. */
function stored(list: Json[]): Json[] {
  const key = (o: Json) => JSON.stringify([(o as { kind?: string }).kind, (o as { metadata?: { name?: string } }).metadata?.name]);
  return list.map((o) => normalizeObject(o)).sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
}

function isSubsequence(part: string[], whole: string[]): boolean {
  let i = 0;
  for (const line of whole) if (line === part[i]) i++;
  return i === part.length;
}

function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'rootlock-e2e-'));
}

// these tests read many downloads (and run kubectl); give them room on a busy machine
test.describe.configure({ timeout: 120_000 });

async function downloadButton(exporter: ExportDialogPage, name: string | RegExp) {
  return exporter.download(exporter.panel.getByRole('button', { name }));
}

test.describe('the export dialog', () => {
  test.beforeEach(async ({ app, context }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await app.goto();
  });

  test('is a real dialog: labelled, focus kept inside, Escape closes it and focus returns to Export', async ({ app, exporter, page }) => {
    await app.open('commented.yaml');
    await exporter.open();
    await expect(exporter.dialog).toHaveAccessibleName('Export commented.yaml');
    const inside = () => page.evaluate(() => !!document.activeElement?.closest('dialog[open]'));
    expect(await inside()).toBe(true);
    for (let i = 0; i < 25; i++) {
      await page.keyboard.press('Tab');
      expect(await inside(), `focus after ${i + 1} Tab presses`).toBe(true);
    }
    // every checkbox, tab and button has a name
    for (const control of await exporter.dialog.getByRole('checkbox').all()) await expect(control).toHaveAccessibleName(/\w/);
    for (const control of await exporter.dialog.locator('button').all()) await expect(control).toHaveAccessibleName(/\w/);
    await expect(exporter.dialog.getByRole('tab')).toHaveText(['Corrected manifest', 'Kustomize overlay', 'JSON Patch', 'Review report']);
    // the format tabs follow the arrow keys
    await exporter.tab('Corrected manifest').focus();
    await page.keyboard.press('ArrowRight');
    await expect(exporter.tab('Kustomize overlay')).toBeFocused();
    await expect(exporter.tab('Kustomize overlay')).toHaveAttribute('aria-selected', 'true');

    await exporter.close();
    await expect(page.getByRole('button', { name: 'Export' })).toBeFocused();
  });

  test('the corrected manifest: byte-identical to the editor text outside the fixed spots; switching a fix off changes the diff and the download', async ({ app, exporter, page }) => {
    // tall enough for the whole diff to be drawn (Monaco draws only the lines in view)
    await page.setViewportSize({ width: 1400, height: 1800 });
    const original = manifest('commented.yaml');
    await app.open('commented.yaml');
    await exporter.open();
    await expect(exporter.fixes).toHaveCount(2);
    for (const fix of await exporter.fixes.all()) await expect(fix).toBeChecked();
    await expect(exporter.corrected).toContainText('mountPath: /var/run');
    await expect(exporter.corrected).toContainText('mountPath: /tmp');

    const all = await downloadButton(exporter, 'Download commented.yaml');
    expect(all.name).toBe('commented.yaml');
    expect(all.text).toBe(corrected(original));
    for (const line of original.split('\n').filter((l) => l.includes('#'))) expect(all.text).toContain(line);
    // the editor itself is not changed by exporting
    expect(await app.text()).toBe(original);

    // switch the nginx fix off: its /var/run mount leaves the diff and the download
    const nginx = exporter.fix(/container nginx/);
    await nginx.uncheck();
    await exporter.settled();
    await expect(exporter.dialog.getByText('1 of 2 switched on.')).toBeVisible();
    await expect(exporter.corrected).not.toContainText('mountPath: /var/run');
    await expect(exporter.corrected).toContainText('mountPath: /tmp');
    const some = await downloadButton(exporter, 'Download commented.yaml');
    expect(some.text).toBe(corrected(original, (_t, c) => c !== 'nginx'));
    expect(some.text).not.toBe(all.text);
    // the fixes only add lines here: every line of the original is kept, in order
    expect(isSubsequence(original.split('\n'), some.text.split('\n'))).toBe(true);

    // every fix off: the corrected manifest is the editor's text
    await exporter.dialog.getByRole('button', { name: 'All off' }).click();
    await exporter.settled();
    await expect(exporter.dialog.getByText('No differences')).toBeVisible();
    expect((await downloadButton(exporter, 'Download commented.yaml')).text).toBe(original);

    // Copy gives the same text
    await exporter.dialog.getByRole('button', { name: 'All on' }).click();
    await exporter.settled();
    await exporter.panel.getByRole('button', { name: 'Copy the corrected manifest' }).click();
    await expect(exporter.dialog.getByText('Copied the corrected manifest to the clipboard.')).toBeVisible();
    expect(await exporter.page.evaluate(() => navigator.clipboard.readText())).toBe(all.text);
  });

  test('the original is the text as opened, across a reload: edits made in the editor since then are in the export', async ({ app, exporter, page }) => {
    await app.open('commented.yaml');
    await app.readOnlyRoot.check();
    await expect.poll(() => app.text()).toContain('readOnlyRootFilesystem: true');
    await expect.poll(() => page.evaluate(() => localStorage.getItem('rootlock.document') ?? '')).toContain('readOnlyRootFilesystem: true');
    await page.reload();
    await expect(app.editor).toBeAttached({ timeout: 15_000 });
    await expect.poll(() => app.text()).toContain('readOnlyRootFilesystem: true');
    await exporter.open();
    await expect(exporter.dialog.getByText('The comparison also shows the changes already made in the editor')).toBeVisible();
    await exporter.dialog.getByRole('button', { name: 'All off' }).click();
    await exporter.settled();
    await exporter.show('JSON Patch');
    const patch = JSON.parse((await downloadButton(exporter, 'Download deployment-web.patch.json')).text) as unknown;
    expect(patch).toEqual([{ op: 'add', path: '/spec/template/spec/containers/0/securityContext', value: { readOnlyRootFilesystem: true } }]);
  });

  test('the kustomize overlay: one zip archive, or copied file by file', async ({ app, exporter }) => {
    await app.open('fix-all.yaml');
    await exporter.open();
    await exporter.show('Kustomize overlay');
    const zip = await downloadButton(exporter, 'Download fix-all-kustomize.zip');
    expect(zip.name).toBe('fix-all-kustomize.zip');
    const entries = readZip(zip.bytes);
    expect([...entries.keys()]).toEqual(['kustomization.yaml', 'rootlock-patches/deployment-api.yaml']);
    const dir = tempDir();
    try {
      writeFileSync(join(dir, zip.name), zip.bytes);
      const listed = unzipList(join(dir, zip.name));
      if (listed) expect(listed).toEqual([...entries.keys()]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    const kustomization = entries.get('kustomization.yaml') ?? '';
    expect(kustomization).toMatch(/^# Made by rootlock/);
    expect(objects(kustomization)[0]).toEqual({
      apiVersion: 'kustomize.config.k8s.io/v1beta1',
      kind: 'Kustomization',
      resources: ['fix-all.yaml'],
      patches: [{ path: 'rootlock-patches/deployment-api.yaml' }],
    });
    // each file is shown, and copied on its own
    for (const [path, content] of entries) {
      await expect(exporter.panel.getByRole('region', { name: `${path} (preview)` })).toHaveText(content);
      await exporter.panel.getByRole('button', { name: `Copy ${path}` }).click();
      await expect.poll(() => exporter.page.evaluate(() => navigator.clipboard.readText())).toBe(content);
    }
    const one = await downloadButton(exporter, 'Download rootlock-patches/deployment-api.yaml');
    expect(one.name).toBe('deployment-api.yaml');
    expect(one.text).toBe(entries.get('rootlock-patches/deployment-api.yaml'));
  });

  test('kubectl kustomize of the original plus the downloaded overlay gives the corrected objects', async ({ app, exporter }) => {
    test.skip(!!KUBECTL_MISSING, KUBECTL_MISSING ?? '');
    const original = manifest('two-workloads.yaml');
    await app.open('two-workloads.yaml');
    await exporter.open();
    // with one fix off, so the overlay is not simply "everything"
    await exporter.fix(/container debugger/).uncheck();
    await exporter.settled();
    const fixedText = (await downloadButton(exporter, 'Download two-workloads.yaml')).text;
    expect(fixedText).toBe(corrected(original, (_t, c) => c !== 'debugger'));
    await exporter.show('Kustomize overlay');
    const overlay = readZip((await downloadButton(exporter, 'Download two-workloads-kustomize.zip')).bytes);
    expect([...overlay.keys()]).toEqual(['kustomization.yaml', 'rootlock-patches/pod-tools.yaml', 'rootlock-patches/cronjob-nightly.yaml']);

    const withOverlay = tempDir();
    const plain = tempDir();
    try {
      writeTree(withOverlay, [{ path: 'two-workloads.yaml', content: original }, ...[...overlay].map(([path, content]) => ({ path, content }))]);
      writeTree(plain, [{ path: 'two-workloads.yaml', content: fixedText }, { path: 'kustomization.yaml', content: 'resources:\n- two-workloads.yaml\n' }]);
      const got = stored(kustomize(withOverlay));
      expect(got).toEqual(stored(kustomize(plain)));
      expect(got).toEqual(stored(objects(fixedText)));
      expect(JSON.stringify(got)).toContain('"readOnlyRootFilesystem":true');
    } finally {
      rmSync(withOverlay, { recursive: true, force: true });
      rmSync(plain, { recursive: true, force: true });
    }
  });

  test('JSON Patch per workload: kubectl patch --local of each original object gives the corrected one', async ({ app, exporter }) => {
    const original = manifest('two-workloads.yaml');
    await app.open('two-workloads.yaml');
    await exporter.open();
    const fixedText = (await downloadButton(exporter, 'Download two-workloads.yaml')).text;
    await exporter.show('JSON Patch');
    const names = ['pod-tools.patch.json', 'cronjob-nightly.patch.json'];
    await expect(exporter.panel.getByRole('heading', { level: 4 })).toHaveText(names);
    const patches = new Map<string, string>();
    for (const name of names) {
      const d = await downloadButton(exporter, `Download ${name}`);
      expect(d.name).toBe(name);
      const ops = JSON.parse(d.text) as Array<{ op: string; path: string }>;
      expect(ops.length).toBeGreaterThan(0);
      for (const op of ops) expect(['add', 'remove', 'replace']).toContain(op.op);
      patches.set(name, d.text);
      await exporter.panel.getByRole('button', { name: `Copy ${name}` }).click();
      await expect.poll(() => exporter.page.evaluate(() => navigator.clipboard.readText())).toBe(d.text);
    }
    const all = readZip((await downloadButton(exporter, 'Download all (.zip)')).bytes);
    expect(Object.fromEntries(all)).toEqual(Object.fromEntries(patches));

    test.skip(!!KUBECTL_MISSING, KUBECTL_MISSING ?? '');
    const before = objects(original);
    const after = objects(fixedText);
    const dir = tempDir();
    try {
      names.forEach((name, i) => {
        writeFileSync(join(dir, `object-${i}.yaml`), parseAllDocuments(original)[i]!.toString());
        writeFileSync(join(dir, name), patches.get(name)!);
      });
      const { execFileSync } = await import('node:child_process');
      names.forEach((name, i) => {
        const out = execFileSync('kubectl', ['patch', '--local', '-f', join(dir, `object-${i}.yaml`), '--type', 'json', '--patch-file', join(dir, name), '-o', 'yaml'], { encoding: 'utf8' });
        const patched = objects(out)[0]!;
        expect(normalizeObject(patched)).toEqual(normalizeObject(after[i]!));
        expect(normalizeObject(patched)).not.toEqual(normalizeObject(before[i]!));
      });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('the review report in Markdown: Copy and Download', async ({ app, exporter }) => {
    await app.open('commented.yaml');
    await exporter.open();
    await exporter.show('Review report');
    const report = await downloadButton(exporter, 'Download commented-review.md');
    expect(report.name).toBe('commented-review.md');
    expect(report.text).toMatch(/^### rootlock review: `commented\.yaml`/);
    expect(report.text).toContain('| Severity | Rule | Container | Line | Finding |');
    expect(report.text).toContain('`ro-root-fs-missing`');
    expect(report.text).toContain('```diff');
    expect(report.text).toContain('+          readOnlyRootFilesystem: true');
    await exporter.panel.getByRole('button', { name: 'Copy the review report' }).click();
    await expect.poll(() => exporter.page.evaluate(() => navigator.clipboard.readText())).toBe(report.text);
    await expect(exporter.panel.getByRole('region', { name: 'Review report (Markdown)' })).toHaveText(report.text);
  });

  test('without the clipboard, Copy shows the text selected in a read-only field', async ({ app, exporter, page }) => {
    await page.addInitScript(() => {
      Object.defineProperty(navigator.clipboard, 'writeText', { value: () => Promise.reject(new DOMException('denied', 'NotAllowedError')) });
    });
    await app.goto();
    await app.open('commented.yaml');
    await exporter.open();
    await exporter.show('Review report');
    await exporter.panel.getByRole('button', { name: 'Copy the review report' }).click();
    const field = exporter.panel.getByRole('textbox', { name: /the review report is selected below: press Ctrl\+C/ });
    await expect(field).toBeFocused();
    await expect(field).toHaveJSProperty('readOnly', true);
    const value = await field.inputValue();
    expect(value).toMatch(/^### rootlock review/);
    expect(await field.evaluate((el: HTMLTextAreaElement) => [el.selectionStart, el.selectionEnd])).toEqual([0, value.length]);
  });
});

test.describe('several files, and paste', () => {
  test.beforeEach(async ({ app, context }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await app.goto();
  });

  const files = [
    { name: 'web.yaml', text: manifest('commented.yaml') },
    { name: 'nightly.yaml', text: manifest('two-workloads.yaml').split('---\n')[1]! },
  ];

  test('two files dropped on the editor become one text; export splits the corrected text back into them', async ({ app, exporter, page }) => {
    await dropFiles(page, files);
    const joined = joinFiles(files);
    await expect.poll(() => app.text()).toBe(joined);
    expect(joined).toContain('# rootlock: file web.yaml\n');
    expect(joined).toContain('# rootlock: file nightly.yaml\n');
    await expect(page.getByRole('heading', { name: 'web.yaml, nightly.yaml' })).toBeVisible();
    await app.showForm();
    await expect(page.getByRole('combobox', { name: 'Workload' }).getByRole('option')).toHaveText(['Deployment web', 'CronJob nightly']);

    await exporter.open();
    const want = splitFiles(corrected(joined))!;
    expect(want.map((f) => f.name)).toEqual(['web.yaml', 'nightly.yaml']);
    const zip = await downloadButton(exporter, 'Download 2 files (.zip)');
    expect(zip.name).toBe('corrected-manifests.zip');
    expect(Object.fromEntries(readZip(zip.bytes))).toEqual(Object.fromEntries(want.map((f) => [f.name, f.text])));
    // or one file each, under its own name
    for (const f of want) {
      const one = await downloadButton(exporter, `Download ${f.name}`);
      expect(one.name).toBe(f.name);
      expect(one.text).toBe(f.text);
      expect(one.text).not.toContain('# rootlock: file');
    }
    // the overlay lists both files as its resources
    await exporter.show('Kustomize overlay');
    const overlay = readZip((await downloadButton(exporter, 'Download kustomize-overlay.zip')).bytes);
    expect((objects(overlay.get('kustomization.yaml')!)[0] as { resources: string[] }).resources).toEqual(['web.yaml', 'nightly.yaml']);
    if (!KUBECTL_MISSING) {
      const a = tempDir();
      const b = tempDir();
      try {
        writeTree(a, [...files.map((f) => ({ path: f.name, content: f.text })), ...[...overlay].map(([path, content]) => ({ path, content }))]);
        writeTree(b, [...want.map((f) => ({ path: f.name, content: f.text })), { path: 'kustomization.yaml', content: 'resources:\n- web.yaml\n- nightly.yaml\n' }]);
        const got = stored(kustomize(a));
        expect(got).toEqual(stored(kustomize(b)));
        expect(got).toEqual(stored(want.flatMap((f) => objects(f.text))));
      } finally {
        rmSync(a, { recursive: true, force: true });
        rmSync(b, { recursive: true, force: true });
      }
    }
  });

  test('the file picker takes several files too', async ({ app, page }) => {
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: 'Open file…' }).click();
    const picker = await chooser;
    expect(picker.isMultiple()).toBe(true);
    await picker.setFiles(files.map((f) => ({ name: f.name, mimeType: 'application/yaml', buffer: Buffer.from(f.text) })));
    await expect.poll(() => app.text()).toBe(joinFiles(files));
  });

  test('paste into the empty editor sets the original; paste over a selection replaces just it', async ({ app, exporter, page }) => {
    await page.getByRole('button', { name: 'Examples' }).click();
    await page.getByRole('button', { name: 'Start fresh with an empty manifest' }).click();
    await expect.poll(() => app.text()).toMatch(/^# Paste a Kubernetes manifest here/);

    const pasted = manifest('fix-all.yaml');
    await page.evaluate((t) => navigator.clipboard.writeText(t), pasted);
    await page.locator('.view-line').first().click();
    await page.keyboard.press('Control+a');
    await page.keyboard.press('Control+v');
    await expect.poll(() => app.text()).toBe(pasted);

    // over a selection: the image tag only
    await page.evaluate(() => navigator.clipboard.writeText('3.2'));
    await app.cursorAtEndOf('image: registry.example.com/api:3.1');
    await page.keyboard.press('Home');
    for (let i = 0; i < 'image: registry.example.com/api:'.length; i++) await page.keyboard.press('ArrowRight');
    await page.keyboard.press('Shift+ArrowRight');
    await page.keyboard.press('Shift+ArrowRight');
    await page.keyboard.press('Shift+ArrowRight');
    await page.keyboard.press('Control+v');
    await expect.poll(() => app.text()).toBe(pasted.replace('registry.example.com/api:3.1', 'registry.example.com/api:3.2'));

    // the original is the text pasted into the empty editor (not the placeholder, not the edited text)
    await exporter.open();
    await exporter.show('JSON Patch');
    const patch = JSON.parse((await downloadButton(exporter, 'Download deployment-api.patch.json')).text) as Array<{ op: string; path: string; value?: unknown }>;
    expect(patch).toContainEqual({ op: 'replace', path: '/spec/template/spec/containers/0/image', value: 'registry.example.com/api:3.2' });
  });
});

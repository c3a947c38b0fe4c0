/**
 * Share links: the manifest and selection in the URL fragment; opening one leaves the saved
 * manifest alone until "Keep it" or an edit; damaged links; too large for a link; no clipboard.
 */
import { randomBytes } from 'node:crypto';
import { expect, manifest, savedText, test } from './export-kit.ts';
import type { RootlockPage } from './export-kit.ts';

test.describe.configure({ timeout: 90_000 });

/** Clicks Share and returns the link it copied (checked against the clipboard). */
async function share(app: RootlockPage): Promise<string> {
  await app.page.getByRole('button', { name: 'Share' }).click();
  const dialog = app.page.getByRole('dialog', { name: 'Share this manifest' });
  await expect(dialog).toContainText('Link copied to the clipboard.');
  const url = await dialog.getByLabel('Share link').inputValue();
  expect(await app.page.evaluate(() => navigator.clipboard.readText())).toBe(url);
  await dialog.getByRole('button', { name: 'Done' }).click();
  await expect(dialog).toBeHidden();
  return url;
}

test.describe('share links', () => {
  test.beforeEach(async ({ app, context }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await app.goto();
  });

  test('Share copies a link; opened in a new page it shows the same text and selection, and the saved manifest stays until "Keep it"', async ({ app, page, context, baseURL }) => {
    await app.open('two-workloads.yaml');
    const shared = manifest('two-workloads.yaml');
    await page.getByRole('combobox', { name: 'Container' }).selectOption({ label: 'shell (app)' });
    const url = await share(app);
    // the manifest travels in the fragment, never in the query
    expect(url.startsWith(`${baseURL}/#rl1.`)).toBe(true);
    expect(new URL(url).search).toBe('');
    expect(url).not.toContain('busybox');

    // this browser's saved manifest becomes another one
    await app.open('commented.yaml');
    const saved = manifest('commented.yaml');
    await expect.poll(() => savedText(page)).toBe(saved);

    const other = await context.newPage();
    await other.goto(url);
    const banner = other.getByRole('region', { name: 'Opened from a shared link' });
    await expect(banner).toBeVisible();
    await expect.poll(() => other.evaluate(() => window.rootlock?.text() ?? '')).toBe(shared);
    await expect(other.getByRole('combobox', { name: 'Workload' })).toHaveValue('0');
    await expect(other.getByRole('combobox', { name: 'Container' })).toHaveValue('2');
    await expect(other.getByRole('heading', { name: /Container security context/ })).toContainText('shell');
    // the autosave waits: the saved manifest is still the other one
    await other.waitForTimeout(1200);
    expect(await savedText(other)).toBe(saved);

    await banner.getByRole('button', { name: 'Keep it' }).click();
    await expect(banner).toBeHidden();
    await expect.poll(() => savedText(other)).toBe(shared);
    // the fragment is spent: a reload shows the kept manifest, with no banner
    expect(new URL(other.url()).hash).toBe('');
    await other.reload();
    await expect.poll(() => other.evaluate(() => window.rootlock?.text() ?? '')).toBe(shared);
    await expect(other.getByRole('region', { name: 'Opened from a shared link' })).toHaveCount(0);
  });

  test('"Go back to your saved manifest" brings it back; editing the shared one keeps it', async ({ app, page }) => {
    await app.open('two-workloads.yaml');
    const url = await share(app);
    await app.open('commented.yaml');
    const saved = manifest('commented.yaml');
    await expect.poll(() => savedText(page)).toBe(saved);

    await page.goto(url);
    const banner = page.getByRole('region', { name: 'Opened from a shared link' });
    await expect(banner).toBeVisible();
    await expect.poll(() => app.text()).toBe(manifest('two-workloads.yaml'));
    await banner.getByRole('button', { name: 'Go back to your saved manifest' }).click();
    await expect(banner).toBeHidden();
    await expect.poll(() => app.text()).toBe(saved);
    expect(await savedText(page)).toBe(saved);

    // an edit makes the shared manifest the user's own: saved from then on
    await page.goto(url);
    await expect(banner).toBeVisible();
    await expect.poll(() => app.text()).toBe(manifest('two-workloads.yaml'));
    await app.cursorAtEndOf('name: tools');
    await page.keyboard.type('-2');
    await expect(banner).toBeHidden();
    await expect(page.getByText('You edited the shared manifest')).toBeVisible();
    await expect.poll(() => savedText(page)).toBe(manifest('two-workloads.yaml').replace('name: tools', 'name: tools-2'));
    // … and the earlier one can still be brought back
    await page.getByRole('button', { name: 'Bring back your earlier manifest' }).click();
    await expect.poll(() => app.text()).toBe(saved);
  });

  test('a truncated or tampered link: a clear message, and the editor keeps its text', async ({ app, page }) => {
    await app.open('fix-all.yaml');
    const url = await share(app);
    const text = manifest('fix-all.yaml');
    await expect.poll(() => savedText(page)).toBe(text);

    // cut off: pasted into the address bar of the open page, then opened in a fresh page load
    await page.goto(url.slice(0, -12));
    const alert = page.getByRole('alert').filter({ hasText: 'Link not opened.' });
    await expect(alert).toContainText('incomplete');
    expect(await app.text()).toBe(text);
    await page.reload();
    await expect(alert).toContainText('incomplete');
    await expect.poll(() => app.text()).toBe(text);
    await expect(page.getByRole('region', { name: 'Opened from a shared link' })).toHaveCount(0);
    await alert.getByRole('button', { name: 'Dismiss the share link message' }).click();
    await expect(alert).toBeHidden();

    // one character changed, pasted into the address bar of the open page
    const at = url.indexOf('#rl1.') + 30;
    const tampered = url.slice(0, at) + (url[at] === 'A' ? 'B' : 'A') + url.slice(at + 1);
    await page.evaluate((h) => {
      location.hash = h;
    }, new URL(tampered).hash);
    await expect(alert).toContainText('damaged');
    expect(await app.text()).toBe(text);
    expect(await savedText(page)).toBe(text);
  });

  test('too large for a link: says so and offers the download', async ({ app, page }) => {
    // random data does not compress: far over the 8,000 characters a link may have
    const big = `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: blob\ndata:\n  blob: "${randomBytes(9000).toString('hex')}"\n`;
    await app.open('big.yaml', big);
    await page.getByRole('button', { name: 'Share' }).click();
    const dialog = page.getByRole('dialog', { name: 'Too large for a link' });
    await expect(dialog).toContainText('Links over 8,000 characters are not kept reliably');
    const download = page.waitForEvent('download');
    await dialog.getByRole('button', { name: 'Download big.yaml' }).click();
    const file = await download;
    expect(file.suggestedFilename()).toBe('big.yaml');
    const { readFileSync } = await import('node:fs');
    expect(readFileSync(await file.path(), 'utf8')).toBe(big);
  });

  test('without the clipboard the link is shown selected, ready to copy', async ({ app, page }) => {
    await page.addInitScript(() => {
      Object.defineProperty(navigator.clipboard, 'writeText', { value: () => Promise.reject(new DOMException('denied', 'NotAllowedError')) });
    });
    await app.goto();
    await app.open('commented.yaml');
    await page.getByRole('button', { name: 'Share' }).click();
    const dialog = page.getByRole('dialog', { name: 'Share this manifest' });
    await expect(dialog).toContainText('rootlock may not use the clipboard here');
    const field = dialog.getByRole('textbox', { name: 'Share link' });
    await expect(field).toBeFocused();
    await expect(field).toHaveJSProperty('readOnly', true);
    const value = await field.inputValue();
    expect(value).toMatch(/#rl1\./);
    expect(await field.evaluate((el: HTMLInputElement) => [el.selectionStart, el.selectionEnd])).toEqual([0, value.length]);
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
    await expect(page.getByRole('button', { name: 'Share' })).toBeFocused();
  });
});

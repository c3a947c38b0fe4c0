/**
 * The export dialog (each format) and the share banner, in light and dark: no serious or critical
 * axe-core violation, and a screenshot in test-results/screens/ to look at.
 */
import { expect, FORMATS, test } from './export-kit.ts';
import type { RootlockPage } from './export-kit.ts';

// these tests read many downloads (and run kubectl); give them room on a busy machine
test.describe.configure({ timeout: 120_000 });

const shot = (app: RootlockPage, name: string) => app.page.screenshot({ path: `test-results/screens/${name}.png` });
const slug = (s: string) => s.toLowerCase().replace(/[^a-z0-9]+/g, '-');

for (const theme of ['light', 'dark'] as const) {
  test.describe(`${theme} theme`, () => {
    test.beforeEach(async ({ app, page }) => {
      await page.emulateMedia({ colorScheme: theme });
      await app.goto();
      await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
      await expect(page.locator('.monaco-editor').first()).toBeVisible();
    });

    test(`export dialog, every format (${theme})`, async ({ app, exporter, page }) => {
      await app.open('fix-all.yaml');
      await exporter.open();
      await expect(exporter.corrected).toContainText('readOnlyRootFilesystem');
      // one fix off, to show what that looks like
      await exporter.fixes.nth(1).uncheck();
      await exporter.settled();
      for (const format of FORMATS) {
        await exporter.show(format);
        await expect(exporter.panel.getByRole('button', { name: /^Download/ }).first()).toBeVisible();
        await shot(app, `export-${slug(format)}-${theme}`);
        expect(await app.seriousViolations()).toEqual([]);
      }
      await page.setViewportSize({ width: 760, height: 900 });
      await exporter.show('Corrected manifest');
      await shot(app, `export-narrow-${theme}`);
      expect(await app.seriousViolations()).toEqual([]);
    });

    test(`share banner and share dialog (${theme})`, async ({ app, page, context }) => {
      await context.grantPermissions(['clipboard-read', 'clipboard-write']);
      await app.open('two-workloads.yaml');
      await page.getByRole('button', { name: 'Share' }).click();
      const dialog = page.getByRole('dialog', { name: 'Share this manifest' });
      await expect(dialog).toContainText('Link copied to the clipboard.');
      await shot(app, `share-dialog-${theme}`);
      expect(await app.seriousViolations()).toEqual([]);
      const url = await dialog.getByLabel('Share link').inputValue();
      await dialog.getByRole('button', { name: 'Done' }).click();

      const other = await context.newPage();
      await other.emulateMedia({ colorScheme: theme });
      await other.goto(url);
      const banner = other.getByRole('region', { name: 'Opened from a shared link' });
      await expect(banner).toBeVisible();
      await expect(other.locator('.monaco-editor').first()).toBeVisible();
      await other.screenshot({ path: `test-results/screens/share-banner-${theme}.png` });

      await other.goto('/#rl1.AAAAAAAAAAAA-tampered');
      await expect(other.getByRole('alert').filter({ hasText: 'Link not opened.' })).toBeVisible();
      await other.screenshot({ path: `test-results/screens/share-broken-${theme}.png` });
    });
  });
}

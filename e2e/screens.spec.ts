/**
 * Every screen, in light and dark: no serious or critical axe-core violation, and a screenshot in
 * test-results/screens/ to look at.
 */
import { expect, test } from './fixtures.ts';
import type { RootlockPage } from './fixtures.ts';

const shot = (app: RootlockPage, name: string) => app.page.screenshot({ path: `test-results/screens/${name}.png` });

for (const theme of ['light', 'dark'] as const) {
  test.describe(`${theme} theme`, () => {
    test.beforeEach(async ({ app, page }) => {
      // the theme follows the system until the user picks one
      await page.emulateMedia({ colorScheme: theme });
      await app.goto();
      await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
      await expect(page.locator('.monaco-editor')).toBeVisible();
    });

    test(`form and findings (${theme})`, async ({ app, page }) => {
      await app.open('commented.yaml');
      await expect(app.readOnlyRoot).toBeVisible();
      await shot(app, `form-${theme}`);
      expect(await app.seriousViolations()).toEqual([]);

      await app.showFindings();
      await app.findings.first().getByText('Why, and how to fix').click();
      await expect(app.findings.first().getByRole('link')).toBeVisible();
      await shot(app, `findings-${theme}`);
      expect(await app.seriousViolations()).toEqual([]);

      // the volumes and pod sections, further down the form
      await app.showForm();
      await page.getByRole('region', { name: /^Volumes/ }).scrollIntoViewIfNeeded();
      await shot(app, `form-volumes-${theme}`);
    });

    test(`examples gallery and confirmation (${theme})`, async ({ app, page }) => {
      await page.getByRole('button', { name: 'Examples' }).click();
      await expect(page.getByRole('dialog', { name: 'Examples' })).toBeVisible();
      await shot(app, `examples-${theme}`);
      expect(await app.seriousViolations()).toEqual([]);
    });

    test(`invalid YAML (${theme})`, async ({ app, page }) => {
      await app.open('commented.yaml');
      await app.cursorAtEndOf('apiVersion: apps/v1');
      await page.keyboard.type(': oops');
      await page.keyboard.press('Escape');
      await expect(page.getByRole('alert').filter({ hasText: 'The YAML does not parse' })).toBeVisible();
      await shot(app, `invalid-${theme}`);
      expect(await app.seriousViolations()).toEqual([]);
    });

    test(`narrow window stacks the panes (${theme})`, async ({ app, page }) => {
      await page.setViewportSize({ width: 640, height: 900 });
      const editor = await page.locator('.editor-pane').boundingBox();
      const side = await page.locator('.side-pane').boundingBox();
      expect(editor && side && side.y >= editor.y + editor.height - 1).toBe(true);
      await shot(app, `narrow-${theme}`);
      expect(await app.seriousViolations()).toEqual([]);
    });
  });
}

test('the theme can be switched, and the choice is remembered', async ({ app, page }) => {
  await page.emulateMedia({ colorScheme: 'light' });
  await app.goto();
  await app.setTheme('dark');
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await expect(page.getByLabel('Theme')).toHaveValue('dark');
});

/**
 * The Map tab and the drafting dialogs in light and dark: no serious or critical axe-core
 * violation, and a screenshot in test-results/screens/ to look at — the map of every scenario of
 * ../shared/scenarios, a failing map with its tooltip, a narrow window, the dialogs.
 */
import { readdirSync } from 'node:fs';
import { expect, haveScenarios, scenario, SCENARIOS, test } from './map-kit.ts';
import type { Page } from '@playwright/test';

const shot = (page: Page, name: string) => page.screenshot({ path: `test-results/screens/${name}.png` });

for (const theme of ['light', 'dark'] as const) {
  test.describe(`map screens, ${theme} theme`, () => {
    // axe over the whole page, several times a test, while other tests run beside it
    test.setTimeout(90_000);
    test.beforeEach(async ({ app, page }) => {
      await page.emulateMedia({ colorScheme: theme });
      await app.goto();
      await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
      await expect(page.locator('.monaco-editor')).toBeVisible();
    });

    for (const file of haveScenarios ? readdirSync(SCENARIOS).filter((f) => f.endsWith('.yaml')).sort() : ['(no scenarios)']) {
      test(`the map of scenario ${file} (${theme})`, async ({ app, map }) => {
        test.skip(!haveScenarios, '../shared/scenarios is not beside the checkout: no scenario maps to screenshot');
        await app.open(file, scenario(file));
        await map.show();
        await expect(map.svg.or(map.page.getByText('No workload to draw.'))).toBeVisible();
        await shot(map.page, `map-${file.replace(/\.yaml$/, '')}-${theme}`);
        expect(await app.seriousViolations(), file).toEqual([]);
        if (await map.svg.count()) {
          // with the side panel given more room
          await map.page.getByRole('button', { name: 'Wide map' }).click();
          await expect(map.page.getByRole('button', { name: 'Wide map' })).toHaveAttribute('aria-pressed', 'true');
          await shot(map.page, `map-${file.replace(/\.yaml$/, '')}-${theme}-wide`);
          await map.page.getByRole('button', { name: 'Wide map' }).click();
          await expect(map.page.getByRole('button', { name: 'Wide map' })).toHaveAttribute('aria-pressed', 'false');
        }
      });
    }

    test(`a failing map with its tooltip, and a narrow window (${theme})`, async ({ app, map, page }) => {
      await app.open('nginx-no-cache.yaml');
      await map.show();
      await map.node('/var/run', 'nginx').focus();
      await expect(map.tooltip).toBeVisible();
      await shot(map.page, `map-failing-${theme}`);
      expect(await app.seriousViolations()).toEqual([]);

      await page.keyboard.press('Escape');
      await map.story.scrollIntoViewIfNeeded();
      await shot(map.page, `map-story-${theme}`);

      await app.open('two-workloads.yaml');
      await page.setViewportSize({ width: 640, height: 900 });
      await map.show();
      await map.svg.scrollIntoViewIfNeeded();
      await shot(map.page, `map-narrow-${theme}`);
      expect(await app.seriousViolations()).toEqual([]);
    });

    test(`new workload and add container dialogs (${theme})`, async ({ app, page }) => {
      await page.getByRole('button', { name: 'Examples' }).click();
      await page.getByRole('dialog', { name: 'Examples' }).getByRole('button', { name: 'Start fresh with an empty manifest' }).click();
      await expect(page.getByRole('region', { name: 'Start a manifest' })).toBeVisible();
      await shot(page, `empty-editor-${theme}`);
      expect(await app.seriousViolations()).toEqual([]);

      await page.getByRole('button', { name: 'New…' }).click();
      const dialog = page.getByRole('dialog', { name: 'New workload' });
      await dialog.getByRole('combobox', { name: 'Image' }).fill('post');
      await expect(dialog.getByRole('listbox')).toBeVisible();
      await shot(page, `new-workload-completion-${theme}`);
      expect(await app.seriousViolations()).toEqual([]);
      await dialog.getByRole('option', { name: /^postgres / }).click();
      await dialog.getByRole('combobox', { name: 'Kind' }).selectOption('StatefulSet');
      await expect(dialog.getByRole('status')).toContainText('The draft:');
      await expect(dialog.getByRole('list', { name: 'Notes on the draft' })).toContainText('volumeClaimTemplate');
      await shot(page, `new-workload-${theme}`);
      expect(await app.seriousViolations()).toEqual([]);
      await dialog.getByRole('button', { name: 'Insert' }).click();
      await expect.poll(() => app.text()).toContain('kind: StatefulSet');

      await app.showForm();
      await page.getByRole('button', { name: 'Add container…' }).click();
      const add = page.getByRole('dialog', { name: 'Add a container' });
      await add.getByRole('combobox', { name: 'Image' }).fill('busybox');
      await add.getByRole('combobox', { name: 'Share a volume' }).selectOption({ index: 1 });
      await add.getByRole('textbox', { name: 'Mount path of the shared volume' }).fill('/shared');
      await expect(add.getByRole('status')).toContainText('The container:');
      await shot(page, `add-container-${theme}`);
      expect(await app.seriousViolations()).toEqual([]);
      await add.getByRole('button', { name: 'Add container' }).click();
      await expect(page.getByRole('list', { name: 'Notes on the added container' })).toBeVisible();
      await shot(page, `form-added-container-${theme}`);
      expect(await app.seriousViolations()).toEqual([]);
    });
  });
}

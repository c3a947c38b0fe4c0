/**
 * The page object and fixtures every spec uses.
 *
 * - `app`: drives the editor page as a user does, by accessible names. Manifests are loaded through
 *   the "Open file…" file picker (never typed into Monaco: its auto-indent would mangle them).
 *   The current text is read through the page's documented read-only hook `window.rootlock.text()`.
 * - `sameOrigin` (automatic): every request must stay on the page's origin; any other is aborted
 *   and fails the test. Uncaught page errors fail the test too.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test as base, expect } from '@playwright/test';
import type { Locator, Page } from '@playwright/test';
import { AxeBuilder } from '@axe-core/playwright';

export const manifest = (name: string): string => readFileSync(join(import.meta.dirname, 'manifests', name), 'utf8');

export class RootlockPage {
  constructor(readonly page: Page) {}

  get editor(): Locator {
    return this.page.getByLabel('Manifest YAML');
  }
  get findings(): Locator {
    return this.page.getByRole('list', { name: 'Findings' }).getByRole('listitem');
  }
  get summary(): Locator {
    return this.page.getByRole('status');
  }
  get readOnlyRoot(): Locator {
    return this.page.getByRole('checkbox', { name: 'Read-only root filesystem' });
  }
  tab(name: 'Form' | 'Findings' | 'Map' | 'Policy'): Locator {
    return this.page.getByRole('tab', { name });
  }

  /** Opens the page and waits until both the editor and the first analysis are there. */
  async goto(): Promise<void> {
    await this.page.goto('/');
    // Monaco loads after the form; two browsers building pages at once can take a while
    await expect(this.editor).toBeAttached({ timeout: 15_000 });
    await expect(this.summary).toContainText('containers read-only');
  }

  /** Loads a manifest through the "Open file…" picker, as a user would. */
  async open(name: string, text: string = manifest(name)): Promise<void> {
    const chooser = this.page.waitForEvent('filechooser');
    await this.page.getByRole('button', { name: 'Open file…' }).click();
    await (await chooser).setFiles({ name, mimeType: 'application/yaml', buffer: Buffer.from(text) });
    await expect.poll(() => this.text()).toBe(text);
    await expect(this.page.getByRole('heading', { name })).toBeVisible();
  }

  text(): Promise<string> {
    return this.page.evaluate(() => window.rootlock?.text() ?? '');
  }

  /** Puts the cursor at the end of the first editor line containing `snippet`. */
  async cursorAtEndOf(snippet: string): Promise<void> {
    await this.page.locator('.view-line', { hasText: snippet }).first().click();
    await this.page.keyboard.press('End');
  }

  /** Opens the quick fixes at the cursor (Ctrl+.) and picks the one titled `title`, by keyboard. */
  async chooseQuickFix(title: string): Promise<void> {
    await this.page.keyboard.press('Control+.');
    const menu = this.page.locator('.action-widget');
    await expect(menu).toContainText(title);
    const focused = menu.locator('.monaco-list-row.focused');
    for (let i = 0; i < 10 && (await focused.innerText()).trim() !== title; i++) await this.page.keyboard.press('ArrowDown');
    await expect(focused).toHaveText(title);
    await this.page.keyboard.press('Enter');
    await expect(menu).toBeHidden();
  }

  async showFindings(): Promise<void> {
    await this.tab('Findings').click();
    await expect(this.tab('Findings')).toHaveAttribute('aria-selected', 'true');
  }

  async showForm(): Promise<void> {
    await this.tab('Form').click();
    await expect(this.tab('Form')).toHaveAttribute('aria-selected', 'true');
  }

  async setTheme(theme: 'light' | 'dark'): Promise<void> {
    await this.page.getByLabel('Theme').selectOption(theme);
    await expect(this.page.locator('html')).toHaveAttribute('data-theme', theme);
  }

  /** axe-core's serious and critical violations on the page as it is now. */
  async seriousViolations(): Promise<string[]> {
    const results = await new AxeBuilder({ page: this.page }).exclude('.monaco-editor .view-lines').analyze();
    return results.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).slice(0, 5).join(', ')}`);
  }
}

export const test = base.extend<{ app: RootlockPage; sameOrigin: void }>({
  sameOrigin: [
    async ({ page, baseURL }, use) => {
      const origin = new URL(baseURL ?? 'http://127.0.0.1:4173').origin;
      const foreign: string[] = [];
      const errors: string[] = [];
      await page.context().route(
        (url) => !['data:', 'blob:'].includes(url.protocol) && url.origin !== origin,
        (route) => {
          foreign.push(route.request().url());
          return route.abort('blockedbyclient');
        },
      );
      page.on('request', (req) => {
        const url = new URL(req.url());
        if (!['data:', 'blob:'].includes(url.protocol) && url.origin !== origin && !foreign.includes(req.url())) foreign.push(req.url());
      });
      page.on('pageerror', (e) => errors.push(String(e)));
      await use();
      expect(foreign, 'requests that left the page’s origin').toEqual([]);
      expect(errors, 'uncaught errors on the page').toEqual([]);
    },
    { auto: true },
  ],
  app: async ({ page }, use) => {
    await use(new RootlockPage(page));
  },
});

export { expect };

/** The one edit between two texts: the common prefix and suffix removed. */
export function changed(before: string, after: string): { at: number; removed: string; inserted: string } {
  let a = 0;
  while (a < before.length && a < after.length && before[a] === after[a]) a++;
  let b = 0;
  while (b < before.length - a && b < after.length - a && before[before.length - 1 - b] === after[after.length - 1 - b]) b++;
  return { at: a, removed: before.slice(a, before.length - b), inserted: after.slice(a, after.length - b) };
}

/**
 * The Map tab and the drafting dialogs, driven by accessible names on top of the page object of
 * fixtures.ts; and the canonical scenarios of ../shared/scenarios (read when ../shared is there).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { expect, test as base } from './fixtures.ts';
import type { RootlockPage } from './fixtures.ts';

export { expect, manifest } from './fixtures.ts';
export type { RootlockPage } from './fixtures.ts';

/** ../shared/scenarios, beside the checkout (present in CI). */
export const SCENARIOS = join(import.meta.dirname, '..', '..', 'shared', 'scenarios');
export const haveScenarios = existsSync(SCENARIOS);
export const scenario = (file: string): string => readFileSync(join(SCENARIOS, file), 'utf8');

/** The Map tab. */
export class MapPage {
  constructor(readonly app: RootlockPage) {}

  get page(): Page {
    return this.app.page;
  }
  /** The map's SVG, named "Filesystem map of <kind> <name>". */
  get svg(): Locator {
    return this.page.getByRole('group', { name: /^Filesystem map of / });
  }
  /** A container's column, by container name. */
  column(container: string): Locator {
    return this.svg.getByRole('group', { name: new RegExp(`^Column \\d+ of \\d+: .*"${escape(container)}"`) });
  }
  /** The nodes of the map (paths and root bases): buttons named by the engine's labels. */
  node(name: string | RegExp, container?: string): Locator {
    return (container ? this.column(container) : this.svg).getByRole('button', { name: typeof name === 'string' ? new RegExp(`^${escape(name)}( |$)`) : name });
  }
  /** The one-click fix beside a failing node. */
  fixButton(path: string): Locator {
    return this.svg.getByRole('button', { name: new RegExp(`^Fix ${escape(path)}:`) });
  }
  /** Shared-volume links: pictures named by what flows where. */
  get links(): Locator {
    return this.svg.getByRole('img');
  }
  get story(): Locator {
    return this.page.getByRole('region', { name: 'What happens at start-up' });
  }
  get tooltip(): Locator {
    return this.page.getByRole('tooltip');
  }

  async show(): Promise<void> {
    await this.app.tab('Map').click();
    await expect(this.app.tab('Map')).toHaveAttribute('aria-selected', 'true');
  }

  /** The editor's selection, through the page's read-only hook (e2e/README.md). */
  selection(): Promise<{ start: number; end: number; text: string } | null> {
    return this.page.evaluate(() => window.rootlock?.selection() ?? null);
  }
}

export function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

export const test = base.extend<{ map: MapPage }>({
  map: async ({ app }, use) => {
    await use(new MapPage(app));
  },
});

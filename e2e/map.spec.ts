/**
 * The Map tab: per container, the path tree over its root filesystem, links for shared volumes,
 * failing paths with their one-click fix, two-way selection with the editor, the start-up story,
 * and the picture export. Checked by accessible names, not pixels.
 */
import { readFileSync } from 'node:fs';
import { escape, expect, haveScenarios, manifest, scenario, test } from './map-kit.ts';

interface Expected {
  /** Containers, in the order of the columns. */
  columns?: string[];
  /** [container, path, what the node's accessible name must say]. */
  nodes?: Array<[string, string, RegExp]>;
  /** Accessible names of the shared-volume links. */
  links?: string[];
  /** No workload: the map says so. */
  empty?: true;
}

const SCENARIOS: Record<string, Expected> = {
  '01-nginx-readonly.yaml': {
    columns: ['nginx'],
    nodes: [
      ['nginx', '/', /read-only root filesystem/],
      ['nginx', '/var/cache/nginx', /emptyDir "cache".*, writable$/],
      ['nginx', '/var/run', /emptyDir "run".*, writable$/],
    ],
    links: [],
  },
  '02-multiple-writable-volumes.yaml': {
    columns: ['app'],
    nodes: ['/tmp', '/var/log/app', '/app/cache', '/var/run', '/app/config-override'].map((p) => ['app', p, /emptyDir ".*".*, writable$/] as [string, string, RegExp]),
    links: [],
  },
  '03-postgres-persistent.yaml': {
    columns: ['postgres'],
    nodes: [
      ['postgres', '/var/lib/postgresql/data', /persistent volume "data".*, writable$/],
      ['postgres', '/var/lib/postgresql/data/pgdata', /PGDATA.*writable/],
      ['postgres', '/var/run/postgresql', /emptyDir "run".*, writable$/],
      ['postgres', '/tmp', /emptyDir "tmp".*, writable$/],
    ],
    links: [],
  },
  '04-init-container-shared-config.yaml': {
    columns: ['setup', 'app'],
    nodes: [
      ['setup', '/config', /read-only config "source-config".*read-only$/],
      ['setup', '/shared/config', /emptyDir "shared-config".*, writable$/],
      ['setup', '/tmp', /writable$/],
      ['app', '/app/config', /read-only mount "shared-config".*read-only$/],
      ['app', '/tmp', /emptyDir "app-tmp".*writable$/],
    ],
    links: ['Data flows from setup at /shared/config to app at /app/config (volume "shared-config": setup writes, app reads)'],
  },
  '05-test-pod.yaml': { columns: ['test'], nodes: [['test', '/tmp', /emptyDir "tmp".*, writable$/]], links: [] },
  '06-namespace-restricted.yaml': { empty: true },
  '07-memory-emptydir-fragment.yaml': { empty: true },
};

test.describe('the map of each canonical scenario', () => {
  test.skip(!haveScenarios, '../shared/scenarios is not beside the checkout: the scenario maps are not checked');

  for (const [file, want] of Object.entries(SCENARIOS)) {
    test(`${file}: columns, nodes and links`, async ({ app, map, page }) => {
      await app.goto();
      await app.open(file, scenario(file));
      await map.show();
      if (want.empty) {
        await expect(page.getByText('No workload to draw.')).toBeVisible();
        await expect(map.svg).toHaveCount(0);
        return;
      }
      const columns = map.svg.getByRole('group', { name: /^Column \d+ of \d+:/ });
      await expect(columns).toHaveCount(want.columns!.length);
      for (const [i, c] of want.columns!.entries()) await expect(columns.nth(i)).toHaveAccessibleName(new RegExp(`^Column ${i + 1} of ${want.columns!.length}: .*"${escape(c)}"`));
      for (const [container, path, name] of want.nodes ?? []) {
        const node = map.node(path, container);
        await expect(node, `${container} ${path}`).toHaveCount(1);
        await expect(node).toHaveAccessibleName(name);
        await expect(node).not.toHaveAccessibleName(/\bfails\b/);
      }
      await expect(map.links).toHaveCount(want.links!.length);
      for (const l of want.links!) await expect(map.svg.getByRole('img', { name: l, exact: true })).toHaveCount(1);
      // these scenarios are correct: nothing fails at start-up
      await expect(map.svg.getByRole('button', { name: /\bfails\b/ })).toHaveCount(0);
      await expect(map.story).toContainText('Every write rootlock knows of has a writable place');
    });
  }
});

test.describe('the Map tab', () => {
  test.beforeEach(async ({ app }) => {
    await app.goto();
  });

  test('init containers come first, in order; every container type gets a column', async ({ app, map }) => {
    await app.open('two-workloads.yaml');
    await map.show();
    const columns = map.svg.getByRole('group', { name: /^Column \d+ of \d+:/ });
    await expect(columns).toHaveCount(4);
    await expect(columns.nth(0)).toHaveAccessibleName(/^Column 1 of 4: init container 1 "setup", image busybox:1\.36, writable root$/);
    await expect(columns.nth(1)).toHaveAccessibleName(/^Column 2 of 4: sidecar container "proxy"/);
    await expect(columns.nth(2)).toHaveAccessibleName(/^Column 3 of 4: app container "shell", .*read-only root$/);
    await expect(columns.nth(3)).toHaveAccessibleName(/ephemeral container "debugger"/);
    // the start-up story runs init containers first, then sidecars, then app containers
    await expect(map.story.getByRole('listitem').filter({ has: map.page.locator('.story-head') })).toHaveText([/^Init container 1 setup/, /^Sidecar proxy/, /^App container shell/]);
    // the map follows the workload picked here and in the form
    await map.page.getByRole('combobox', { name: 'Workload' }).selectOption({ label: 'CronJob nightly' });
    await expect(map.svg).toHaveAccessibleName('Filesystem map of CronJob nightly');
    await expect(columns).toHaveCount(1);
  });

  test('a failing path is red with the program’s error on hover and focus; its Fix clears it, Ctrl+Z brings it back; after Fix all the story is green', async ({ app, map, page }) => {
    await app.open('nginx-no-cache.yaml');
    await map.show();
    const run = map.node('/var/run', 'nginx');
    const cache = map.node('/var/cache/nginx', 'nginx');
    await expect(run).toHaveAccessibleName(/^\/var\/run — .*fails: \[emerg\] 1#1: open\(\) "\/var\/run\/nginx\.pid" failed \(30: Read-only file system\)$/);
    await expect(cache).toHaveAccessibleName(/fails: .*mkdir\(\) "\/var\/cache\/nginx\/client_temp" failed/);
    // red: the failing style (its box drawn in the error colour), besides the ✗ glyph and the words
    await expect(run).toHaveClass(/\bfailing\b/);
    const stroke = await run.locator('.node-box').evaluate((el) => getComputedStyle(el).stroke);
    expect(stroke).toBe('rgb(185, 28, 28)');
    await expect(map.page.getByText(/2 paths fail at start-up/)).toBeVisible();
    await expect(map.story).toContainText('2 writes fail');
    await expect(map.story.locator('.story-steps').getByRole('listitem').filter({ hasText: 'writes /var/run (nginx.pid) — fails' })).toHaveCount(1);

    // the error line shows on keyboard focus, and on hover
    await run.focus();
    await expect(map.tooltip).toContainText('[emerg] 1#1: open() "/var/run/nginx.pid" failed (30: Read-only file system)');
    await expect(run).toHaveAttribute('aria-describedby', /.+/);
    await page.keyboard.press('Escape');
    await expect(map.tooltip).toBeHidden();
    await cache.hover();
    await expect(map.tooltip).toContainText('mkdir() "/var/cache/nginx/client_temp" failed');

    // one click on its Fix: the Findings panel's fix, through the editor
    const before = await app.text();
    await expect(map.fixButton('/var/run')).toHaveAccessibleName('Fix /var/run: Mount a memory-backed emptyDir (sizeLimit 16Mi) at /var/run');
    await map.fixButton('/var/run').click();
    await expect(run).toHaveAccessibleName(/^\/var\/run — memory-backed emptyDir ".*writable$/);
    await expect(run).not.toHaveClass(/\bfailing\b/);
    await expect(map.fixButton('/var/run')).toHaveCount(0);
    await expect(cache).toHaveAccessibleName(/fails/);
    expect(await app.text()).toContain('mountPath: /var/run');

    await page.locator('.view-line').first().click();
    await page.keyboard.press('Control+z');
    await expect.poll(() => app.text()).toBe(before);
    await map.show();
    await expect(run).toHaveAccessibleName(/fails/);

    await page.getByRole('button', { name: 'Fix all' }).click();
    await expect(map.story).toContainText('Every write rootlock knows of has a writable place: the pod starts.');
    await expect(map.story.locator('.story-steps').getByRole('listitem').filter({ hasText: /fails/ })).toHaveCount(0);
    await expect(map.svg.getByRole('button', { name: /\bfails\b/ })).toHaveCount(0);
    await expect(map.node('/var/cache/nginx', 'nginx')).toHaveAccessibleName(/writable$/);
  });

  test('clicking a node (or Enter on it) selects its YAML; the editor’s cursor in a mount highlights its node', async ({ app, map, page }) => {
    await app.open('commented.yaml');
    const text = manifest('commented.yaml');
    await map.show();
    const cache = map.node('/var/cache/nginx', 'nginx');
    await cache.click();
    const mount = 'name: cache\n          mountPath: /var/cache/nginx\n';
    await expect.poll(() => map.selection()).toEqual({ start: text.indexOf(mount), end: text.indexOf(mount) + mount.length, text: mount });
    await expect(cache).toHaveAttribute('aria-current', 'true');
    // the focus stays on the map, so the keyboard can go on
    await expect(cache).toBeFocused();

    // Enter on the other container's root selects that container
    const metrics = map.node('/', 'metrics');
    await metrics.focus();
    await page.keyboard.press('Enter');
    await expect.poll(async () => (await map.selection())?.text).toBe('name: metrics\n        image: registry.example.com/exporter:0.9\n');
    await expect(metrics).toHaveAttribute('aria-current', 'true');
    await expect(cache).not.toHaveAttribute('aria-current', 'true');

    // the other way: the cursor in the editor, inside the mount's YAML
    await page.locator('.view-line', { hasText: 'mountPath: /var/cache/nginx' }).click();
    await expect(cache).toHaveAttribute('aria-current', 'true');
    await expect(metrics).not.toHaveAttribute('aria-current', 'true');
    await page.locator('.view-line', { hasText: 'registry.example.com/exporter' }).click();
    await expect(metrics).toHaveAttribute('aria-current', 'true');
  });

  test('every node is reachable by keyboard: Tab into the map, arrow keys between nodes and columns', async ({ app, map, page }) => {
    await app.open('commented.yaml');
    await map.show();
    await map.node('/var/cache/nginx', 'nginx').focus();
    await page.keyboard.press('ArrowDown');
    await expect(map.node('/var/run', 'nginx')).toBeFocused();
    await page.keyboard.press('ArrowDown');
    await expect(map.node('/', 'nginx')).toBeFocused();
    await page.keyboard.press('ArrowRight');
    await expect(map.node('/', 'metrics')).toBeFocused();
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('ArrowUp');
    await expect(map.node('/var/run', 'nginx')).toBeFocused();
    // each focusable node has a name
    for (const node of await map.svg.locator('[tabindex="0"]').all()) await expect(node).toHaveAccessibleName(/.+/);
  });

  test('a shared volume filled by an init container reads as one arrow from writer to reader', async ({ app, map, page }) => {
    await page.getByRole('button', { name: 'Examples' }).click();
    await page.getByRole('dialog', { name: 'Examples' }).getByRole('button', { name: /Init container prepares config/ }).click();
    await expect.poll(() => app.text()).toContain('copy-config');
    await map.show();
    await expect(map.links).toHaveCount(1);
    await expect(map.links).toHaveAccessibleName('Data flows from copy-config at /shared/config to app at /etc/app (volume "shared-config": copy-config writes, app reads)');
  });

  test('of two findings at one place (an image that writes two paths), the quick fix picked is the one applied, in the right place', async ({ app, map }) => {
    await app.open('nginx-no-cache.yaml');
    await app.cursorAtEndOf('image: nginx:1.27');
    await app.chooseQuickFix('Mount a memory-backed emptyDir (sizeLimit 16Mi) at /var/run');
    await expect.poll(() => app.text()).toContain('mountPath: /var/run');
    const text = await app.text();
    expect(text).not.toContain('mountPath: /var/cache/nginx');
    // the container's mounts stay in the container, the pod's volume in the pod
    expect(text).toContain('          readOnlyRootFilesystem: true\n        volumeMounts:\n        - name: run\n          mountPath: /var/run\n      volumes:\n');
    await map.show();
    await expect(map.node('/var/run', 'nginx')).toHaveAccessibleName(/writable$/);
  });

  test('Download SVG gives a standalone SVG with the node labels; Download PNG a PNG', async ({ app, map, page }) => {
    await app.open('commented.yaml');
    await map.show();
    await expect(map.node('/var/cache/nginx', 'nginx')).toBeVisible();

    const svgDownload = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Download SVG' }).click();
    const svgFile = await svgDownload;
    expect(svgFile.suggestedFilename()).toBe('web-filesystem-map.svg');
    const svg = readFileSync(await svgFile.path(), 'utf8');
    const unescaped = svg.replace(/&quot;/g, '"').replace(/&amp;/g, '&');
    expect(svg).toMatch(/^<\?xml [^>]*\?>\n<svg [^>]*xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
    for (const label of ['/var/cache/nginx — emptyDir "cache", writable', '/ — writable root filesystem', 'Filesystem map of Deployment web']) expect(unescaped).toContain(label);
    expect(unescaped).toContain('>/var/cache/nginx</text>');
    // the styles are inlined and resolved: no classes, no CSS variables, no interactive parts
    expect(svg).not.toMatch(/ class="/);
    expect(svg).not.toContain('var(--');
    expect(svg).not.toContain('tabindex');
    expect(svg).toMatch(/style="fill:rgb\(/);

    const pngDownload = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Download PNG' }).click();
    const pngFile = await pngDownload;
    expect(pngFile.suggestedFilename()).toBe('web-filesystem-map.png');
    const png = readFileSync(await pngFile.path());
    expect(png.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
    expect(png.length).toBeGreaterThan(5000);
  });
});

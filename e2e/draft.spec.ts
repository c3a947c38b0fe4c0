/**
 * Drafting from an image: "New…" (and the empty editor's call to action) drafts a hardened
 * workload; "Add container…" in the form adds one to the selected workload. Both go through the
 * editor as one undoable edit and show the engine's notes.
 */
import { expect, test } from './map-kit.ts';
import type { RootlockPage } from './map-kit.ts';

async function startEmpty(app: RootlockPage): Promise<void> {
  await app.page.getByRole('button', { name: 'Examples' }).click();
  await app.page.getByRole('dialog', { name: 'Examples' }).getByRole('button', { name: 'Start fresh with an empty manifest' }).click();
  await expect.poll(() => app.text()).toMatch(/^# Paste a Kubernetes manifest here/);
}

test.describe('drafting from an image', () => {
  test.beforeEach(async ({ app }) => {
    await app.goto();
  });

  test('draft nginx as a Deployment from an empty editor: the form and the findings show it clean', async ({ app, page }) => {
    await startEmpty(app);
    const blank = await app.text();
    // an empty editor says how to start
    const cta = page.getByRole('region', { name: 'Start a manifest' });
    await expect(cta).toBeVisible();
    await cta.getByRole('button', { name: 'New workload from an image…' }).click();

    const dialog = page.getByRole('dialog', { name: 'New workload' });
    await expect(dialog).toBeVisible();
    const image = dialog.getByRole('combobox', { name: 'Image' });
    await expect(image).toBeFocused();
    await image.fill('ngin');
    const options = dialog.getByRole('listbox', { name: 'Images rootlock knows' }).getByRole('option');
    await expect(options.first()).toContainText('nginx');
    await expect(image).toHaveAttribute('aria-expanded', 'true');
    await page.keyboard.press('ArrowDown');
    await expect(image).toHaveAttribute('aria-activedescendant', /.+/);
    await page.keyboard.press('Enter');
    await expect(image).toHaveValue('nginx');
    await expect(image).toHaveAttribute('aria-expanded', 'false');
    await dialog.getByRole('combobox', { name: 'Kind' }).selectOption('Deployment');
    await expect(dialog.getByRole('textbox', { name: 'Name', exact: true })).toHaveValue('nginx');
    await dialog.getByRole('textbox', { name: 'Namespace' }).fill('web');
    await dialog.getByRole('textbox', { name: 'Container port' }).fill('8080');
    // the notes come before anything is inserted
    const notes = dialog.getByRole('list', { name: 'Notes on the draft' });
    await expect(notes.getByRole('listitem').filter({ hasText: 'port 80' }).first()).toBeVisible();
    await expect(dialog.getByRole('status')).toContainText(/The draft: \d+ warnings? and \d+ notes?/);
    await dialog.getByRole('button', { name: 'Insert' }).click();
    await expect(dialog).toBeHidden();

    await expect.poll(() => app.text()).toContain('kind: Deployment');
    const text = await app.text();
    for (const s of ['  name: nginx\n  namespace: web\n', 'image: nginx\n', 'containerPort: 8080', 'readOnlyRootFilesystem: true', 'mountPath: /var/cache/nginx', 'mountPath: /var/run', 'medium: Memory']) expect(text).toContain(s);
    await expect(page.getByRole('heading', { name: 'nginx.yaml' })).toBeVisible();

    // clean in the form …
    await app.showForm();
    await expect(app.readOnlyRoot).toBeChecked();
    await expect(page.getByRole('combobox', { name: 'Workload' })).toHaveValue('0');
    await expect(page.locator('.form .note.sev-error, .form .note.sev-warning')).toHaveCount(0);
    await expect(app.summary).toHaveText('1 of 1 containers read-only');
    // … in the findings …
    await app.showFindings();
    await expect(page.locator('.counts')).toContainText('0 errors');
    await expect(page.locator('.counts')).toContainText('0 warnings');
    for (const item of await app.findings.all()) await expect(item.locator('.sev')).toHaveText('info');
    // … and on the map
    await app.tab('Map').click();
    await expect(page.getByRole('region', { name: 'What happens at start-up' })).toContainText('Every write rootlock knows of has a writable place');

    // one undo step in the editor
    await page.locator('.view-line').first().click();
    await page.keyboard.press('Control+z');
    await expect.poll(() => app.text()).toBe(blank);
  });

  test('over a manifest, New… asks: append as a new document, or replace', async ({ app, page }) => {
    await app.open('commented.yaml');
    const before = await app.text();
    await expect(page.getByRole('region', { name: 'Start a manifest' })).toHaveCount(0);
    await page.getByRole('button', { name: 'New…' }).click();
    const dialog = page.getByRole('dialog', { name: 'New workload' });
    await dialog.getByRole('combobox', { name: 'Image' }).fill('postgres:16');
    await dialog.getByRole('combobox', { name: 'Kind' }).selectOption('StatefulSet');
    await dialog.getByRole('textbox', { name: 'Name', exact: true }).fill('db');
    await expect(dialog.getByRole('list', { name: 'Notes on the draft' })).toContainText('volumeClaimTemplate');
    await expect(dialog.getByRole('button', { name: 'Replace the manifest' })).toBeVisible();
    await dialog.getByRole('button', { name: 'Append as a new document' }).click();
    await expect.poll(() => app.text()).toContain('kind: StatefulSet');
    const after = await app.text();
    expect(after.startsWith(before)).toBe(true);
    expect(after.slice(before.length)).toMatch(/^---\napiVersion: apps\/v1\nkind: StatefulSet\n/);
    // the new workload is picked
    await app.showForm();
    await expect(page.getByRole('combobox', { name: 'Workload' })).toHaveValue('1');
    await expect(page.getByRole('combobox', { name: 'Container' })).toHaveValue('0');
    await expect(page.getByRole('heading', { name: /Container security context/ })).toContainText('postgres');

    // replace: the whole text, one undo step
    await page.getByRole('button', { name: 'New…' }).click();
    await dialog.getByRole('combobox', { name: 'Image' }).fill('redis:7');
    await dialog.getByRole('button', { name: 'Replace the manifest' }).click();
    // one round trip to the engine's worker when the draft of these inputs is not in yet
    await expect(dialog).toBeHidden({ timeout: 15_000 });
    await expect.poll(() => app.text(), { timeout: 15_000 }).toMatch(/^apiVersion: apps\/v1\nkind: Deployment\nmetadata:\n {2}name: redis\n/);
    await page.locator('.view-line').first().click();
    await page.keyboard.press('Control+z');
    await expect.poll(() => app.text()).toBe(after);
  });

  test('an unknown image is accepted and the draft says what rootlock could not know', async ({ app, page }) => {
    await startEmpty(app);
    await page.getByRole('button', { name: 'New…' }).click();
    const dialog = page.getByRole('dialog', { name: 'New workload' });
    await dialog.getByRole('combobox', { name: 'Image' }).fill('registry.example.com/team/thing:2.1');
    await expect(dialog.getByRole('textbox', { name: 'Name', exact: true })).toHaveValue('thing');
    await expect(dialog.getByRole('list', { name: 'Notes on the draft' })).toBeVisible();
    await dialog.getByRole('button', { name: 'Insert' }).click();
    await expect.poll(() => app.text()).toContain('image: registry.example.com/team/thing:2.1');
    expect(await app.text()).toContain('mountPath: /tmp');
  });

  test('add a native sidecar to an example, sharing one of its volumes', async ({ app, page }) => {
    await page.getByRole('button', { name: 'Examples' }).click();
    await page.getByRole('dialog', { name: 'Examples' }).getByRole('button', { name: /nginx, read-only/ }).click();
    await expect.poll(() => app.text()).toContain('sizeLimit: 1Mi');
    const before = await app.text();
    await app.showForm();
    await page.getByRole('button', { name: 'Add container…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Add a container' });
    await expect(dialog).toBeVisible();
    await dialog.getByRole('radio', { name: /Native sidecar/ }).check();
    await dialog.getByRole('combobox', { name: 'Image' }).fill('busybox:1.36');
    await dialog.getByRole('textbox', { name: 'Name', exact: true }).fill('log-shipper');
    await dialog.getByRole('combobox', { name: 'Share a volume' }).selectOption('cache');
    await dialog.getByRole('textbox', { name: 'Mount path of the shared volume' }).fill('/var/cache/nginx');
    await expect(dialog.getByRole('list', { name: 'Notes on the container' })).toContainText('native sidecar');
    await dialog.getByRole('button', { name: 'Add container' }).click();
    await expect(dialog).toBeHidden();

    await expect.poll(() => app.text()).toContain('- name: log-shipper');
    const text = await app.text();
    expect(text).toContain('initContainers:');
    expect(text).toMatch(/- name: log-shipper\n\s+image: busybox:1\.36\n\s+restartPolicy: Always\n/);
    expect(text).toMatch(/- name: cache\n\s+mountPath: \/var\/cache\/nginx\n(?:.*\n)*/);
    // the new container is picked, and its notes stay in the form until dismissed
    const container = page.getByRole('combobox', { name: 'Container' });
    await expect(container.getByRole('option')).toContainText(['log-shipper (sidecar)', 'nginx (app)']);
    await expect(container.locator('option:checked')).toHaveText('log-shipper (sidecar)');
    const notes = page.getByRole('list', { name: 'Notes on the added container' });
    await expect(notes).toContainText('native sidecar');
    await expect(page.getByText('Added native sidecar "log-shipper" for busybox:1.36')).toBeVisible();
    // and the map draws it first, sharing the cache with nginx
    await app.tab('Map').click();
    await expect(page.getByRole('group', { name: /^Column 1 of 2: sidecar container "log-shipper"/ })).toBeVisible();
    await expect(page.getByRole('group', { name: /^Filesystem map of / }).getByRole('img', { name: /Volume "cache" shared by log-shipper at \/var\/cache\/nginx and nginx at \/var\/cache\/nginx/ })).toHaveCount(1);

    await page.getByRole('button', { name: 'Dismiss message' }).click().catch(() => undefined);
    await page.locator('.view-line').first().click();
    await page.keyboard.press('Control+z');
    await expect.poll(() => app.text()).toBe(before);
  });
});

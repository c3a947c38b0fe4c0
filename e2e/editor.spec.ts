import { changed, expect, manifest, test } from './fixtures.ts';

test.describe('the editor page', () => {
  test.beforeEach(async ({ app }) => {
    await app.goto();
  });

  test('loads an example from the gallery and shows its findings', async ({ app, page }) => {
    await page.getByRole('button', { name: 'Examples' }).click();
    const gallery = page.getByRole('dialog', { name: 'Examples' });
    await gallery.getByRole('button', { name: /The flag at pod level/ }).click();
    await expect(gallery).toBeHidden();
    await expect.poll(() => app.text()).toContain('readOnlyRootFilesystem: true   # no effect here');

    await app.showFindings();
    await expect(app.findings.filter({ hasText: /^ro-root-fs-pod-level/ })).toHaveCount(1);
    await expect(app.findings.filter({ hasText: /^ro-root-fs-missing/ })).toHaveCount(1);
    await expect(app.summary).toHaveText('0 of 1 containers read-only');
    // every listitem's text starts with its rule id, and each has a Fix described by its finding
    for (const item of await app.findings.all()) {
      await expect(item).toHaveText(/^[a-z0-9-]+\s/);
      const fix = item.getByRole('button', { name: 'Fix', exact: true });
      if (await fix.count()) await expect(fix).toHaveAccessibleDescription(/.+/);
    }
    // the explanation, with its documentation link
    const item = app.findings.filter({ hasText: /^ro-root-fs-pod-level/ });
    await item.getByText('Why, and how to fix').click();
    await expect(item.getByRole('link', { name: /Kubernetes documentation/ })).toHaveAttribute('href', /^https:\/\/kubernetes\.io\//);
  });

  test('ticking "Read-only root filesystem" changes the YAML at that spot only; comments elsewhere stay', async ({ app }) => {
    await app.open('commented.yaml');
    const before = await app.text();
    await expect(app.page.getByRole('combobox', { name: 'Container' })).toHaveValue('0');
    await expect(app.readOnlyRoot).not.toBeChecked();

    await app.readOnlyRoot.check();
    await expect.poll(() => app.text()).not.toBe(before);
    const after = await app.text();
    // one block, inside container "nginx" after its last key, indented like its siblings; every other byte kept
    const at = before.indexOf('          mountPath: /var/cache/nginx\n') + '          mountPath: /var/cache/nginx\n'.length;
    expect(after).toBe(`${before.slice(0, at)}        securityContext:\n          readOnlyRootFilesystem: true\n${before.slice(at)}`);
    expect(changed(before, after).removed).toBe('');
    for (const comment of before.split('\n').filter((l) => l.includes('#'))) expect(after).toContain(comment);
    await expect(app.readOnlyRoot).toBeChecked();
    await expect(app.summary).toHaveText('1 of 2 containers read-only');

    // unticking takes it out again: back to the very same text
    await app.readOnlyRoot.uncheck();
    await expect.poll(() => app.text()).toBe(before);
  });

  test('editing the YAML moves the form with it', async ({ app, page }) => {
    await app.open('commented.yaml');
    const uid = page.getByRole('region', { name: 'Pod security context' }).getByLabel('Run as user (UID)');
    await expect(uid).toHaveValue('1000');
    await app.cursorAtEndOf('runAsUser: 1000');
    // the line ends with a comment: move back over it and retype the value
    await page.keyboard.press('Home');
    await page.keyboard.press('Shift+End');
    await page.keyboard.type('runAsUser: 4242');
    await expect(uid).toHaveValue('4242');

    // picking a container in the text picks it in the form
    await page.locator('.view-line', { hasText: 'registry.example.com/exporter' }).click();
    await expect(page.getByRole('combobox', { name: 'Container' })).toHaveValue('1');
    await expect(page.getByRole('heading', { name: /Container security context/ })).toContainText('metrics');
  });

  test('a quick fix in the editor clears its finding, and Ctrl+Z brings it back', async ({ app, page }) => {
    await app.open('commented.yaml');
    await app.showFindings();
    const missing = app.findings.filter({ hasText: /^ro-root-fs-missing/ }).filter({ hasText: '"nginx"' });
    await expect(missing).toHaveCount(1);

    await page.locator('.view-line', { hasText: '- name: nginx' }).click();
    await app.chooseQuickFix('Only set readOnlyRootFilesystem: true');
    await expect(missing).toHaveCount(0);
    const before = manifest('commented.yaml');
    const at = before.indexOf('          mountPath: /var/cache/nginx\n') + '          mountPath: /var/cache/nginx\n'.length;
    expect(await app.text()).toBe(`${before.slice(0, at)}        securityContext:\n          readOnlyRootFilesystem: true\n${before.slice(at)}`);

    await page.locator('.view-line', { hasText: '- name: nginx' }).click();
    await page.keyboard.press('Control+z');
    await expect(missing).toHaveCount(1);
    expect(await app.text()).toBe(manifest('commented.yaml'));
  });

  test('a finding’s Fix and Fix all apply through the editor and can be undone', async ({ app, page }) => {
    await app.open('fix-all.yaml');
    await app.showFindings();
    await expect(app.summary).toHaveText('0 of 2 containers read-only');
    const fix = app.findings.filter({ hasText: /^ro-root-fs-missing/ }).filter({ hasText: '"worker"' }).getByRole('button', { name: 'Fix', exact: true });
    await expect(fix).toHaveAccessibleDescription(/Container "worker".*readOnlyRootFilesystem/);
    await fix.click();
    await expect(app.summary).toHaveText('1 of 2 containers read-only');

    await page.getByRole('button', { name: 'Fix all' }).click();
    await expect(app.summary).toHaveText('2 of 2 containers read-only');
    await expect(app.findings.filter({ hasText: /^ro-root-fs-(missing|pod-level)/ })).toHaveCount(0);
    await expect(page.getByText(/^Applied \d+ fix/)).toBeVisible();
    const text = await app.text();
    for (const comment of ['# payments API — comments must survive every fix', 'image: registry.example.com/api:3.1   # pinned']) expect(text).toContain(comment);

    // both are ordinary undo steps in the editor
    await page.locator('.view-line').first().click();
    await page.keyboard.press('Control+z');
    await expect(app.summary).toHaveText('1 of 2 containers read-only');
    await page.keyboard.press('Control+z');
    await expect(app.summary).toHaveText('0 of 2 containers read-only');
    expect(await app.text()).toBe(manifest('fix-all.yaml'));
  });

  test('invalid YAML: a banner with a link to the line, the form frozen at the last valid state, the text untouched', async ({ app, page }) => {
    await app.open('commented.yaml');
    await expect(app.readOnlyRoot).toBeEnabled();
    // "apiVersion: apps/v1: oops" nests a mapping in a plain scalar: a syntax error
    await app.cursorAtEndOf('apiVersion: apps/v1');
    await page.keyboard.type(': oops');
    await page.keyboard.press('Escape');
    const banner = page.getByRole('alert').filter({ hasText: 'The YAML does not parse' });
    await expect(banner).toBeVisible();
    await expect(app.readOnlyRoot).toBeDisabled();
    await expect(page.getByRole('combobox', { name: 'Workload' })).toBeDisabled();
    // the last valid values stay on show
    await expect(page.getByRole('region', { name: 'Pod security context' }).getByLabel('Run as user (UID)')).toHaveValue('1000');
    const text = await app.text();
    expect(text).toBe(manifest('commented.yaml').replace('apiVersion: apps/v1', 'apiVersion: apps/v1: oops'));

    // the link goes to the error's line
    await banner.getByRole('link', { name: /Go to line \d+/ }).click();
    await expect(page.locator('.monaco-editor .current-line').first()).toBeVisible();

    // nothing rewrote the text while it was broken; undo repairs it and the form comes back
    for (let i = 0; i < 6 && (await app.text()) !== manifest('commented.yaml'); i++) await page.keyboard.press('Control+z');
    await expect(banner).toBeHidden();
    await expect(app.readOnlyRoot).toBeEnabled();
    expect(await app.text()).toBe(manifest('commented.yaml'));
  });

  test('the manifest is saved in the browser and restored on reload; "Start fresh" starts over', async ({ app, page }) => {
    await app.open('commented.yaml');
    await app.readOnlyRoot.check();
    await expect.poll(() => app.text()).toContain('readOnlyRootFilesystem: true');
    const edited = await app.text();
    await expect.poll(() => page.evaluate(() => localStorage.getItem('rootlock.document') ?? '')).toContain('readOnlyRootFilesystem: true');

    await page.reload();
    await expect(app.editor).toBeAttached();
    await expect.poll(() => app.text()).toBe(edited);
    await expect(page.getByRole('heading', { name: 'commented.yaml' })).toBeVisible();
    await expect(app.readOnlyRoot).toBeChecked();

    await page.getByRole('button', { name: 'Start fresh' }).click();
    // the restored text was edited: rootlock asks first
    const confirm = page.getByRole('dialog', { name: 'Replace your manifest?' });
    await confirm.getByRole('button', { name: /Open an empty manifest/ }).click();
    await expect.poll(() => app.text()).toMatch(/^# Paste a Kubernetes manifest here/);
    await expect(app.summary).toHaveText('0 of 0 containers read-only');
  });

  test('the gallery asks before replacing edited text, and Cancel keeps it', async ({ app, page }) => {
    await app.open('commented.yaml');
    await app.readOnlyRoot.check();
    await expect.poll(() => app.text()).toContain('readOnlyRootFilesystem: true');
    const edited = await app.text();
    await page.getByRole('button', { name: 'Examples' }).click();
    await page.getByRole('dialog', { name: 'Examples' }).getByRole('button', { name: /nginx, read-only/ }).click();
    const confirm = page.getByRole('dialog', { name: 'Replace your manifest?' });
    await expect(confirm).toBeVisible();
    await confirm.getByRole('button', { name: 'Cancel' }).click();
    await expect(confirm).toBeHidden();
    expect(await app.text()).toBe(edited);
  });

  test('workloads and containers of every kind can be picked, labelled by type', async ({ app, page }) => {
    await app.open('two-workloads.yaml');
    const workload = page.getByRole('combobox', { name: 'Workload' });
    const container = page.getByRole('combobox', { name: 'Container' });
    await expect(workload.getByRole('option')).toHaveText(['Pod tools', 'CronJob nightly']);
    await expect(container.getByRole('option')).toHaveText(['setup (init)', 'proxy (sidecar)', 'shell (app)', 'debugger (ephemeral)']);
    await container.selectOption({ label: 'shell (app)' });
    await expect(app.readOnlyRoot).toBeChecked();
    await workload.selectOption({ label: 'CronJob nightly' });
    await expect(container.getByRole('option')).toHaveText(['report (app)']);
    await expect(app.readOnlyRoot).not.toBeChecked();
    await app.readOnlyRoot.check();
    await expect.poll(() => app.text()).toContain('          - name: report\n            image: busybox:1.36\n            securityContext:\n              readOnlyRootFilesystem: true\n');
  });

  test('volumes and mounts: add an emptyDir mount in one step, rename a volume and its mounts follow', async ({ app, page }) => {
    await app.open('commented.yaml');
    const mounts = page.getByRole('region', { name: /Volume mounts/ });
    const add = mounts.getByRole('form', { name: 'Add a mount' });
    await add.getByLabel('Mount path').fill('/tmp');
    await add.getByLabel('Size limit').fill('64Mi');
    await add.getByRole('button', { name: 'Add emptyDir and mount' }).click();
    await expect.poll(() => app.text()).toContain('- name: tmp\n          mountPath: /tmp\n');
    expect(await app.text()).toContain('      - name: tmp\n        emptyDir:\n          sizeLimit: 64Mi\n');
    await expect(mounts.getByRole('group', { name: /Mount at \/tmp/ })).toBeVisible();

    const volumes = page.getByRole('region', { name: /^Volumes/ });
    const name = volumes.getByRole('group', { name: /^Volume cache/ }).getByLabel('Name', { exact: true });
    await name.fill('nginx-cache');
    await name.press('Enter');
    await expect.poll(() => app.text()).toContain('      - name: nginx-cache\n        emptyDir: {}   # scratch');
    expect(await app.text()).toContain('        - name: nginx-cache\n          mountPath: /var/cache/nginx');
    expect(await app.text()).not.toContain('name: cache');
  });

  test('the form works by keyboard alone', async ({ app, page }) => {
    await app.open('commented.yaml');
    await app.page.getByRole('combobox', { name: 'Container' }).focus();
    await page.keyboard.press('Tab');
    await expect(page.getByRole('button', { name: 'Add container…' })).toBeFocused();
    await page.keyboard.press('Tab');
    await expect(app.readOnlyRoot).toBeFocused();
    await page.keyboard.press('Space');
    await expect.poll(() => app.text()).toContain('readOnlyRootFilesystem: true');
    // tabs follow the arrow keys
    await app.tab('Form').focus();
    await page.keyboard.press('ArrowRight');
    await expect(app.tab('Findings')).toBeFocused();
    await expect(app.tab('Findings')).toHaveAttribute('aria-selected', 'true');
    await expect(app.findings.first()).toBeVisible();
  });

  test('a file dropped on the editor opens', async ({ app, page }) => {
    const text = manifest('two-workloads.yaml');
    const dataTransfer = await page.evaluateHandle((t) => {
      const dt = new DataTransfer();
      dt.items.add(new File([t], 'dropped.yaml', { type: 'application/yaml' }));
      return dt;
    }, text);
    const pane = page.locator('.editor-pane');
    await pane.dispatchEvent('dragover', { dataTransfer });
    await pane.dispatchEvent('drop', { dataTransfer });
    await expect.poll(() => app.text()).toBe(text);
    await expect(page.getByRole('heading', { name: 'dropped.yaml' })).toBeVisible();
  });

  test('Export downloads the corrected manifest under its file name (more in export.spec.ts)', async ({ app, page }) => {
    await app.open('commented.yaml');
    await page.getByRole('button', { name: 'Export' }).click();
    const dialog = page.getByRole('dialog', { name: /^Export/ });
    const download = page.waitForEvent('download');
    await dialog.getByRole('button', { name: 'Download commented.yaml' }).click();
    const file = await download;
    expect(file.suggestedFilename()).toBe('commented.yaml');
  });
});

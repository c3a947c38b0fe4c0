/**
 * The Policy tab: Pod Security levels per workload, failing controls that jump to their fields,
 * namespace verdicts and label problems, "Harden to restricted + read-only root" shown as a diff
 * before it applies, and the enforcement policy export (checked by downloading it).
 */
import { existsSync, readFileSync } from 'node:fs';
import { expect, test } from './fixtures.ts';
import type { RootlockPage } from './fixtures.ts';

const FILE = 'restricted-namespace.yaml';

async function showPolicy(app: RootlockPage): Promise<void> {
  await app.tab('Policy').click();
  await expect(app.tab('Policy')).toHaveAttribute('aria-selected', 'true');
}

const workloads = (app: RootlockPage) => app.page.getByRole('list', { name: 'Workloads by Pod Security level' }).getByRole('button');

test.describe('the Policy tab', () => {
  test('a level badge per workload, the namespace verdicts, and the label problems', async ({ app, page }) => {
    await app.goto();
    await app.open(FILE);
    await showPolicy(app);
    await expect(workloads(app)).toHaveText([/Deployment secure-apps\/web.*baseline.*1 writable root/, /Pod secure-apps\/debug.*privileged.*1 writable root/]);

    // the selected workload: its verdict in its namespace, and restricted's blind spot
    const verdict = page.getByRole('group', { name: 'Namespace secure-apps verdict' });
    await expect(verdict).toContainText('Deployment "web" is admitted but the pods its ReplicaSets create will be rejected');
    await expect(page.getByText('restricted does not cover readOnlyRootFilesystem')).toBeVisible();
    await expect(page.getByRole('list', { name: 'Failing Pod Security controls' }).getByRole('listitem').filter({ has: page.locator('.control-head') })).toHaveCount(4);

    await workloads(app).filter({ hasText: 'debug' }).click();
    await expect(page.getByRole('group', { name: 'Namespace secure-apps verdict' })).toContainText('Pod "debug" would be rejected');
    await expect(page.getByRole('list', { name: 'Failing Pod Security controls' })).toContainText('Privileged Containers');

    const namespaces = page.getByRole('list', { name: 'Namespaces' });
    await expect(namespaces).toContainText('secure-apps');
    await expect(page.getByRole('list', { name: 'Label problems of namespace legacy' })).toContainText('"restrict" on namespace "legacy" is not a Pod Security level');
    await expect(page.getByRole('list', { name: 'Workloads in namespace secure-apps' }).getByRole('listitem')).toHaveCount(2);
    expect(await app.seriousViolations()).toEqual([]);
  });

  test('the Pod Security Standards version: the controls follow it, and it is kept for the next visit', async ({ app, page }) => {
    await app.goto();
    await app.open(FILE);
    await showPolicy(app);
    const controls = page.getByRole('list', { name: 'Failing Pod Security controls' }).locator(':scope > li');
    await expect(controls).toHaveCount(4);
    const picker = page.getByLabel('Pod Security Standards');
    await expect(picker).toHaveValue('latest');
    // capabilities_restricted came in v1.22, seccompProfile_restricted in v1.19
    await picker.selectOption('v1.21');
    await expect(controls).toHaveCount(3);
    await expect(page.getByRole('list', { name: 'Failing Pod Security controls' })).not.toContainText('Capabilities');
    await picker.selectOption('v1.18');
    await expect(controls).toHaveCount(2);
    // the Findings tab evaluates at the same version
    await app.showFindings();
    await expect(app.findings.filter({ hasText: 'does not meet Pod Security "restricted:v1.18"' }).first()).toBeVisible();
    await expect(app.findings.filter({ hasText: 'does not meet Pod Security "restricted:latest"' })).toHaveCount(0);
    await page.reload();
    await expect(app.editor).toBeAttached({ timeout: 15_000 });
    await showPolicy(app);
    await expect(page.getByLabel('Pod Security Standards')).toHaveValue('v1.18');
    await expect(controls).toHaveCount(2);
  });

  test('a failing control jumps to its field in the editor', async ({ app, page }) => {
    await app.goto();
    await app.open(FILE);
    await showPolicy(app);
    await workloads(app).filter({ hasText: 'debug' }).click();
    await page.getByRole('button', { name: /^Show spec\.containers\[0\]\.securityContext\.privileged in the editor/ }).click();
    await expect.poll(() => page.evaluate(() => window.rootlock?.selection()?.text)).toBe('privileged: true');
  });

  test('Harden shows the diff first, applies as one undoable step, and the badge reads restricted', async ({ app, page }) => {
    await app.goto();
    await app.open(FILE);
    const before = await app.text();
    await showPolicy(app);
    await page.getByRole('button', { name: 'Harden to restricted + read-only root…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Harden Deployment web' });
    await expect(dialog).toBeVisible();
    await expect(dialog.getByRole('list', { name: 'Fixes Harden applies' })).toContainText('Set allowPrivilegeEscalation: false');
    await expect(dialog.getByRole('list', { name: 'Fixes Harden applies' })).toContainText('Set readOnlyRootFilesystem: true');
    await expect(dialog.getByText(/changed regions?\./)).toBeVisible();
    // nothing has changed yet
    expect(await app.text()).toBe(before);

    await dialog.getByRole('button', { name: 'Apply the changes' }).click();
    await expect(dialog).toBeHidden();
    await expect.poll(() => app.text()).toContain('readOnlyRootFilesystem: true');
    const after = await app.text();
    expect(after).toContain('allowPrivilegeEscalation: false');
    expect(after).toContain('type: RuntimeDefault');
    // only the web Deployment changed: the debug Pod is as it was
    expect(after.slice(after.indexOf('kind: Pod'))).toBe(before.slice(before.indexOf('kind: Pod')));
    await expect(workloads(app).first()).toContainText(/restricted.*read-only roots/);
    await expect(page.getByText('No failing control: every restricted control is met.')).toBeVisible();

    // one undo step brings the text back
    await app.cursorAtEndOf('kind: Namespace');
    await page.keyboard.press('Control+z');
    await expect.poll(() => app.text()).toBe(before);
  });

  test('the policy export: engine, action, namespaces and exemptions; invalid settings say what is wrong', async ({ app, page }) => {
    await app.goto();
    await app.open(FILE);
    await showPolicy(app);
    await page.getByRole('button', { name: 'Export a policy that enforces read-only roots' }).click();
    const yaml = page.locator('pre.policy-yaml');
    await expect(yaml).toContainText('kind: ValidatingAdmissionPolicy');
    await expect(yaml).toContainText('validationActions: [Deny]');

    await page.getByRole('radio', { name: /^Kyverno ClusterPolicy/ }).check();
    await page.getByRole('radio', { name: /^Warn/ }).check();
    await page.getByRole('group', { name: 'Exempt images from this file' }).getByRole('checkbox', { name: 'busybox:1.36' }).check();
    await page.getByLabel('Only in these namespaces').fill('secure-apps, payments');
    await expect(yaml).toContainText('kind: ClusterPolicy');
    await expect(yaml).toContainText('busybox:1.36');
    await expect(yaml).toContainText('payments');
    await expect(page.getByRole('list', { name: 'Notes on the policy' })).toContainText('Kyverno has no warn-only mode');

    const pending = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Download' }).click();
    const file = await pending;
    expect(file.suggestedFilename()).toBe('require-read-only-root-filesystem.kyverno.yaml');
    const text = readFileSync(await file.path(), 'utf8');
    expect(text).toContain('kind: ClusterPolicy');
    expect(text).toBe(`${(await yaml.textContent()) ?? ''}`);

    await page.getByLabel('Only in these namespaces').fill('Bad_NS');
    await expect(page.locator('.policy-export').getByRole('alert')).toContainText('namespace "Bad_NS" is not a namespace name');
    await expect(page.getByLabel('Only in these namespaces')).toHaveAttribute('aria-invalid', 'true');
    await expect(page.getByRole('button', { name: 'Download' })).toBeDisabled();
    // the settings are kept: fixing the name brings the policy back
    await page.getByLabel('Only in these namespaces').fill('bad-ns');
    await expect(yaml).toContainText('bad-ns');
  });
});

const SCENARIO_06 = new URL('../../shared/scenarios/06-namespace-restricted.yaml', import.meta.url);

test('the Policy tab of the scenario manifest with only a Namespace', async ({ app, page }) => {
  test.skip(!existsSync(SCENARIO_06), '../shared/scenarios is not beside the checkout');
  await app.goto();
  await app.open('06-namespace-restricted.yaml', readFileSync(SCENARIO_06, 'utf8'));
  await showPolicy(app);
  await expect(page.getByText('No workload here.')).toBeVisible();
  await expect(page.getByRole('list', { name: 'Namespaces' })).toContainText('secure-apps');
  await expect(page.locator('pre.policy-yaml')).toContainText('kind: ValidatingAdmissionPolicyBinding');
});


for (const theme of ['light', 'dark'] as const) {
  test(`policy screens (${theme}): the tab, the policy export and the Harden dialog`, async ({ app, page }) => {
    test.setTimeout(90_000);
    await page.emulateMedia({ colorScheme: theme });
    await app.goto();
    await app.open(FILE);
    await showPolicy(app);
    await expect(page.locator('pre.policy-yaml')).toContainText('kind: ValidatingAdmissionPolicy');
    await page.screenshot({ path: `test-results/screens/policy-${theme}.png` });
    await page.locator('.policy-export').scrollIntoViewIfNeeded();
    await page.screenshot({ path: `test-results/screens/policy-export-${theme}.png` });
    expect(await app.seriousViolations()).toEqual([]);
    await page.getByRole('button', { name: 'Harden all…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Harden every workload' });
    await expect(dialog.getByText(/changed regions?\./)).toBeVisible();
    await page.screenshot({ path: `test-results/screens/policy-harden-${theme}.png` });
    expect(await app.seriousViolations()).toEqual([]);
  });
}

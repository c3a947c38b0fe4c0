import { expect, test } from '@playwright/test';

test('loads the example, shows its findings, and Fix all clears the errors without any request leaving the page', async ({ page, baseURL }) => {
  const foreign: string[] = [];
  const origin = new URL(baseURL ?? 'http://127.0.0.1:4173').origin;
  page.on('request', (req) => {
    const url = req.url();
    if (!url.startsWith(origin) && !url.startsWith('data:') && !url.startsWith('blob:')) foreign.push(url);
  });
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));

  await page.goto('/');
  await expect(page.getByRole('heading', { name: /rootlock/ })).toBeVisible();
  const source = page.getByLabel('Manifest YAML');
  await expect(source).toHaveValue(/kind: Deployment/);

  const findings = page.getByRole('list', { name: 'Findings' }).getByRole('listitem');
  await expect(findings.filter({ hasText: 'ro-root-fs-pod-level' })).toHaveCount(1);
  await expect(findings.filter({ hasText: 'ro-root-fs-missing' })).toHaveCount(1);
  await expect(page.getByRole('status')).toContainText('0 of 1 containers read-only');

  await page.getByRole('button', { name: 'Fix all' }).click();
  await expect(source).toHaveValue(/readOnlyRootFilesystem: true\n\s+volumeMounts:/);
  await expect(source).toHaveValue(/# no effect here: it belongs on each container/);
  await expect(page.getByRole('status')).toContainText('1 of 1 containers read-only');
  await expect(findings.filter({ hasText: 'ro-root-fs-missing' })).toHaveCount(0);

  await page.screenshot({ path: 'test-results/smoke.png', fullPage: true });
  expect(foreign).toEqual([]);
  expect(errors).toEqual([]);
});

import AxeBuilder from '@axe-core/playwright';
import { expect } from './fixtures';
import { findFreePort } from '../support/free-port';
import type { Page } from '@playwright/test';
import { startHost, type RunningHost } from './host';
import { networkTest as test } from './network-lab';

test('the technician checks the network: progress per step, the figures, a verdict per event type', async ({ page, dataDir, lab }) => {
  test.setTimeout(90_000);
  const host = await startHost(['--data-dir', dataDir]);
  try {
    await page.goto(host.openUrl);
    await page.getByRole('link', { name: 'Preflight', exact: true }).click();
    await expect(page.getByLabel('Relay only: force every WebRTC test through TURN (as behind a firewall that blocks UDP)')).toBeChecked();
    await page.getByRole('button', { name: 'Check network' }).click();

    const progress = page.getByRole('list', { name: 'Checking…' });
    await expect(progress.getByText('Round-trip time, jitter and loss')).toBeVisible();
    await expect(progress.getByText('A call through the SFU')).toBeVisible();
    await expect(progress.getByText('Upload speed')).toBeVisible({ timeout: 30_000 });
    await expect(page.getByRole('heading', { name: /^Results:/ })).toBeVisible({ timeout: 30_000 });

    const network = page.getByRole('article', { name: /^Network: / });
    await expect(network).toContainText(lab.probeUrl);
    await expect(network.getByText(/^Round trip \d+ ms, jitter/)).toBeVisible();
    await network.getByText('Measurements').click();
    // Candidate kinds in words, not as the codes they are stored as.
    await expect(network.getByText('TURN relay over UDP')).toBeVisible();
    await expect(network.getByText('relay-udp')).toHaveCount(0);
    await expect(page.getByRole('article', { name: /^Call through the SFU: / }).locator('.badge')).toHaveText(/Pass|Warning/);
    const readiness = page.getByRole('region', { name: 'Ready for which events' });
    await expect(readiness.getByRole('listitem')).toHaveCount(5);
    await expect(readiness.getByRole('listitem').first()).toContainText('Web meeting');

    const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
    expect(results.violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical').map((violation) => violation.id)).toEqual([]);
  } finally {
    await host.stop();
  }
});

/** Opens Preflight, starts the network check and waits until the SFU call is under way. */
async function startNetworkCheck(page: Page, host: RunningHost): Promise<void> {
  await page.goto(host.openUrl);
  await page.getByRole('link', { name: 'Preflight', exact: true }).click();
  await page.getByRole('button', { name: 'Check network' }).click();
  await expect(page.getByRole('list', { name: 'Checking…' }).getByText('A call through the SFU')).toBeVisible();
}

test('cancelling the network check saves nothing', async ({ page, dataDir }) => {
  const host = await startHost(['--data-dir', dataDir]);
  try {
    await startNetworkCheck(page, host);
    await page.getByRole('button', { name: 'Cancel' }).click();
    await expect(page.getByText('The check was cancelled. Nothing was saved.')).toBeVisible({ timeout: 10_000 });
    await page.reload();
    await expect(page.getByRole('heading', { name: /^Results:/ })).toHaveCount(0);
  } finally {
    await host.stop();
  }
});

test('going offline during the network check ends it with a clear message and saves nothing', async ({ page, dataDir }) => {
  const host = await startHost(['--data-dir', dataDir]);
  try {
    await startNetworkCheck(page, host);
    await page.context().setOffline(true);
    await expect(page.getByText('The computer went offline during the network check. Nothing was saved')).toBeVisible({ timeout: 20_000 });
    await page.context().setOffline(false);
    await expect(page.getByRole('heading', { name: /^Results:/ })).toHaveCount(0);
  } finally {
    await host.stop();
  }
});

test('Settings: a bad probe address is refused, and hosting a probe shows the address to share', async ({ page, dataDir, lab }) => {
  const host = await startHost(['--data-dir', dataDir]);
  try {
    await page.goto(host.openUrl);
    await page.getByRole('link', { name: 'Settings', exact: true }).click();
    const form = page.getByRole('form', { name: 'Network tests' });
    const probeAddress = form.getByLabel('Probe address (http or https)');
    await expect(probeAddress).toHaveValue(lab.probeUrl);
    await probeAddress.fill('ftp://probe');
    await form.getByRole('button', { name: 'Save network settings' }).click();
    await expect(form.getByText('Enter a full address starting with http:// or https://')).toBeVisible();

    await probeAddress.fill(lab.probeUrl);
    await form.getByLabel('Serve a probe from this computer, so remote rooms can test their link to it').check();
    const port = await findFreePort();
    await form.getByLabel('Port', { exact: true }).fill(String(port));
    await form.getByRole('button', { name: 'Save network settings' }).click();
    await expect(form.getByText('The probe is running. Give remote rooms this address:')).toBeVisible();
    const shareUrl = await form.locator('code').textContent();
    expect(shareUrl).toMatch(new RegExp(`^http://127\\.0\\.0\\.1:${port}/\\?token=`));
    expect((await fetch(shareUrl!.replace('/?', '/v1/info?'))).status).toBe(200);

    await form.getByLabel('Serve a probe from this computer, so remote rooms can test their link to it').uncheck();
    await form.getByRole('button', { name: 'Save network settings' }).click();
    await expect(form.getByText('This computer serves no probe.')).toBeVisible();
  } finally {
    await host.stop();
  }
});

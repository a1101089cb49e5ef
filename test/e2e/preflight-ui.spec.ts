import { chromium, type Page } from '@playwright/test';
import { chromiumPath } from '../../playwright.config';
import { expect, test } from './fixtures';
import type { RunningHost } from './host';

async function addRoom(page: Page, host: RunningHost, name: string) {
  await page.goto(host.openUrl);
  await page.getByRole('button', { name: 'Add room' }).click();
  await page.getByLabel('Name', { exact: true }).fill(name);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('row', { name: new RegExp(name) })).toBeVisible();
}

test('the technician runs the device check, is guided through it and reads the results', async ({ page, host }) => {
  await addRoom(page, host, 'Hall B');
  await page.getByRole('link', { name: 'Preflight', exact: true }).click();
  await expect(page.getByLabel('Room')).toHaveValue(/\d+/);
  await page.getByLabel('Event type').selectOption('webinar');
  await page.getByRole('button', { name: 'Check devices' }).click();

  await expect(page.getByText('Please stay quiet for a few seconds')).toBeVisible();
  await expect(page.getByText('Input level')).toBeVisible();
  await expect(page.getByText('Now read this sentence aloud')).toBeVisible({ timeout: 10_000 });
  await expect(page.getByRole('heading', { name: /^Results:/ })).toBeVisible({ timeout: 30_000 });

  const camera = page.getByRole('article', { name: /^Camera: / });
  await expect(camera).toHaveCount(1);
  await expect(camera.locator('.badge')).toHaveText(/Pass|Warning|Fail/);
  await expect(camera.getByRole('img', { name: 'The picture as analysed (brightness only)' })).toBeVisible();
  await expect(page.getByRole('article', { name: /^Microphone: / }).first()).toBeVisible();
  await expect(page.getByRole('article', { name: /^Acoustic loop: / })).toBeVisible();
  await expect(page.getByText('First check of this room.').first()).toBeHidden();
  await expect(page.getByRole('heading', { name: 'Devices' })).toBeVisible();
  await expect(page.getByRole('listitem').filter({ hasText: 'fake_device_0' })).toContainText(/\(\d+×\d+, up to 20 fps\)/);

  // A second run is compared with the first, check by check.
  await page.getByRole('button', { name: 'Check devices' }).click();
  await expect(page.getByRole('button', { name: 'Cancel' })).toBeVisible();
  await expect(page.getByRole('heading', { name: /^Results:/ })).toBeVisible({ timeout: 30_000 });
  await expect(camera.getByText(/^Was (Pass|Warning|Fail) on /)).toBeVisible();

  await page.reload();
  await expect(page.getByRole('heading', { name: /^Results:/ })).toBeVisible();
});

test('cancelling stops the check and saves nothing', async ({ page, host }) => {
  await addRoom(page, host, 'Hall C');
  await page.getByRole('link', { name: 'Preflight', exact: true }).click();
  await page.getByRole('button', { name: 'Check devices' }).click();
  await expect(page.getByText('Please stay quiet for a few seconds')).toBeVisible();
  await page.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByRole('status')).toHaveText('The check was cancelled. Nothing was saved.', { timeout: 15_000 });
  await page.reload();
  await expect(page.getByRole('heading', { name: /^Results:/ })).toHaveCount(0);
});

test('denied camera and microphone access gives a clear result with advice', async ({ host }) => {
  // A browser that asks instead of auto-granting; Playwright then refuses the request.
  const browser = await chromium.launch({ executablePath: chromiumPath, args: ['--no-sandbox', '--disable-gpu', '--use-fake-device-for-media-stream'] });
  const page = await browser.newPage();
  await addRoom(page, host, 'Hall D');
  await page.getByRole('link', { name: 'Preflight', exact: true }).click();
  await page.getByRole('button', { name: 'Check devices' }).click();
  await expect(page.getByRole('heading', { name: /^Results:/ })).toContainText('Not ready', { timeout: 15_000 });
  const check = page.getByRole('article', { name: /^Devices/ });
  await expect(check).toContainText('was refused');
  await expect(check).toContainText('Allow camera and microphone access');
  await browser.close();
});

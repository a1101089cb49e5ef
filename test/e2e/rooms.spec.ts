import { expect, test } from './fixtures';
import { startHost } from './host';

test('a room added in the UI is still there after a reload and after the host restarts', async ({ page, host, dataDir }) => {
  await page.goto(host.openUrl);
  await expect(page.getByText('No rooms yet')).toBeVisible();

  await page.getByRole('button', { name: 'Add room' }).click();
  await page.getByLabel('Name', { exact: true }).fill('Conference Hall B');
  await page.getByLabel('Organisation').fill('Ministry of Economy');
  await page.getByLabel('Country').fill('Kazakhstan');
  await page.getByLabel('City', { exact: true }).fill('Astana');
  await page.getByLabel('Capacity (seats)').fill('40');
  await page.getByRole('button', { name: 'Save' }).click();

  await expect(page.getByRole('status')).toHaveText('Room “Conference Hall B” saved.');
  const row = page.getByRole('row', { name: /Conference Hall B/ });
  await expect(row).toContainText('Astana, Kazakhstan');
  await expect(row).toContainText('40 seats');

  await page.reload();
  await expect(page.getByRole('row', { name: /Conference Hall B/ })).toContainText('Ministry of Economy');

  await host.stop();
  const restarted = await startHost(['--data-dir', dataDir]);
  await page.goto(restarted.openUrl);
  await expect(page.getByRole('row', { name: /Conference Hall B/ })).toContainText('Astana, Kazakhstan');
  await restarted.stop();
});

test('field errors are shown beside the fields and nothing is saved', async ({ page, host }) => {
  await page.goto(host.openUrl);
  await page.getByRole('button', { name: 'Add room' }).click();
  await page.getByLabel('Capacity (seats)').fill('0');
  await page.getByRole('button', { name: 'Save' }).click();

  await expect(page.getByRole('alert')).toHaveText('Some fields need attention.');
  await expect(page.getByLabel('Name', { exact: true })).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByLabel('Name', { exact: true })).toHaveAccessibleDescription('Fill this in.');
  await expect(page.getByLabel('Capacity (seats)')).toHaveAccessibleDescription('Enter a number from 1 to 10,000.');

  await page.getByLabel('Name', { exact: true }).fill('Room 1');
  await page.getByLabel('Capacity (seats)').fill('');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('row', { name: /Room 1/ })).toBeVisible();

  // The database refuses a second room of the same name in another case: the error comes
  // back from the main process and lands on the field.
  await page.getByRole('button', { name: 'Add room' }).click();
  await page.getByLabel('Name', { exact: true }).fill('ROOM 1');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByLabel('Name', { exact: true })).toHaveAccessibleDescription('Another room already has this name. Choose another.');
  await expect(page.getByRole('row', { name: /ROOM 1/ })).toHaveCount(0);
});

test('a room can be edited and deleted, and the keyboard reaches every action', async ({ page, host }) => {
  await page.goto(host.openUrl);
  await page.getByRole('button', { name: 'Add room' }).click();
  await page.getByLabel('Name', { exact: true }).fill('Training room');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('row', { name: /Training room/ })).toBeVisible();

  await page.getByRole('button', { name: 'Edit: Training room' }).focus();
  await page.keyboard.press('Enter');
  await page.getByLabel('Name', { exact: true }).fill('Training room 2');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('row', { name: /Training room 2/ })).toBeVisible();

  page.once('dialog', (dialog) => void dialog.accept());
  await page.getByRole('button', { name: 'Delete: Training room 2' }).click();
  await expect(page.getByRole('status')).toHaveText('Room “Training room 2” deleted.');
  await expect(page.getByText('No rooms yet')).toBeVisible();

  await page.keyboard.press('Alt+6');
  await expect(page.getByRole('heading', { name: 'Settings' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Settings', exact: true })).toHaveAttribute('aria-current', 'page');
});

test('switching to Russian changes every screen and persists', async ({ page, host }) => {
  await page.goto(host.openUrl);
  await page.getByLabel('Language').selectOption('ru');
  await expect(page.getByRole('heading', { name: 'Залы' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'ru');
  await page.reload();
  await expect(page.getByRole('button', { name: 'Добавить зал' })).toBeVisible();
  await page.getByRole('link', { name: 'Настройки', exact: true }).click();
  await expect(page.getByText('Обновлениями занимается настольное приложение, а не веб-режим.')).toBeVisible();
});

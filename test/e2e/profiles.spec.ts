import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { builtInProfiles } from '../../shared/profiles/profile';
import { parseProfilesJson, serializeProfilesJson } from '../../shared/profiles/profile-file';
import { expect, test } from './fixtures';
import type { RunningHost } from './host';

const webinar = builtInProfiles.find((profile) => profile.id === 'webinar')!;

/** Opens the Profiles tab of Reports and waits for the five built-ins. */
async function openProfiles(page: Page, host: RunningHost) {
  await page.goto(`${host.openUrl}#/reports/profiles`);
  await expect(page.getByRole('heading', { level: 2, name: 'Requirement profiles' })).toBeVisible();
  await expect(page.getByRole('table').getByRole('rowheader')).toHaveCount(5);
}

const rowNames = (page: Page) => page.getByRole('table').first().getByRole('rowheader').allTextContents();
const rttWarn = (page: Page) => page.getByRole('textbox', { name: 'Round-trip time (ms), at most Warn at' }).or(page.getByRole('spinbutton', { name: 'Round-trip time (ms), at most Warn at' }));

test('a duplicated profile gets a new limit, is listed as your own, and exports with it', async ({ page, host }) => {
  await openProfiles(page, host);
  await expect(page.getByRole('row', { name: /^Webinar \(presenter\) webinar Built-in / })).toBeVisible();

  await page.getByRole('button', { name: 'Duplicate: Webinar (presenter)' }).click();
  const idField = page.getByLabel('Id of the copy');
  await expect(idField).toBeFocused();
  await expect(idField).toHaveValue('webinar-copy');
  await idField.fill('training');
  await expect(page.getByText('Another profile already has this id. Choose another.')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Create copy' })).toBeDisabled();
  await idField.fill('strict-webinar');
  await page.getByLabel('Name in English').fill('Strict webinar');
  await page.getByLabel('Name in Russian').fill('Строгий вебинар');
  await page.getByRole('button', { name: 'Create copy' }).click();
  await expect(page.getByRole('status')).toHaveText('Created “Strict webinar”.');
  await expect(page.getByRole('row', { name: /^Strict webinar strict-webinar Your profile / })).toBeVisible();

  await page.getByRole('button', { name: 'Edit: Strict webinar' }).click();
  const warn = rttWarn(page);
  await expect(warn).toHaveValue('300');
  await warn.fill('700');
  await expect(warn).toHaveAccessibleDescription('The warning limit must not be above the failure limit (600).');
  await expect(page.getByRole('button', { name: 'Save profile' })).toBeDisabled();
  await warn.fill('150');
  await expect(warn).not.toHaveAttribute('aria-invalid');
  await page.getByLabel('Speakerphone').selectOption('recommended');
  await page.getByRole('button', { name: 'Save profile' }).click();
  await expect(page.getByRole('status')).toHaveText('Saved “Strict webinar”.');
  await expect(page.getByRole('button', { name: 'Edit: Strict webinar' })).toBeFocused();

  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export: Strict webinar' }).click()]);
  expect(download.suggestedFilename()).toBe('profile-strict-webinar.json');
  const exported = parseProfilesJson(readFileSync(await download.path(), 'utf8'));
  if (!exported.ok) throw new Error(JSON.stringify(exported.problems));
  const [copy] = exported.profiles;
  expect(copy?.network.maxRttMs).toEqual({ warn: 150, fail: 600 });
  expect(copy?.equipment.find((entry) => entry.item === 'speakerphone')).toEqual({ item: 'speakerphone', need: 'recommended' });
  expect({ ...copy, id: 'webinar', name: webinar.name, network: webinar.network, equipment: webinar.equipment }).toEqual(webinar);

  // Still there for a fresh page: it was saved by the host, not only shown.
  await page.reload();
  await expect(page.getByRole('table').first().getByRole('rowheader')).toHaveCount(6);
  expect(await rowNames(page)).toContain('Strict webinar');
});

test('a malformed profiles file lists its problems and saves nothing; a good one is listed', async ({ page, host }) => {
  await openProfiles(page, host);
  const good = serializeProfilesJson([{ ...webinar, id: 'town-hall', name: { en: 'Town hall', ru: 'Общее собрание' } }]);
  const importFile = page.getByLabel('Import profiles…');

  await importFile.setInputFiles({ name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from(good.replace('"version": 1,', '"version": 1,,')) });
  const alert = page.getByRole('alert').filter({ hasText: 'Nothing was imported from broken.json.' });
  await expect(alert.getByRole('listitem')).toHaveCount(1);
  await expect(alert.getByRole('listitem')).toHaveText(/^Line 3, column 16: the JSON is not valid here/);

  const wrongValue = good.replace('"warn": 300', '"warn": "x"');
  await importFile.setInputFiles({ name: 'wrong.json', mimeType: 'application/json', buffer: Buffer.from(wrongValue) });
  const problems = page.getByRole('alert').filter({ hasText: 'Nothing was imported from wrong.json.' }).getByRole('listitem');
  await expect(problems).toHaveText(['profiles.0.network.maxRttMs.warn must be a number (got "x").']);
  await expect(page.getByRole('table').first().getByRole('rowheader')).toHaveCount(5);

  await importFile.setInputFiles({ name: 'town-hall.json', mimeType: 'application/json', buffer: Buffer.from(good) });
  await expect(page.getByRole('status')).toHaveText('Imported 1 profile: Town hall.');
  await expect(page.getByRole('row', { name: /^Town hall town-hall Your profile / })).toBeVisible();
  await page.reload();
  await expect(page.getByRole('table').first().getByRole('rowheader')).toHaveCount(6);
});

test('an edited built-in is marked, and resetting it restores the shipped limits', async ({ page, host }) => {
  await openProfiles(page, host);
  page.on('dialog', (dialog) => void dialog.accept());
  await page.getByRole('button', { name: 'Edit: Web meeting' }).click();
  await rttWarn(page).fill('200');
  await page.getByRole('button', { name: 'Save profile' }).click();
  await expect(page.getByRole('row', { name: /^Web meeting web-meeting Built-in, edited / })).toBeVisible();
  await page.getByRole('button', { name: 'Reset to built-in: Web meeting' }).click();
  await expect(page.getByRole('status')).toHaveText('“Web meeting” is back to how RoomReady ships it.');
  await expect(page.getByRole('row', { name: /^Web meeting web-meeting Built-in / })).not.toContainText('edited');
  await page.getByRole('button', { name: 'Edit: Web meeting' }).click();
  await expect(rttWarn(page)).toHaveValue('300');
});

import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { startHost, type RunningHost } from './host';

/** Answers the next window.prompt with `text`. */
function answerPrompt(page: Page, text: string) {
  page.once('dialog', (dialog) => void dialog.accept(text));
}

/** Creates a run of the English web-meeting run of show from the Runs tab, by keyboard. */
async function createWebMeetingRun(page: Page, host: RunningHost, title: string) {
  await page.goto(`${host.openUrl}#/run-of-show`);
  // Arrow keys rather than type-ahead: a loaded machine can space keystrokes past the
  // browser's one-second type-ahead window.
  const template = page.getByLabel('Template');
  await template.focus();
  await page.keyboard.press('Home');
  const options = await template.locator('option').count();
  for (let i = 0; i < options && (await template.inputValue()) !== 'web-meeting'; i++) await page.keyboard.press('ArrowDown');
  await expect(template).toHaveValue('web-meeting');
  await page.keyboard.press('Tab');
  await page.keyboard.type(title);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
}

test('a run of show runs end to end from the keyboard, with Plan B and a CSV log that matches', async ({ page, host }) => {
  await page.goto(`${host.openUrl}#/settings`);
  await page.getByLabel('Your name').fill('Aigerim');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByRole('status')).toHaveText('Settings saved.');
  await createWebMeetingRun(page, host, 'Regional trade meeting');
  await expect(page.getByText('Starts in')).toBeVisible();

  await page.keyboard.press('Enter');
  await expect(page.getByText('Event clock')).toBeVisible();
  const steps = page.getByRole('list', { name: 'Steps' }).getByRole('listitem');
  await expect(steps.first()).toHaveAttribute('aria-current', 'step');

  await page.keyboard.press('Space');
  await expect(steps.first()).toContainText('Done');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('s');
  await expect(steps.nth(1)).toContainText('Skipped');
  answerPrompt(page, 'Projector was warm already');
  await page.keyboard.press('n');
  await expect(steps.nth(1)).toContainText('Projector was warm already');

  const firstSegment = await page.locator('.segment-clock .clock-label').first().textContent();
  await page.keyboard.press('.');
  await expect(page.locator('.segment-clock .clock-label').first()).not.toHaveText(firstSegment ?? '');

  await page.keyboard.press('p');
  await expect(page.getByText('PAUSED', { exact: true })).toBeVisible();
  // The same key with a Russian layout active: the P key types «з».
  await page.dispatchEvent('body', 'keydown', { key: 'з', code: 'KeyP', bubbles: true });
  await expect(page.getByText('PAUSED', { exact: true })).toBeHidden();

  // Plan B: the picker filters as you type and Enter opens the playbook as a nested run.
  await page.keyboard.press('b');
  await page.keyboard.type('link down');
  await expect(page.getByRole('dialog').getByRole('option')).toHaveCount(1);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Internet link down or degraded' })).toBeVisible();
  await expect(page.getByText('Event clock')).toBeVisible();
  await page.keyboard.press('Space');
  await expect(page.getByRole('list', { name: 'Steps' }).getByRole('listitem').first()).toContainText('Done');
  await page.getByRole('link', { name: /Back to the main run/ }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 2, name: 'Plan B opened during this run' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Internet link down or degraded' })).toBeVisible();

  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export log (CSV)' }).focus();
  await page.keyboard.press('Enter');
  const csv = readFileSync((await (await download).path())!, 'utf8');
  const rows = csv.trim().split('\r\n');
  const actions = rows.filter((row) => row.startsWith('action,'));
  // start, step done, step skipped, note, next segment, pause, resume, playbook opened.
  expect(actions).toHaveLength(8);
  expect(actions.map((row) => row.split(',')[3])).toEqual(['start', 'step', 'step', 'note', 'next-segment', 'pause', 'resume', 'playbook-opened']);
  expect(rows.filter((row) => row.startsWith('step,') && row.includes(',done,'))).toHaveLength(1);
  expect(rows.filter((row) => row.startsWith('step,') && row.includes(',skipped,'))).toHaveLength(1);
  expect(csv).toContain('Projector was warm already');
  expect(actions.every((row) => row.includes(',Aigerim,'))).toBe(true);
});

/** The event clock's value in seconds, as the runner shows it (m:ss or h:mm:ss). */
async function eventClockSeconds(page: Page): Promise<number> {
  const text = (await page.locator('.clock').first().locator('.clock-value').textContent()) ?? '0:00';
  return text.split(':').map(Number).reduce((total, part) => total * 60 + part, 0);
}

test('a run resumes after the host is stopped and started again, clocks included', async ({ page, host, dataDir }) => {
  await createWebMeetingRun(page, host, 'Seminar on customs');
  await page.keyboard.press('Enter');
  const segmentLabel = page.locator('.segment-clock .clock-label').first();
  const firstSegment = await segmentLabel.textContent();
  await page.keyboard.press('.');
  await expect(segmentLabel).not.toHaveText(firstSegment ?? '');
  await page.keyboard.press('Space');
  await expect(page.getByRole('list', { name: 'Steps' }).getByRole('listitem').first()).toContainText('Done');
  const segment = await segmentLabel.textContent();
  // Let the event clock reach 3 s, so a clock restarted from zero could not pass for this one.
  await expect.poll(() => eventClockSeconds(page), { timeout: 10_000 }).toBeGreaterThanOrEqual(3);
  const url = page.url();

  await host.stop();
  const restarted = await startHost(['--data-dir', dataDir]);
  try {
    await page.goto(url.replace(host.url, restarted.url));
    await expect(page.locator('.segment-clock .clock-label').first()).toHaveText(segment ?? '');
    await expect(page.getByRole('list', { name: 'Steps' }).getByRole('listitem').first()).toContainText('Done');
    expect(await eventClockSeconds(page)).toBeGreaterThanOrEqual(3);
  } finally {
    await restarted.stop();
  }
});

test('the presenter timer shows the countdown and the message the host pushes', async ({ page, host }) => {
  await createWebMeetingRun(page, host, 'Webinar rehearsal');
  await page.keyboard.press('Enter');
  const popup = page.waitForEvent('popup');
  await page.getByRole('button', { name: 'Presenter timer' }).click();
  const presenter = await popup;
  await expect(presenter.getByRole('timer')).toHaveText(/^\d+:\d\d$/);

  answerPrompt(page, 'Five minutes left');
  await page.locator('body').focus();
  await page.keyboard.press('m');
  await expect(presenter.getByRole('status')).toHaveText('Five minutes left');
  answerPrompt(page, '');
  await page.keyboard.press('m');
  await expect(presenter.getByRole('status')).toHaveCount(0);
});

import type { Incident } from '../../shared/live/live';
import { en } from '../../shared/i18n/en';
import config, { chromiumPath } from '../../playwright.config';
import { expectStatesInText, stateWords } from './accessibility-checks';
import { expect, test } from './fixtures';
import { hostApi } from './host-api';
import { createEvent, tileValue } from './live-page';
import { audioFixture } from './media-fixtures';

// A 1 kHz sine 6 dB past full scale, hard clipped: about −1 dBFS RMS every second.
test.use({
  launchOptions: {
    executablePath: chromiumPath,
    args: [...(config.use?.launchOptions?.args ?? []), `--use-file-for-fake-audio-capture=${audioFixture('clipped')}`],
  },
});

test('the level tile says too loud, in words and in its meter’s colour, and opens no incident', async ({ page, host }) => {
  const eventId = await createEvent(page, host, 'Loud hall');
  await page.getByRole('button', { name: 'Start monitoring' }).click();
  await expect(tileValue(page, 'mic')).toHaveText(/^-[0-5] dBFS$/, { timeout: 15_000 });
  await expect(page.locator('[data-tile="mic"] .tile-state')).toHaveText('too loud: turn the microphone or mixer down');
  const counts = await expectStatesInText(page, stateWords(en), 'live tiles, loud microphone');
  expect(counts['mic meter zone']).toBe(1);
  await page.getByRole('button', { name: 'Stop monitoring' }).click();
  const api = await hostApi(host.url);
  try {
    expect(await api.call<Incident[]>('incidents:list', { eventId })).toEqual([]);
  } finally {
    api.close();
  }
});

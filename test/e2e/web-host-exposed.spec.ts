import { expect, test } from './fixtures';
import { startHost } from './host';
import { exposedAddress } from '../unit/web/exposed-address';

// The built `npm run web -- --host …` exposed beyond loopback, as an organisation runs it on a LAN.
const exposed = exposedAddress();

test(`bound beyond loopback (${exposed.bind}) without --token, the host makes one up, prints it, and lets in only pages that carry it`, async ({ page, dataDir }) => {
  const host = await startHost(['--data-dir', dataDir, '--host', exposed.bind]);
  try {
    // Bound to every address, the host is reached through loopback; bound to a LAN address, through that.
    const reach = (url: string) => url.replace(`//${exposed.bind}:`, `//${exposed.connect}:`);
    const token = new URL(host.openUrl).searchParams.get('token');
    expect(token).toMatch(/^[A-Za-z0-9_-]{32}$/);
    await expect.poll(() => host.output()).toContain('Anyone with this address and token can use this RoomReady');

    // The page loads without the token, but the API does not answer it.
    await page.goto(`${reach(host.url)}/`);
    await expect(page.getByText('Lost the connection to the RoomReady host. Reconnecting…')).toBeVisible();

    await page.goto(reach(host.openUrl));
    await expect(page.getByText('No rooms yet')).toBeVisible();
    expect(page.url()).not.toContain('token=');
  } finally {
    await host.stop();
  }
});

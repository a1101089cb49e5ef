import { expect, test } from './fixtures';
import { chromiumPath } from '../../playwright.config';
import { runCli as cli } from './host';

test('rooms add and rooms list share the database with the app', async ({ dataDir }) => {
  const added = await cli(['rooms', 'add', '--name', 'Hall A', '--country', 'Uzbekistan', '--capacity', '120', '--json', '--data-dir', dataDir]);
  expect(added.code).toBe(0);
  expect(JSON.parse(added.stdout)).toMatchObject({ name: 'Hall A', country: 'Uzbekistan', capacity: 120 });

  const listed = await cli(['rooms', 'list', '--json', '--data-dir', dataDir]);
  expect(listed.code).toBe(0);
  const rooms = JSON.parse(listed.stdout) as { name: string }[];
  expect(rooms.map((room) => room.name)).toEqual(['Hall A']);
});

test('usage and validation errors exit with 2 and one line on stderr', async ({ dataDir }) => {
  const noName = await cli(['rooms', 'add', '--data-dir', dataDir]);
  expect(noName.code).toBe(2);
  expect(noName.stderr.trim().split('\n')).toEqual(['roomready: rooms add needs --name.']);

  const badCapacity = await cli(['rooms', 'add', '--name', 'X', '--capacity', 'lots', '--data-dir', dataDir]);
  expect(badCapacity.code).toBe(2);
  expect(badCapacity.stderr).toContain('capacity');

  await cli(['rooms', 'add', '--name', 'Twin', '--data-dir', dataDir]);
  const twin = await cli(['rooms', 'add', '--name', 'twin', '--data-dir', dataDir]);
  expect(twin.code).toBe(2);
  expect(twin.stderr).toContain('already exists');

  const unknown = await cli(['rooms', 'explode', '--data-dir', dataDir]);
  expect(unknown.code).toBe(2);
  expect(unknown.stderr).toContain('Unknown command');

  const missingChromium = await cli(['devices', 'list', '--chromium', '/nonexistent/chrome', '--data-dir', dataDir]);
  expect(missingChromium.code).toBe(2);
  expect(missingChromium.stderr).toContain('No Chromium at /nonexistent/chrome');
});

test('devices list runs the renderer in headless Chromium and reports the fake devices', async ({ dataDir }) => {
  const result = await cli(['devices', 'list', '--json', '--fake-devices', '--chromium', chromiumPath, '--data-dir', dataDir]);
  expect(result.stderr).toBe('');
  expect(result.code).toBe(0);
  const inventory = JSON.parse(result.stdout) as { ok: boolean; devices: { kind: string; label: string; isDefault: boolean }[] };
  expect(inventory.ok).toBe(true);
  const kinds = new Set(inventory.devices.map((device) => device.kind));
  expect(kinds).toEqual(new Set(['videoinput', 'audioinput', 'audiooutput']));
  expect(inventory.devices.every((device) => device.label.length > 0)).toBe(true);
  expect(inventory.devices.some((device) => device.kind === 'audioinput' && device.isDefault)).toBe(true);
});

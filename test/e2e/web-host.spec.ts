import WebSocket from 'ws';
import { expect, test } from './fixtures';
import { runHostToCompletion, startHost, tempDataDir } from './host';

/** Opens a WebSocket to the API the way a browser page on `origin` would. */
function connect(url: string, origin: string): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(url, { origin });
    socket.once('open', () => resolve(socket));
    socket.once('unexpected-response', (_request, response) => reject(new Error(`HTTP ${response.statusCode}`)));
    socket.once('error', reject);
  });
}

function call(socket: WebSocket, message: unknown): Promise<{ id: number; result: { ok: boolean; value?: unknown; error?: { code: string; issues?: unknown } } }> {
  return new Promise((resolve) => {
    const onMessage = (data: WebSocket.RawData) => {
      const message = JSON.parse(data.toString());
      if (message.kind !== 'result') return;
      socket.off('message', onMessage);
      resolve(message);
    };
    socket.on('message', onMessage);
    socket.send(typeof message === 'string' ? message : JSON.stringify(message));
  });
}

test('pages carry a strict Content-Security-Policy and other hardening headers', async ({ page, host }) => {
  const response = await page.goto(host.openUrl);
  const headers = response!.headers();
  expect(headers['content-security-policy']).toContain("script-src 'self'");
  expect(headers['content-security-policy']).toContain("object-src 'none'");
  expect(headers['content-security-policy']).not.toContain('unsafe-inline');
  expect(headers['x-content-type-options']).toBe('nosniff');
  const traversal = await page.request.get(`${host.url}/..%2f..%2fpackage.json`);
  expect(await traversal.text()).not.toContain('"name": "roomready"');
});

test('bad requests get validation errors and the host keeps serving', async ({ host }) => {
  const socket = await connect(`${host.url.replace('http', 'ws')}/api`, host.url);

  const bad = await call(socket, { id: 1, name: 'rooms:create', args: { name: 42, capacity: 'many' } });
  expect(bad.id).toBe(1);
  expect(bad.result.ok).toBe(false);
  expect(bad.result.error?.code).toBe('invalid_argument');
  expect(bad.result.error?.issues).toEqual(
    expect.arrayContaining([expect.objectContaining({ path: 'name' }), expect.objectContaining({ path: 'capacity' })]),
  );

  const extra = await call(socket, { id: 2, name: 'rooms:create', args: { name: 'A', isAdmin: true } });
  expect(extra.result.error?.code).toBe('invalid_argument');

  const unknown = await call(socket, { id: 3, name: 'system:exec', args: 'rm -rf /' });
  expect(unknown.result.error?.code).toBe('unknown_request');

  const garbage = await call(socket, '{not json');
  expect(garbage.result.error?.code).toBe('invalid_argument');

  const good = await call(socket, { id: 4, name: 'rooms:create', args: { name: 'Still works' } });
  expect(good.result).toMatchObject({ ok: true, value: { name: 'Still works', capacity: null } });
  const list = await call(socket, { id: 5, name: 'rooms:list' });
  expect(list.result.value).toHaveLength(1);
  socket.close();
});

test('the API refuses pages from other origins', async ({ host }) => {
  const api = `${host.url.replace('http', 'ws')}/api`;
  await expect(connect(api, 'http://evil.example')).rejects.toThrow('HTTP 403');
  // A DNS-rebinding page: its Origin matches the Host it used, but that name is not loopback.
  const port = new URL(host.url).port;
  await expect(
    new Promise((resolve, reject) => {
      const socket = new WebSocket(api, { origin: `http://rebind.example:${port}`, headers: { host: `rebind.example:${port}` } });
      socket.once('open', resolve);
      socket.once('unexpected-response', (_request, response) => reject(new Error(`HTTP ${response.statusCode}`)));
    }),
  ).rejects.toThrow('HTTP 403');
});

test('with an access token, only clients that present it get in', async ({ page, dataDir }) => {
  const host = await startHost(['--data-dir', dataDir, '--token', 'correct-horse-battery-staple']);
  try {
    expect(host.openUrl).toContain('token=correct-horse-battery-staple');
    const api = `${host.url.replace('http', 'ws')}/api`;
    await expect(connect(api, host.url)).rejects.toThrow('HTTP 401');
    await expect(connect(`${api}?token=wrong-horse-battery-staple`, host.url)).rejects.toThrow('HTTP 401');

    await page.goto(`${host.url}/`);
    await expect(page.getByText('Lost the connection to the RoomReady host. Reconnecting…')).toBeVisible();

    await page.goto(host.openUrl);
    await expect(page.getByText('No rooms yet')).toBeVisible();
    expect(page.url()).not.toContain('token=');
    await page.reload();
    await expect(page.getByText('No rooms yet')).toBeVisible();
  } finally {
    await host.stop();
  }
});

test('a port in use and a damaged database are clear errors with exit code 2', async ({ host, dataDir }) => {
  const port = new URL(host.url).port;
  const second = await runHostToCompletion(['--port', port, '--data-dir', dataDir]);
  expect(second.code).toBe(2);
  expect(second.output).toContain(`Port ${port} on 127.0.0.1 is already in use`);
  await host.stop();

  const { writeFileSync, readFileSync } = await import('node:fs');
  const damaged = tempDataDir();
  const file = `${damaged.dir}/roomready.sqlite`;
  writeFileSync(file, 'this is not a database, it is a shopping list'.repeat(100));
  const before = readFileSync(file);
  const result = await runHostToCompletion(['--port', '0', '--data-dir', damaged.dir]);
  expect(result.code).toBe(2);
  expect(result.output).toMatch(/damaged|corrupt|not a database/i);
  expect(readFileSync(file).equals(before)).toBe(true);
  damaged.remove();
});

test('the host stops promptly while a browser is still connected', async ({ page, host }) => {
  await page.goto(host.openUrl);
  await expect(page.getByText('No rooms yet')).toBeVisible();
  // The page holds a WebSocket and keep-alive HTTP connections open.
  await host.stop();
  await expect(page.getByText('Lost the connection to the RoomReady host. Reconnecting…')).toBeVisible();
});

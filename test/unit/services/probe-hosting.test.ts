import { createServer } from 'node:net';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dispatch } from '../../../shared/api/dispatch';
import type { ProbeHostStatus } from '../../../shared/probe/hosting';
import { probeFeatures } from '../../../electron/probe/features';
import { startProbeServer } from '../../../electron/probe/server';
import { createHandlers } from '../../../electron/services/handlers/index';
import { noPresenterWindows } from '../../../electron/services/handlers/run-of-show';
import { noReportPrinter } from '../../../electron/services/report-printer';
import { machineAddresses, shareableUrls } from '../../../electron/services/machine-addresses';
import { createProbeHosting, type ProbeHostPort } from '../../../electron/services/probe-hosting';
import { createServices, type Services } from '../../../electron/services/services';
import { webModeUpdater } from '../../../electron/services/updates';
import { findFreePort } from '../../support/free-port';

// "Host a probe": the real probe server, started and stopped as Settings say.

let dir: string;
let services: Services;
let hosting: ProbeHostPort;
let announced: ProbeHostStatus[];

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'roomready-hosting-'));
  services = createServices({ dataDir: dir, mode: 'web' });
  announced = [];
  hosting = createProbeHosting((probe) => startProbeServer({ ...probe, features: probeFeatures(probe.host) }), (status) => announced.push(status));
});

afterEach(async () => {
  await hosting.close();
  services.close();
  rmSync(dir, { recursive: true, force: true });
});

const call = (name: string, args?: unknown) => dispatch(createHandlers(services, webModeUpdater, noPresenterWindows, noReportPrinter, hosting), name, args, () => {});

async function infoStatus(url: string): Promise<number> {
  return (await fetch(url)).status;
}

describe('hosting a probe', () => {
  it('starts when the setting is turned on, with a token kept across restarts, and stops when it is turned off', async () => {
    const port = await findFreePort();
    expect(await call('settings:update', { probeHosting: { enabled: true, host: '127.0.0.1', port } })).toMatchObject({ ok: true });
    await expect.poll(() => hosting.status().state).toBe('running');
    const running = hosting.status();
    expect(running.url).toBe(`http://127.0.0.1:${port}`);
    expect(running.shareUrls).toHaveLength(1);
    const token = new URL(running.shareUrls[0]!).searchParams.get('token')!;
    expect(token.length).toBeGreaterThanOrEqual(16);
    expect(await infoStatus(`${running.url}/v1/info?token=${token}`)).toBe(200);
    expect(await infoStatus(`${running.url}/v1/info`)).toBe(401);
    expect(await call('probe:status')).toEqual({ ok: true, value: running });
    expect(announced.at(-1)).toEqual(running);

    expect(await call('settings:update', { probeHosting: { enabled: false, host: '127.0.0.1', port } })).toMatchObject({ ok: true });
    await expect.poll(() => hosting.status().state).toBe('off');
    await expect(fetch(`${running.url}/v1/info?token=${token}`)).rejects.toThrow();

    // The next start (another session) uses the same token, so the address given to rooms stays valid.
    await call('settings:update', { probeHosting: { enabled: true, host: '127.0.0.1', port } });
    await expect.poll(() => hosting.status().state).toBe('running');
    expect(hosting.status().shareUrls).toEqual(running.shareUrls);
  });

  it('reports why it could not start when the port is taken, and nothing else changes', async () => {
    const blocker = createServer();
    const port = await new Promise<number>((resolve) => blocker.listen(0, '127.0.0.1', () => resolve((blocker.address() as { port: number }).port)));
    try {
      const status = await hosting.apply({ enabled: true, host: '127.0.0.1', port }, 'a-token-of-sixteen-chars');
      expect(status.state).toBe('failed');
      expect(status.error).toMatch(String(port));
      expect(announced).toEqual([status]);
    } finally {
      blocker.close();
    }
  });

  it('does not restart a running probe when nothing about it changed', async () => {
    const config = { enabled: true, host: '127.0.0.1', port: await findFreePort() };
    const first = await hosting.apply(config, 'a-token-of-sixteen-chars');
    const again = await hosting.apply(config, 'a-token-of-sixteen-chars');
    expect(again).toBe(first);
    expect(announced).toHaveLength(1);
  });

  it('on every address, gives remote rooms each of this machine’s addresses (never 0.0.0.0), each of which works', async () => {
    const lan = createProbeHosting((probe) => startProbeServer({ ...probe, features: probeFeatures(probe.host) }), () => {}, () => ['127.0.0.1', '::1']);
    try {
      const port = await findFreePort();
      const status = await lan.apply({ enabled: true, host: '0.0.0.0', port }, 'a-token-of-sixteen-chars');
      expect(status.state).toBe('running');
      expect(status.shareUrls).toEqual([`http://127.0.0.1:${port}/?token=a-token-of-sixteen-chars`, `http://[::1]:${port}/?token=a-token-of-sixteen-chars`]);
      expect(await infoStatus(status.shareUrls[0]!.replace('/?', '/v1/info?'))).toBe(200);
    } finally {
      await lan.close();
    }
  });
});

describe('shareableUrls', () => {
  it('names a wildcard listener by each address, and leaves a named one alone', () => {
    expect(shareableUrls('http://0.0.0.0:4790', ['10.1.2.3', 'fd00::5'])).toEqual(['http://10.1.2.3:4790', 'http://[fd00::5]:4790']);
    expect(shareableUrls('http://[::]:4790', ['10.1.2.3'])).toEqual(['http://10.1.2.3:4790']);
    expect(shareableUrls('http://10.1.2.3:4790', ['192.168.0.9'])).toEqual(['http://10.1.2.3:4790']);
    expect(shareableUrls('http://0.0.0.0:4790', [])).toEqual(['http://0.0.0.0:4790']);
  });

  it('lists only addresses another machine can reach', () => {
    for (const address of machineAddresses()) {
      expect(['127.0.0.1', '::1']).not.toContain(address);
      expect(address.toLowerCase().startsWith('fe80:')).toBe(false);
    }
  });
});

import { expect, test } from '@playwright/test';
import { startProbeServer, type ProbeServer } from '../../electron/probe/server';
import { sfuFeature } from '../../electron/probe/sfu';
import { serveSfuClient, type SfuClientSite, type SfuLoopbackOutcome } from './support/sfu-client-page';

// The SFU media path end to end: mediasoup-client in Chromium (fake camera and microphone)
// publishes to the probe's werift SFU on 127.0.0.1 and gets both tracks echoed back.

let probe: ProbeServer;
let site: SfuClientSite;

test.beforeAll(async () => {
  probe = await startProbeServer({ features: [sfuFeature()] });
  site = await serveSfuClient();
});

test.afterAll(async () => {
  await site?.close();
  await probe?.close();
});

test('audio and video come back through the SFU with RTCP-derived RTT, no loss and a bandwidth estimate that climbs', async ({ page }) => {
  await page.goto(site.url);
  await page.waitForFunction('typeof window.runSfuLoopback === "function"');
  const outcome = (await page.evaluate(`window.runSfuLoopback(${JSON.stringify(probe.url)}, 7000)`)) as SfuLoopbackOutcome;
  if (!outcome.ok) throw new Error(`SFU test failed: ${outcome.message}`);
  const m = outcome.measurement;
  console.log(`sfu-loopback: ${JSON.stringify(m)}`);

  expect(m.videoFramesReceived).toBeGreaterThan(0);
  expect(m.receivedWidth).toBeGreaterThan(0);
  expect(m.receivedHeight).toBeGreaterThan(0);
  expect(m.audioPacketsReceived).toBeGreaterThan(0);
  expect(m.sendBitrateKbps).toBeGreaterThan(0);
  // transport-cc feedback: the browser's estimate climbs past its 300 kbit/s start and the 900
  // kbit/s of its first probe (REMB that followed the received rate held it at 500).
  expect(m.availableOutgoingKbps).toBeGreaterThanOrEqual(900);
  // RTT comes only from remote-inbound-rtp, which the browser fills from the SFU's receiver reports.
  expect(typeof m.rttMs).toBe('number');
  expect(m.rttMs as number).toBeGreaterThanOrEqual(0);
  expect(m.lossPercent).toBe(0);
  expect(outcome.progressCalls).toBeGreaterThanOrEqual(6);
});

test('cancelling the run rejects with a clear message', async ({ page }) => {
  await page.goto(site.url);
  await page.waitForFunction('typeof window.runSfuLoopback === "function"');
  const outcome = (await page.evaluate(`window.runSfuLoopback(${JSON.stringify(probe.url)}, 20000, 2500)`)) as SfuLoopbackOutcome;
  expect(outcome).toMatchObject({ ok: false, reason: 'aborted', message: 'The test was cancelled.' });
});

test('a call whose media finds no path to the SFU fails as a media failure, not as an unreachable probe', async ({ page }) => {
  test.setTimeout(30_000);
  await page.goto(site.url);
  await page.waitForFunction('typeof window.runSfuLoopback === "function"');
  // Relay only, and no TURN server: signaling works, media has no candidate to travel by.
  const outcome = (await page.evaluate(`window.runSfuLoopback(${JSON.stringify(probe.url)}, 3000, undefined, true)`)) as SfuLoopbackOutcome;
  expect(outcome).toMatchObject({ ok: false, reason: 'media' });
});

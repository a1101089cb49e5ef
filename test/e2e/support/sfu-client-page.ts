import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import { build } from 'esbuild';

// Serves the SFU client (renderer/src/features/network/sfu) on its own in a page, bundled with
// esbuild in memory: the spec measures the client and the SFU without the app around
// them. Nothing is written into the repository.

const repoRoot = resolve(import.meta.dirname, '../../..');

// The page's entry: exposes one function that opens the probe session and runs the SFU test.
const entrySource = `
import { runSfuTest } from './renderer/src/features/network/sfu/sfu-test.ts';
import { openProbeSession } from './renderer/src/features/network/probe-client.ts';

window.runSfuLoopback = async (probeUrl, durationMs, abortAfterMs, relayOnly = false) => {
  const stream = await navigator.mediaDevices.getUserMedia({ audio: true, video: { width: 640, height: 480 } });
  const controller = new AbortController();
  if (abortAfterMs !== undefined) setTimeout(() => controller.abort(), abortAfterMs);
  const session = await openProbeSession({ url: probeUrl, token: null }, { timeoutMs: 5000 });
  let progressCalls = 0;
  try {
    const measurement = await runSfuTest({
      session, iceServers: [], relayOnly, stream, durationMs, signal: controller.signal,
      onProgress: () => { progressCalls += 1; },
    });
    return { ok: true, measurement, progressCalls };
  } catch (error) {
    return { ok: false, name: error.name, reason: error.reason, message: error.message };
  } finally {
    session.close();
    stream.getTracks().forEach((track) => track.stop());
  }
};
`;

/** What `runSfuLoopback` resolves with in the page. */
export type SfuLoopbackOutcome =
  | { ok: true; measurement: Record<string, number | string | null>; progressCalls: number }
  | { ok: false; name: string; reason?: string; message: string };

/** A tiny static site serving the bundled client. */
export interface SfuClientSite {
  url: string;
  close(): Promise<void>;
}

/** Bundles the client and serves it on 127.0.0.1 (a secure context, so getUserMedia works). */
export async function serveSfuClient(): Promise<SfuClientSite> {
  const result = await build({
    stdin: { contents: entrySource, resolveDir: repoRoot, loader: 'js', sourcefile: 'sfu-loopback-entry.js' },
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: 'chrome120',
    write: false,
    logLevel: 'silent',
  });
  const script = result.outputFiles[0]?.text ?? '';
  const page = '<!doctype html><meta charset="utf-8"><title>SFU loopback</title><script type="module" src="/client.js"></script>';
  const server = createServer((request, response) => {
    if (request.url === '/client.js') {
      response.writeHead(200, { 'content-type': 'text/javascript; charset=utf-8' }).end(script);
    } else if (request.url === '/') {
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(page);
    } else {
      response.writeHead(404).end();
    }
  });
  await new Promise<void>((resolveListen) => server.listen(0, '127.0.0.1', resolveListen));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    close: async () => {
      await new Promise<void>((resolveClose) => server.close(() => resolveClose()));
    },
  };
}

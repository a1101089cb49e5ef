// Runs a web host in its own process for tests that must see whether a client can stop it:
// in the test runner an uncaught exception is caught, in a process of its own it is fatal.
// Usage: tsx serve-host.ts <bind address>; prints one line `ready <json>` and runs until SIGTERM.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startWebHost } from '../../../electron/web/host';

const dir = mkdtempSync(join(tmpdir(), 'roomready-host-process-'));
mkdirSync(join(dir, 'renderer'));
writeFileSync(join(dir, 'renderer', 'index.html'), '<!doctype html><title>RoomReady</title><div id="root"></div>');
const host = await startWebHost({ dataDir: join(dir, 'data'), rendererDir: join(dir, 'renderer'), host: process.argv[2] ?? '127.0.0.1', port: 0, log: (line) => console.error(line) });
console.log(`ready ${JSON.stringify({ url: host.url, token: host.token })}`);
process.once('SIGTERM', () => {
  void host.close().then(() => {
    rmSync(dir, { recursive: true, force: true });
    process.exit(0);
  });
});

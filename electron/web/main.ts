import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { DatabaseOpenError } from '../services/db/database';
import { defaultDataDir } from '../services/data-dir';
import { startWebHost, WebHostError } from './host';
import { logLine } from '../services/log';

const usage = `Usage: npm run web -- [--port N] [--host ADDR] [--token T] [--data-dir DIR]
  --port      port to listen on (default 4780)
  --host      address to bind (default 127.0.0.1); any other address requires an access token
  --token     access token (generated and printed when --host is not loopback)
  --data-dir  where the database lives (default ${defaultDataDir()})`;

async function main(): Promise<void> {
  let values;
  try {
    ({ values } = parseArgs({
      options: {
        port: { type: 'string', default: '4780' },
        host: { type: 'string', default: '127.0.0.1' },
        token: { type: 'string' },
        'data-dir': { type: 'string' },
        help: { type: 'boolean', default: false },
      },
    }));
  } catch (error) {
    exitWith(`${(error as Error).message}\n${usage}`);
  }
  if (values.help) {
    console.log(usage);
    return;
  }
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) exitWith(`--port must be a whole number from 0 to 65535.`);
  if (values.token !== undefined && values.token.length < 16) exitWith('--token must be at least 16 characters long.');

  try {
    const host = await startWebHost({
      dataDir: values['data-dir'] ?? defaultDataDir(),
      // This entry is built to out/main/web.js, beside out/renderer.
      rendererDir: fileURLToPath(new URL('../renderer', import.meta.url)),
      host: values.host,
      port,
      token: values.token,
      hostProbe: true,
      log: logLine,
    });
    console.log(`RoomReady web mode: open ${host.openUrl}`);
    console.log(`Data: ${host.services.databaseFile}`);
    if (host.token !== null) console.log('Anyone with this address and token can use this RoomReady; share it only with your team.');
    const stop = () => void host.close().then(() => process.exit(0));
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  } catch (error) {
    if (error instanceof WebHostError || error instanceof DatabaseOpenError) exitWith(error.message);
    throw error;
  }
}

function exitWith(message: string): never {
  console.error(message);
  process.exit(2);
}

void main();

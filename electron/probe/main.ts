import { parseArgs } from 'node:util';
import { probeTokenParameter } from '../../shared/probe/protocol';
import { probeFeatures } from './features';
import { defaultProbeLimits } from './limits';
import { ProbeServerError, startProbeServer } from './server';
import { logLine } from '../services/log';

const usage = `Usage: npm run probe -- --port N [--host ADDR] [--token T] [--max-per-client N] [--max-monitor-hours H]
  --port            port to listen on (0 picks a free one)
  --host            address to bind (default 127.0.0.1); any other address requires an access token
  --token           access token, at least 16 characters (generated and printed when --host is not loopback)
  --max-per-client  connections one address may hold at once (default ${defaultProbeLimits.maxConnectionsPerClient});
                    raise it when many rooms reach the probe from behind one NAT address
  --max-monitor-hours  the longest an event's monitoring session may last (default ${defaultProbeLimits.maxMonitorHours});
                    raise it for events that run longer without a pause`;

/** A setTimeout longer than about 24.8 days fires at once; a week is plenty for one event. */
const maxMonitorHoursAllowed = 168;

async function main(): Promise<void> {
  let values;
  try {
    ({ values } = parseArgs({
      options: {
        port: { type: 'string' },
        host: { type: 'string', default: '127.0.0.1' },
        token: { type: 'string' },
        'max-per-client': { type: 'string' },
        'max-monitor-hours': { type: 'string' },
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
  if (values.port === undefined) exitWith(`--port is required.\n${usage}`);
  const port = Number(values.port);
  if (values.port.trim() === '' || !Number.isInteger(port) || port < 0 || port > 65535) exitWith('--port must be a whole number from 0 to 65535.');
  if (values.token !== undefined && values.token.length < 16) exitWith('--token must be at least 16 characters long.');
  const perClient = values['max-per-client'] === undefined ? defaultProbeLimits.maxConnectionsPerClient : Number(values['max-per-client']);
  if (!Number.isInteger(perClient) || perClient < 1 || perClient > 10_000) exitWith('--max-per-client must be a whole number from 1 to 10000.');
  const monitorHours = values['max-monitor-hours'] === undefined ? defaultProbeLimits.maxMonitorHours : Number(values['max-monitor-hours']);
  if (values['max-monitor-hours']?.trim() === '' || !Number.isFinite(monitorHours) || monitorHours <= 0 || monitorHours > maxMonitorHoursAllowed) {
    exitWith(`--max-monitor-hours must be a number of hours above 0 and at most ${maxMonitorHoursAllowed}.`);
  }

  try {
    const probe = await startProbeServer({
      host: values.host,
      port,
      token: values.token,
      features: probeFeatures(values.host, { log: logLine }),
      limits: { maxConnectionsPerClient: perClient, maxMonitorHours: monitorHours },
      log: logLine,
    });
    console.log(`RoomReady probe: ${probe.url}`);
    if (probe.token !== null) {
      console.log(`With its token: ${probe.url}?${probeTokenParameter}=${encodeURIComponent(probe.token)}`);
      console.log('Anyone with this token can run tests against this probe; share it only with your team.');
    }
    const stop = () => void probe.close().then(() => process.exit(0));
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  } catch (error) {
    if (error instanceof ProbeServerError) exitWith(error.message);
    throw error;
  }
}

function exitWith(message: string): never {
  console.error(message);
  process.exit(2);
}

void main();

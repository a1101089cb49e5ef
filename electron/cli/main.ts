import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import type { Inventory } from '../../shared/devices/inventory';
import type { PreflightRun } from '../../shared/preflight/run';
import { defaultProfileId, type Profile, type ProfileEntry } from '../../shared/profiles/profile';
import type { Room } from '../../shared/rooms/room';
import { networkConfigFrom, probeTarget, type NetworkTestConfig } from '../../shared/network/test-config';
import { iceServerSchema, languages, serviceUrlSchema, type Language, type Settings } from '../../shared/settings/settings';
import { EnvironmentError, findChromium } from '../services/chromium';
import { DatabaseOpenError } from '../services/db/database';
import { defaultDataDir } from '../services/data-dir';
import { openCliApi } from './cli-api';
import { withHeadlessRenderer } from './headless';
import { messageFormatter } from './messages';
import { bundleCommand } from './bundle-command';
import { reportCommand } from './report-command';
import { templatesCommand } from './templates-command';
import { UsageError } from './usage-error';
import { describeError, logLine } from '../services/log';

const usage = `Usage: roomready <command> [options]

Commands:
  rooms list [--json]
  rooms add --name NAME [--organisation O] [--country C] [--city C] [--capacity N] [--notes T] [--json]
  devices list [--json] [--chromium PATH] [--fake-devices]
  preflight --room ID|NAME [--only devices|network] [--profile ID] [--json] [--lang en|ru]
            [--chromium PATH] [--fake-devices] [--fake-audio FILE.wav] [--fake-video FILE.y4m]
            [--probe URL] [--stun URL]... [--turn URL]... [--turn-user U] [--turn-pass P]
            [--relay-only] [--sfu URL]
            Without --only: the devices, and the network when a probe is known (--probe or Settings).
            The TURN password may also come from ROOMREADY_TURN_PASS (kept out of the process list).
  templates list [--json]
  templates import FILE.json|FILE.md
  templates export ID [--format json|md] [--out FILE]
  report --room ID|NAME --format pdf|html|json|csv --out FILE [--lang en|ru] [--json] [--chromium PATH]
            The room's latest assessment; a new one (with the same answers) if a preflight ran since.
  bundle export --room ID|NAME [--room ID|NAME]... --out FILE
  bundle import FILE [--json]

Every command takes --data-dir DIR (default ${defaultDataDir()}).
Exit codes: 0 ok, 1 a check failed, 2 usage or environment error.`;


const options = {
  json: { type: 'boolean', default: false },
  'data-dir': { type: 'string' },
  name: { type: 'string' },
  organisation: { type: 'string' },
  country: { type: 'string' },
  city: { type: 'string' },
  capacity: { type: 'string' },
  notes: { type: 'string' },
  chromium: { type: 'string' },
  'fake-devices': { type: 'boolean', default: false },
  'fake-audio': { type: 'string' },
  'fake-video': { type: 'string' },
  room: { type: 'string' },
  only: { type: 'string' },
  probe: { type: 'string' },
  stun: { type: 'string', multiple: true },
  turn: { type: 'string', multiple: true },
  'turn-user': { type: 'string' },
  'turn-pass': { type: 'string' },
  'relay-only': { type: 'boolean', default: false },
  sfu: { type: 'string' },
  profile: { type: 'string', default: defaultProfileId },
  lang: { type: 'string', default: 'en' },
  format: { type: 'string', default: 'json' },
  out: { type: 'string' },
  help: { type: 'boolean', default: false },
} as const;

type Values = ReturnType<typeof parseArgs<{ options: typeof options; allowPositionals: true }>>['values'];

async function run(argv: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, options, allowPositionals: true });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const { values, positionals } = parsed;
  if (values.help || positionals.length === 0) {
    console.log(usage);
    return values.help ? 0 : 2;
  }
  const dataDir = values['data-dir'] ?? defaultDataDir();
  if (positionals[0] === 'report' && positionals.length === 1) {
    return reportCommand({ dataDir, room: values.room, format: values.format, out: values.out, language: values.lang, json: values.json, chromium: values.chromium });
  }
  if (positionals[0] === 'bundle') return bundleCommand(positionals[1], positionals.slice(2), argv, { dataDir, json: values.json });
  if (positionals[0] === 'templates') {
    return templatesCommand(positionals[1], positionals.slice(2), { dataDir, json: values.json, format: values.format, out: values.out });
  }
  const command = positionals.join(' ');
  if (command === 'rooms list' || command === 'rooms add') return roomsCommand(command, values, dataDir);
  if (command === 'devices list') return devicesList(values, dataDir);
  if (command === 'preflight') return preflight(values, dataDir);
  throw new UsageError(`Unknown command "${command}". Run roomready --help.`);
}

async function roomsCommand(command: 'rooms list' | 'rooms add', values: Values, dataDir: string): Promise<number> {
  if (command === 'rooms add' && values.name === undefined) throw new UsageError('rooms add needs --name.');
  const api = openCliApi(dataDir);
  try {
    if (command === 'rooms list') {
      printRooms(await api.call<Room[]>('rooms:list'), values.json);
      return 0;
    }
    const capacity = values.capacity === undefined ? null : Number(values.capacity);
    const room = await api.call<Room>('rooms:create', {
      name: values.name,
      organisation: values.organisation,
      country: values.country,
      city: values.city,
      notes: values.notes,
      capacity,
    });
    console.log(values.json ? JSON.stringify(room) : `Added room ${room.id}: ${room.name}`);
    return 0;
  } finally {
    api.close();
  }
}

function printRooms(rooms: Room[], json: boolean): void {
  if (json) {
    console.log(JSON.stringify(rooms));
    return;
  }
  if (rooms.length === 0) console.log('No rooms yet. Add one with: roomready rooms add --name NAME');
  for (const room of rooms) {
    const place = [room.city, room.country].filter(Boolean).join(', ');
    console.log([String(room.id).padStart(4), room.name, room.organisation, place].filter(Boolean).join('  '));
  }
}

async function devicesList(values: Values, dataDir: string): Promise<number> {
  const inventory = await withHeadlessRenderer(headlessOptions(values, dataDir), (page) =>
    page.evaluate<Inventory>('window.roomreadyHeadless.listDevices()'),
  );
  if (values.json) console.log(JSON.stringify(inventory));
  else if (inventory.ok) {
    for (const device of inventory.devices) {
      const capabilities = Object.entries(device.capabilities).map(([name, value]) => `${name}=${String(value)}`).join(' ');
      console.log(`${device.kind.padEnd(12)} ${device.isDefault ? '*' : ' '} ${device.label}${capabilities ? `  (${capabilities})` : ''}`);
    }
  }
  else console.error(`No devices: ${inventory.message}`);
  return inventory.ok ? 0 : 1;
}

// This entry is built to out/main/cli.js, beside out/renderer.
const rendererDir = fileURLToPath(new URL('../renderer', import.meta.url));

function headlessOptions(values: Values, dataDir: string) {
  const mediaFile = (option: 'fake-audio' | 'fake-video') => {
    const file = values[option];
    if (file === undefined) return undefined;
    if (!existsSync(file)) throw new UsageError(`--${option}: no file at ${file}.`);
    return resolve(file);
  };
  return {
    dataDir,
    rendererDir,
    chromiumPath: findChromium(values.chromium),
    fakeDevices: values['fake-devices'],
    fakeAudio: mediaFile('fake-audio'),
    fakeVideo: mediaFile('fake-video'),
  };
}

/** The network tests as Settings configure them, with the command line's flags on top. */
async function cliNetworkConfig(values: Values, dataDir: string): Promise<NetworkTestConfig> {
  const api = openCliApi(dataDir);
  let settings: Settings;
  try {
    settings = await api.call<Settings>('settings:get');
  } finally {
    api.close();
  }
  const config = networkConfigFrom(settings);
  const url = (option: 'probe' | 'sfu') => {
    const value = values[option];
    if (value === undefined) return undefined;
    if (!serviceUrlSchema.safeParse(value).success || value === '') throw new UsageError(`--${option} must be an http:// or https:// address.`);
    return value;
  };
  const probe = url('probe');
  const sfu = url('sfu');
  const flagServers = [...(values.stun ?? []), ...(values.turn ?? [])].map((urls) => {
    const server = iceServerSchema.safeParse({
      urls,
      username: urls.startsWith('turn') ? (values['turn-user'] ?? '') : '',
      credential: urls.startsWith('turn') ? (values['turn-pass'] ?? process.env.ROOMREADY_TURN_PASS ?? '') : '',
    });
    if (!server.success) throw new UsageError(`--stun/--turn ${urls}: not a stun:, turn: or turns: address.`);
    return server.data;
  });
  return {
    ...config,
    probe: probe !== undefined ? probeTarget(probe, '') : config.probe,
    sfu: sfu !== undefined ? probeTarget(sfu, '') : config.sfu,
    iceServers: flagServers.length > 0 ? flagServers : config.iceServers,
    relayOnly: values['relay-only'] || config.relayOnly,
  };
}

/** The profile `id` as the app lists it: a built-in (as edited, if it was) or the user's own. */
async function storedProfile(dataDir: string, id: string): Promise<Profile> {
  const api = openCliApi(dataDir);
  let entries: ProfileEntry[];
  try {
    entries = await api.call<ProfileEntry[]>('profiles:list');
  } finally {
    api.close();
  }
  const entry = entries.find((candidate) => candidate.profile.id === id);
  if (!entry) throw new UsageError(`There is no profile "${id}". Profiles: ${entries.map((candidate) => candidate.profile.id).join(', ')}.`);
  return entry.profile;
}

async function preflight(values: Values, dataDir: string): Promise<number> {
  if (values.room === undefined) throw new UsageError('preflight needs --room with a room id or name (see: roomready rooms list).');
  if (values.only !== undefined && values.only !== 'devices' && values.only !== 'network') {
    throw new UsageError(`--only ${values.only}: choose devices or network (or leave it out for both).`);
  }
  const profile = await storedProfile(dataDir, values.profile);
  if (!(languages as readonly string[]).includes(values.lang)) throw new UsageError(`--lang must be one of: ${languages.join(', ')}.`);
  const format = await messageFormatter(values.lang as Language);
  const roomArg = values.room;
  const network = values.only === 'devices' ? null : await cliNetworkConfig(values, dataDir);
  if (values.only === 'network' && network?.probe == null) {
    throw new UsageError('preflight --only network needs a probe: pass --probe URL or set one in Settings.');
  }
  const parts = { devices: values.only !== 'network', network: network?.probe ? network : null };
  const options = { ...headlessOptions(values, dataDir), extraServiceUrls: [network?.probe?.url, network?.sfu?.url].filter((url): url is string => !!url) };

  const { run, room } = await withHeadlessRenderer(options, async (page, host) => {
    const rooms = host.services.rooms.list();
    const room = rooms.find((candidate) => String(candidate.id) === roomArg) ?? rooms.find((candidate) => candidate.name.toLowerCase() === roomArg.toLowerCase());
    if (!room) throw new UsageError(`No room "${roomArg}". List rooms with: roomready rooms list.`);
    type Args = { roomId: number; profileId: string } & typeof parts;
    const run = await page.evaluate<PreflightRun, Args>(
      (args) => (globalThis as unknown as { roomreadyHeadless: { runPreflight(a: Args): Promise<PreflightRun> } }).roomreadyHeadless.runPreflight(args),
      { roomId: room.id, profileId: profile.id, ...parts },
    );
    return { run, room };
  });

  const report = {
    runId: run.id,
    room: { id: room.id, name: room.name },
    startedAt: new Date(run.startedAt).toISOString(),
    durationMs: run.finishedAt - run.startedAt,
    profile: run.profileId,
    verdict: run.verdict,
    verdicts: run.readiness.map((verdict) => ({ profile: verdict.profile, status: verdict.status, reasons: verdict.reasons.map(format), advice: verdict.advice.map(format) })),
    checks: run.checks.map((check) => ({
      id: check.id,
      kind: check.kind,
      deviceLabel: check.deviceLabel,
      status: check.status,
      summary: format(check.summary),
      metrics: check.metrics,
      advice: check.advice.map(format),
    })),
  };
  if (values.json) console.log(JSON.stringify(report));
  else {
    console.log(`${room.name}: ${run.verdict.toUpperCase()} (${profile.name.en}, run ${run.id}, ${(report.durationMs / 1000).toFixed(1)} s)`);
    for (const check of report.checks) {
      console.log(`  ${check.status.toUpperCase().padEnd(4)} ${check.kind} ${check.deviceLabel}: ${check.summary}`);
      for (const advice of check.advice) console.log(`         → ${advice}`);
    }
  }
  return run.verdict === 'fail' ? 1 : 0;
}

run(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    if (error instanceof UsageError || error instanceof EnvironmentError || error instanceof DatabaseOpenError || (error as Error).name === 'WebHostError') {
      // A file with several problems lists each; anything else is one line.
      const lines = (error as Error).message.split('\n');
      for (const line of error instanceof UsageError ? lines : lines.slice(0, 1)) console.error(`roomready: ${line}`);
      process.exit(2);
    }
    logLine(describeError(error));
    process.exit(2);
  },
);

import type { Handlers } from '../../../shared/api/contract';
import { ApiFailure } from '../../../shared/api/result';
import { newAccessToken } from '../../web/access';
import { appVersion } from '../app-version';
import type { Services } from '../services';
import { checkReachability } from '../network/reachability';
import { noProbeHosting, type ProbeHostPort } from '../probe-hosting';
import type { ReportPrinter } from '../report-printer';
import type { UpdaterPort } from '../updates';
import { assessmentHandlers } from './assessments';
import { liveHandlers } from './live';
import { profileHandlers } from './profiles';
import { runOfShowHandlers, type PresenterPort } from './run-of-show';

/** The implementation of every request in the contract, on top of the shared services. */
export function createHandlers(
  services: Services,
  updater: UpdaterPort,
  presenter: PresenterPort,
  printer: ReportPrinter,
  probeHosting: ProbeHostPort = noProbeHosting,
): Handlers {
  const { rooms, roomDevices, preflightRuns, events } = services;

  const requireRoom = (id: number) => {
    const room = rooms.get(id);
    if (!room) throw new ApiFailure('not_found', `Room ${id} does not exist. It may have been deleted; reload the list.`);
    return room;
  };

  return {
    ...runOfShowHandlers(services, presenter),
    ...profileHandlers(services),
    ...assessmentHandlers(services, printer),
    ...liveHandlers(services, printer),
    'app:info': () => ({
      version: appVersion,
      mode: services.mode,
      dataDir: services.dataDir,
      databaseFile: services.databaseFile,
    }),
    'rooms:list': () => rooms.list(),
    'rooms:get': ({ id }) => requireRoom(id),
    'rooms:create': (input) => {
      const room = rooms.insert(input, Date.now());
      events.emit('rooms:changed', { id: room.id });
      return room;
    },
    'rooms:update': ({ id, room }) => {
      requireRoom(id);
      const updated = rooms.update(id, room, Date.now());
      events.emit('rooms:changed', { id });
      return updated;
    },
    'rooms:delete': ({ id }) => {
      requireRoom(id);
      rooms.remove(id);
      events.emit('rooms:changed', { id });
      return { id };
    },
    'devices:record': ({ roomId, devices }) => {
      requireRoom(roomId);
      roomDevices.recordSeen(roomId, devices, Date.now());
      return roomDevices.list(roomId);
    },
    'devices:history': ({ roomId }) => {
      requireRoom(roomId);
      return roomDevices.list(roomId);
    },
    'preflight:save': (run) => {
      requireRoom(run.roomId);
      if (!services.profiles.find(run.profileId)) throw new ApiFailure('not_found', `There is no requirement profile "${run.profileId}".`);
      const saved = preflightRuns.insert(run);
      events.emit('preflight:saved', { id: saved.id, roomId: saved.roomId });
      return saved;
    },
    'preflight:list': ({ roomId, limit }) => {
      requireRoom(roomId);
      return preflightRuns.listForRoom(roomId, limit);
    },
    'network:reachability': ({ endpoints, timeoutMs }) => checkReachability(endpoints, { timeoutMs }),
    'probe:status': () => probeHosting.status(),
    'settings:get': () => services.readSettings(),
    'settings:update': (patch) => {
      services.settings.setMany(Object.entries(patch));
      const settings = services.readSettings();
      events.emit('settings:changed', settings);
      if (patch.probeHosting) void applyProbeHosting(services, probeHosting);
      return settings;
    },
    'updates:status': () => updater.status(),
    'updates:check': () => updater.check(),
    'updates:download': () => updater.download(),
    'updates:install': () => updater.install(),
  };
}

/** Starts or stops the hosted probe as Settings say, with a token kept across restarts. */
export function applyProbeHosting(services: Services, probeHosting: ProbeHostPort): Promise<unknown> {
  const stored = services.settings.get(probeHostTokenKey);
  const token = typeof stored === 'string' && stored.length >= 16 ? stored : newAccessToken();
  if (token !== stored) services.settings.setMany([[probeHostTokenKey, token]]);
  return probeHosting.apply(services.readSettings().probeHosting, token);
}

/** Where the hosted probe's token is stored, beside the settings but not among them. */
const probeHostTokenKey = 'probeHostToken';

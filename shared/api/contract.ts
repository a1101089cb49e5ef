import { z } from 'zod';
import { deviceKinds, type RoomDevice } from '../devices/inventory';
import { preflightRunInputSchema, type PreflightRun } from '../preflight/run';
import { platformEndpointSchema } from '../network/platform-endpoints';
import type { ReachabilityResult } from '../network/platform-endpoints';
import type { ProbeHostStatus } from '../probe/hosting';
import {
  assessmentAnswersSchema,
  reportFormats,
  type Assessment,
  type BundleImportSummary,
  type ComparisonRow,
  type ExportedFile,
} from '../assessment/assessment';
import {
  drillKinds,
  eventInputSchema,
  liveSampleSchema,
  severities,
  type Drill,
  type EventSummary,
  type Incident,
  type LiveEvent,
  type MonitorStatus,
  type Timeline,
} from '../live/live';
import { profileSchema, type ProfileEntry } from '../profiles/profile';
import { runActionSchema, type RunWithTemplate } from '../runofshow/run';
import { templateSchema, type Template, type TemplateSummary } from '../runofshow/template';
import { roomIdSchema, roomInputSchema, type Room } from '../rooms/room';
import { settingsPatchSchema, type Settings } from '../settings/settings';
import type { UpdateStatus } from '../updates/update-status';
import type { Result } from './result';

/** Facts about the running app that the UI shows in Settings and About. */
export interface AppInfo {
  version: string;
  mode: 'electron' | 'web';
  dataDir: string;
  databaseFile: string;
}

/** A run in a list, with its status derived from its actions. */
export interface RunSummary {
  id: number;
  title: string;
  templateId: string;
  templateVersion: number;
  templateName: string;
  kind: Template['kind'];
  parentRunId: number | null;
  plannedStart: number;
  createdAt: number;
  status: 'planned' | 'running' | 'paused' | 'finished';
}

/** A screen the presenter timer can be shown on. */
export interface DisplayInfo {
  id: number;
  label: string;
  primary: boolean;
  width: number;
  height: number;
}

interface RequestSpec<Args extends z.ZodType, Value> {
  args: Args;
  /** Phantom: carries the result type; never read at run time. */
  value?: Value;
}

function request<Value>() {
  return <Args extends z.ZodType>(args: Args): RequestSpec<Args, Value> => ({ args });
}

const noArgs = z.undefined();
const eventIdSchema = z.number().int().positive();
const incidentIdSchema = z.number().int().positive();

/** Every request the renderer can make, by channel name `domain:verb`, with its argument schema. */
export const requests = {
  /** Events, latest planned first. */
  'events:list': request<LiveEvent[]>()(noArgs),
  /** Creates an event to monitor. */
  'events:create': request<LiveEvent>()(eventInputSchema),
  /** One event. */
  'events:get': request<LiveEvent>()(z.object({ id: eventIdSchema }).strict()),
  /** Deletes an event and its quality log. */
  'events:delete': request<{ id: number }>()(z.object({ id: eventIdSchema }).strict()),
  /** Starts live monitoring of an event (the first start sets its actual start). */
  'live:start': request<MonitorStatus>()(z.object({ eventId: eventIdSchema }).strict()),
  /** Stops live monitoring: buffered samples are written, open rule incidents closed. */
  'live:stop': request<MonitorStatus>()(z.object({ eventId: eventIdSchema }).strict()),
  /** The monitor's seconds, in order; the host adds its own figures, applies any drill and the incident rules. */
  'live:samples': request<MonitorStatus>()(z.object({ eventId: eventIdSchema, samples: z.array(liveSampleSchema).min(1).max(120) }).strict()),
  /** Monitoring, storage, drill and open incidents of an event. */
  'live:status': request<MonitorStatus>()(z.object({ eventId: eventIdSchema }).strict()),
  /** A downsampled timeline over [from, to] (the whole event by default) in about `points` buckets. */
  'live:timeline': request<Timeline>()(
    z
      .object({
        eventId: eventIdSchema,
        from: z.number().int().nonnegative().optional(),
        to: z.number().int().nonnegative().optional(),
        points: z.number().int().min(10).max(5000).default(1000),
      })
      .strict(),
  ),
  /** The event report's figures. */
  'live:summary': request<EventSummary>()(z.object({ eventId: eventIdSchema }).strict()),
  /** The event report as a file. */
  'live:export': request<ExportedFile>()(
    z.object({ eventId: eventIdSchema, format: z.enum(['pdf', 'csv', 'json']), language: z.enum(['en', 'ru']) }).strict(),
  ),
  /** An event's incidents, oldest first. */
  'incidents:list': request<Incident[]>()(z.object({ eventId: eventIdSchema }).strict()),
  /** Opens an incident by hand, with a note. */
  'incidents:open': request<Incident>()(
    z.object({ eventId: eventIdSchema, severity: z.enum(severities).default('warn'), note: z.string().trim().max(2000).default('') }).strict(),
  ),
  /** Someone saw the banner: the time to notice stops. */
  'incidents:acknowledge': request<Incident>()(z.object({ id: incidentIdSchema }).strict()),
  /** Opens the incident's Plan B playbook as a run (nested in the event's run of show when it has one). */
  'incidents:playbook': request<Incident>()(z.object({ id: incidentIdSchema, templateId: z.string().max(64) }).strict()),
  /** Adds or replaces an incident's note. */
  'incidents:note': request<Incident>()(z.object({ id: incidentIdSchema, note: z.string().trim().max(2000) }).strict()),
  /** Closes a manual incident. */
  'incidents:close': request<Incident>()(z.object({ id: incidentIdSchema }).strict()),
  /** Injects a simulated failure into an event's monitoring; nothing real is touched. */
  'drills:start': request<Drill>()(z.object({ eventId: eventIdSchema, kind: z.enum(drillKinds) }).strict()),
  /** Ends the running drill. */
  'drills:stop': request<Drill>()(z.object({ eventId: eventIdSchema }).strict()),
  /** An event's drills with their times. */
  'drills:list': request<Drill[]>()(z.object({ eventId: eventIdSchema }).strict()),
  /** Version, mode and where data lives. */
  'app:info': request<AppInfo>()(noArgs),
  /** All rooms, by name. */
  'rooms:list': request<Room[]>()(noArgs),
  /** One room by id. */
  'rooms:get': request<Room>()(z.object({ id: roomIdSchema }).strict()),
  /** Adds a room; names are unique regardless of case. */
  'rooms:create': request<Room>()(roomInputSchema.strict()),
  /** Replaces a room's fields. */
  'rooms:update': request<Room>()(z.object({ id: roomIdSchema, room: roomInputSchema.strict() }).strict()),
  /** Deletes a room and everything recorded for it. */
  'rooms:delete': request<{ id: number }>()(z.object({ id: roomIdSchema }).strict()),
  /** Records the devices a room has now; returns every device it has ever had. */
  'devices:record': request<RoomDevice[]>()(
    z
      .object({
        roomId: roomIdSchema,
        devices: z
          .array(z.object({ kind: z.enum(deviceKinds), deviceKey: z.string().min(1).max(300), label: z.string().max(300) }).strict())
          .max(100),
      })
      .strict(),
  ),
  /** Every device a room has had, most recently seen first. */
  'devices:history': request<RoomDevice[]>()(z.object({ roomId: roomIdSchema }).strict()),
  /** The requirement profiles: the built-in ones (as edited, if they were) and the user's own. */
  'profiles:list': request<ProfileEntry[]>()(noArgs),
  /** Saves a profile; saving a built-in profile's id keeps the edit over the built-in. */
  'profiles:save': request<ProfileEntry>()(z.object({ profile: profileSchema }).strict()),
  /** Copies a profile under a new id and name. */
  'profiles:duplicate': request<ProfileEntry>()(
    z.object({ id: profileSchema.shape.id, newId: profileSchema.shape.id, name: profileSchema.shape.name }).strict(),
  ),
  /** Deletes a user's profile, or returns a built-in one to how RoomReady ships it. */
  'profiles:remove': request<{ id: string }>()(z.object({ id: profileSchema.shape.id }).strict()),
  /** Saves several profiles at once (an imported file): all of them or, on any error, none. */
  'profiles:import': request<ProfileEntry[]>()(z.object({ profiles: z.array(profileSchema).min(1).max(50) }).strict()),
  /** Assesses a room from a preflight run (its latest complete one when none is named) and the answers; saves it. */
  'assessments:create': request<Assessment>()(
    z
      .object({
        roomId: roomIdSchema,
        assessor: z.string().trim().max(200).default(''),
        answers: assessmentAnswersSchema,
        preflightRunId: z.number().int().positive().optional(),
      })
      .strict(),
  ),
  /** A local room's assessments, newest first. */
  'assessments:list': request<Assessment[]>()(z.object({ roomId: roomIdSchema }).strict()),
  /** One assessment, local or imported. */
  'assessments:get': request<Assessment>()(z.object({ uid: z.string().regex(/^[0-9a-f]{32}$/) }).strict()),
  /** Every room, local and imported, with its latest assessment's scores and verdicts. */
  'assessments:comparison': request<ComparisonRow[]>()(noArgs),
  /** An assessment report as a file in the chosen format and language. */
  'reports:export': request<ExportedFile>()(
    z.object({ uid: z.string().regex(/^[0-9a-f]{32}$/), format: z.enum(reportFormats), language: z.enum(['en', 'ru']) }).strict(),
  ),
  /** The chosen local rooms' assessments as a bundle file for another organisation. */
  'bundles:export': request<ExportedFile>()(z.object({ roomIds: z.array(roomIdSchema).min(1).max(1000) }).strict()),
  /** Imports a bundle file: validated whole first; importing the same bundle twice changes nothing. */
  'bundles:import': request<BundleImportSummary>()(z.object({ text: z.string().max(8_000_000) }).strict()),
  /** Saves a finished preflight run with its checks. */
  'preflight:save': request<PreflightRun>()(preflightRunInputSchema),
  /** A room's latest preflight runs, newest first. */
  'preflight:list': request<PreflightRun[]>()(
    z.object({ roomId: roomIdSchema, limit: z.number().int().min(1).max(100).default(10) }).strict(),
  ),
  /** The latest version of every checklist, run-of-show and playbook template. */
  'templates:list': request<TemplateSummary[]>()(noArgs),
  /** One template version (the latest when no version is given). */
  'templates:get': request<Template>()(z.object({ id: z.string().max(64), version: z.number().int().positive().optional() }).strict()),
  /** Saves a template as the next version of its id (runs keep the version they started from). */
  'templates:save': request<Template>()(z.object({ template: templateSchema }).strict()),
  /** Copies a template under a new id and name. */
  'templates:duplicate': request<Template>()(z.object({ id: z.string().max(64), name: z.string().trim().min(1).max(200) }).strict()),
  /** Runs, newest first, with their state. */
  'runs:list': request<RunSummary[]>()(z.object({ limit: z.number().int().min(1).max(200).default(50) }).strict()),
  /** Starts a run of a template; with parentRunId, a Plan B playbook opened during that run. */
  'runs:start': request<RunWithTemplate>()(
    z
      .object({
        templateId: z.string().max(64),
        title: z.string().trim().min(1, { message: 'validation.required' }).max(200, { message: 'validation.tooLong' }),
        plannedStart: z.number().int().nonnegative(),
        parentRunId: z.number().int().positive().nullable().default(null),
      })
      .strict(),
  ),
  /** One run with its template version and every action taken. */
  'runs:get': request<RunWithTemplate>()(z.object({ id: z.number().int().positive() }).strict()),
  /** Takes an action in a run (start, next segment, step done, note, …). */
  'runs:act': request<RunWithTemplate>()(z.object({ runId: z.number().int().positive(), action: runActionSchema }).strict()),
  /** Opens the presenter timer of a run in its own window (desktop app; web mode opens a tab). */
  'presenter:open': request<{ opened: boolean }>()(z.object({ runId: z.number().int().positive(), displayId: z.number().int().optional() }).strict()),
  /** Displays a presenter window can be placed on (none in web mode). */
  'displays:list': request<DisplayInfo[]>()(noArgs),
  /** Checks, from this machine, whether the meeting platforms' endpoints answer (each with its own timeout). */
  'network:reachability': request<ReachabilityResult[]>()(
    z.object({ endpoints: z.array(platformEndpointSchema).max(40), timeoutMs: z.number().int().min(200).max(15_000) }).strict(),
  ),
  /** Whether this machine serves a probe for other rooms ("Host a probe" in Settings). */
  'probe:status': request<ProbeHostStatus>()(noArgs),
  /** Current settings. */
  'settings:get': request<Settings>()(noArgs),
  /** Changes some settings and returns all of them. */
  'settings:update': request<Settings>()(settingsPatchSchema),
  /** Where the updater is now. */
  'updates:status': request<UpdateStatus>()(noArgs),
  /** Looks for an update on the configured feed. */
  'updates:check': request<UpdateStatus>()(noArgs),
  /** Downloads the available update; progress arrives as `updates:changed` events. */
  'updates:download': request<UpdateStatus>()(noArgs),
  /** Quits and installs a downloaded update. */
  'updates:install': request<UpdateStatus>()(noArgs),
} as const;

/** Events the main process pushes to the renderer, with their payload types. */
export interface EventPayloads {
  /** A room was created, changed or deleted (by this or another window or client). */
  'rooms:changed': { id: number };
  /** A run changed: an action was taken or a child playbook run started. */
  'runs:changed': { runId: number };
  /** A preflight run was saved. */
  'preflight:saved': { id: number; roomId: number };
  /** Settings changed. */
  'settings:changed': Settings;
  /** The updater moved to a new state. */
  'updates:changed': UpdateStatus;
  /** The hosted probe started, stopped or failed to start. */
  'probe:changed': ProbeHostStatus;
  /** A profile was saved, imported or removed. */
  'profiles:changed': { ids: string[] };
  /** An assessment was made or imported. */
  'assessments:changed': { uids: string[] };
  /** An event was created, deleted, started or stopped. */
  'events:changed': { id: number };
  /** Monitoring of an event moved on: new samples, storage trouble, a drill, incidents opened or closed. */
  'live:changed': MonitorStatus;
}

/** Event channel names, listed once for the preload and the web host. */
export const eventNames = ['rooms:changed', 'runs:changed', 'preflight:saved', 'settings:changed', 'updates:changed', 'probe:changed', 'profiles:changed', 'assessments:changed', 'events:changed', 'live:changed'] as const satisfies readonly (keyof EventPayloads)[];

/** Any request channel name. */
export type RequestName = keyof typeof requests;

/** Any event channel name. */
export type EventName = keyof EventPayloads;

/** The argument a request takes, after validation. */
export type RequestArgs<N extends RequestName> = z.output<(typeof requests)[N]['args']>;

/** The argument a caller passes, before defaults are applied. */
export type RequestInput<N extends RequestName> = z.input<(typeof requests)[N]['args']>;

/** The value a successful request resolves to. */
export type RequestValue<N extends RequestName> = NonNullable<(typeof requests)[N]['value']>;

/** Request channel names, listed once for the preload, the IPC registration and the web host. */
export const requestNames = Object.keys(requests) as RequestName[];

/** What serves requests: one function per channel taking validated arguments. */
export type Handlers = {
  [N in RequestName]: (args: RequestArgs<N>) => RequestValue<N> | Promise<RequestValue<N>>;
};

/** The renderer's view of the API: one function per request and one subscription per event. */
export interface Bridge {
  request: { [N in RequestName]: (args: RequestInput<N>) => Promise<Result<RequestValue<N>>> };
  on: { [E in EventName]: (listener: (payload: EventPayloads[E]) => void) => () => void };
}

/** The name under which the preload exposes the bridge on `window`. */
export const bridgeGlobalName = 'roomready';

/** Web-mode wire format: a request from the renderer. */
export const wireRequestSchema = z.object({
  id: z.number().int().nonnegative(),
  name: z.string().max(64),
  args: z.unknown().optional(),
});

/** Web-mode wire format: every message the host sends. */
export type WireMessage =
  | { kind: 'result'; id: number; result: Result<unknown> }
  | { kind: 'event'; name: EventName; payload: unknown };

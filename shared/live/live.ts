import { z } from 'zod';

/** An event RoomReady watches: when, where, against which requirement profile. */
export const eventInputSchema = z
  .object({
    title: z.string().trim().min(1, { message: 'validation.required' }).max(200, { message: 'validation.tooLong' }),
    profileId: z.string().min(1).max(40),
    roomId: z.number().int().positive().nullable().default(null),
    /** ms since the epoch; a multi-day event simply spans several days. */
    plannedStart: z.number().int().nonnegative(),
    plannedEnd: z.number().int().nonnegative(),
    /** The run of show followed at this event, if any (a checklist run's id). */
    runId: z.number().int().positive().nullable().default(null),
  })
  .strict()
  .refine((event) => event.plannedEnd > event.plannedStart, { message: 'validation.endBeforeStart', path: ['plannedEnd'] });

/** A validated event as entered. */
export type EventInput = z.output<typeof eventInputSchema>;

/** A stored event. */
export interface LiveEvent extends EventInput {
  id: number;
  startedAt: number | null;
  endedAt: number | null;
  createdAt: number;
}

/** What the microphone monitor saw in one second. */
export const micStates = ['ok', 'silent', 'lost'] as const;
/** What the camera monitor saw in one second. */
export const cameraStates = ['ok', 'frozen', 'black', 'lost'] as const;

const maybe = (schema: z.ZodNumber) => schema.nullable().default(null);

/**
 * One second of measurements from the renderer's monitor. Null: not measured this second
 * (that part is off, or nothing came back yet). Loss is over the trailing window (see
 * monitorConfig), so one lost ping in a second does not read as 20 % loss.
 */
export const liveSampleSchema = z
  .object({
    /** The second this sample covers, ms since the epoch, a multiple of 1000. */
    at: z.number().int().nonnegative().multipleOf(1000),
    rttMs: maybe(z.number().min(0).max(60_000)),
    jitterMs: maybe(z.number().min(0).max(60_000)),
    lossPercent: maybe(z.number().min(0).max(100)),
    mos: maybe(z.number().min(1).max(5)),
    /** False when no echo came back for the link-lost time; null when the network is not watched. */
    linkUp: z.boolean().nullable().default(null),
    micDbfs: maybe(z.number().min(-200).max(0)),
    micState: z.enum(micStates).nullable().default(null),
    fps: maybe(z.number().min(0).max(240)),
    cameraState: z.enum(cameraStates).nullable().default(null),
  })
  .strict();

/** One second from the monitor. */
export type LiveSample = z.output<typeof liveSampleSchema>;

/** A stored second: the monitor's sample plus what the host measured and whether a drill shaped it. */
export interface StoredSample extends LiveSample {
  /** Host CPU load, percent of all cores. */
  cpuPercent: number | null;
  /** Host memory in use, percent. */
  memoryPercent: number | null;
  /** The host's network interfaces changed during this second (cable out, Wi-Fi switched). */
  interfacesChanged: boolean;
  /** The sample was changed by a drill's simulated failure. */
  drill: boolean;
}

/** Incident rules; the ids are the triggers Plan B playbooks list (shared/runofshow/builtins/playbooks.ts). */
export const incidentRules = ['link-lost', 'rtt-high', 'jitter-high', 'loss-high', 'mos-low', 'mic-silent', 'camera-lost', 'camera-frozen', 'manual'] as const;

/** One incident rule. */
export type IncidentRule = (typeof incidentRules)[number];

/** Incident severities (the incidents table's CHECK). */
export const severities = ['info', 'warn', 'critical'] as const;

/** An incident's severity. */
export type Severity = (typeof severities)[number];

/** Something that went wrong during an event, as opened by a rule or by a person. */
export interface Incident {
  id: number;
  eventId: number;
  rule: IncidentRule;
  severity: Severity;
  startedAt: number;
  /** When the metrics were back within limits (rules) or a person closed it (manual). */
  endedAt: number | null;
  /** When someone first reacted to the banner (acknowledged or opened the playbook). */
  acknowledgedAt: number | null;
  manual: boolean;
  drill: boolean;
  /** The Plan B run opened for it. */
  playbookRunId: number | null;
  /** When that run was opened. */
  playbookOpenedAt: number | null;
  /** The metrics when it opened (the last samples the rule looked at). */
  snapshot: Record<string, number | string | boolean | null>;
  note: string;
}

/** Simulated failures a trainer can inject; nothing real is touched. */
export const drillKinds = ['link-down', 'heavy-loss', 'mic-lost', 'camera-frozen'] as const;

/** One kind of drill. */
export type DrillKind = (typeof drillKinds)[number];

/** A drill: when it was injected and how the team responded. */
export interface Drill {
  id: number;
  eventId: number;
  kind: DrillKind;
  startedAt: number;
  endedAt: number | null;
  /** Injection start to the first reaction to the incident's banner, ms (null: not yet). */
  timeToNoticeMs: number | null;
  /** Injection start to the playbook opened, ms. */
  timeToPlaybookMs: number | null;
  /** Injection start to the metrics back within limits, ms. */
  timeToRecoverMs: number | null;
  /** The incident the drill caused. */
  incidentId: number | null;
}

/** Whether samples reach the disk, and how many wait in memory when they do not. */
export interface StorageStatus {
  ok: boolean;
  /** Samples held in memory until the disk takes them again. */
  pending: number;
  /** Why writing failed (disk full, read-only), for the banner. */
  message: string | null;
}

/** The live state of one event's monitoring. */
export interface MonitorStatus {
  eventId: number;
  monitoring: boolean;
  storage: StorageStatus;
  /** The drill running now, if any. */
  drill: Drill | null;
  openIncidents: Incident[];
  /** The last stored second. */
  lastSampleAt: number | null;
}

/** Metrics a timeline can show, each a column of quality_samples. */
export const timelineMetrics = ['rttMs', 'jitterMs', 'lossPercent', 'mos', 'micDbfs', 'fps'] as const;

/** One timeline metric. */
export type TimelineMetric = (typeof timelineMetrics)[number];

/** The unit of each timeline metric: what reports print beside it and what a chart draws it against. */
export const metricUnits: Record<TimelineMetric, 'ms' | 'percent' | 'mos' | 'dbfs' | 'fps'> = {
  rttMs: 'ms',
  jitterMs: 'ms',
  lossPercent: 'percent',
  mos: 'mos',
  micDbfs: 'dbfs',
  fps: 'fps',
};

/** A downsampled timeline: one bucket per point, each with min, mean and max. */
export interface Timeline {
  from: number;
  to: number;
  bucketMs: number;
  /** Bucket start times, ms. */
  at: number[];
  series: Record<TimelineMetric, { min: (number | null)[]; mean: (number | null)[]; max: (number | null)[] }>;
  incidents: Pick<Incident, 'id' | 'rule' | 'severity' | 'startedAt' | 'endedAt' | 'drill'>[];
  /** Checklist actions of the event's runs (and their playbook runs), as markers. */
  actions: { at: number; runId: number; label: string }[];
}

/** MOS bands of REFERENCE.md, for the share of time in each. */
export const mosBands = ['excellent', 'good', 'fair', 'poor', 'bad'] as const;

/** One MOS band. */
export type MosBand = (typeof mosBands)[number];

/** How monitoring samples; every figure the monitor uses lives here. */
export const monitorConfig = {
  /** Pings a second: 5 keeps the monitor's traffic near 10 kbit/s both ways together. */
  pingsPerSecond: 5,
  /** Loss is counted over this trailing window. */
  lossWindowSeconds: 10,
  /** No echo for this long: the link is down. */
  linkLostAfterMs: 3000,
  /** The writer commits buffered samples this often. */
  flushEveryMs: 1000,
  /** Samples kept in memory while the disk refuses them (a day at 1 Hz). */
  maxPendingSamples: 86_400,
  /** A metric rule looks at this many of the latest measured seconds (Twilio's 3 of the last 5; REFERENCE.md). */
  ruleWindow: 5,
  /** Seconds of the window beyond a limit that open a metric incident. */
  ruleBeyond: 3,
  /** Consecutive seconds back within limits that close a rule incident. */
  recoverAfter: 5,
  /** A microphone silent this long during a live segment opens an incident. */
  micSilentSeconds: 10,
  /** A camera frozen or black this long opens an incident. */
  cameraFrozenSeconds: 5,
  /**
   * A second whose microphone RMS is below this reads 'silent'. The profile's silentPeakDbfs
   * (−80) marks a dead input; a live room's open microphone sits well above −60 (testrtc's
   * error level, REFERENCE.md), so nobody speaking or a muted mixer falls below it.
   */
  micSilentDbfs: -60,
  /**
   * A second above this RMS is shown as too loud: speech that loud clips on its peaks (the
   * device preflight's meter turns amber at the same level). Shown only, never an incident.
   */
  micLoudDbfs: -6,
  /** Seconds the renderer queues while the host is unreachable (an hour at 1 Hz; oldest dropped beyond). */
  rendererQueueSeconds: 3600,
  /** Seconds sent in one live:samples request (the contract's maximum). */
  samplesPerRequest: 120,
  /** Width of the luma frame the camera monitor compares each second (16:9; height follows). */
  cameraLumaWidth: 160,
  /** How often an open event page refreshes its timeline while monitoring. */
  timelineRefreshMs: 5000,
} as const;

/** Figures of one metric over a whole event. */
export interface MetricSummary {
  mean: number;
  p95: number;
  min: number;
  max: number;
}

/** A run-of-show segment as planned and as it went. */
export interface SegmentPlanActual {
  title: string;
  plannedStart: number;
  plannedMinutes: number;
  /** Null: the segment never started. */
  actualStart: number | null;
  actualMinutes: number | null;
}

/** What happened at an event: the event report's figures. */
export interface EventSummary {
  event: LiveEvent;
  samples: number;
  /** Share of the seconds with a MOS that fell in each band (0–1; all zero without MOS). */
  mosBands: Record<MosBand, number>;
  metrics: Record<TimelineMetric, MetricSummary | null>;
  incidents: (Incident & { durationMs: number | null; timeToRecoverMs: number | null })[];
  /** Steps of the event's run of show (and its playbook runs): done, skipped, of all. */
  checklist: { steps: number; done: number; skipped: number } | null;
  runOfShow: SegmentPlanActual[] | null;
  drills: Drill[];
}

import { builtInTemplates } from '../runofshow/builtins';
import { localizedId } from '../runofshow/builtins/bilingual';
import { statusAbove, statusBelow, type Check, type CheckKind, type CheckStatus, type Message } from '../preflight/check';
import { neededDownloadKbps, neededUploadKbps } from '../preflight/network-verdicts';
import type { PreflightRun } from '../preflight/run';
import { historyMetrics, metricValue, runMetricOf, type HistoryMetric } from '../preflight/run-metrics';
import { equipmentTable, type EquipmentRow } from '../profiles/equipment';
import type { Profile } from '../profiles/profile';
import type { Language } from '../settings/settings';
import {
  areaIds,
  priorities,
  type AreaScore,
  type Assessment,
  type AssessmentAnswers,
  type AssessedRoom,
  type CapacityEvaluation,
  type Priority,
  type Recommendation,
  type RecommendationGroup,
} from './assessment';

/** Units the report prints values in; each is translated as `report.units.<unit>`. */
export const reportUnits = ['ms', 'percent', 'mbps', 'kbps', 'dbfs', 'db', 'fps', 'px', 'score', 'count', 'none'] as const;

/** One unit of the report. */
export type ReportUnit = (typeof reportUnits)[number];

/** Unit of every metric the report prints. */
export const metricUnits: Record<string, ReportUnit> = {
  rttMs: 'ms',
  jitterMs: 'ms',
  lossPercent: 'percent',
  mos: 'none',
  uploadMbps: 'mbps',
  downloadMbps: 'mbps',
  relayRequired: 'none',
  speechDbfs: 'dbfs',
  noiseFloorDbfs: 'dbfs',
  snrDb: 'db',
  clippingPercent: 'percent',
  height: 'px',
  fps: 'fps',
  meanLuma: 'none',
  blackFramePercent: 'percent',
  frozenFramePercent: 'percent',
  sharpness: 'none',
  backlightRatio: 'none',
  delayMs: 'ms',
  echoDb: 'db',
  heard: 'none',
  sendBitrateKbps: 'kbps',
  receivedFps: 'fps',
  receivedHeight: 'px',
  freezeCount: 'count',
};

// The few metrics of each check that a reader of the report needs; ratios are shown as percent.
const keyMetricsByKind: Partial<Record<CheckKind, readonly { id: string; from: string; scale?: number }[]>> = {
  network: [
    { id: 'rttMs', from: 'rttMs' },
    { id: 'jitterMs', from: 'jitterMs' },
    { id: 'lossPercent', from: 'lossPercent' },
    { id: 'mos', from: 'mos' },
    { id: 'uploadMbps', from: 'uploadMbps' },
    { id: 'downloadMbps', from: 'downloadMbps' },
    { id: 'relayRequired', from: 'relayRequired' },
  ],
  microphone: [
    { id: 'speechDbfs', from: 'speechDbfs' },
    { id: 'noiseFloorDbfs', from: 'noiseFloorDbfs' },
    { id: 'snrDb', from: 'snrDb' },
    { id: 'clippingPercent', from: 'clippingRatio', scale: 100 },
  ],
  camera: [
    { id: 'height', from: 'height' },
    { id: 'fps', from: 'fps' },
    { id: 'meanLuma', from: 'meanLuma' },
    { id: 'blackFramePercent', from: 'blackFrameRatio', scale: 100 },
    { id: 'frozenFramePercent', from: 'frozenFrameRatio', scale: 100 },
    { id: 'sharpness', from: 'sharpness' },
    { id: 'backlightRatio', from: 'backlightRatio' },
  ],
  'acoustic-loop': [
    { id: 'delayMs', from: 'delayMs' },
    { id: 'echoDb', from: 'echoDb' },
    { id: 'heard', from: 'heard' },
  ],
  sfu: [
    { id: 'sendBitrateKbps', from: 'sendBitrateKbps' },
    { id: 'rttMs', from: 'rttMs' },
    { id: 'lossPercent', from: 'lossPercent' },
    { id: 'jitterMs', from: 'jitterMs' },
    { id: 'receivedFps', from: 'receivedFps' },
    { id: 'receivedHeight', from: 'receivedHeight' },
    { id: 'freezeCount', from: 'freezeCount' },
  ],
};

/** One measured value; status is judged against the run's profile where a limit exists, else null. */
export interface ReportMetric {
  id: string;
  value: number | boolean | null;
  unit: ReportUnit;
  status: CheckStatus | null;
}

/** One check of the preflight run, as the key measurements table shows it. */
export interface ReportCheck {
  kind: CheckKind;
  deviceLabel: string;
  status: CheckStatus;
  summary: Message;
  metrics: ReportMetric[];
}

/** The preflight run the assessment's measurements came from. */
export interface ReportRun {
  id: number;
  profileId: string;
  source: 'app' | 'cli';
  startedAt: number;
  finishedAt: number;
  verdict: CheckStatus;
}

/** A Plan B playbook to rehearse, with its name in each language a built-in has it in (empty: not a built-in). */
export interface ReportPlaybook {
  id: string;
  names: Partial<Record<Language, string>>;
}

/** A recommendation as the report lists it: numbered in reading order (R1, R2, …). */
export interface ReportRecommendation {
  number: number;
  rule: string;
  group: RecommendationGroup;
  priority: Priority;
  message: Message;
  playbooks: ReportPlaybook[];
}

/** A requirement profile as the report names it. */
export interface ReportProfile {
  id: string;
  name: { en: string; ru: string };
}

/** One event type's readiness: status and the reasons for it. */
export interface ReportVerdict {
  profile: string;
  status: CheckStatus;
  reasons: Message[];
}

/** One preflight run in the history: when, under which profile, and its key network metrics. */
export interface HistoryPoint {
  runId: number;
  startedAt: number;
  profileId: string;
  verdict: CheckStatus;
  values: Record<HistoryMetric, number | null>;
}

/**
 * The room assessment report as language-neutral data: numbers, ids and message keys, never
 * words, so one report renders in any language and as HTML, PDF, CSV or JSON alike.
 */
export interface AssessmentReport {
  schema: 'roomready-assessment-report';
  version: 1;
  generatedAt: number;
  room: AssessedRoom;
  assessment: { uid: string; assessedAt: number; assessor: string; origin: 'local' | 'imported'; notes: string };
  run: ReportRun | null;
  /** Every profile, in the order the equipment table's columns follow. */
  profiles: ReportProfile[];
  /** The four areas in framework order; an area the assessment lacks has score null and no parts. */
  areas: AreaScore[];
  overall: number | null;
  verdicts: ReportVerdict[];
  /** The run's checks (empty without a run). */
  measurements: ReportCheck[];
  capacity: CapacityEvaluation;
  /** Ideal equipment by event type: `needs[i]` belongs to `profiles[i]`. */
  equipment: EquipmentRow[];
  /** In report order: connectivity, equipment, space, contingency, scalable, security; must first within each. */
  recommendations: ReportRecommendation[];
  answers: Omit<AssessmentAnswers, 'notes'>;
  /** The room's preflight runs, oldest first (the latest `maxHistoryRuns`). */
  history: HistoryPoint[];
  summary: {
    verdictCounts: Record<CheckStatus, number>;
    priorityCounts: Record<Priority, number>;
    /** Numbers of the recommendations that must be done before the next event. */
    must: number[];
  };
}

/** Where each recommendation group is printed, in reading order. */
export const reportGroupOrder: readonly RecommendationGroup[] = ['connectivity', 'equipment', 'space', 'contingency', 'scalable', 'security'];

/** Most runs the history keeps: enough for a season of events, few enough for one chart. */
export const maxHistoryRuns = 50;

// Per-metric status against the run's profile: only the network figures have limits of their own.
function networkMetricStatus(id: string, value: number, profile: Profile | undefined): CheckStatus | null {
  if (!profile) return null;
  const limits = profile.network;
  const throughput = (neededKbps: number) => statusBelow(value * 1000, { warn: neededKbps, fail: neededKbps * limits.throughputFailRatio });
  switch (id) {
    case 'rttMs':
      return statusAbove(value, limits.maxRttMs);
    case 'jitterMs':
      return statusAbove(value, limits.maxJitterMs);
    case 'lossPercent':
      return statusAbove(value, limits.maxLossPercent);
    case 'mos':
      return statusBelow(value, limits.minMos);
    case 'uploadMbps':
      return throughput(neededUploadKbps(limits));
    case 'downloadMbps':
      return throughput(neededDownloadKbps(limits));
    default:
      return null;
  }
}

function reportCheck(check: Check, profile: Profile | undefined): ReportCheck {
  const metrics = (keyMetricsByKind[check.kind] ?? []).map(({ id, from, scale }): ReportMetric => {
    const raw = check.metrics[from];
    const value = typeof raw === 'number' && Number.isFinite(raw) ? raw * (scale ?? 1) : typeof raw === 'boolean' ? raw : null;
    const status = check.kind === 'network' && typeof value === 'number' ? networkMetricStatus(id, value, profile) : null;
    return { id, value, unit: metricUnits[id] ?? 'none', status };
  });
  return { kind: check.kind, deviceLabel: check.deviceLabel, status: check.status, summary: check.summary, metrics };
}

function historyPoint(run: PreflightRun): HistoryPoint {
  const values = Object.fromEntries(historyMetrics.map((metric) => [metric, metricValue(run, runMetricOf(metric))])) as Record<HistoryMetric, number | null>;
  return { runId: run.id, startedAt: run.startedAt, profileId: run.profileId, verdict: run.verdict, values };
}

function history(runs: readonly PreflightRun[], assessed: PreflightRun | null): HistoryPoint[] {
  // An imported assessment's run is not among the local runs; the history still shows it.
  const all = assessed && !runs.some((run) => run.id === assessed.id && run.startedAt === assessed.startedAt) ? [...runs, assessed] : [...runs];
  return all
    .sort((a, b) => a.startedAt - b.startedAt || a.id - b.id)
    .slice(-maxHistoryRuns)
    .map(historyPoint);
}

const playbookNames = (id: string): ReportPlaybook => {
  const names: Partial<Record<Language, string>> = {};
  for (const language of ['en', 'ru'] as const) {
    const template = builtInTemplates.find((candidate) => candidate.kind === 'playbook' && candidate.id === localizedId(id, language));
    if (template) names[language] = template.name;
  }
  return { id, names };
};

const priorityRank = (priority: Priority) => priorities.indexOf(priority);

function orderedRecommendations(recommendations: readonly Recommendation[]): ReportRecommendation[] {
  return [...recommendations]
    .sort((a, b) => reportGroupOrder.indexOf(a.group) - reportGroupOrder.indexOf(b.group) || priorityRank(a.priority) - priorityRank(b.priority))
    .map((recommendation, index) => ({
      number: index + 1,
      rule: recommendation.rule,
      group: recommendation.group,
      priority: recommendation.priority,
      message: recommendation.message,
      playbooks: recommendation.playbooks.map(playbookNames),
    }));
}

function counts<T extends string>(keys: readonly T[], values: readonly T[]): Record<T, number> {
  return Object.fromEntries(keys.map((key) => [key, values.filter((value) => value === key).length])) as Record<T, number>;
}

/** Gathers everything every section of the report prints from an assessment, the room's runs and the profiles. */
export function buildAssessmentReport(input: {
  assessment: Assessment;
  history: readonly PreflightRun[];
  profiles: readonly Profile[];
  generatedAt: number;
}): AssessmentReport {
  const { assessment, profiles } = input;
  const { result, run } = assessment;
  const runProfile = run ? profiles.find((profile) => profile.id === run.profileId) : undefined;
  const recommendations = orderedRecommendations(result.recommendations);
  const { notes, ...answers } = assessment.answers;
  const verdicts = result.verdicts.map(({ profile, status, reasons }) => ({ profile, status, reasons }));
  return {
    schema: 'roomready-assessment-report',
    version: 1,
    generatedAt: input.generatedAt,
    room: assessment.room,
    assessment: { uid: assessment.uid, assessedAt: assessment.assessedAt, assessor: assessment.assessor, origin: assessment.origin, notes },
    run: run ? { id: run.id, profileId: run.profileId, source: run.source, startedAt: run.startedAt, finishedAt: run.finishedAt, verdict: run.verdict } : null,
    profiles: profiles.map((profile) => ({ id: profile.id, name: { en: profile.name.en, ru: profile.name.ru } })),
    areas: areaIds.map((area) => result.scores.find((score) => score.area === area) ?? { area, score: null, parts: [] }),
    overall: result.overall,
    verdicts,
    measurements: run ? run.checks.map((check) => reportCheck(check, runProfile)) : [],
    capacity: result.capacity,
    equipment: equipmentTable(profiles),
    recommendations,
    answers,
    history: history(input.history, run),
    summary: {
      verdictCounts: counts(['pass', 'warn', 'fail'], verdicts.map((verdict) => verdict.status)),
      priorityCounts: counts(priorities, recommendations.map((recommendation) => recommendation.priority)),
      must: recommendations.filter((recommendation) => recommendation.priority === 'must').map((recommendation) => recommendation.number),
    },
  };
}

const secretName = /token|password|passwd|secret|credential/i;

/** The report as pretty JSON; any field named like a secret is dropped, whatever carried it in. */
export function reportJson(report: AssessmentReport): string {
  return `${JSON.stringify(report, (name, value: unknown) => (name !== '' && secretName.test(name) ? undefined : value), 2)}\n`;
}

/** A profile's name in `language`, or its id when the report does not know the profile. */
export function profileName(report: AssessmentReport, id: string, language: Language): string {
  return report.profiles.find((profile) => profile.id === id)?.name[language] ?? id;
}

/** A playbook's name in `language`, else in English, else its id. */
export function playbookName(playbook: ReportPlaybook, language: Language): string {
  return playbook.names[language] ?? playbook.names.en ?? playbook.id;
}

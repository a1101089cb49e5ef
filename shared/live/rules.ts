import type { NetworkLimits } from '../profiles/profile';
import { monitorConfig, type Incident, type IncidentRule, type Severity, type StoredSample } from './live';

/** What the rules need beyond the sample itself. */
export interface RuleContext {
  limits: NetworkLimits;
  /** a run-of-show segment is live now */
  liveSegment: boolean;
}

/** The rules that samples open; manual incidents are opened by people. */
export type SampleRule = Exclude<IncidentRule, 'manual'>;

/** How far one measured value is from the profile's limits. */
export type Level = 'within' | 'warn' | 'fail';

/** One rule's memory between samples. */
export interface RuleTrack {
  open: boolean;
  /** Metric rules: levels of the latest measured seconds, oldest first (at most monitorConfig.ruleWindow). */
  recent: Level[];
  /** Device and link rules: consecutive seconds of trouble so far. */
  troubleSeconds: number;
  /** While open: consecutive seconds back within limits, and the first of them. */
  goodSeconds: number;
  goodSince: number | null;
}

/** Everything the rules remember between samples; plain JSON, so it survives a restart. */
export interface RuleState {
  /** The last sample taken; samples at or before it are ignored (replays, duplicates). */
  lastAt: number | null;
  rules: Record<SampleRule, RuleTrack>;
}

/** An incident a sample opened. */
export interface OpenedIncident {
  rule: IncidentRule;
  severity: Severity;
  startedAt: number;
  snapshot: Incident['snapshot'];
}

/** An incident whose metrics came back within limits (or whose monitoring stopped). */
export interface ClosedIncident {
  rule: IncidentRule;
  endedAt: number;
}

/** The order rules are evaluated and reported in: link-lost first, as it silences the metric rules. */
export const sampleRules = ['link-lost', 'rtt-high', 'jitter-high', 'loss-high', 'mos-low', 'mic-silent', 'camera-lost', 'camera-frozen'] as const satisfies readonly SampleRule[];

/** The rules that judge a network metric against the profile's limits. */
export type MetricRule = 'rtt-high' | 'jitter-high' | 'loss-high' | 'mos-low';

const metricRules: readonly MetricRule[] = ['rtt-high', 'jitter-high', 'loss-high', 'mos-low'];

const emptyTrack = (): RuleTrack => ({ open: false, recent: [], troubleSeconds: 0, goodSeconds: 0, goodSince: null });

/** Rule state before the first sample. */
export function initialRuleState(): RuleState {
  return { lastAt: null, rules: Object.fromEntries(sampleRules.map((rule) => [rule, emptyTrack()])) as Record<SampleRule, RuleTrack> };
}

// Above the band is bad for RTT, jitter and loss; below it is bad for MOS.
function levelAbove(value: number | null, band: { warn: number; fail: number }): Level | null {
  if (value === null) return null;
  return value > band.fail ? 'fail' : value > band.warn ? 'warn' : 'within';
}

function levelBelow(value: number | null, band: { warn: number; fail: number }): Level | null {
  if (value === null) return null;
  return value < band.fail ? 'fail' : value < band.warn ? 'warn' : 'within';
}

/** The level of one sample for a metric rule; null when that metric was not measured. */
export function metricLevel(rule: MetricRule, sample: StoredSample, limits: NetworkLimits): Level | null {
  switch (rule) {
    case 'rtt-high':
      return levelAbove(sample.rttMs, limits.maxRttMs);
    case 'jitter-high':
      return levelAbove(sample.jitterMs, limits.maxJitterMs);
    case 'loss-high':
      return levelAbove(sample.lossPercent, limits.maxLossPercent);
    case 'mos-low':
      return levelBelow(sample.mos, limits.minMos);
  }
}

/**
 * What one second says to a device or link rule: null (not watched), good (within limits),
 * or not good with, when it counts towards opening, the severity and the seconds it must last.
 */
type Observation = null | { good: true } | { good: false; trouble: { severity: Severity; seconds: number } | null };

const good = { good: true } as const;
const trouble = (severity: Severity, seconds: number) => ({ good: false, trouble: { severity, seconds } }) as const;
// Not good enough to recover, yet not the trouble the rule counts (e.g. silence outside a live segment).
const notGood = { good: false, trouble: null } as const;

function observe(rule: Exclude<SampleRule, MetricRule>, sample: StoredSample, context: RuleContext): Observation {
  switch (rule) {
    case 'link-lost':
      return sample.linkUp === null ? null : sample.linkUp ? good : trouble('critical', 1);
    case 'mic-silent':
      if (sample.micState === null) return null;
      if (sample.micState === 'ok') return good;
      if (sample.micState === 'lost') return trouble('critical', 1);
      return context.liveSegment ? trouble('warn', monitorConfig.micSilentSeconds) : notGood;
    case 'camera-lost':
      if (sample.cameraState === null) return null;
      return sample.cameraState === 'lost' ? trouble('critical', 1) : good;
    case 'camera-frozen':
      if (sample.cameraState === null) return null;
      if (sample.cameraState === 'ok') return good;
      return sample.cameraState === 'lost' ? notGood : trouble('warn', monitorConfig.cameraFrozenSeconds);
  }
}

/** The metrics of a sample, as an incident's snapshot. */
export function snapshotOf(sample: StoredSample): Incident['snapshot'] {
  return {
    at: sample.at,
    rttMs: sample.rttMs,
    jitterMs: sample.jitterMs,
    lossPercent: sample.lossPercent,
    mos: sample.mos,
    linkUp: sample.linkUp,
    micDbfs: sample.micDbfs,
    micState: sample.micState,
    fps: sample.fps,
    cameraState: sample.cameraState,
    cpuPercent: sample.cpuPercent,
    memoryPercent: sample.memoryPercent,
    interfacesChanged: sample.interfacesChanged,
    drill: sample.drill,
  };
}

interface Step {
  track: RuleTrack;
  opened: Severity | null;
  /** When set, the incident closed: the first second of the recovery streak. */
  closedAt: number | null;
}

// While open, a rule counts consecutive good seconds; a bad one starts the count again.
function recover(track: RuleTrack, isGood: boolean, at: number): Step {
  if (!isGood) return { track: { ...track, goodSeconds: 0, goodSince: null }, opened: null, closedAt: null };
  const goodSince = track.goodSince ?? at;
  const goodSeconds = track.goodSeconds + 1;
  if (goodSeconds >= monitorConfig.recoverAfter) return { track: emptyTrack(), opened: null, closedAt: goodSince };
  return { track: { ...track, goodSeconds, goodSince }, opened: null, closedAt: null };
}

function stepMetric(track: RuleTrack, level: Level | null, suppressed: boolean, at: number): Step {
  if (track.open) return level === null ? { track, opened: null, closedAt: null } : recover(track, level === 'within', at);
  // The link-lost incident covers a dead link; seconds from it would open a second incident for the same outage.
  if (suppressed) return { track: { ...track, recent: [] }, opened: null, closedAt: null };
  if (level === null) return { track, opened: null, closedAt: null };
  const recent = [...track.recent, level].slice(-monitorConfig.ruleWindow);
  const beyond = recent.filter((entry) => entry !== 'within').length;
  if (beyond < monitorConfig.ruleBeyond) return { track: { ...track, recent }, opened: null, closedAt: null };
  const failing = recent.filter((entry) => entry === 'fail').length;
  return { track: { ...emptyTrack(), open: true }, opened: failing >= monitorConfig.ruleBeyond ? 'critical' : 'warn', closedAt: null };
}

function stepDevice(track: RuleTrack, observation: Observation, at: number): Step {
  if (observation === null) return { track, opened: null, closedAt: null };
  if (track.open) return recover(track, observation.good, at);
  if (observation.good || observation.trouble === null) return { track: { ...track, troubleSeconds: 0 }, opened: null, closedAt: null };
  const troubleSeconds = track.troubleSeconds + 1;
  if (troubleSeconds < observation.trouble.seconds) return { track: { ...track, troubleSeconds }, opened: null, closedAt: null };
  return { track: { ...emptyTrack(), open: true }, opened: observation.trouble.severity, closedAt: null };
}

/**
 * Feeds one second to every rule. A rule opens at most one incident at a time, its severity
 * fixed when it opens (a warn incident that gets worse stays warn: one banner, not a second).
 * - RTT, jitter, loss, MOS: opens when ruleBeyond of the last ruleWindow measured seconds are
 *   beyond the profile's warn limit, critical when that many are beyond the fail limit.
 *   Unmeasured (null) seconds are skipped: they neither fill the window nor break a recovery.
 *   While the link is down or its incident open, these rules do not open and forget their window.
 * - link-lost, mic lost, camera lost: open at once, critical.
 * - mic-silent: silent for micSilentSeconds in a row during a live segment (warn).
 * - camera-frozen: frozen or black for cameraFrozenSeconds in a row (warn).
 * Every rule closes after recoverAfter consecutive good seconds; the incident ends at the first
 * of them, so its duration is the time to recover.
 */
export function stepRules(state: RuleState, sample: StoredSample, context: RuleContext): { state: RuleState; opened: OpenedIncident[]; closed: ClosedIncident[] } {
  if (state.lastAt !== null && sample.at <= state.lastAt) return { state, opened: [], closed: [] };
  const rules = { ...state.rules };
  const opened: OpenedIncident[] = [];
  const closed: ClosedIncident[] = [];
  const apply = (rule: SampleRule, step: Step) => {
    rules[rule] = step.track;
    if (step.opened !== null) opened.push({ rule, severity: step.opened, startedAt: sample.at, snapshot: snapshotOf(sample) });
    if (step.closedAt !== null) closed.push({ rule, endedAt: step.closedAt });
  };

  apply('link-lost', stepDevice(rules['link-lost'], observe('link-lost', sample, context), sample.at));
  const linkDown = sample.linkUp === false || rules['link-lost'].open;
  for (const rule of metricRules) apply(rule, stepMetric(rules[rule], metricLevel(rule, sample, context.limits), linkDown, sample.at));
  for (const rule of ['mic-silent', 'camera-lost', 'camera-frozen'] as const) apply(rule, stepDevice(rules[rule], observe(rule, sample, context), sample.at));

  return { state: { lastAt: sample.at, rules }, opened, closed };
}

/** Closes every open rule incident at `at` (monitoring stopped); start again from initialRuleState(). */
export function endAll(state: RuleState, at: number): ClosedIncident[] {
  return sampleRules.filter((rule) => state.rules[rule].open).map((rule) => ({ rule, endedAt: at }));
}

/** The rules with an incident open now. */
export function openRules(state: RuleState): SampleRule[] {
  return sampleRules.filter((rule) => state.rules[rule].open);
}

import type { Check, CheckStatus, Message } from '../preflight/check';
import { neededUploadKbps } from '../preflight/network-verdicts';
import { playbookSources } from '../runofshow/builtins/playbooks';
import type { Answer, AreaId, AreaScore, AssessmentInput, Priority, Recommendation, RecommendationGroup } from './assessment';
import { largeAudience, measuredKbps, streamsCarried, tallestSendHeight } from './capacity';
import { demands, metricBoolean, metricNumber, readableMbps, roomChecks, strictestBand, yardstick, type RoomChecks } from './scores';

/** One rule of the recommendation table: it looks at an assessment's input and gives advice or nothing. */
export interface RecommendationRule {
  /** Stable id; the advice's text is under `assessment.recommendations.<id>` (variants add a suffix). */
  id: string;
  group: RecommendationGroup;
  fires(input: AssessmentInput): Recommendation | null;
}

type Values = NonNullable<Message['values']>;

interface Advice {
  priority: Priority;
  /** Suffix of the message key for a variant of the rule's advice (e.g. `-confirm`). */
  variant?: string;
  values?: Values;
  playbooks?: readonly string[];
}

/** Builds a rule whose `fires` turns the advice `judge` gives (or null) into a Recommendation. */
function rule(id: string, group: RecommendationGroup, judge: (input: AssessmentInput, checks: RoomChecks) => Advice | null): RecommendationRule {
  return {
    id,
    group,
    fires(input) {
      const advice = judge(input, roomChecks(input.run));
      if (!advice) return null;
      const message: Message = { key: `assessment.recommendations.${id}${advice.variant ?? ''}` };
      if (advice.values) message.values = advice.values;
      return { rule: id, group, priority: advice.priority, message, playbooks: [...(advice.playbooks ?? [])] };
    },
  };
}

// A finding at the fail level blocks the event that limit belongs to; a warning is worth fixing soon.
const byLevel = (failed: boolean): Priority => (failed ? 'must' : 'should');

/** Advice for a yes/no question: a "no" gets `onNo`, an unknown one a "could" to confirm it. */
function answered(answer: Answer, onNo: Priority, values?: Values): Advice | null {
  if (answer === 'no') return { priority: onNo, values };
  return answer === 'unknown' ? { priority: 'could', variant: '-confirm', values } : null;
}

const isCaptureFailure = (check: Check | null) => check !== null && check.status === 'fail' && typeof check.metrics.failure === 'string';
const hasProblem = (check: Check | null) => check !== null && check.status !== 'pass';
const oneDecimal = (value: number) => Math.round(value * 10) / 10;

/** Brand names are not language: they read the same in every translation (a person's own endpoints keep their platform id). */
const platformNames: Record<string, string> = { zoom: 'Zoom', teams: 'Microsoft Teams', webex: 'Webex' };

function echoProblem(input: AssessmentInput, checks: RoomChecks): { echo: number; failed: boolean } | null {
  const echo = metricNumber(checks.loop, 'echoDb');
  if (echo === null || metricBoolean(checks.loop, 'heard') !== true) return null;
  const band = strictestBand(input.profiles, (profile) => profile.devices.acousticLoop.maxEchoDb, 'above');
  return echo > band.warn ? { echo: oneDecimal(echo), failed: echo > band.fail } : null;
}

/** Microphone figures of a working microphone (null when none worked). */
function microphoneFigures(checks: RoomChecks): { snr: number; speech: number; noise: number } | null {
  const snr = metricNumber(checks.microphone, 'snrDb');
  const speech = metricNumber(checks.microphone, 'speechDbfs');
  const noise = metricNumber(checks.microphone, 'noiseFloorDbfs');
  if (snr === null || speech === null || noise === null || metricBoolean(checks.microphone, 'silent') === true) return null;
  return { snr: oneDecimal(snr), speech: oneDecimal(speech), noise: oneDecimal(noise) };
}

/** Advice when a camera metric crosses the strictest band of the profiles. */
function cameraLimit(
  input: AssessmentInput,
  checks: RoomChecks,
  metric: string,
  band: (camera: AssessmentInput['profiles'][number]['devices']['camera']) => { warn: number; fail: number },
  direction: 'below' | 'above',
  valueName: string,
): Advice | null {
  const value = metricNumber(checks.camera, metric);
  if (value === null) return null;
  const limits = strictestBand(input.profiles, (profile) => band(profile.devices.camera), direction);
  const beyond = (limit: number) => (direction === 'below' ? value < limit : value > limit);
  return beyond(limits.warn) ? { priority: byLevel(beyond(limits.fail)), values: { [valueName]: oneDecimal(value) } } : null;
}

/** Jitter and loss of the link (the ping test, else the media-server call), and how far past the limits they are. */
function linkQuality(input: AssessmentInput, checks: RoomChecks): { jitter: number; loss: number; status: CheckStatus } | null {
  const fromCheck = (check: Check | null) => {
    const jitter = metricNumber(check, 'jitterMs');
    const loss = metricNumber(check, 'lossPercent');
    return jitter === null || loss === null ? null : { jitter, loss };
  };
  const figures = fromCheck(checks.network) ?? fromCheck(checks.sfu);
  if (!figures) return null;
  const jitterBand = strictestBand(input.profiles, (profile) => profile.network.maxJitterMs, 'above');
  const lossBand = strictestBand(input.profiles, (profile) => profile.network.maxLossPercent, 'above');
  const failed = figures.jitter > jitterBand.fail || figures.loss > lossBand.fail;
  const warned = figures.jitter > jitterBand.warn || figures.loss > lossBand.warn;
  return { jitter: oneDecimal(figures.jitter), loss: oneDecimal(figures.loss), status: failed ? 'fail' : warned ? 'warn' : 'pass' };
}

/** Download streams carried at the most demanding receive height, against the streams it needs (null: not measured). */
function downloadShortfall(input: AssessmentInput, checks: RoomChecks): Values | null {
  const download = metricNumber(checks.network, 'downloadMbps');
  if (download === null) return null;
  const need = demands(input.profiles);
  const carried = streamsCarried(measuredKbps(download), need.audioKbps).find((entry) => entry.height === need.receiveHeight)?.streams ?? 0;
  return carried < need.receiveStreams ? { download: readableMbps(download), height: need.receiveHeight, streams: carried, needed: need.receiveStreams } : null;
}

/** Every built-in Plan B playbook id, for a room that has rehearsed none. */
const allPlaybooks = playbookSources.map((source) => source.id).slice(0, 10);

/** The recommendation table: every rule, in the order the report lists equal advice. */
export const recommendationRules: readonly RecommendationRule[] = [
  // Ideal equipment: what the measured devices show is missing or not good enough.
  rule('equipment.camera-missing', 'equipment', (_input, checks) => (isCaptureFailure(checks.camera) ? { priority: 'must' } : null)),
  rule('equipment.camera-resolution', 'equipment', (input, checks) => {
    const height = metricNumber(checks.camera, 'height');
    if (height === null) return null;
    const band = strictestBand(input.profiles, (profile) => profile.devices.camera.minHeight, 'below');
    return height < band.warn ? { priority: byLevel(height < band.fail), values: { height, needed: band.warn } } : null;
  }),
  rule('equipment.microphone-missing', 'equipment', (_input, checks) =>
    isCaptureFailure(checks.microphone) || metricBoolean(checks.microphone, 'silent') === true ? { priority: 'must' } : null,
  ),
  rule('equipment.microphone-quality', 'equipment', (input, checks) => {
    const figures = microphoneFigures(checks);
    if (!figures) return null;
    const snr = strictestBand(input.profiles, (profile) => profile.devices.microphone.minSnrDb, 'below');
    const speech = strictestBand(input.profiles, (profile) => profile.devices.microphone.minSpeechDbfs, 'below');
    const noise = strictestBand(input.profiles, (profile) => profile.devices.microphone.maxNoiseFloorDbfs, 'above');
    const warned = figures.snr < snr.warn || figures.speech < speech.warn || figures.noise > noise.warn;
    const failed = figures.snr < snr.fail || figures.speech < speech.fail || figures.noise > noise.fail;
    return warned ? { priority: byLevel(failed), values: figures } : null;
  }),
  rule('equipment.echo-speakerphone', 'equipment', (input, checks) => {
    const problem = echoProblem(input, checks);
    return problem ? { priority: byLevel(problem.failed), values: { echo: problem.echo } } : null;
  }),
  rule('equipment.speaker', 'equipment', (_input, checks) => {
    if (isCaptureFailure(checks.speaker)) return { priority: 'must', variant: '-failed' };
    return metricBoolean(checks.loop, 'heard') === false ? { priority: 'should', variant: '-not-heard' } : null;
  }),

  // Optimising the event space: light, picture and acoustics.
  rule('space.dark', 'space', (input, checks) => cameraLimit(input, checks, 'meanLuma', (camera) => camera.minMeanLuma, 'below', 'luma')),
  rule('space.bright', 'space', (input, checks) => cameraLimit(input, checks, 'meanLuma', (camera) => camera.maxMeanLuma, 'above', 'luma')),
  rule('space.backlight', 'space', (input, checks) => cameraLimit(input, checks, 'backlightRatio', (camera) => camera.maxBacklightRatio, 'above', 'ratio')),
  rule('space.sharpness', 'space', (input, checks) => cameraLimit(input, checks, 'sharpness', (camera) => camera.minSharpness, 'below', 'sharpness')),
  rule('space.lighting-control', 'space', (input) => (input.answers.controllableLighting === 'no' ? { priority: 'could' } : null)),
  rule('space.noise', 'space', (input, checks) => {
    const figures = microphoneFigures(checks);
    if (!figures) return null;
    const band = strictestBand(input.profiles, (profile) => profile.devices.microphone.maxNoiseFloorDbfs, 'above');
    return figures.noise > band.warn ? { priority: byLevel(figures.noise > band.fail), values: { noise: figures.noise } } : null;
  }),
  rule('space.mic-placement', 'space', (input, checks) => {
    const figures = microphoneFigures(checks);
    if (!figures) return null;
    const band = strictestBand(input.profiles, (profile) => profile.devices.microphone.minSpeechDbfs, 'below');
    return figures.speech < band.warn ? { priority: byLevel(figures.speech < band.fail), values: { speech: figures.speech } } : null;
  }),
  rule('space.echo-treatment', 'space', (input, checks) => {
    const problem = echoProblem(input, checks);
    return problem ? { priority: byLevel(problem.failed), values: { echo: problem.echo } } : null;
  }),
  // Only when no echo was measured: a measured echo already asks for treatment, with its figure.
  rule('space.acoustic-treatment', 'space', (input, checks) =>
    input.answers.acousticTreatment === 'no' && !echoProblem(input, checks) ? { priority: 'could' } : null,
  ),
  rule('space.seats', 'space', (input) => {
    const { onSiteParticipants: onSite } = input.answers;
    const seats = input.room.capacity;
    return onSite !== null && seats !== null && onSite > seats ? { priority: 'must', values: { onSite, seats } } : null;
  }),

  // Connectivity.
  rule('connectivity.wired-link', 'connectivity', (input) => answered(input.answers.wiredLink, 'should')),
  rule('connectivity.turn-tls', 'connectivity', (_input, checks) => (metricBoolean(checks.network, 'relayRequired') === true ? { priority: 'should' } : null)),
  rule('connectivity.qos', 'connectivity', (input, checks) => {
    const quality = linkQuality(input, checks);
    return quality && quality.status !== 'pass' ? { priority: byLevel(quality.status === 'fail'), values: { jitter: quality.jitter, loss: quality.loss } } : null;
  }),
  rule('connectivity.backup-link', 'connectivity', (input) => answered(input.answers.backupLink, 'should')),
  rule('connectivity.upload-short', 'connectivity', (input, checks) => {
    const upload = metricNumber(checks.network, 'uploadMbps');
    if (upload === null) return null;
    const kbps = measuredKbps(upload);
    const short = yardstick(input.profiles).filter((profile) => kbps < neededUploadKbps(profile.network));
    if (short.length === 0) return null;
    const need = demands(input.profiles);
    const failed = short.some((profile) => kbps < neededUploadKbps(profile.network) * profile.network.throughputFailRatio);
    const fallback = tallestSendHeight(kbps, need.audioKbps);
    const values = { upload: readableMbps(upload), needed: readableMbps(need.uploadKbps / 1000), height: need.sendHeight };
    return { priority: byLevel(failed), variant: fallback === 0 ? '-audio' : '', values: fallback === 0 ? values : { ...values, fallback } };
  }),
  rule('connectivity.platform-blocked', 'connectivity', (_input, checks) => {
    if (!checks.reachability) return null;
    const reach = Object.entries(checks.reachability.metrics).filter(([, value]) => value === 'blocked' || value === 'partial');
    if (reach.length === 0) return null;
    const platforms = reach.map(([platform]) => platformNames[platform] ?? platform).join(', ');
    return { priority: byLevel(reach.some(([, value]) => value === 'blocked')), values: { platforms } };
  }),

  // Contingency: which Plan B playbooks to rehearse.
  rule('contingency.link', 'contingency', (input, checks) =>
    hasProblem(checks.network) || checks.sfu?.status === 'fail' || input.answers.backupLink === 'no' ? { priority: 'should', playbooks: ['plan-b-link-down'] } : null,
  ),
  rule('contingency.platform', 'contingency', (_input, checks) => (hasProblem(checks.reachability) ? { priority: 'should', playbooks: ['plan-b-platform-outage'] } : null)),
  rule('contingency.audio', 'contingency', (_input, checks) => (hasProblem(checks.microphone) ? { priority: 'should', playbooks: ['plan-b-presenter-audio-lost'] } : null)),
  rule('contingency.camera', 'contingency', (_input, checks) => (hasProblem(checks.camera) ? { priority: 'should', playbooks: ['plan-b-camera-lost'] } : null)),
  rule('contingency.power', 'contingency', (input) => {
    const advice = answered(input.answers.upsPower, 'should');
    return advice && { ...advice, playbooks: ['plan-b-power-cut'] };
  }),
  rule('contingency.rehearse', 'contingency', (input) => {
    const advice = answered(input.answers.planBRehearsed, 'should', { count: allPlaybooks.length });
    return advice && { ...advice, playbooks: allPlaybooks };
  }),

  // On-demand scalable infrastructure.
  rule('scalable.overflow', 'scalable', (input) => {
    const { remoteParticipants: remote, scalablePlatform } = input.answers;
    const large = remote !== null && remote > largeAudience;
    if (large && scalablePlatform !== 'yes') return { priority: scalablePlatform === 'no' ? 'must' : 'should', values: { remote, limit: largeAudience } };
    return scalablePlatform === 'no' ? { priority: 'could', variant: '-platform' } : null;
  }),
  rule('scalable.cloud-streaming', 'scalable', (input, checks) => {
    const shortfall = downloadShortfall(input, checks);
    return shortfall ? { priority: 'should', values: shortfall } : null;
  }),

  // Data security and risks.
  rule('security.passcodes', 'security', (input) => answered(input.answers.passcodes, 'should')),
  rule('security.waiting-room', 'security', (input) => answered(input.answers.waitingRoom, 'should')),
  rule('security.updates', 'security', (input) => answered(input.answers.updatesCurrent, 'should')),
  rule('security.recording-consent', 'security', (input) => answered(input.answers.recordingConsent, 'must')),
];

const priorityRank: Record<Priority, number> = { must: 0, should: 1, could: 2 };

/** The area whose score a group's advice would raise: advice for the weakest area comes first among equals. */
const areaOfGroup: Record<RecommendationGroup, AreaId> = {
  equipment: 'infrastructure',
  space: 'collaboration',
  connectivity: 'connectivity',
  contingency: 'infrastructure',
  scalable: 'delivery',
  security: 'infrastructure',
};

/**
 * Every recommendation the rules give for an assessment: must before should before could; among
 * equals, advice for the lower-scoring area first (unscored areas last), then in table order.
 */
export function recommend(input: AssessmentInput, scores: readonly AreaScore[]): Recommendation[] {
  const scoreOf = (group: RecommendationGroup) => scores.find((entry) => entry.area === areaOfGroup[group])?.score ?? Number.POSITIVE_INFINITY;
  return recommendationRules
    .map((entry, order) => ({ recommendation: entry.fires(input), order }))
    .flatMap(({ recommendation, order }) => (recommendation ? [{ recommendation, order }] : []))
    .sort(
      (a, b) =>
        priorityRank[a.recommendation.priority] - priorityRank[b.recommendation.priority] ||
        scoreOf(a.recommendation.group) - scoreOf(b.recommendation.group) ||
        a.order - b.order,
    )
    .map(({ recommendation }) => recommendation)
    .slice(0, 100);
}

/** The i18n key of a recommendation group's heading. */
export function groupNameKey(group: RecommendationGroup): string {
  return `assessment.groups.${group}`;
}

/** The i18n key of a priority's name. */
export function priorityNameKey(priority: Priority): string {
  return `assessment.priorities.${priority}`;
}

import { describe, expect, it } from 'vitest';
import { recommendationGroups, recommendationSchema, type AreaScore, type AssessmentAnswers, type AssessmentInput, type Priority } from '../../../shared/assessment/assessment';
import { recommend, recommendationRules } from '../../../shared/assessment/recommendations';
import { scoreAreas } from '../../../shared/assessment/scores';
import type { Message } from '../../../shared/preflight/check';
import { playbookSources } from '../../../shared/runofshow/builtins/playbooks';
import { expectInBothLanguages, expectPlaceholdersFilled } from '../preflight/translated-messages';
import { allYes, answersWith, checkOf, inputWith, runOnly, runWith, type RunParts } from './fixtures';

/** A healthy room with every question answered yes, with the given changes. */
const input = (parts: RunParts = {}, answers: Partial<AssessmentAnswers> = {}, fields: Partial<AssessmentInput> = {}): AssessmentInput =>
  inputWith({ run: runWith(parts), answers: answersWith({ ...allYes, ...answers }), ...fields });

interface Fires {
  input: AssessmentInput;
  priority: Priority;
  /** The message key's suffix after the rule id ('' for the main advice). */
  variant?: string;
  values?: Message['values'];
  playbooks?: string[];
}

const allPlaybooks = playbookSources.map((source) => source.id);

// Boundary values sit exactly on a limit: a limit is crossed only beyond it, as the checks judge.
const cases: Record<string, { fires: Fires[]; silent: AssessmentInput[] }> = {
  'equipment.camera-missing': {
    fires: [{ input: input({ camera: null, extra: [checkOf('camera', { failure: 'no-device' }, 'fail')] }), priority: 'must' }],
    silent: [input({ status: { camera: 'fail' } }), input({ camera: null })],
  },
  'equipment.camera-resolution': {
    fires: [
      { input: input({ camera: { height: 480 } }), priority: 'must', values: { height: 480, needed: 1080 } },
      { input: input({ camera: { height: 720 } }), priority: 'should', values: { height: 720, needed: 1080 } },
    ],
    silent: [input({ camera: { height: 1080 } })],
  },
  'equipment.microphone-missing': {
    fires: [
      { input: input({ microphone: { silent: true } }), priority: 'must' },
      { input: input({ microphone: null, extra: [checkOf('microphone', { failure: 'permission-denied' }, 'fail')] }), priority: 'must' },
    ],
    silent: [input({ status: { microphone: 'fail' } })],
  },
  'equipment.microphone-quality': {
    fires: [
      { input: input({ microphone: { snrDb: 15 } }), priority: 'should', values: { snr: 15, speech: -20, noise: -60 } },
      { input: input({ microphone: { noiseFloorDbfs: -30, snrDb: 25 } }), priority: 'must', values: { snr: 25, speech: -20, noise: -30 } },
    ],
    silent: [input({ microphone: { snrDb: 20, speechDbfs: -40, noiseFloorDbfs: -50 } }), input({ microphone: { silent: true, snrDb: 0 } })],
  },
  'equipment.echo-speakerphone': {
    fires: [
      { input: input({ 'acoustic-loop': { echoDb: -15 } }), priority: 'should', values: { echo: -15 } },
      { input: input({ 'acoustic-loop': { echoDb: -5 } }), priority: 'must', values: { echo: -5 } },
    ],
    silent: [input({ 'acoustic-loop': { echoDb: -20 } }), input({ 'acoustic-loop': { echoDb: -5, heard: false } })],
  },
  'equipment.speaker': {
    fires: [
      { input: input({ speaker: null, extra: [checkOf('speaker', { failure: 'device-lost' }, 'fail')] }), priority: 'must', variant: '-failed' },
      { input: input({ 'acoustic-loop': { heard: false } }), priority: 'should', variant: '-not-heard' },
    ],
    silent: [input(), input({ speaker: null, 'acoustic-loop': null })],
  },
  'space.dark': {
    fires: [
      { input: input({ camera: { meanLuma: 50 } }), priority: 'should', values: { luma: 50 } },
      { input: input({ camera: { meanLuma: 20 } }), priority: 'must', values: { luma: 20 } },
    ],
    silent: [input({ camera: { meanLuma: 70 } })],
  },
  'space.bright': {
    fires: [
      { input: input({ camera: { meanLuma: 200 } }), priority: 'should', values: { luma: 200 } },
      { input: input({ camera: { meanLuma: 240 } }), priority: 'must', values: { luma: 240 } },
    ],
    silent: [input({ camera: { meanLuma: 190 } })],
  },
  'space.backlight': {
    fires: [
      { input: input({ camera: { backlightRatio: 2 } }), priority: 'should', values: { ratio: 2 } },
      { input: input({ camera: { backlightRatio: 3.14 } }), priority: 'must', values: { ratio: 3.1 } },
    ],
    silent: [input({ camera: { backlightRatio: 1.5 } })],
  },
  'space.sharpness': {
    fires: [{ input: input({ camera: { sharpness: 0.2 } }), priority: 'should', values: { sharpness: 0.2 } }],
    silent: [input({ camera: { sharpness: 0.3 } })],
  },
  'space.lighting-control': {
    fires: [{ input: input({}, { controllableLighting: 'no' }), priority: 'could' }],
    silent: [input({}, { controllableLighting: 'unknown' })],
  },
  'space.noise': {
    fires: [
      { input: input({ microphone: { noiseFloorDbfs: -45 } }), priority: 'should', values: { noise: -45 } },
      { input: input({ microphone: { noiseFloorDbfs: -30 } }), priority: 'must', values: { noise: -30 } },
    ],
    silent: [input({ microphone: { noiseFloorDbfs: -50 } })],
  },
  'space.mic-placement': {
    fires: [
      { input: input({ microphone: { speechDbfs: -45 } }), priority: 'should', values: { speech: -45 } },
      { input: input({ microphone: { speechDbfs: -65 } }), priority: 'must', values: { speech: -65 } },
    ],
    silent: [input({ microphone: { speechDbfs: -40 } })],
  },
  'space.echo-treatment': {
    fires: [{ input: input({ 'acoustic-loop': { echoDb: -15 } }), priority: 'should', values: { echo: -15 } }],
    silent: [input({ 'acoustic-loop': { echoDb: -20 } }, { acousticTreatment: 'no' })],
  },
  'space.acoustic-treatment': {
    fires: [{ input: input({}, { acousticTreatment: 'no' }), priority: 'could' }],
    silent: [input({ 'acoustic-loop': { echoDb: -15 } }, { acousticTreatment: 'no' }), input({}, { acousticTreatment: 'unknown' })],
  },
  'space.seats': {
    fires: [{ input: input({}, { onSiteParticipants: 41 }), priority: 'must', values: { onSite: 41, seats: 40 } }],
    silent: [input({}, { onSiteParticipants: 40 }), input({}, { onSiteParticipants: 400 }, { room: { ...inputWith().room, capacity: null } })],
  },
  'connectivity.wired-link': {
    fires: [
      { input: input({}, { wiredLink: 'no' }), priority: 'should' },
      { input: input({}, { wiredLink: 'unknown' }), priority: 'could', variant: '-confirm' },
    ],
    silent: [input({}, { wiredLink: 'yes' })],
  },
  'connectivity.turn-tls': {
    fires: [{ input: input({ network: { relayRequired: true } }), priority: 'should' }],
    silent: [input({ network: { relayRequired: null } })],
  },
  'connectivity.qos': {
    fires: [
      { input: input({ network: { jitterMs: 40 } }), priority: 'should', values: { jitter: 40, loss: 0 } },
      { input: input({ network: { lossPercent: 6.04 } }), priority: 'must', values: { jitter: 2, loss: 6 } },
      { input: input({ network: null, sfu: { jitterMs: 35, lossPercent: 0.5 } }), priority: 'should', values: { jitter: 35, loss: 0.5 } },
    ],
    silent: [input({ network: { jitterMs: 30, lossPercent: 1 } }), input({ network: { jitterMs: null, lossPercent: null }, sfu: null })],
  },
  'connectivity.backup-link': {
    fires: [
      { input: input({}, { backupLink: 'no' }), priority: 'should' },
      { input: input({}, { backupLink: 'unknown' }), priority: 'could', variant: '-confirm' },
    ],
    silent: [input({}, { backupLink: 'yes' })],
  },
  'connectivity.upload-short': {
    fires: [
      // 3.5 Mbps is short of the 4.1 a 1080p seminar needs but above its fail share (0.75 × 4.1 = 3.075).
      { input: input({ network: { uploadMbps: 3.5 } }), priority: 'should', values: { upload: 3.5, needed: 4.1, height: 1080, fallback: 720 } },
      { input: input({ network: { uploadMbps: 3 } }), priority: 'must', values: { upload: 3, needed: 4.1, height: 1080, fallback: 720 } },
      { input: input({ network: { uploadMbps: 0.2 } }), priority: 'must', variant: '-audio', values: { upload: 0.2, needed: 4.1, height: 1080 } },
    ],
    silent: [input({ network: { uploadMbps: 4.1 } }), input({ network: { uploadMbps: null } })],
  },
  'connectivity.platform-blocked': {
    fires: [
      { input: input({ reachability: { teams: 'blocked', webex: 'partial', reachable: 3, total: 6 } }), priority: 'must', values: { platforms: 'Microsoft Teams, Webex' } },
      { input: input({ reachability: { zoom: 'partial', reachable: 5, total: 6 } }), priority: 'should', values: { platforms: 'Zoom' } },
    ],
    silent: [input(), input({ reachability: null })],
  },
  'contingency.link': {
    fires: [
      { input: input({ status: { network: 'warn' } }), priority: 'should', playbooks: ['plan-b-link-down'] },
      { input: input({ status: { sfu: 'fail' } }), priority: 'should', playbooks: ['plan-b-link-down'] },
      { input: input({}, { backupLink: 'no' }), priority: 'should', playbooks: ['plan-b-link-down'] },
    ],
    silent: [input({ status: { sfu: 'warn' } })],
  },
  'contingency.platform': {
    fires: [{ input: input({ status: { reachability: 'warn' } }), priority: 'should', playbooks: ['plan-b-platform-outage'] }],
    silent: [input()],
  },
  'contingency.audio': {
    fires: [{ input: input({ status: { microphone: 'warn' } }), priority: 'should', playbooks: ['plan-b-presenter-audio-lost'] }],
    silent: [input()],
  },
  'contingency.camera': {
    fires: [{ input: input({ status: { camera: 'fail' } }), priority: 'should', playbooks: ['plan-b-camera-lost'] }],
    silent: [input()],
  },
  'contingency.power': {
    fires: [
      { input: input({}, { upsPower: 'no' }), priority: 'should', playbooks: ['plan-b-power-cut'] },
      { input: input({}, { upsPower: 'unknown' }), priority: 'could', variant: '-confirm', playbooks: ['plan-b-power-cut'] },
    ],
    silent: [input({}, { upsPower: 'yes' })],
  },
  'contingency.rehearse': {
    fires: [
      { input: input({}, { planBRehearsed: 'no' }), priority: 'should', values: { count: 9 }, playbooks: allPlaybooks },
      { input: input({}, { planBRehearsed: 'unknown' }), priority: 'could', variant: '-confirm', values: { count: 9 }, playbooks: allPlaybooks },
    ],
    silent: [input({}, { planBRehearsed: 'yes' })],
  },
  'scalable.overflow': {
    fires: [
      { input: input({}, { remoteParticipants: 150, scalablePlatform: 'unknown' }), priority: 'should', values: { remote: 150, limit: 100 } },
      { input: input({}, { remoteParticipants: 150, scalablePlatform: 'no' }), priority: 'must', values: { remote: 150, limit: 100 } },
      { input: input({}, { remoteParticipants: 30, scalablePlatform: 'no' }), priority: 'could', variant: '-platform' },
    ],
    silent: [input({}, { remoteParticipants: 150, scalablePlatform: 'yes' }), input({}, { remoteParticipants: 100, scalablePlatform: 'unknown' })],
  },
  'scalable.cloud-streaming': {
    fires: [{ input: input({ network: { downloadMbps: 2 } }), priority: 'should', values: { download: 2, height: 720, streams: 0, needed: 2 } }],
    silent: [input({ network: { downloadMbps: 5.1 } }), input({ network: { downloadMbps: null } })],
  },
  'security.passcodes': {
    fires: [
      { input: input({}, { passcodes: 'no' }), priority: 'should' },
      { input: input({}, { passcodes: 'unknown' }), priority: 'could', variant: '-confirm' },
    ],
    silent: [input({}, { passcodes: 'yes' })],
  },
  'security.waiting-room': {
    fires: [
      { input: input({}, { waitingRoom: 'no' }), priority: 'should' },
      { input: input({}, { waitingRoom: 'unknown' }), priority: 'could', variant: '-confirm' },
    ],
    silent: [input({}, { waitingRoom: 'yes' })],
  },
  'security.updates': {
    fires: [
      { input: input({}, { updatesCurrent: 'no' }), priority: 'should' },
      { input: input({}, { updatesCurrent: 'unknown' }), priority: 'could', variant: '-confirm' },
    ],
    silent: [input({}, { updatesCurrent: 'yes' })],
  },
  'security.recording-consent': {
    fires: [
      { input: input({}, { recordingConsent: 'no' }), priority: 'must' },
      { input: input({}, { recordingConsent: 'unknown' }), priority: 'could', variant: '-confirm' },
    ],
    silent: [input({}, { recordingConsent: 'yes' })],
  },
};

describe('recommendation rules', () => {
  it('have a case for every rule and no case without a rule', () => {
    expect(Object.keys(cases).sort()).toEqual(recommendationRules.map((rule) => rule.id).sort());
    expect(new Set(recommendationRules.map((rule) => rule.id)).size).toBe(recommendationRules.length);
  });

  it('cover every group', () => {
    expect([...new Set(recommendationRules.map((rule) => rule.group))].sort()).toEqual([...recommendationGroups].sort());
  });

  describe.each(recommendationRules.map((rule) => ({ id: rule.id, rule })))('$id', ({ id, rule }) => {
    const ruleCases = cases[id] ?? { fires: [], silent: [] };

    it('fires on its cases with the expected priority, text and values', () => {
      expect(ruleCases.fires.length).toBeGreaterThan(0);
      for (const expected of ruleCases.fires) {
        const fired = rule.fires(expected.input);
        expect(fired).toEqual({
          rule: id,
          group: rule.group,
          priority: expected.priority,
          message: expected.values ? { key: `assessment.recommendations.${id}${expected.variant ?? ''}`, values: expected.values } : { key: `assessment.recommendations.${id}${expected.variant ?? ''}` },
          playbooks: expected.playbooks ?? [],
        });
        recommendationSchema.parse(fired);
        expectInBothLanguages([fired!.message.key]);
        expectPlaceholdersFilled([fired!.message]);
      }
    });

    it('stays silent on a healthy room with every answer yes, and on its near cases', () => {
      expect(rule.fires(input())).toBeNull();
      for (const silent of ruleCases.silent) expect(rule.fires(silent)).toBeNull();
    });
  });

  it('names only playbooks that exist', () => {
    const fired = Object.values(cases).flatMap((entry) => entry.fires.flatMap((expected) => recommend(expected.input, scoreAreas(expected.input))));
    const known = new Set(allPlaybooks);
    expect(fired.flatMap((recommendation) => recommendation.playbooks).filter((id) => !known.has(id))).toEqual([]);
  });
});

describe('recommend', () => {
  it('gives nothing for a healthy room with every answer yes', () => {
    const healthy = input();
    expect(recommend(healthy, scoreAreas(healthy))).toEqual([]);
  });

  it('orders must before should before could, the weaker area first among equals, then table order', () => {
    const messy = input({ network: { uploadMbps: 3.5 } }, { passcodes: 'no', wiredLink: 'no', recordingConsent: 'no', waitingRoom: 'unknown' });
    const scores: AreaScore[] = [
      { area: 'connectivity', score: 40, parts: [] },
      { area: 'infrastructure', score: 90, parts: [] },
      { area: 'delivery', score: null, parts: [] },
      { area: 'collaboration', score: 70, parts: [] },
    ];
    expect(recommend(messy, scores).map((entry) => [entry.priority, entry.rule])).toEqual([
      ['must', 'security.recording-consent'],
      ['should', 'connectivity.wired-link'],
      ['should', 'connectivity.upload-short'],
      ['should', 'security.passcodes'],
      ['could', 'security.waiting-room'],
    ]);
  });

  it('reads a room with no run from the answers alone', () => {
    const answersOnly = inputWith({ run: null, answers: answersWith({ ...allYes, passcodes: 'no' }) });
    expect(recommend(answersOnly, scoreAreas(answersOnly)).map((entry) => entry.rule)).toEqual(['security.passcodes']);
  });

  it('reads a run with only a network test', () => {
    const networkOnly = inputWith({ run: runOnly({ network: { uploadMbps: 0.2, relayRequired: true } }), answers: answersWith(allYes) });
    expect(recommend(networkOnly, scoreAreas(networkOnly)).map((entry) => entry.rule)).toEqual(['connectivity.upload-short', 'connectivity.turn-tls']);
  });
});

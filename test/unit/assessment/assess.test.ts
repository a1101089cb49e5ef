import { describe, expect, it } from 'vitest';
import { areaIds, assessmentResultSchema } from '../../../shared/assessment/assessment';
import { assessRoom } from '../../../shared/assessment/assess';
import { expectInBothLanguages, expectPlaceholdersFilled } from '../preflight/translated-messages';
import { allYes, answersWith, checkOf, inputWith, room, runWith } from './fixtures';

describe('assessRoom', () => {
  it('gives a healthy room full marks, the saved verdicts and no advice', () => {
    const input = inputWith({ answers: answersWith(allYes) });
    const result = assessRoom(input);
    expect(assessmentResultSchema.parse(result)).toEqual(result);
    expect(result.scores.map((entry) => [entry.area, entry.score])).toEqual([
      ['connectivity', 99],
      ['infrastructure', 100],
      ['delivery', 100],
      ['collaboration', 100],
    ]);
    expect(result.overall).toBe(100);
    expect(result.verdicts).toEqual(input.run!.readiness);
    expect(result.recommendations).toEqual([]);
    expect(result.capacity).toMatchObject({ seats: 40, onSite: 20, remote: 30, downloadMbps: 50, uploadMbps: 20, sendHeight: 1080 });
  });

  it('assesses a room with no run from the answers, with no verdicts', () => {
    const result = assessRoom(inputWith({ run: null, answers: answersWith({ wiredLink: 'no', upsPower: 'yes', onSiteParticipants: 50 }) }));
    expect(assessmentResultSchema.parse(result)).toEqual(result);
    expect(result.scores.map((entry) => entry.score)).toEqual([0, 100, null, 80]);
    expect(result.overall).toBe(60);
    expect(result.verdicts).toEqual([]);
    expect(result.capacity.findings[0]).toEqual({ key: 'assessment.capacity.overSeats', values: { onSite: 50, seats: 40 } });
    expect(result.recommendations[0]).toMatchObject({ rule: 'space.seats', priority: 'must' });
  });

  it('gives null scores and no advice beyond the unanswered questions when nothing is known', () => {
    const result = assessRoom(inputWith({ run: null, room: { ...room, capacity: null } }));
    expect(result.scores.map((entry) => entry.score)).toEqual(areaIds.map(() => null));
    expect(result.overall).toBeNull();
    expect(new Set(result.recommendations.map((entry) => entry.priority))).toEqual(new Set(['could']));
  });

  it('parses with the schema for a room with every kind of problem, and every text reads in both languages', () => {
    const run = runWith({
      camera: { height: 240, meanLuma: 20, backlightRatio: 3, sharpness: 0.01 },
      microphone: { snrDb: 5, speechDbfs: -65, noiseFloorDbfs: -30 },
      'acoustic-loop': { echoDb: -3 },
      network: { jitterMs: 80, lossPercent: 9, uploadMbps: 0.1, downloadMbps: 0.1, relayRequired: true, mos: 1.2 },
      sfu: { receivedHeight: 180, receivedFps: 4, freezeCount: 12 },
      reachability: { zoom: 'blocked', teams: 'partial', webex: 'blocked', reachable: 1, total: 6 },
      status: { camera: 'fail', microphone: 'fail', 'acoustic-loop': 'fail', network: 'fail', sfu: 'fail', reachability: 'warn' },
      extra: [checkOf('speaker', { failure: 'device-lost' }, 'fail', 'speaker:second')],
      readiness: [{ profile: 'web-meeting', status: 'fail', reasons: [{ key: 'readiness.fail', values: { sendHeight: 360, receiveHeight: 360, receiveStreams: 4 } }], advice: [] }],
    });
    const answers = answersWith({
      ...Object.fromEntries(Object.keys(allYes).map((key) => [key, 'no'])),
      onSiteParticipants: 300,
      remoteParticipants: 5000,
    });
    const result = assessRoom(inputWith({ run, answers }));
    expect(assessmentResultSchema.parse(result)).toEqual(result);
    expect(result.overall).not.toBeNull();
    expect(result.overall!).toBeLessThan(20);
    expect(result.recommendations.length).toBeGreaterThan(25);
    expect(result.recommendations[0]!.priority).toBe('must');
    const messages = [...result.recommendations.map((entry) => entry.message), ...result.capacity.findings];
    expectInBothLanguages(messages.map((message) => message.key));
    expectPlaceholdersFilled(messages);
    const parts = result.scores.flatMap((entry) => entry.parts).map((part) => ({ key: `assessment.parts.${part.key}`, values: part.values }));
    expectInBothLanguages(parts.map((part) => part.key));
    expectPlaceholdersFilled(parts);
  });
});

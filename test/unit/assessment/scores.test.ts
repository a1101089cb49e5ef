import { describe, expect, it } from 'vitest';
import { areaIds, areaScoreSchema, type AreaId, type AreaScore, type AssessmentInput } from '../../../shared/assessment/assessment';
import { areaScore, demands, overallScore, partWeights, scoreAreas } from '../../../shared/assessment/scores';
import { builtInProfiles, findProfile } from '../../../shared/profiles/profile';
import { expectInBothLanguages, expectPlaceholdersFilled } from '../preflight/translated-messages';
import { answersWith, checkOf, healthyMetrics, inputWith, room, runOnly, runWith } from './fixtures';

const area = (scores: AreaScore[], id: AreaId) => scores.find((entry) => entry.area === id)!;
const partScore = (scores: AreaScore[], key: string) => scores.flatMap((entry) => entry.parts).find((part) => part.key === key)?.score;
const noAnswers: Partial<AssessmentInput> = { answers: answersWith(), room: { ...room, capacity: null } };

describe('what the most demanding profile needs', () => {
  it('takes the largest upload, download and camera height of the built-in profiles', () => {
    // Large multi-day seminar sends 1080p: 4000 + 100 kbps; hybrid seminar receives 2 × 720p: 2 × 2500 + 100.
    expect(demands(builtInProfiles)).toEqual({
      uploadKbps: 4100,
      sendHeight: 1080,
      downloadKbps: 5100,
      receiveHeight: 720,
      receiveStreams: 2,
      cameraHeight: 1080,
      audioKbps: 100,
    });
  });

  it('follows the profiles it is given', () => {
    expect(demands([findProfile('web-meeting')!])).toMatchObject({ uploadKbps: 600, downloadKbps: 2100, cameraHeight: 360 });
  });
});

describe('connectivity score', () => {
  it.each([
    { mos: 4.5, score: 100 },
    { mos: 2.75, score: 50 },
    { mos: 1.0, score: 0 },
    { mos: 4.9, score: 100 },
    { mos: 3.8, score: 80 },
  ])('MOS $mos scores $score', ({ mos, score }) => {
    const scores = scoreAreas(inputWith({ ...noAnswers, run: runOnly({ network: { mos, uploadMbps: null, downloadMbps: null } }) }));
    expect(area(scores, 'connectivity')).toMatchObject({ score, parts: [{ key: 'connectivity.mos', score, weight: 0.3 }] });
  });

  it.each([
    { upload: 2.05, download: 2.55, uploadScore: 50, downloadScore: 50 },
    { upload: 4.1, download: 5.1, uploadScore: 100, downloadScore: 100 },
    { upload: 41, download: 1.02, uploadScore: 100, downloadScore: 20 },
    { upload: 0, download: 0, uploadScore: 0, downloadScore: 0 },
  ])('upload $upload Mbps of 4.1 needed scores $uploadScore; download $download of 5.1 scores $downloadScore', ({ upload, download, uploadScore, downloadScore }) => {
    const scores = scoreAreas(inputWith({ ...noAnswers, run: runOnly({ network: { mos: null, uploadMbps: upload, downloadMbps: download } }) }));
    expect(partScore(scores, 'connectivity.upload')).toBe(uploadScore);
    expect(partScore(scores, 'connectivity.download')).toBe(downloadScore);
    // Equal weights (0.2 each): the area is their plain mean.
    expect(area(scores, 'connectivity').score).toBe(Math.round((uploadScore + downloadScore) / 2));
  });

  it('renormalises the weights of the parts present', () => {
    // MOS 2.75 → 50 (0.3), upload 4.1 → 100 (0.2): (15 + 20) / 0.5 = 70.
    const measured = runOnly({ network: { mos: 2.75, uploadMbps: 4.1, downloadMbps: null } });
    expect(area(scoreAreas(inputWith({ ...noAnswers, run: measured })), 'connectivity').score).toBe(70);
    // A wired link answered yes adds 100 at 0.1: (15 + 20 + 10) / 0.6 = 75.
    const wired = scoreAreas(inputWith({ run: measured, answers: answersWith({ wiredLink: 'yes' }) }));
    expect(area(wired, 'connectivity').score).toBe(75);
  });

  it('combines every part by its weight', () => {
    // 100·0.3 + 50·0.2 + 100·0.2 + 50·0.1 + 0·0.1 + 100·0.1 = 75.
    const run = runOnly({ network: { mos: 4.5, uploadMbps: 2.05, downloadMbps: 5.1 }, reachability: { reachable: 3, total: 6 } });
    const scores = scoreAreas(inputWith({ run, answers: answersWith({ wiredLink: 'no', backupLink: 'yes' }) }));
    expect(area(scores, 'connectivity')).toMatchObject({
      score: 75,
      parts: [
        { key: 'connectivity.mos', score: 100 },
        { key: 'connectivity.upload', score: 50, values: { upload: 2.05, needed: 4.1, height: 1080 } },
        { key: 'connectivity.download', score: 100, values: { download: 5.1, needed: 5.1, height: 720, streams: 2 } },
        { key: 'connectivity.reachability', score: 50, values: { reachable: 3, total: 6 } },
        { key: 'connectivity.wiredLink', score: 0 },
        { key: 'connectivity.backupLink', score: 100 },
      ],
    });
  });

  it('leaves out a reachability test that tried no endpoint', () => {
    const scores = scoreAreas(inputWith({ ...noAnswers, run: runOnly({ reachability: { reachable: 0, total: 0 } }) }));
    expect(area(scores, 'connectivity')).toEqual({ area: 'connectivity', score: null, parts: [] });
  });
});

describe('infrastructure score', () => {
  it('scores check statuses pass 100, warn 60, fail 0 and answers yes 100, no 0, leaving unknown out', () => {
    // (100·0.2 + 60·0.2 + 0·0.1 + 100·0.1 + 60·0.2 + 100·0.1) / 0.9 = 64 / 0.9 = 71.1.
    const run = runWith({ status: { microphone: 'pass', camera: 'warn', speaker: 'fail', 'acoustic-loop': 'pass', sfu: 'warn' } });
    const scores = scoreAreas(inputWith({ run, answers: answersWith({ upsPower: 'yes', updatesCurrent: 'unknown' }) }));
    expect(area(scores, 'infrastructure').score).toBe(71);
    expect(area(scores, 'infrastructure').parts.map((part) => [part.key, part.score])).toEqual([
      ['infrastructure.microphone', 100],
      ['infrastructure.camera', 60],
      ['infrastructure.speaker', 0],
      ['infrastructure.acousticLoop', 100],
      ['infrastructure.sfu', 60],
      ['infrastructure.upsPower', 100],
    ]);
  });

  it('judges the room by its best device of a kind', () => {
    const run = runWith({ camera: null, extra: [checkOf('camera', healthyMetrics.camera, 'fail', 'camera:a'), checkOf('camera', healthyMetrics.camera, 'warn', 'camera:b')] });
    expect(partScore(scoreAreas(inputWith({ run })), 'infrastructure.camera')).toBe(60);
  });

  it('is answers alone without a run', () => {
    const scores = scoreAreas(inputWith({ run: null, answers: answersWith({ upsPower: 'no', updatesCurrent: 'yes' }) }));
    expect(area(scores, 'infrastructure').score).toBe(50);
  });
});

describe('delivery score', () => {
  it('weighs received picture, frame rate, freezes, camera height and ready event types', () => {
    // 360/720 → 50 (0.25), 15/30 fps → 50 (0.2), 2 freezes → 60 (0.15), 720/1080 → 66.7 (0.2), 3 of 5 not failed → 60 (0.2):
    // 12.5 + 10 + 9 + 13.34 + 12 = 56.84.
    const readiness = (['pass', 'warn', 'fail', 'fail', 'pass'] as const).map((status, index) => ({ profile: builtInProfiles[index]!.id, status, reasons: [], advice: [] }));
    const run = runWith({ sfu: { receivedHeight: 360, receivedFps: 15, freezeCount: 2 }, camera: { height: 720 }, readiness });
    const delivery = area(scoreAreas(inputWith({ run })), 'delivery');
    expect(delivery.score).toBe(57);
    expect(delivery.parts.map((part) => [part.key, part.score])).toEqual([
      ['delivery.receivedHeight', 50],
      ['delivery.receivedFps', 50],
      ['delivery.freezes', 60],
      ['delivery.cameraHeight', 66.7],
      ['delivery.profilesReady', 60],
    ]);
  });

  it('floors freezes at 0 and caps a picture taller than needed at 100', () => {
    const run = runOnly({ sfu: { receivedHeight: 1080, receivedFps: 60, freezeCount: 9 } });
    expect(area(scoreAreas(inputWith({ run })), 'delivery').parts.map((part) => part.score)).toEqual([100, 100, 0]);
  });

  it('leaves out an SFU test that could not run', () => {
    const run = runOnly({ sfu: { receivedHeight: null, receivedFps: null, freezeCount: null }, status: { sfu: 'fail' } });
    expect(area(scoreAreas(inputWith({ run })), 'delivery').score).toBeNull();
  });
});

describe('collaboration score', () => {
  it('weighs SNR, echo, seats, answers and exposure', () => {
    // SNR 20 → 50 (0.25), echo −18 → 50 (0.2), 30 seats for 40 → 75 (0.15), treatment yes 100 (0.1), second display no 0 (0.1),
    // lighting unknown left out, exposure 100 (0.1): 53.75 / 0.9 = 59.7.
    const run = runWith({ microphone: { snrDb: 20 }, 'acoustic-loop': { echoDb: -18 } });
    const answers = answersWith({ onSiteParticipants: 40, acousticTreatment: 'yes', secondDisplay: 'no' });
    const collaboration = area(scoreAreas(inputWith({ run, answers, room: { ...room, capacity: 30 } })), 'collaboration');
    expect(collaboration.score).toBe(60);
    expect(collaboration.parts.map((part) => [part.key, part.score])).toEqual([
      ['collaboration.snr', 50],
      ['collaboration.echo', 50],
      ['collaboration.seats', 75],
      ['collaboration.acousticTreatment', 100],
      ['collaboration.secondDisplay', 0],
      ['collaboration.exposure', 100],
    ]);
  });

  it.each([
    { snr: 10, score: 0 },
    { snr: 30, score: 100 },
    { snr: 25, score: 75 },
    { snr: 5, score: 0 },
  ])('SNR $snr dB scores $score', ({ snr, score }) => {
    expect(partScore(scoreAreas(inputWith({ run: runOnly({ microphone: { snrDb: snr } }) })), 'collaboration.snr')).toBe(score);
  });

  it.each([
    { echo: -6, score: 0 },
    { echo: -30, score: 100 },
    { echo: -12, score: 25 },
    { echo: -40, score: 100 },
  ])('echo $echo dB scores $score', ({ echo, score }) => {
    expect(partScore(scoreAreas(inputWith({ run: runOnly({ 'acoustic-loop': { echoDb: echo } }) })), 'collaboration.echo')).toBe(score);
  });

  it.each([
    { luma: 120, backlight: 1, score: 100 },
    { luma: 50, backlight: 1, score: 50 },
    { luma: 212.5, backlight: 1, score: 50 },
    { luma: 20, backlight: 1, score: 0 },
    { luma: 120, backlight: 2.25, score: 25 },
    { luma: 50, backlight: 2, score: 50 },
  ])('exposure of luma $luma, backlight $backlight scores $score', ({ luma, backlight, score }) => {
    const run = runOnly({ camera: { meanLuma: luma, backlightRatio: backlight } });
    expect(partScore(scoreAreas(inputWith({ run })), 'collaboration.exposure')).toBe(score);
  });

  it('leaves out the SNR of a silent microphone and the echo of a loop that was not heard', () => {
    const run = runOnly({ microphone: { silent: true, snrDb: 0 }, 'acoustic-loop': { heard: false, echoDb: -3 } });
    expect(area(scoreAreas(inputWith({ ...noAnswers, run })), 'collaboration').score).toBeNull();
  });

  it('leaves out seats when nobody is expected on site', () => {
    const scores = scoreAreas(inputWith({ run: null, answers: answersWith({ onSiteParticipants: 0 }) }));
    expect(area(scores, 'collaboration').score).toBeNull();
  });
});

describe('area and overall scores', () => {
  it('are null with no run and no answers', () => {
    const scores = scoreAreas(inputWith({ ...noAnswers, run: null }));
    expect(scores.map((entry) => [entry.area, entry.score])).toEqual(areaIds.map((id) => [id, null]));
    expect(overallScore(scores)).toBeNull();
  });

  it('overall is the rounded mean of the areas that have a score', () => {
    const scores: AreaScore[] = [
      { area: 'connectivity', score: 75, parts: [] },
      { area: 'infrastructure', score: null, parts: [] },
      { area: 'delivery', score: 50, parts: [] },
      { area: 'collaboration', score: 60, parts: [] },
    ];
    expect(overallScore(scores)).toBe(62); // 185 / 3 = 61.67
  });

  it('rounds the weighted mean of the parts', () => {
    const parts = [
      { key: 'delivery.receivedFps', score: 33.3, weight: 0.2, values: {} },
      { key: 'delivery.freezes', score: 100, weight: 0.15, values: {} },
    ];
    // (6.66 + 15) / 0.35 = 61.886
    expect(areaScore('delivery', parts).score).toBe(62);
    expect(areaScore('delivery', [null]).score).toBeNull();
  });

  it('gives a healthy room with every answer yes full marks', () => {
    const scores = scoreAreas(inputWith({ answers: answersWith({ wiredLink: 'yes', backupLink: 'yes', upsPower: 'yes', updatesCurrent: 'yes', acousticTreatment: 'yes', secondDisplay: 'yes', controllableLighting: 'yes', onSiteParticipants: 20 }) }));
    // Only MOS 4.4 of 4.5 keeps connectivity below 100: 97.1 · 0.3 + 70 = 99.1.
    expect(scores.map((entry) => entry.score)).toEqual([99, 100, 100, 100]);
    expect(overallScore(scores)).toBe(100);
  });

  it('has weights that add up to 1 in every area, and parts that parse and read in both languages', () => {
    for (const weights of Object.values(partWeights)) expect(Object.values(weights).reduce((sum, weight) => sum + weight, 0)).toBeCloseTo(1, 10);
    const scores = scoreAreas(
      inputWith({ answers: answersWith({ wiredLink: 'no', backupLink: 'yes', upsPower: 'yes', updatesCurrent: 'no', acousticTreatment: 'no', secondDisplay: 'yes', controllableLighting: 'no', onSiteParticipants: 50 }) }),
    );
    const parts = scores.flatMap((entry) => entry.parts);
    expect(parts).toHaveLength(Object.values(partWeights).flatMap((weights) => Object.keys(weights)).length);
    for (const entry of scores) areaScoreSchema.parse(entry);
    const messages = parts.map((part) => ({ key: `assessment.parts.${part.key}`, values: part.values }));
    expectInBothLanguages(messages.map((message) => message.key));
    expectPlaceholdersFilled(messages);
    expectInBothLanguages(areaIds.map((id) => `assessment.areas.${id}`));
  });
});

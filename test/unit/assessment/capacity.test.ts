import { describe, expect, it } from 'vitest';
import { capacitySchema } from '../../../shared/assessment/assessment';
import { evaluateCapacity, largeAudience, streamsCarried, tallestSendHeight } from '../../../shared/assessment/capacity';
import { findProfile } from '../../../shared/profiles/profile';
import { expectInBothLanguages, expectPlaceholdersFilled } from '../preflight/translated-messages';
import { answersWith, inputWith, room, runOnly } from './fixtures';

const link = (downloadMbps: number | null, uploadMbps: number | null) => runOnly({ network: { downloadMbps, uploadMbps } });

describe('streams the download carries', () => {
  it('counts one audio stream in all, then whole video streams at each ladder height', () => {
    // 5100 − 100 = 5000 kbps: 1 × 4000, 2 × 2500, 10 × 500, 33 × 150.
    expect(streamsCarried(5100, 100)).toEqual([
      { height: 1080, streams: 1 },
      { height: 720, streams: 2 },
      { height: 360, streams: 10 },
      { height: 180, streams: 33 },
    ]);
    expect(streamsCarried(50, 100).map((entry) => entry.streams)).toEqual([0, 0, 0, 0]);
  });

  it.each([
    { upload: 4100, height: 1080 },
    { upload: 4099, height: 720 },
    { upload: 2600, height: 720 },
    { upload: 600, height: 360 },
    { upload: 250, height: 180 },
    { upload: 249, height: 0 },
  ])('an upload of $upload kbps sends $height p', ({ upload, height }) => {
    expect(tallestSendHeight(upload, 100)).toBe(height);
  });
});

describe('capacity evaluation', () => {
  it('says what a fitting room and link carry', () => {
    const capacity = evaluateCapacity(inputWith({ run: link(5.1, 4.1), answers: answersWith({ onSiteParticipants: 40, remoteParticipants: 100 }) }));
    expect(capacity).toEqual({
      seats: 40,
      onSite: 40,
      remote: 100,
      downloadMbps: 5.1,
      uploadMbps: 4.1,
      receiveStreams: [
        { height: 1080, streams: 1 },
        { height: 720, streams: 2 },
        { height: 360, streams: 10 },
        { height: 180, streams: 33 },
      ],
      sendHeight: 1080,
      findings: [
        { key: 'assessment.capacity.seatsFit', values: { onSite: 40, seats: 40 } },
        { key: 'assessment.capacity.downloadFits', values: { download: 5.1, height: 720, streams: 2 } },
        { key: 'assessment.capacity.uploadFits', values: { upload: 4.1, height: 1080 } },
      ],
    });
  });

  it('puts the problems first', () => {
    const capacity = evaluateCapacity(inputWith({ run: link(2, 2.6), answers: answersWith({ onSiteParticipants: 45, remoteParticipants: largeAudience + 1 }) }));
    expect(capacity.receiveStreams.map((entry) => entry.streams)).toEqual([0, 0, 3, 12]);
    expect(capacity.sendHeight).toBe(720);
    expect(capacity.findings).toEqual([
      { key: 'assessment.capacity.overSeats', values: { onSite: 45, seats: 40 } },
      { key: 'assessment.capacity.downloadShort', values: { download: 2, height: 720, streams: 0, needed: 2 } },
      { key: 'assessment.capacity.uploadShort', values: { upload: 2.6, height: 720, needed: 1080 } },
      { key: 'assessment.capacity.largeAudience', values: { remote: 101, limit: 100 } },
    ]);
  });

  it('says when the link carries no video at all', () => {
    const capacity = evaluateCapacity(inputWith({ run: link(0.2, 0.2) }));
    expect(capacity.sendHeight).toBe(0);
    expect(capacity.findings).toEqual([
      { key: 'assessment.capacity.noVideoDownload', values: { download: 0.2 } },
      { key: 'assessment.capacity.noVideoUpload', values: { upload: 0.2 } },
    ]);
  });

  it('measures against the profiles it is given', () => {
    // A web meeting receives 4 × 360p and sends 360p: 2.1 Mbps down and 0.6 up are enough.
    const capacity = evaluateCapacity(inputWith({ run: link(2.1, 0.6), profiles: [findProfile('web-meeting')!] }));
    expect(capacity.findings).toEqual([
      { key: 'assessment.capacity.downloadFits', values: { download: 2.1, height: 360, streams: 4 } },
      { key: 'assessment.capacity.uploadFits', values: { upload: 0.6, height: 360 } },
    ]);
  });

  it('without a run or a seat count says what is missing', () => {
    const capacity = evaluateCapacity(inputWith({ run: null, room: { ...room, capacity: null }, answers: answersWith({ onSiteParticipants: 12 }) }));
    expect(capacity).toMatchObject({ seats: null, downloadMbps: null, uploadMbps: null, receiveStreams: [], sendHeight: null });
    expect(capacity.findings.map((finding) => finding.key)).toEqual(['assessment.capacity.seatsUnknown', 'assessment.capacity.linkNotMeasured']);
  });

  it('parses with the schema, and every finding reads in both languages with its values', () => {
    const cases = [
      inputWith({ run: link(5.1, 4.1), answers: answersWith({ onSiteParticipants: 40 }) }),
      inputWith({ run: link(2, 2.6), answers: answersWith({ onSiteParticipants: 45, remoteParticipants: 500 }) }),
      inputWith({ run: link(0.2, 0.2) }),
      inputWith({ run: null, room: { ...room, capacity: null }, answers: answersWith({ onSiteParticipants: 12 }) }),
    ];
    const findings = cases.flatMap((input) => capacitySchema.parse(evaluateCapacity(input)).findings);
    expect(new Set(findings.map((finding) => finding.key)).size).toBe(11);
    expectInBothLanguages(findings.map((finding) => finding.key));
    expectPlaceholdersFilled(findings);
  });
});

import { roundMetric, type Message } from '../preflight/check';
import { videoLadder } from '../profiles/profile';
import type { AssessmentInput, CapacityEvaluation } from './assessment';
import { demands, metricNumber, readableMbps, roomChecks } from './scores';

/**
 * Remote participants beyond which an ordinary meeting licence no longer holds the audience
 * (the standard tiers of the common platforms stop at 100) and a webinar or streaming service is needed.
 */
export const largeAudience = 100;

/** A measured Mbps in kbps, rounded: float noise (1.1 × 1000 = 1100.0000000000002) must not cross a ladder step. */
export function measuredKbps(mbps: number): number {
  return roundMetric(mbps * 1000, 3);
}

/**
 * Remote video streams a download of `downloadKbps` carries at each ladder height, tallest first.
 * One audio stream is counted in all, not one per video stream, as the verdicts count the need
 * (the media server forwards the mixed or active-speaker audio, not every participant's).
 */
export function streamsCarried(downloadKbps: number, audioKbps: number): { height: number; streams: number }[] {
  return videoLadder.map((rung) => ({ height: rung.height, streams: Math.max(0, Math.floor((downloadKbps - audioKbps) / rung.kbps)) }));
}

/** The tallest ladder height whose video and one audio stream fit in `uploadKbps`; 0 when not even the lowest fits. */
export function tallestSendHeight(uploadKbps: number, audioKbps: number): number {
  return videoLadder.find((rung) => rung.kbps + audioKbps <= uploadKbps)?.height ?? 0;
}

/** Whether the room's seats and measured link hold the people and the video of the most demanding event types. */
export function evaluateCapacity(input: AssessmentInput): CapacityEvaluation {
  const network = roomChecks(input.run).network;
  const downloadMbps = metricNumber(network, 'downloadMbps');
  const uploadMbps = metricNumber(network, 'uploadMbps');
  const need = demands(input.profiles);
  const seats = input.room.capacity;
  const onSite = input.answers.onSiteParticipants;
  const remote = input.answers.remoteParticipants;
  const receiveStreams = downloadMbps === null ? [] : streamsCarried(measuredKbps(downloadMbps), need.audioKbps);
  const sendHeight = uploadMbps === null ? null : tallestSendHeight(measuredKbps(uploadMbps), need.audioKbps);

  const problems: Message[] = [];
  const fits: Message[] = [];
  if (onSite !== null && seats !== null) {
    (onSite > seats ? problems : fits).push({ key: onSite > seats ? 'assessment.capacity.overSeats' : 'assessment.capacity.seatsFit', values: { onSite, seats } });
  } else if (onSite !== null && onSite > 0) {
    problems.push({ key: 'assessment.capacity.seatsUnknown', values: { onSite } });
  }
  if (downloadMbps !== null) {
    const download = readableMbps(downloadMbps);
    const carried = receiveStreams.find((entry) => entry.height === need.receiveHeight)?.streams ?? 0;
    const lowest = receiveStreams[receiveStreams.length - 1]?.streams ?? 0;
    if (lowest === 0) problems.push({ key: 'assessment.capacity.noVideoDownload', values: { download } });
    else if (carried < need.receiveStreams) {
      problems.push({ key: 'assessment.capacity.downloadShort', values: { download, height: need.receiveHeight, streams: carried, needed: need.receiveStreams } });
    } else fits.push({ key: 'assessment.capacity.downloadFits', values: { download, height: need.receiveHeight, streams: carried } });
  }
  if (uploadMbps !== null && sendHeight !== null) {
    const upload = readableMbps(uploadMbps);
    if (sendHeight === 0) problems.push({ key: 'assessment.capacity.noVideoUpload', values: { upload } });
    else if (sendHeight < need.sendHeight) problems.push({ key: 'assessment.capacity.uploadShort', values: { upload, height: sendHeight, needed: need.sendHeight } });
    else fits.push({ key: 'assessment.capacity.uploadFits', values: { upload, height: sendHeight } });
  }
  if (downloadMbps === null && uploadMbps === null) problems.push({ key: 'assessment.capacity.linkNotMeasured' });
  if (remote !== null && remote > largeAudience) problems.push({ key: 'assessment.capacity.largeAudience', values: { remote, limit: largeAudience } });

  return { seats, onSite, remote, downloadMbps, uploadMbps, receiveStreams, sendHeight, findings: [...problems, ...fits] };
}

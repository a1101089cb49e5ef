import type { Message } from '../../../../shared/preflight/check';

/** A duration as h:mm:ss or m:ss; negative durations get a minus sign. */
export function formatDuration(ms: number): string {
  const sign = ms < 0 ? '−' : '';
  const total = Math.floor(Math.abs(ms) / 1000);
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = String(total % 60).padStart(2, '0');
  return hours > 0 ? `${sign}${hours}:${String(minutes).padStart(2, '0')}:${seconds}` : `${sign}${minutes}:${seconds}`;
}

/** A due offset in the T-minus form people use ("T-60 min", "T+5 min", "T-24 h"), as a message to translate. */
export function formatDue(minutes: number): Message {
  const sign = minutes < 0 ? '-' : '+';
  const magnitude = Math.abs(minutes);
  return magnitude >= 60 && magnitude % 60 === 0 ? { key: 'runner.dueHours', values: { sign, value: magnitude / 60 } } : { key: 'runner.dueMinutes', values: { sign, value: magnitude } };
}

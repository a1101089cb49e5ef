import type { Message } from '../../../../shared/preflight/check';

/** A due offset in the T-minus form people use ("T-60 min", "T+5 min", "T-24 h"), as a message to translate. */
export function formatDue(minutes: number): Message {
  const sign = minutes < 0 ? '-' : '+';
  const magnitude = Math.abs(minutes);
  return magnitude >= 60 && magnitude % 60 === 0 ? { key: 'runner.dueHours', values: { sign, value: magnitude / 60 } } : { key: 'runner.dueMinutes', values: { sign, value: magnitude } };
}

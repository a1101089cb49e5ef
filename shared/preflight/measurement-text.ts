import { candidateKinds } from '../network/ice';
import { mosBands } from '../network/mos';
import { captureFailures } from './device-verdicts';

// The figures a check records as codes (a MOS band, a quality limitation, a failure reason,
// candidate kinds), and the translation key that puts each in words.

/** The codes each enumerated measurement can hold (quality limitation: W3C webrtc-stats' enum). */
export const measurementCodes = {
  qualityLimitationReason: ['none', 'bandwidth', 'cpu', 'other'],
  failure: captureFailures,
  candidateTypes: candidateKinds,
  mosBand: mosBands.map((entry) => entry.band),
} as const satisfies Record<string, readonly string[]>;

/** The translation key naming `code` of measurement `name`; null for text that is no known code. */
export function measurementCodeKey(name: string, code: string): string | null {
  const codes: readonly string[] | undefined = (measurementCodes as Record<string, readonly string[]>)[name];
  if (!codes?.includes(code)) return null;
  return name === 'mosBand' ? `incidents.mosBands.${code}` : `measurements.codes.${name}.${code}`;
}

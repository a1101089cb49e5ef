/** Names under which a credential travels in URLs, JSON and command lines. */
const secretName = String.raw`(?:access[_-]?token|token|probeToken|api[_-]?key|apikey|key|password|passwd|pass|credential|secret|auth|sig|signature)`;

/** What stands in for a removed secret. */
export const redacted = '[redacted]';

const patterns: [RegExp, string][] = [
  // scheme://user:password@host → scheme://[redacted]@host (TURN, feed and probe URLs).
  [/\b([a-z][a-z0-9+.-]*:\/\/)[^\s/@"'<>]+@/gi, `$1${redacted}@`],
  // ?token=…&password=… in any URL or form body.
  [new RegExp(String.raw`([?&;]${secretName}=)[^\s&#"'<>]*`, 'gi'), `$1${redacted}`],
  // "credential":"…" / 'token': '…' in JSON and object dumps.
  [new RegExp(String.raw`(["']?${secretName}["']?\s*:\s*)(["'])(?:\\.|(?!\2).)*\2`, 'gi'), `$1$2${redacted}$2`],
  // Authorization: Bearer … / Basic …
  [/(authorization["']?\s*[:=]\s*["']?)(?:bearer|basic)?\s*[^\s"',}]+/gi, `$1${redacted}`],
  // --turn-pass P, --token=T on a command line.
  [/(--(?:turn-pass|token|password)(?:=|\s+))\S+/gi, `$1${redacted}`],
];

/**
 * A log line with every credential it may carry taken out: URL user info, secret query
 * parameters, JSON fields named like secrets, Authorization headers and secret CLI flags.
 * Logs are read by whoever helps with a problem; credentials are not theirs to see.
 */
export function redactSecrets(text: string): string {
  return patterns.reduce((line, [pattern, replacement]) => line.replace(pattern, replacement), text);
}

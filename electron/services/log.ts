import { redactSecrets } from '../../shared/logging/redact';

/** Writes one line to stderr with any credential taken out: the log sink of every process. */
export function logLine(line: string): void {
  process.stderr.write(`${redactSecrets(line)}\n`);
}

/** An error as text for the log: its stack when it has one. */
export function describeError(error: unknown): string {
  return error instanceof Error ? (error.stack ?? `${error.name}: ${error.message}`) : String(error);
}

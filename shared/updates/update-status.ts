/** The update steps a person starts. */
export const updateOperations = ['check', 'download', 'update'] as const;

/** An update step. */
export type UpdateOperation = (typeof updateOperations)[number];

/** Why an update step failed, each with its advice in the translations (`settings.updateState.problem.*`). */
export const updateProblems = ['network', 'refused', 'not-found', 'server', 'certificate', 'integrity', 'malformed', 'other'] as const;

/** Why an update step failed. */
export type UpdateProblem = (typeof updateProblems)[number];

/** Where the updater is, as shown in Settings. */
export type UpdateStatus =
  | { state: 'disabled'; reason: 'no-feed' | 'web-mode' | 'development' }
  | { state: 'idle' }
  | { state: 'checking' }
  | { state: 'up-to-date'; checkedAt: number }
  | { state: 'available'; version: string }
  | { state: 'downloading'; version: string; percent: number; bytesPerSecond: number }
  | { state: 'downloaded'; version: string }
  /** `feed` is the feed's address as it may be shown: no credentials, query or fragment. */
  | { state: 'error'; operation: UpdateOperation; problem: UpdateProblem; feed: string };

/** A failed update step in words, in the language of `t`: what failed, then why and what to do. */
export function describeUpdateError(
  status: Extract<UpdateStatus, { state: 'error' }>,
  t: (key: string, values?: Record<string, string | number>) => string,
): string {
  return `${t(`settings.updateState.failed.${status.operation}`)} ${t(`settings.updateState.problem.${status.problem}`, { feed: status.feed })}`;
}

/** A mistake in how a command was called, or a file it was given: exit code 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}

import type { z } from 'zod';
import { requests, type Handlers, type RequestName } from './contract';
import { ApiFailure, fail, ok, type FieldIssue, type Result } from './result';

/** Turns zod issues into field issues whose messages are i18n keys. */
export function toFieldIssues(error: z.ZodError): FieldIssue[] {
  return error.issues.map((issue) => ({
    path: issue.path.map(String).join('.'),
    message: issue.message.startsWith('validation.') ? issue.message : 'validation.invalid',
  }));
}

/** Checks that a channel name is one the contract defines. */
export function isRequestName(name: string): name is RequestName {
  return Object.hasOwn(requests, name);
}

/**
 * Validates a request's arguments against the contract and runs its handler. Every path
 * returns a Result: unknown channels, bad arguments, expected failures and crashes alike.
 */
export async function dispatch(
  handlers: Handlers,
  name: string,
  rawArgs: unknown,
  onUnexpectedError: (name: string, error: unknown) => void,
): Promise<Result<unknown>> {
  if (!isRequestName(name)) return fail('unknown_request', `There is no request named "${name}".`);
  const parsed = requests[name].args.safeParse(rawArgs);
  if (!parsed.success) {
    return fail('invalid_argument', `The arguments for ${name} are not valid.`, toFieldIssues(parsed.error));
  }
  try {
    const handler = handlers[name] as (args: unknown) => unknown;
    return ok(await handler(parsed.data));
  } catch (error) {
    if (error instanceof ApiFailure) return fail(error.code, error.message, error.issues);
    onUnexpectedError(name, error);
    return fail('internal', 'Something went wrong inside RoomReady. The details are in the log; please try again.');
  }
}

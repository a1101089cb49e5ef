import { z } from 'zod';
import { checkSchema, checkStatuses, messageSchema } from './check';

/** Whether the room is ready for one event type, and why, as judged when the run was made. */
export const readinessSchema = z
  .object({
    profile: z.string().min(1).max(40),
    status: z.enum(checkStatuses),
    reasons: z.array(messageSchema).max(20),
    advice: z.array(messageSchema).max(20),
  })
  .strict();

/** One event type's verdict. */
export type Readiness = z.output<typeof readinessSchema>;

/** A finished preflight run as the renderer hands it over to be saved. */
export const preflightRunInputSchema = z
  .object({
    roomId: z.number().int().positive(),
    profileId: z.string().min(1).max(40),
    source: z.enum(['app', 'cli']),
    startedAt: z.number().int().nonnegative(),
    finishedAt: z.number().int().nonnegative(),
    verdict: z.enum(checkStatuses),
    checks: z.array(checkSchema).max(60),
    /** Kept with the run: a later change to a profile does not rewrite what was judged then. */
    readiness: z.array(readinessSchema).max(20).default([]),
  })
  .strict()
  .refine((run) => run.finishedAt >= run.startedAt, { message: 'validation.invalid', path: ['finishedAt'] });

/** A preflight run to save. */
export type PreflightRunInput = z.output<typeof preflightRunInputSchema>;

/** A saved preflight run with its checks. */
export interface PreflightRun extends PreflightRunInput {
  id: number;
}

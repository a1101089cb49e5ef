import { z } from 'zod';
import { checkSchema, checkStatuses } from './check';

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
  })
  .strict()
  .refine((run) => run.finishedAt >= run.startedAt, { message: 'validation.invalid', path: ['finishedAt'] });

/** A preflight run to save. */
export type PreflightRunInput = z.output<typeof preflightRunInputSchema>;

/** A saved preflight run with its checks. */
export interface PreflightRun extends PreflightRunInput {
  id: number;
}

import { z } from 'zod';
import type { Template } from './template';

/** States a step can be in. */
export const stepStates = ['pending', 'done', 'skipped', 'failed'] as const;

/** A step's state. */
export type StepState = (typeof stepStates)[number];

const note = z.string().trim().max(2000, { message: 'validation.tooLong' });

/**
 * Everything a person can do in a run. A run is its template plus the list of actions taken,
 * each with its time: replaying them gives the exact state and clocks after a crash or restart.
 */
export const runActionSchema = z.discriminatedUnion('type', [
  /** Starts the event clock (and the first segment of a run of show). */
  z.object({ type: z.literal('start') }).strict(),
  /** Ends the current segment and starts the next (moving to the next day after a day's last). */
  z.object({ type: z.literal('next-segment') }).strict(),
  /** Stops every clock until resumed (e.g. a break that was not planned). */
  z.object({ type: z.literal('pause') }).strict(),
  z.object({ type: z.literal('resume') }).strict(),
  /** Sets a step's state, with an optional note. */
  z.object({ type: z.literal('step'), stepKey: z.string().min(1).max(64), state: z.enum(stepStates), note: note.default('') }).strict(),
  /** A free note on the run or on one step. */
  z.object({ type: z.literal('note'), stepKey: z.string().min(1).max(64).nullable().default(null), note: note.min(1, { message: 'validation.required' }) }).strict(),
  /** Starts (minutes > 0) or clears (0) a speaker's slot timer. */
  z.object({ type: z.literal('speaker-timer'), minutes: z.number().int().min(0).max(600), speaker: z.string().trim().max(200).default('') }).strict(),
  /** A message shown big on the presenter timer ("5 minutes", "wrap up"); empty clears it. */
  z.object({ type: z.literal('presenter-message'), text: z.string().trim().max(200, { message: 'validation.tooLong' }) }).strict(),
  /** A Plan B playbook run was opened from this run (the child records its own actions). */
  z.object({ type: z.literal('playbook-opened'), childRunId: z.number().int().positive() }).strict(),
  /** Ends the run: every clock stops. */
  z.object({ type: z.literal('finish') }).strict(),
]);

/** An action as requested. */
export type RunAction = z.output<typeof runActionSchema>;

/** An action as stored: what, when (ms since epoch) and who. */
export type RecordedAction = RunAction & { id: number; at: number; person: string };

/** A run of a template version, as stored. */
export interface Run {
  id: number;
  templateId: string;
  templateVersion: number;
  /** The Plan B run's parent, for a playbook opened during another run. */
  parentRunId: number | null;
  title: string;
  /** When the event (or this checklist's T-0) is planned to start, ms since epoch. */
  plannedStart: number;
  createdAt: number;
  actions: RecordedAction[];
}

/** A run with the template version it was started from. */
export interface RunWithTemplate extends Run {
  template: Template;
}

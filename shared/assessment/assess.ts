import { assessmentResultSchema, type AssessmentInput, type AssessmentResult } from './assessment';
import { evaluateCapacity } from './capacity';
import { recommend } from './recommendations';
import { overallScore, scoreAreas } from './scores';

/**
 * Assesses a room from its preflight run, the questionnaire and the profiles: area scores,
 * capacity, the verdicts per event type as the run saved them (none without a run) and advice.
 * The result is checked against its schema, so what is stored and bundled always parses.
 */
export function assessRoom(input: AssessmentInput): AssessmentResult {
  const scores = scoreAreas(input);
  return assessmentResultSchema.parse({
    capacity: evaluateCapacity(input),
    scores,
    overall: overallScore(scores),
    verdicts: input.run?.readiness ?? [],
    recommendations: recommend(input, scores),
  });
}

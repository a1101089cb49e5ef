import { measureAcousticLoop } from '../../../../shared/analysis/acoustic-loop';
import { analyseMicrophone } from '../../../../shared/analysis/audio';
import { summariseFrames } from '../../../../shared/analysis/video';

/** The analyses that run in the analysis worker, off the main thread. */
export const analyses = { analyseMicrophone, summariseFrames, measureAcousticLoop };

/** The name of one analysis. */
export type AnalysisName = keyof typeof analyses;

/** A request to the analysis worker. */
export interface AnalysisRequest {
  id: number;
  name: AnalysisName;
  args: unknown[];
}

/** The analysis worker's answer. */
export type AnalysisReply = { id: number; ok: true; value: unknown } | { id: number; ok: false; message: string };

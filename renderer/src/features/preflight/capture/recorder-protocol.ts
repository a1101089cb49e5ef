/** Name under which recorder.worklet.ts registers its processor. */
export const recorderProcessorName = 'roomready-recorder';

/** Frames per block the recorder posts: about 47 blocks a second at 48 kHz. */
export const recorderBlockFrames = 1024;

/** Main thread → recorder: start or stop posting blocks. */
export type RecorderCommand = { type: 'start' } | { type: 'stop' };

/** Recorder → main thread: mono samples (first input channel) whose first sample sits at `startFrame` on the context timeline. */
export interface RecorderBlock {
  startFrame: number;
  samples: Float32Array;
}

// Runs in the AudioWorkletGlobalScope, whose globals TypeScript's DOM library does not describe.
import { recorderBlockFrames, recorderProcessorName, type RecorderBlock, type RecorderCommand } from './recorder-protocol';

declare const currentFrame: number;
declare class AudioWorkletProcessor {
  readonly port: MessagePort;
}
declare function registerProcessor(name: string, processor: new () => AudioWorkletProcessor): void;

/** Render quantum assumed when the input has no channel (disconnected or not yet flowing). */
const defaultQuantum = 128;

class RecorderProcessor extends AudioWorkletProcessor {
  private recording = false;
  private block = new Float32Array(recorderBlockFrames);
  private filled = 0;
  private blockStartFrame = 0;

  constructor() {
    super();
    this.port.onmessage = (event: MessageEvent<RecorderCommand>) => {
      this.recording = event.data.type === 'start';
      this.filled = 0;
    };
  }

  process(inputs: Float32Array[][]): boolean {
    if (!this.recording) return true;
    const channel = inputs[0]?.[0];
    // An input without channels is silence; writing zeros keeps every block on the context timeline.
    const length = channel?.length ?? defaultQuantum;
    let offset = 0;
    while (offset < length) {
      if (this.filled === 0) this.blockStartFrame = currentFrame + offset;
      const count = Math.min(length - offset, recorderBlockFrames - this.filled);
      if (channel) this.block.set(channel.subarray(offset, offset + count), this.filled);
      else this.block.fill(0, this.filled, this.filled + count);
      this.filled += count;
      offset += count;
      if (this.filled === recorderBlockFrames) this.post();
    }
    return true;
  }

  private post(): void {
    const message: RecorderBlock = { startFrame: this.blockStartFrame, samples: this.block };
    this.port.postMessage(message, [this.block.buffer]);
    this.block = new Float32Array(recorderBlockFrames);
    this.filled = 0;
  }
}

registerProcessor(recorderProcessorName, RecorderProcessor);

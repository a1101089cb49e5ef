import recorderUrl from './recorder.worklet.ts?worker&url';
import { recorderProcessorName, type RecorderBlock, type RecorderCommand } from './recorder-protocol';

/** A recorder worklet attached to a source; blocks flow to `onBlock` between start() and stop(). */
export interface Recorder {
  start(onBlock: (block: RecorderBlock) => void): void;
  stop(): void;
  disconnect(): void;
}

/** True when this browser has AudioWorklet, which every capture here relies on. */
export function hasAudioWorklet(): boolean {
  return typeof AudioContext !== 'undefined' && typeof AudioWorkletNode !== 'undefined';
}

/** Loads the recorder worklet into `context` and feeds it from `source`. */
export async function attachRecorder(context: AudioContext, source: AudioNode): Promise<Recorder> {
  await context.audioWorklet.addModule(recorderUrl);
  // No outputs: Chromium pulls output-less worklet nodes on its own, so nothing is routed to the speakers.
  const node = new AudioWorkletNode(context, recorderProcessorName, { numberOfInputs: 1, numberOfOutputs: 0 });
  source.connect(node);
  const send = (command: RecorderCommand) => node.port.postMessage(command);
  return {
    start(onBlock) {
      node.port.onmessage = (event: MessageEvent<RecorderBlock>) => onBlock(event.data);
      send({ type: 'start' });
    },
    stop() {
      node.port.onmessage = null;
      send({ type: 'stop' });
    },
    disconnect() {
      node.port.onmessage = null;
      node.port.close();
      source.disconnect();
      node.disconnect();
    },
  };
}

// TypeScript's DOM library does not know AudioContext.setSinkId yet (Chromium 110+).
type SinkSelectableContext = AudioContext & { setSinkId(sinkId: string): Promise<void> };

/** True when an AudioContext can be routed to a chosen output device. */
export function canChooseOutput(): boolean {
  return typeof AudioContext !== 'undefined' && 'setSinkId' in AudioContext.prototype;
}

/** Routes `context` to output `sinkId` when one is given and the browser can choose; otherwise it stays on the default output. */
export async function routeToOutput(context: AudioContext, sinkId: string | undefined): Promise<void> {
  if (sinkId === undefined || !canChooseOutput()) return;
  await (context as SinkSelectableContext).setSinkId(sinkId);
}

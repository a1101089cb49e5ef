/// <reference lib="webworker" />
import { analyses, type AnalysisReply, type AnalysisRequest } from './analysis-functions';

// Correlating a sweep or summarising seconds of frames takes tens of milliseconds: here it
// cannot stall the live meter or the preview.
self.addEventListener('message', (event: MessageEvent<AnalysisRequest>) => {
  const { id, name, args } = event.data;
  let reply: AnalysisReply;
  try {
    const analysis = analyses[name] as (...values: unknown[]) => unknown;
    reply = { id, ok: true, value: analysis(...args) };
  } catch (error) {
    reply = { id, ok: false, message: error instanceof Error ? error.message : String(error) };
  }
  self.postMessage(reply);
});

import type { AnalysisName, AnalysisReply, analyses } from './analysis-functions';

let worker: Worker | null = null;
let nextId = 1;
const pending = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();

function analysisWorker(): Worker {
  if (worker) return worker;
  worker = new Worker(new URL('./analysis.worker.ts', import.meta.url), { type: 'module' });
  worker.addEventListener('message', (event: MessageEvent<AnalysisReply>) => {
    const entry = pending.get(event.data.id);
    if (!entry) return;
    pending.delete(event.data.id);
    if (event.data.ok) entry.resolve(event.data.value);
    else entry.reject(new Error(event.data.message));
  });
  return worker;
}

/** The buffers behind every typed array in `value`, to move rather than copy them. */
function buffersIn(value: unknown, found = new Set<ArrayBuffer>()): Set<ArrayBuffer> {
  if (ArrayBuffer.isView(value)) {
    if (value.buffer instanceof ArrayBuffer) found.add(value.buffer);
  } else if (Array.isArray(value)) {
    for (const item of value) buffersIn(item, found);
  } else if (value !== null && typeof value === 'object') {
    for (const item of Object.values(value)) buffersIn(item, found);
  }
  return found;
}

/**
 * Runs one of the shared analyses in the analysis worker. Sample and frame buffers are moved
 * to the worker, not copied (megabytes of frames would otherwise stall the main thread), so
 * the caller must not use them afterwards.
 */
export function analyse<N extends AnalysisName>(name: N, ...args: Parameters<(typeof analyses)[N]>): Promise<ReturnType<(typeof analyses)[N]>> {
  return new Promise((resolve, reject) => {
    const id = nextId++;
    pending.set(id, { resolve: resolve as (value: unknown) => void, reject });
    analysisWorker().postMessage({ id, name, args }, [...buffersIn(args)]);
  });
}

import type { EventName, EventPayloads } from '../../shared/api/contract';

type Listener = <E extends EventName>(name: E, payload: EventPayloads[E]) => void;

/** Fans main-process events out to every window (Electron) or socket (web mode). */
export class EventBus {
  private readonly listeners = new Set<Listener>();

  emit<E extends EventName>(name: E, payload: EventPayloads[E]): void {
    for (const listener of this.listeners) listener(name, payload);
  }

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}

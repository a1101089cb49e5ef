import type { IpcMain, WebContents } from 'electron';
import { requestNames, type Handlers } from '../../shared/api/contract';
import { dispatch } from '../../shared/api/dispatch';
import { fail, type Result } from '../../shared/api/result';
import type { EventBus } from '../services/event-bus';

/** Records a handler crash; the renderer only gets a generic message. */
export type UnexpectedErrorLog = (name: string, error: unknown) => void;

/**
 * Answers one request: refuses senders that are not the app's own pages before anything else,
 * then validates the arguments and runs the handler through the shared dispatcher.
 */
export async function handleIpcRequest(
  handlers: Handlers,
  name: string,
  senderUrl: string | undefined,
  args: unknown,
  isTrustedSender: (frameUrl: string) => boolean,
  log: UnexpectedErrorLog,
): Promise<Result<unknown>> {
  if (senderUrl === undefined || !isTrustedSender(senderUrl)) {
    return fail('forbidden', `Only RoomReady's own window may send ${name}. Restart RoomReady if this keeps happening.`);
  }
  return dispatch(handlers, name, args, log);
}

/** One `ipcMain.handle` per request in the contract; returns a function that removes them all. */
export function registerIpc(
  ipcMain: Pick<IpcMain, 'handle' | 'removeHandler'>,
  handlers: Handlers,
  isTrustedSender: (frameUrl: string) => boolean,
  log: UnexpectedErrorLog,
): () => void {
  for (const name of requestNames) {
    ipcMain.handle(name, (event, args: unknown) =>
      // senderFrame is null once the frame has navigated away or been destroyed.
      handleIpcRequest(handlers, name, event.senderFrame?.url, args, isTrustedSender, log),
    );
  }
  return () => {
    for (const name of requestNames) ipcMain.removeHandler(name);
  };
}

/** What `forwardEvents` needs from a window. */
export interface EventReceiver {
  webContents: Pick<WebContents, 'send' | 'isDestroyed'>;
}

/** Sends every bus event to every open window; returns the unsubscribe. */
export function forwardEvents(bus: EventBus, getWindows: () => readonly EventReceiver[]): () => void {
  return bus.subscribe((name, payload) => {
    for (const window of getWindows()) {
      if (!window.webContents.isDestroyed()) window.webContents.send(name, payload);
    }
  });
}

import { describe, expect, it, vi } from 'vitest';
import { requestNames, type Handlers } from '../../../shared/api/contract';
import { handleIpcRequest } from '../../../electron/main/ipc';
import { appOrigin, isSameOrigin } from '../../../electron/main/security';

/** Arguments no request of the contract takes: wrong types, and an object with a key none defines. */
const malformedArguments: unknown[] = [42, 'rooms', null, true, [], { unexpectedKey: 1 }];

const foreignSenders = ['https://evil.example/', 'http://127.0.0.1:4780/', 'app://roomready.evil/index.html', 'file:///index.html', 'devtools://devtools/', undefined];

function recordingHandlers() {
  return Object.fromEntries(requestNames.map((name) => [name, vi.fn()])) as unknown as Record<string, ReturnType<typeof vi.fn>> & Handlers;
}

const trusted = (frameUrl: string) => isSameOrigin(frameUrl, appOrigin);
const noLog = () => {};

describe('every request of the contract, at the IPC boundary', () => {
  it.each(requestNames)('%s refuses malformed arguments without running its handler', async (name) => {
    const handlers = recordingHandlers();
    for (const args of malformedArguments) {
      const result = await handleIpcRequest(handlers, name, `${appOrigin}/index.html`, args, trusted, noLog);
      expect(result.ok, `${name} took ${JSON.stringify(args)}`).toBe(false);
      if (!result.ok) expect(result.error.code).toBe('invalid_argument');
    }
    expect(handlers[name]).not.toHaveBeenCalled();
  });

  it.each(requestNames)('%s refuses a sender that is not the app, before looking at the arguments', async (name) => {
    const handlers = recordingHandlers();
    for (const sender of foreignSenders) {
      const result = await handleIpcRequest(handlers, name, sender, undefined, trusted, noLog);
      expect(result.ok ? 'ok' : result.error.code, `${name} from ${String(sender)}`).toBe('forbidden');
    }
    expect(handlers[name]).not.toHaveBeenCalled();
  });
});

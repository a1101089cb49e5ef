import WebSocket from 'ws';

/** The host's API over its WebSocket, as a page of its own origin reaches it: how tests seed and read data. */
export async function hostApi(url: string) {
  const socket = await new Promise<WebSocket>((resolve, reject) => {
    const opened = new WebSocket(`${url.replace('http', 'ws')}/api`, { origin: url });
    opened.once('open', () => resolve(opened));
    opened.once('error', reject);
  });
  let nextId = 1;
  const call = <T>(name: string, args?: unknown) =>
    new Promise<T>((resolve, reject) => {
      const id = nextId++;
      const onMessage = (data: WebSocket.RawData) => {
        const message = JSON.parse(data.toString()) as { kind: string; id?: number; result?: { ok: boolean; value?: T; error?: unknown } };
        if (message.kind !== 'result' || message.id !== id) return;
        socket.off('message', onMessage);
        if (message.result?.ok) resolve(message.result.value as T);
        else reject(new Error(`${name} failed: ${JSON.stringify(message.result?.error)}`));
      };
      socket.on('message', onMessage);
      socket.send(JSON.stringify({ id, name, args }));
    });
  // Terminated rather than closed: a killed host never answers a closing handshake.
  return { call, close: () => socket.terminate() };
}

import type { IncomingMessage, ServerResponse } from 'node:http';

/** What crosses the stream to the page: the stream's own id first, then replies to calls and pushed events, in order. */
export type BridgeMessage = { stream: number } | { call: number; reply: unknown } | { call: number; error: string } | { event: string; payload: unknown };

export interface BridgeRoutes {
  /** Answers the bridge's two routes; false for any other request. */
  handle(req: IncomingMessage, res: ServerResponse): boolean;
  /** Sends an event to every page connected (none before the page loads, as in Electron). */
  emit(name: string, payload: unknown): void;
  close(): void;
}

// The e2e harness's stand-in for Electron's IPC pipe, on the renderer's own origin (the CSP's 'self'). Replies and
// events share one event stream, so the page receives them in the order main sent them, as over Electron's one pipe;
// a call is a POST that is answered on that stream. A Playwright binding did this before, at 50-90 ms a call of which
// the dispatch took 1-10 ms: the figures the ui bench takes in the page were mostly the binding's.
export function bridgeRoutes(answer: (channel: unknown, payload: unknown) => Promise<unknown>): BridgeRoutes {
  const streams = new Map<number, ServerResponse>();
  let nextStream = 0;
  const send = (res: ServerResponse, message: BridgeMessage) => res.write(`data: ${JSON.stringify(message)}\n\n`);
  // A page reloaded meanwhile has a new stream: the answer for the old one has no one to go to.
  const reply = (stream: number, message: BridgeMessage) => {
    const res = streams.get(stream);
    if (res) send(res, message);
  };

  return {
    handle(req, res) {
      const route = new URL(req.url ?? '/', 'http://x').pathname;
      if (route === '/__bridge/stream' && req.method === 'GET') {
        const id = ++nextStream;
        res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store' });
        streams.set(id, res);
        req.once('close', () => streams.delete(id));
        send(res, { stream: id });
        return true;
      }
      if (route === '/__bridge/invoke' && req.method === 'POST') {
        const chunks: Buffer[] = [];
        req.on('data', (c: Buffer) => chunks.push(c));
        req.once('end', () => {
          res.writeHead(204).end();
          const { stream, call, channel, payload } = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { stream: number; call: number; channel: unknown; payload: unknown };
          answer(channel, payload).then(
            (value) => reply(stream, { call, reply: value }),
            (e: unknown) => reply(stream, { call, error: e instanceof Error ? e.message : String(e) }),
          );
        });
        return true;
      }
      return false;
    },
    emit(name, payload) {
      for (const res of streams.values()) send(res, { event: name, payload });
    },
    close() {
      for (const res of streams.values()) res.end();
      streams.clear();
    },
  };
}

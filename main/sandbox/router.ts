import type { IncomingMessage, ServerResponse } from 'node:http';
import type { SandboxContext } from './context';
import { readBody, type Reply, type SandboxRequest } from './http-kit';
import type { FaultPlan, RequestInstruments } from './instruments';
import { authenticate, matchRoute } from './routes';
import type { CallRecord } from './types';

export interface RouterDeps {
  ctx: SandboxContext;
  /** Faults and /__sandbox/* routes, when a test or the bench plugged them in; the app's sandbox has none. */
  instruments: RequestInstruments | null;
  /** Aborted when the sandbox closes, so held-open answers stop waiting. */
  signal: AbortSignal;
}

/** No fault: what the app's sandbox (no instruments), an admin request or a handler outside the fault layer works with. */
const CALM: FaultPlan = {
  delayMs: 0,
  spike: false,
  throttle: false,
  error: 'none',
  drop: false,
  cancel: false,
  notReady: false,
  short: false,
  refuse: false,
  foreign: false,
};

/** One request: route it, pass it through the fault layer, answer it (or, for a dropped answer, cut the connection). */
export function createRequestListener(deps: RouterDeps) {
  return (msg: IncomingMessage, res: ServerResponse): void => {
    handle(msg, res, deps).catch(() => {
      // A failure inside the sandbox, or a close while an answer was held open: the caller sees a broken connection.
      if (!res.headersSent) send(res, { status: 500, body: { message: 'Sandbox internal error' } });
      else res.destroy();
    });
  };
}

async function handle(msg: IncomingMessage, res: ServerResponse, deps: RouterDeps): Promise<void> {
  const { ctx, instruments } = deps;
  const url = new URL(msg.url ?? '/', 'http://sandbox.local');
  const { body, invalidJson } = await readBody(msg);
  const method = msg.method ?? 'GET';
  const req: SandboxRequest = {
    method,
    path: url.pathname,
    query: url.searchParams,
    headers: msg.headers,
    body,
    invalidJson,
    params: {},
    signal: deps.signal,
    plan: CALM,
  };

  const admin = instruments?.admin(req) ?? null;
  if (admin) return send(res, admin);

  const match = matchRoute(method, url.pathname);
  if (!match) return send(res, { status: 404, body: { message: `No route for ${method} ${url.pathname}` } });
  const { route } = match;
  req.params = match.params;
  ctx.stats.request(route.endpoint);

  const plan = instruments?.plan(route.kind) ?? CALM;
  req.plan = plan;
  // Submits and lookups are logged per reference when handled (a held answer must not reorder the log).
  const reference = route.reference?.(req, ctx) ?? null;
  const log = (outcome: CallRecord['outcome']): CallRecord | null => {
    if (reference === null || (route.kind !== 'submit' && route.kind !== 'lookup')) return null;
    return ctx.stats.call(reference, { call: route.kind, outcome, answered: true });
  };
  if (plan.spike) ctx.stats.fault('spikes');
  if (plan.delayMs > 0) await ctx.clock.sleep(plan.delayMs, deps.signal);
  if (instruments && plan.throttle) {
    ctx.stats.fault('throttled');
    log('throttled');
    return send(res, instruments.tooManyRequests(route.api));
  }
  if (instruments && plan.error === 'before') {
    ctx.stats.fault('errors');
    log('server-error');
    return send(res, instruments.serverError(route.api));
  }

  const denied = authenticate(route.api, req, ctx);
  if (denied) {
    log('refused');
    return send(res, denied);
  }
  const hostile = instruments?.hostile({ api: route.api, kind: route.kind, endpoint: route.endpoint }) ?? null;
  hostile?.aim?.(req);
  const handled = hostile?.instead ? hostile.instead(req) : await route.handle(req, ctx);
  const reply = hostile?.rewrite ? hostile.rewrite(handled) : handled;
  const record = log(reply.outcome ?? 'refused');
  const hold = instruments?.holdAfterAcceptMs() ?? 0;
  if (reply.orderTaken && hold > 0) await ctx.clock.sleep(hold, deps.signal);

  if (instruments && plan.error === 'after') {
    ctx.stats.fault('errors');
    if (reply.orderTaken) ctx.stats.fault('errorsAfterAccept');
    if (record) record.answered = false;
    return send(res, instruments.serverError(route.api));
  }
  if (plan.drop && reply.orderTaken) {
    ctx.stats.fault('dropped');
    if (record) record.answered = false;
    res.socket?.destroy();
    return;
  }
  send(res, reply);
}

function send(res: ServerResponse, reply: Reply): void {
  if (reply.stream) return void sendStream(res, reply, reply.stream());
  const payload = reply.raw ? String(reply.body) : JSON.stringify(reply.body);
  res.writeHead(reply.status, {
    'content-type': reply.raw ? 'text/html; charset=utf-8' : 'application/json; charset=utf-8',
    ...reply.headers,
    'content-length': String(Buffer.byteLength(payload)),
  });
  res.end(payload);
}

/** Writes a streamed body as fast as the client takes it, and stops as soon as the client goes away. */
async function sendStream(res: ServerResponse, reply: Reply, pieces: Iterable<string>): Promise<void> {
  res.writeHead(reply.status, { 'content-type': 'application/json; charset=utf-8', ...reply.headers });
  for (const piece of pieces) {
    if (res.destroyed) return;
    if (!res.write(piece)) await new Promise<void>((resolve) => (res.once('drain', resolve), res.once('close', resolve)));
  }
  res.end();
}

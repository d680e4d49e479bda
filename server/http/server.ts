import http from 'node:http';
import type { Log } from '../log';
import { SyncHttpError, sendError } from './errors';
import { route, type RouteContext } from './routes';

// The centre's HTTP server: plain node:http, stateless (every request reads what it needs from the
// database), so several processes may serve one PostgreSQL. A refusal answers SyncErrorBody with its
// status and is logged; anything unexpected is a 500 (the workstation retries it).

export interface ExtraRoutes {
  /** answers the request if it is one of its paths (true) */
  handle(req: http.IncomingMessage, res: http.ServerResponse, url: URL): Promise<boolean>;
}

export function createCentreServer(ctx: RouteContext & { extra?: ExtraRoutes }): http.Server {
  const log: Log = ctx.log;
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://centre');
    const fields: Record<string, unknown> = {};
    const note = (f: Record<string, unknown>) => Object.assign(fields, f);
    const where = () => ({ method: req.method, path: url.pathname, remote: req.socket.remoteAddress, ...fields });
    (async () => {
      if (ctx.extra && (await ctx.extra.handle(req, res, url))) return;
      await route(ctx, req, res, url, note);
    })().catch((e: unknown) => {
      req.resume(); // whatever of the body is left is read and dropped
      if (e instanceof SyncHttpError) {
        log({ level: 'warn', event: 'refused', status: e.status, code: e.code, detail: e.detail, ...where() });
        // a body we stopped reading: close the connection after the answer
        const close = e.code === 'body_too_large' ? { Connection: 'close' } : undefined;
        return sendError(res, e, close);
      }
      log({ level: 'error', event: 'internal_error', error: e instanceof Error ? (e.stack ?? e.message) : String(e), ...where() });
      sendError(res, new SyncHttpError('internal', 'the centre could not complete the request; try again later'));
    });
  });
  // a slow link may take long over a large upload, but a silent client must not hold a socket
  server.headersTimeout = 30_000;
  server.requestTimeout = 0;
  server.timeout = 120_000;
  // longer than a workstation takes to apply a big page before it asks for the next one on the same
  // connection (a closed idle socket turned a slow first pull into an offline round)
  server.keepAliveTimeout = 65_000;
  return server;
}

import type http from 'node:http';
import { DayCloseRequest, EnrolRequest, MAX_DAY_CLOSE_BYTES, MAX_PUSH_BYTES, PROTOCOL_VERSION, PullQuery, type HealthResponse } from '@shared/sync/protocol';
import type { z } from 'zod';
import type { Db } from '../db/types';
import type { Log } from '../log';
import { authenticate, type Device } from '../devices/authenticate';
import { enrol } from '../devices/enrolment';
import { getSetting } from '../settings';
import { applyPush, parsePushBody, tableBlobIndex } from '../sync/push';
import { readChanges } from '../sync/feed';
import { dayClose } from '../sync/day-close';
import { readJson } from './body';
import { SyncHttpError, sendJson } from './errors';

/** The blob module's routes (server/blobs): tus uploads under /v1/uploads, HEAD/GET /v1/blobs/<sha256>. */
export interface BlobRoutes {
  /** answers the request if it is one of its paths (true), else leaves it (false) */
  handle(req: http.IncomingMessage, res: http.ServerResponse, device: Device): Promise<boolean>;
  /** the shas of those given that the centre does not have */
  hasBlobs(shas: string[]): Promise<string[]>;
  /** starts reading a scan's body while the credential is checked */
  readAhead?(req: http.IncomingMessage): void;
  /** drops what readAhead read of a request refused */
  dropReadAhead?(req: http.IncomingMessage): void;
}

export interface RouteContext {
  db: Db;
  log: Log;
  blobRoutes?: BlobRoutes;
}

const ENROL_BYTES = 16 * 1024;

function parse<S extends z.ZodType>(schema: S, value: unknown): z.infer<S> {
  const r = schema.safeParse(value);
  if (r.success) return r.data;
  const issue = r.error.issues[0];
  throw new SyncHttpError('invalid_request', `${issue?.path.join('.') || 'body'}: ${issue?.message ?? 'invalid'}`);
}

/** Answers one request of the protocol; throws SyncHttpError to refuse it. */
export async function route(ctx: RouteContext, req: http.IncomingMessage, res: http.ServerResponse, url: URL, note: (fields: Record<string, unknown>) => void): Promise<void> {
  const { db, log } = ctx;
  const p = url.pathname;
  const method = req.method ?? 'GET';
  const only = (m: string) => {
    if (method !== m) throw new SyncHttpError('method_not_allowed', `${method} ${p}: use ${m}`);
  };

  if (p === '/v1/health') {
    only('GET');
    const body: HealthResponse = { status: 'ok', protocol: PROTOCOL_VERSION, centreName: (await getSetting(db, 'centre_name')) ?? '' };
    return sendJson(res, 200, body);
  }
  if (p === '/v1/enrol') {
    only('POST');
    const input = parse(EnrolRequest, await readJson(req, ENROL_BYTES));
    note({ device: input.deviceId });
    const out = await enrol(db, input);
    log({ level: 'info', event: 'enrolled', device: out.deviceId, name: input.deviceName, departments: out.departments });
    return sendJson(res, 200, out);
  }

  const isBlobPath = p.startsWith('/v1/uploads') || p.startsWith('/v1/blobs/');
  const known = p === '/v1/push' || p === '/v1/changes' || p === '/v1/day-close' || isBlobPath;
  if (!known) throw new SyncHttpError('not_found', `no such endpoint: ${p}`);

  // every other request carries the device credential. Nothing is read before it is checked but
  // the body of an upload up to 8 MiB (a scan), held in memory meanwhile and dropped if refused:
  // a scan's lookup took as long as a tenth of its transfer (bench/sync).
  if (isBlobPath) ctx.blobRoutes?.readAhead?.(req);
  const device = await authenticate(db, req.headers.authorization).catch((e: unknown) => {
    ctx.blobRoutes?.dropReadAhead?.(req);
    throw e;
  });
  note({ device: device.id });

  if (isBlobPath) {
    if (ctx.blobRoutes && (await ctx.blobRoutes.handle(req, res, device))) return;
    throw new SyncHttpError('not_found', `no such blob endpoint: ${method} ${p}`);
  }
  if (p === '/v1/push') {
    only('POST');
    const items = parsePushBody(await readJson(req, MAX_PUSH_BYTES));
    const results = await applyPush(db, device, items, ctx.blobRoutes ?? tableBlobIndex(db), log);
    const counts = results.reduce<Record<string, number>>((n, r) => ({ ...n, [r.status]: (n[r.status] ?? 0) + 1 }), {});
    log({ level: 'info', event: 'push', device: device.id, ...counts });
    return sendJson(res, 200, { results });
  }
  if (p === '/v1/changes') {
    only('GET');
    const q = parse(PullQuery, Object.fromEntries(url.searchParams));
    return sendJson(res, 200, await readChanges(db, device, q.after, q.limit));
  }
  only('POST');
  const input = parse(DayCloseRequest, await readJson(req, MAX_DAY_CLOSE_BYTES));
  const report = await dayClose(db, device, input);
  log({ level: report.matched ? 'info' : 'warn', event: 'day_close', device: device.id, day: input.day, matched: report.matched, missingAtCentre: report.missingAtCentre.length, unknownToDevice: report.unknownToDevice.length, different: report.different.length });
  return sendJson(res, 200, report);
}

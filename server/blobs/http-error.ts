import type { ServerResponse } from 'node:http';
import { SYNC_ERRORS, type SyncErrorCode } from '../../shared/sync/errors';

// Every refusal of server/blobs is a SyncErrorBody (shared/sync/protocol.ts) whose status follows
// from its code (shared/sync/errors.ts). Thrown from tus hooks as { status_code, body }.

export interface HttpError {
  status_code: number;
  body: string;
}

export const errorBody = (code: SyncErrorCode, detail: string): string => JSON.stringify({ code, detail });

export const httpError = (code: SyncErrorCode, detail: string): HttpError => ({ status_code: SYNC_ERRORS[code], body: errorBody(code, detail) });

export function isHttpError(e: unknown): e is HttpError {
  return typeof e === 'object' && e !== null && typeof (e as HttpError).status_code === 'number' && typeof (e as HttpError).body === 'string';
}

/** Answers a refusal; a HEAD gets the status and headers only. */
export function sendError(res: ServerResponse, code: SyncErrorCode, detail: string, headOnly = false, extra: Record<string, string> = {}): void {
  const body = errorBody(code, detail);
  res.writeHead(SYNC_ERRORS[code], { 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': Buffer.byteLength(body), 'Cache-Control': 'no-store', ...extra });
  res.end(headOnly ? undefined : body);
}

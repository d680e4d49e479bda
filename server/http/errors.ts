import type http from 'node:http';
import { SYNC_ERRORS, type SyncErrorCode } from '@shared/sync/errors';

/** A refusal: the status follows from the code (shared/sync/errors.ts). */
export class SyncHttpError extends Error {
  readonly status: number;
  constructor(readonly code: SyncErrorCode, readonly detail: string) {
    super(`${code}: ${detail}`);
    this.status = SYNC_ERRORS[code];
  }
}

const HEADERS = {
  'Content-Type': 'application/json; charset=utf-8',
  'Cache-Control': 'no-store',
  'X-Content-Type-Options': 'nosniff',
};

export function sendJson(res: http.ServerResponse, status: number, body: unknown, extra: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { ...HEADERS, 'Content-Length': Buffer.byteLength(text), ...extra });
  res.end(text);
}

export function sendError(res: http.ServerResponse, e: SyncHttpError, extra: Record<string, string> = {}): void {
  if (res.headersSent) return void res.destroy();
  sendJson(res, e.status, { code: e.code, detail: e.detail }, extra);
}

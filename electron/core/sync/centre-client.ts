import type { z } from 'zod';
import {
  DayCloseResponse, EnrolResponse, PullResponse, PushResponse, SyncErrorBody,
  type DayCloseRequest, type EnrolRequest, type PushRequest,
} from '@shared/sync/protocol';

// The centre's HTTP API as the workstation calls it (shared/sync/protocol.ts, docs/sync-protocol.md):
// fetch with a timeout on every request, answers checked against the protocol's schemas, and every
// failure sorted into what the sync engine does about it.

/**
 * network:  no answer (refused, reset, timed out) — offline, retry later
 * server:   5xx — retry later
 * revoked:  401/403 — the device credential is unknown or revoked: stop until enrolled again
 * too_large: 413 — the batch was too big: send fewer
 * refused:  any other 4xx on the whole request — stop and show it
 * bad_answer: 2xx whose body does not match the protocol — retry later
 * aborted:  the engine is closing
 */
export type CentreErrorKind = 'network' | 'server' | 'revoked' | 'too_large' | 'refused' | 'bad_answer' | 'aborted';

export class CentreError extends Error {
  constructor(
    readonly kind: CentreErrorKind,
    readonly detail: string,
    readonly status: number | null = null,
    readonly code: string | null = null,
  ) {
    super(`centre ${kind}${status ? ` ${status}` : ''}${code ? ` ${code}` : ''}: ${detail}`);
    this.name = 'CentreError';
  }
}

export interface CentreClientOptions {
  /** e.g. http://127.0.0.1:8750 (no trailing slash needed) */
  baseUrl: string;
  /** `<deviceId>.<secret>`; absent for enrolment */
  credential?: string;
  /** per request (default 20 s; pulls of large pages get longer) */
  timeoutMs?: number;
  /** aborts everything in flight (the engine closing) */
  signal?: AbortSignal;
}

export class CentreClient {
  private readonly base: string;
  constructor(private readonly opts: CentreClientOptions) {
    this.base = opts.baseUrl.replace(/\/+$/, '');
  }

  get baseUrl(): string {
    return this.base;
  }

  /** `<deviceId>.<secret>` (the tus uploader sends it too) */
  get credential(): string | null {
    return this.opts.credential ?? null;
  }

  private get authorization(): string | null {
    return this.opts.credential ? `Bearer ${this.opts.credential}` : null;
  }

  enrol(body: z.input<typeof EnrolRequest>): Promise<z.output<typeof EnrolResponse>> {
    return this.json('POST', '/v1/enrol', EnrolResponse, body);
  }

  push(body: z.input<typeof PushRequest>): Promise<z.output<typeof PushResponse>> {
    return this.json('POST', '/v1/push', PushResponse, body);
  }

  changes(after: number, limit: number): Promise<z.output<typeof PullResponse>> {
    return this.json('GET', `/v1/changes?after=${after}&limit=${limit}`, PullResponse, undefined, 60_000);
  }

  /** 日结: the centre's counts and hashes of the day against this device's (a day's records may take a while). */
  dayClose(body: z.input<typeof DayCloseRequest>): Promise<z.output<typeof DayCloseResponse>> {
    return this.json('POST', '/v1/day-close', DayCloseResponse, body, 120_000);
  }

  /** Whether the centre already has the blob (HEAD /v1/blobs/<sha256>). */
  async hasBlob(sha256: string): Promise<boolean> {
    const res = await this.request('HEAD', `/v1/blobs/${sha256}`);
    if (res.status === 404) return false;
    if (res.ok) return true;
    throw await failure(res);
  }

  private async json<S extends z.ZodType>(method: string, path: string, schema: S, body?: unknown, timeoutMs?: number): Promise<z.output<S>> {
    const res = await this.request(method, path, body, timeoutMs);
    if (!res.ok) throw await failure(res);
    let raw: unknown;
    try {
      raw = await res.json();
    } catch (e) {
      throw this.fetchFailure(e, `${method} ${path}: unreadable body`);
    }
    const parsed = schema.safeParse(raw);
    if (!parsed.success) throw new CentreError('bad_answer', `${method} ${path}: ${parsed.error.message.slice(0, 300)}`, res.status);
    return parsed.data;
  }

  private async request(method: string, path: string, body?: unknown, timeoutMs?: number): Promise<Response> {
    const headers: Record<string, string> = { accept: 'application/json' };
    if (this.authorization) headers.authorization = this.authorization;
    if (body !== undefined) headers['content-type'] = 'application/json';
    const timeout = AbortSignal.timeout(timeoutMs ?? this.opts.timeoutMs ?? 20_000);
    const signal = this.opts.signal ? AbortSignal.any([timeout, this.opts.signal]) : timeout;
    try {
      return await fetch(`${this.base}${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body), signal });
    } catch (e) {
      throw this.fetchFailure(e, `${method} ${path}`);
    }
  }

  private fetchFailure(e: unknown, what: string): CentreError {
    if (this.opts.signal?.aborted) return new CentreError('aborted', what);
    const cause = e instanceof Error && e.cause instanceof Error ? `: ${e.cause.message}` : '';
    return new CentreError('network', `${what}: ${e instanceof Error ? e.message : String(e)}${cause}`);
  }
}

async function failure(res: Response): Promise<CentreError> {
  let code: string | null = null;
  let detail = res.statusText;
  try {
    const body = SyncErrorBody.safeParse(await res.json());
    if (body.success) ({ code, detail } = body.data);
  } catch {
    // not JSON: the status says enough
  }
  const kind: CentreErrorKind =
    res.status >= 500 ? 'server'
    : res.status === 401 || res.status === 403 ? 'revoked'
    : res.status === 413 ? 'too_large'
    : 'refused';
  return new CentreError(kind, detail, res.status, code);
}

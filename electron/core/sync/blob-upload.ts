import { DetailedError, Upload } from 'tus-js-client';
import { SyncErrorBody } from '@shared/sync/protocol';
import { BlobSource, blobFileReader, type OpenBlob } from './blob-source';

// Uploads one blob to the centre (docs/sync-protocol.md, "Blobs"): HEAD /v1/blobs/<sha256> first
// (nothing to send if the centre has it; skipped for a new small blob, see attemptOnce), then tus
// at /v1/uploads, resuming the upload whose URL the store kept (also after a restart). Network
// errors, 5xx, 409 and 423 are retried with backoff, resuming at the centre's offset; other 4xx
// stop for good with the centre's code.
// Every request carries the device credential.
//
// Requests per blob are few on purpose (each is authenticated and looked up at the centre; the
// sync benchmark showed them, as much as the bytes, bounding the upload of many 1–5 MB scans): a
// new upload of a blob up to `bytesWithCreation` sends its bytes with the POST that creates it
// (tus creation-with-upload; a cut sends it again from the start), a larger one with a PATCH
// after it (a cut resumes where the centre got to). The centre answers the request carrying the
// last byte only once it verified, flushed and recorded the blob, so no HEAD follows it.

export interface UploadStateStore {
  /** the tus upload URL kept for this blob, if an upload was started */
  get(sha256: string): string | null | undefined | Promise<string | null | undefined>;
  set(sha256: string, url: string): void | Promise<void>;
  delete(sha256: string): void | Promise<void>;
}

export interface UploadBlobOptions {
  /** e.g. https://centre.example.gov.cn (no trailing /v1) */
  centreUrl: string;
  /** `<deviceId>.<secret>` */
  credential: string;
  sha256: string;
  size: number;
  /** opens the blob's bytes from the start; called again when an upload resumes */
  read: OpenBlob;
  store: UploadStateStore;
  signal?: AbortSignal;
  /** bytes the centre has or is being sent, of `total`; may step back after a cut */
  onProgress?: (done: number, total: number) => void;
  /** waits between attempts after a network error or 5xx; reset whenever bytes went through */
  retryDelaysMs?: readonly number[];
  /** an attempt with no request started, no byte sent and no answer for this long is given up (a stalled line) */
  stallTimeoutMs?: number;
  filename?: string;
  /** a new upload of a blob this small goes in one request (default BYTES_WITH_CREATION) */
  bytesWithCreation?: number;
}

export type UploadBlobResult =
  | { ok: true; outcome: 'present' | 'uploaded' }
  /** the centre refused for good (4xx): `code` is its SyncErrorBody code */
  | { ok: false; reason: 'rejected'; status: number; code: string; detail: string }
  /** the centre could not be reached or kept failing (network, 5xx) after every retry: try later */
  | { ok: false; reason: 'unavailable'; status: number | null; code: string; detail: string }
  /** the blob's bytes could not be read here */
  | { ok: false; reason: 'unreadable'; detail: string }
  | { ok: false; reason: 'aborted' };

export const DEFAULT_RETRY_DELAYS_MS: readonly number[] = [1000, 2000, 5000, 10_000, 20_000, 30_000];
/** Long enough for the centre to hash a 200 MB upload before it answers the last PATCH. */
export const DEFAULT_STALL_TIMEOUT_MS = 60_000;
/** Scans are 1–5 MB: each goes in one request; a cut costs at most this much sent again. */
export const BYTES_WITH_CREATION = 6 * 1024 * 1024;

type Unavailable = Extract<UploadBlobResult, { reason: 'unavailable' }>;
/**
 * One attempt: finished (either way), or failed for now. `from` is the offset the centre had when
 * the attempt began sending: a later attempt that begins further on shows bytes went through.
 */
type Attempt = { final: UploadBlobResult } | { retry: Unavailable; from: number | null };

const ABORTED: UploadBlobResult = { ok: false, reason: 'aborted' };

export async function uploadBlob(o: UploadBlobOptions): Promise<UploadBlobResult> {
  const delays = o.retryDelaysMs ?? DEFAULT_RETRY_DELAYS_MS;
  let failures = 0;
  let furthest = -1;
  for (let n = 0; ; n++) {
    if (o.signal?.aborted) return ABORTED;
    const attempt = await attemptOnce(o, n === 0);
    if ('final' in attempt) return attempt.final;
    if (attempt.from !== null && attempt.from > furthest) {
      furthest = attempt.from;
      failures = 0;
    }
    const delay = delays[failures++];
    if (delay === undefined) return attempt.retry;
    if (!(await sleep(delay, o.signal))) return ABORTED;
  }
}

async function attemptOnce(o: UploadBlobOptions, first: boolean): Promise<Attempt> {
  const kept = (await o.store.get(o.sha256)) ?? null;
  // A blob that goes in one request is sent without asking first: a centre that has it already
  // records nothing new (the sync engine sends blobs the centre lacks, so that is rare), and the
  // HEAD it saves was a tenth of a scan's time. A retry asks: the bytes may have arrived.
  if (!first || kept !== null || !goesWithCreation(o)) {
    const before = await headBlob(o);
    if (before !== 'absent') return before;
  }
  const outcome = await runTus(o, kept);
  if (outcome !== 'finished') return outcome;
  // the centre answered the last byte: it has verified, flushed and recorded the blob
  await o.store.delete(o.sha256);
  return { final: { ok: true, outcome: 'uploaded' } };
}

async function headBlob(o: UploadBlobOptions): Promise<Attempt | 'absent'> {
  let res: Response;
  try {
    const timeout = AbortSignal.timeout(o.stallTimeoutMs ?? DEFAULT_STALL_TIMEOUT_MS);
    res = await fetch(`${base(o)}/v1/blobs/${o.sha256}`, { method: 'HEAD', headers: authHeaders(o), signal: o.signal ? AbortSignal.any([o.signal, timeout]) : timeout });
  } catch (e) {
    if (o.signal?.aborted) return { final: ABORTED };
    return { retry: unavailable(null, 'network', `HEAD /v1/blobs: ${describe(e)}`), from: null };
  }
  if (res.status === 200) {
    await o.store.delete(o.sha256);
    o.onProgress?.(o.size, o.size);
    return { final: { ok: true, outcome: 'present' } };
  }
  if (res.status === 404) return 'absent';
  const code = HEAD_CODES[res.status] ?? `http_${res.status}`;
  if (isTransient(res.status)) return { retry: unavailable(res.status, code, `HEAD /v1/blobs answered ${res.status}`), from: null };
  return { final: { ok: false, reason: 'rejected', status: res.status, code, detail: `HEAD /v1/blobs answered ${res.status}` } };
}

/** HEAD answers carry no body: the code comes from the status. */
const HEAD_CODES: Record<number, string> = { 400: 'bad_sha256', 401: 'unauthorized', 403: 'forbidden' };

function runTus(o: UploadBlobOptions, keptUrl: string | null): Promise<'finished' | Attempt> {
  return new Promise((resolve) => {
    let settled = false;
    let url = keptUrl;
    let from: number | null = null;
    // a line that stalls never errors: without requests starting, bytes going or answers coming
    // for stallTimeoutMs, the attempt is given up (and retried, resuming)
    const stallMs = o.stallTimeoutMs ?? DEFAULT_STALL_TIMEOUT_MS;
    let lastActivity = Date.now();
    const alive = () => void (lastActivity = Date.now());
    const watchdog = setInterval(() => {
      if (Date.now() - lastActivity > stallMs) stop({ retry: unavailable(null, 'stalled', `nothing moved for ${stallMs} ms`), from });
    }, Math.max(10, Math.min(1000, stallMs / 4)));
    const settle = (v: 'finished' | Attempt) => {
      if (settled) return;
      settled = true;
      clearInterval(watchdog);
      o.signal?.removeEventListener('abort', onAbort);
      source.close();
      resolve(v);
    };
    const stop = (v: Attempt) => void upload.abort(false).finally(() => settle(v));
    const source = new BlobSource(o.read, o.size, (e) => stop({ final: { ok: false, reason: 'unreadable', detail: e.message } }));
    const onAbort = () => stop({ final: ABORTED });

    const upload = new Upload(source as never, {
      endpoint: `${base(o)}/v1/uploads`,
      uploadUrl: keptUrl,
      uploadSize: o.size,
      metadata: { sha256: o.sha256, ...(o.filename ? { filename: o.filename } : {}) },
      headers: authHeaders(o),
      chunkSize: Number.POSITIVE_INFINITY,
      uploadDataDuringCreation: keptUrl === null && goesWithCreation(o),
      retryDelays: null, // our loop retries, with a fresh HEAD /v1/blobs each time
      storeFingerprintForResuming: false,
      fileReader: blobFileReader(source),
      onUploadUrlAvailable: () => {
        if (upload.url && upload.url !== url) {
          url = upload.url;
          void Promise.resolve(o.store.set(o.sha256, upload.url)).catch(() => undefined);
        }
      },
      onProgress: (sent, total) => {
        alive();
        from ??= sent; // the first report of an attempt is the offset it starts from
        o.onProgress?.(sent, total);
      },
      onBeforeRequest: alive,
      onAfterResponse: alive,
      onSuccess: () => settle('finished'),
      onError: (err) => {
        if (source.failure) return settle({ final: { ok: false, reason: 'unreadable', detail: source.failure.message } });
        void classify(o, err, from).then(settle);
      },
    });
    if (o.signal?.aborted) return settle({ final: ABORTED });
    o.signal?.addEventListener('abort', onAbort, { once: true });
    upload.start();
  });
}

async function classify(o: UploadBlobOptions, err: Error, from: number | null): Promise<Attempt> {
  const res = err instanceof DetailedError ? err.originalResponse : null;
  if (!res) return { retry: unavailable(null, 'network', describe(err)), from };
  const status = res.getStatus();
  const body = SyncErrorBody.safeParse(safeJson(res.getBody()));
  const code = body.success ? body.data.code : `http_${status}`;
  const detail = body.success ? body.data.detail : res.getBody().slice(0, 300) || err.message;
  if (status === 404 || status === 410) {
    // the kept upload is gone (expired, or finished meanwhile): the next attempt starts afresh
    await o.store.delete(o.sha256);
    return { retry: unavailable(status, code, detail), from };
  }
  if (isTransient(status)) return { retry: unavailable(status, code, detail), from };
  if (status !== 401 && status !== 403) await o.store.delete(o.sha256);
  return { final: { ok: false, reason: 'rejected', status, code, detail } };
}

const goesWithCreation = (o: UploadBlobOptions) => o.size <= (o.bytesWithCreation ?? BYTES_WITH_CREATION);

const isTransient = (status: number) => status >= 500 || status === 409 || status === 423 || status === 429;

const unavailable = (status: number | null, code: string, detail: string): Unavailable => ({ ok: false, reason: 'unavailable', status, code, detail });

const base = (o: UploadBlobOptions) => o.centreUrl.replace(/\/+$/, '');
const authHeaders = (o: UploadBlobOptions) => ({ Authorization: `Bearer ${o.credential}` });

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

function describe(e: unknown): string {
  if (!(e instanceof Error)) return String(e);
  const cause = (e as Error & { cause?: unknown }).cause ?? (e as DetailedError).causingError;
  return cause instanceof Error ? `${e.message} (${cause.message})` : e.message;
}

function sleep(ms: number, signal?: AbortSignal): Promise<boolean> {
  return new Promise((resolve) => {
    if (signal?.aborted) return resolve(false);
    const done = (ok: boolean) => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
      resolve(ok);
    };
    const onAbort = () => done(false);
    const timer = setTimeout(() => done(true), ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

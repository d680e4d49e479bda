import { createReadStream } from 'node:fs';
import fs from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { pipeline } from 'node:stream/promises';
import { Server, type Upload } from '@tus/server';
import type { SyncErrorCode } from '../../shared/sync/errors';
import { BlobMetadata, Sha256 } from '../../shared/sync/protocol';
import { blobPath, uploadsDir } from './blob-files';
import { errorBody, httpError, isHttpError, sendError } from './http-error';
import type { BlobDb, BlobDevice, BlobLog } from './types';
import { HashingFileStore } from './hashing-file-store';
import { dropReadAhead, readAhead, readBodiesFromNode } from './node-body';
import { createUploadFinisher } from './upload-finish';

// The centre's blob endpoints (docs/sync-protocol.md, "Blobs"):
//   /v1/uploads[/<id>]   tus 1.0 (creation, termination, expiration), files in <data-dir>/uploads
//   /v1/blobs/<sha256>   HEAD: kept or not; GET: the bytes
// The caller has authenticated the device; an upload belongs to the device that created it.

export const DEFAULT_MAX_UPLOAD_BYTES = 200 * 1024 * 1024;
export const DEFAULT_UPLOAD_EXPIRY_MS = 7 * 24 * 3600 * 1000;
const UPLOADS_PATH = '/v1/uploads';
const UPLOAD_ID = /^[0-9a-f]{32}$/; // @tus/server's default naming: 16 random bytes, hex

export interface BlobRoutesOptions {
  dataDir: string;
  db: BlobDb;
  log: BlobLog;
  /** largest blob accepted, in bytes (default 200 MB) */
  maxUploadBytes?: number;
  /** an unfinished upload older than this is dropped by sweepExpiredUploads (default 7 days) */
  uploadExpiryMs?: number;
}

export interface BlobRoutes {
  /** Answers /v1/uploads… and /v1/blobs/…; false for any other path (nothing written). */
  handle(req: IncomingMessage, res: ServerResponse, device: BlobDevice): Promise<boolean>;
  /** The SHA-256s of `shas` the centre does not keep (push answers `missing_blobs` with them). */
  hasBlobs(shas: string[]): Promise<string[]>;
  /** Deletes unfinished uploads past their expiry; returns how many. Runs at start; run it now and then. */
  sweepExpiredUploads(): Promise<number>;
  /** Starts reading a scan's body while the device's credential is checked (node-body.ts). */
  readAhead(req: IncomingMessage): void;
  /** Drops what readAhead read of a request refused before handle(). */
  dropReadAhead(req: IncomingMessage): void;
}

/** tus's own refusals, as SyncErrorBody codes. */
const TUS_CODES: Record<number, SyncErrorCode> = {
  400: 'upload_bad_request',
  403: 'upload_bad_request', // tus uses 403 for a missing Upload-Offset or Content-Type
  404: 'upload_not_found',
  409: 'upload_offset_mismatch',
  410: 'upload_gone',
  413: 'blob_too_large',
};

export function createBlobRoutes({ dataDir, db, log, maxUploadBytes = DEFAULT_MAX_UPLOAD_BYTES, uploadExpiryMs = DEFAULT_UPLOAD_EXPIRY_MS }: BlobRoutesOptions): BlobRoutes {
  const store = new HashingFileStore({ directory: uploadsDir(dataDir), expirationPeriodInMilliseconds: uploadExpiryMs });
  const finisher = createUploadFinisher({ dataDir, db, log, store });
  // the device of each request in flight, for the tus hooks (they see a web Request)
  const devices = new WeakMap<IncomingMessage, BlobDevice>();

  const tus = new Server({
    path: UPLOADS_PATH,
    datastore: store,
    maxSize: maxUploadBytes,
    relativeLocation: true,
    disableTerminationForFinishedUploads: true,
    async onUploadCreate(req, upload) {
      const device = deviceOf(req);
      if (!device) throw httpError('internal', 'no device for this request');
      const refuse = (code: 'blob_metadata_invalid' | 'blob_length_required', detail: string) => {
        log({ level: 'warn', event: 'refused', status: 400, code, detail, device: device.id, path: UPLOADS_PATH });
        return httpError(code, detail);
      };
      const parsed = BlobMetadata.safeParse(upload.metadata ?? {});
      if (!parsed.success) {
        throw refuse('blob_metadata_invalid', `Upload-Metadata must carry sha256 (64 lowercase hex) and may carry filename: ${parsed.error.issues.map((i) => `${i.path.join('.') || '(metadata)'}: ${i.message}`).join('; ')}`);
      }
      if (upload.size === undefined) throw refuse('blob_length_required', 'Upload-Length is required (deferred length is not supported)');
      if (req.headers.get('content-type') === 'application/offset+octet-stream' && Number(req.headers.get('content-length')) === upload.size) store.announceWholeBody(upload.id);
      return { metadata: { ...parsed.data, uploaded_by: device.id } };
    },
    async onUploadFinish(_req, upload) {
      await finisher.finish(upload);
      return {};
    },
    onResponseError(req, err) {
      if (isHttpError(err) && err.body.startsWith('{')) return err; // ours: a SyncErrorBody, logged where it was thrown
      const where = { device: deviceOf(req)?.id, method: req.method, path: new URL(req.url).pathname };
      if (isHttpError(err) && err.status_code < 500) {
        const code = TUS_CODES[err.status_code] ?? 'upload_bad_request';
        log({ level: 'warn', event: 'refused', status: err.status_code, code, detail: err.body.trim(), ...where });
        return { status_code: err.status_code, body: errorBody(code, err.body.trim()) };
      }
      log({ level: 'error', event: 'blob_upload_error', error: err instanceof Error ? (err.stack ?? err.message) : err.body, ...where });
      return { status_code: 500, body: errorBody('internal', 'the upload could not be processed; try again later') };
    },
  });

  readBodiesFromNode(tus);

  function deviceOf(req: { runtime?: { node?: { req: unknown } } }): BlobDevice | undefined {
    const node = req.runtime?.node?.req;
    return node ? devices.get(node as IncomingMessage) : undefined;
  }

  async function uploadOf(id: string): Promise<Upload | null> {
    try {
      return await store.getUpload(id);
    } catch {
      return null;
    }
  }

  async function handleUpload(req: IncomingMessage, res: ServerResponse, device: BlobDevice, pathname: string): Promise<void> {
    readAhead(req);
    const id = pathname.length > UPLOADS_PATH.length + 1 ? pathname.slice(UPLOADS_PATH.length + 1) : null;
    if (req.method === 'GET') return sendError(res, 'method_not_allowed', 'uploads are not readable; GET /v1/blobs/<sha256> once kept');
    if (id !== null) {
      if (!UPLOAD_ID.test(id)) return sendError(res, 'upload_not_found', 'no such upload', req.method === 'HEAD');
      const upload = await uploadOf(id);
      if (upload && upload.metadata?.uploaded_by !== device.id) {
        log({ level: 'warn', event: 'refused', status: 404, code: 'upload_not_found', detail: 'an upload of another device', upload: id, owner: upload.metadata?.uploaded_by, device: device.id, method: req.method });
        return sendError(res, 'upload_not_found', 'no such upload', req.method === 'HEAD');
      }
      // An upload whose bytes all arrived but which was never finished (the centre stopped, or the
      // answer was lost) is finished when its client comes back to resume it.
      if (req.method === 'HEAD' && upload && upload.size !== undefined && upload.offset === upload.size) {
        try {
          await finisher.finish(upload);
        } catch (e) {
          if (isHttpError(e)) {
            res.writeHead(e.status_code, { 'Tus-Resumable': '1.0.0', 'Content-Type': 'application/json; charset=utf-8' });
            return void res.end();
          }
          throw e;
        }
        res.writeHead(200, {
          'Tus-Resumable': '1.0.0',
          'Upload-Offset': String(upload.size),
          'Upload-Length': String(upload.size),
          'Cache-Control': 'no-store',
        });
        return void res.end();
      }
    }
    devices.set(req, device);
    await tus.handle(req, res);
  }

  async function keptSize(sha256: string): Promise<number | null> {
    const { rows } = await db.query<{ size: number | bigint | string }>('SELECT size FROM blobs WHERE sha256 = $1', [sha256]);
    return rows[0] ? Number(rows[0].size) : null;
  }

  async function handleBlob(req: IncomingMessage, res: ServerResponse, raw: string): Promise<void> {
    const head = req.method === 'HEAD';
    if (!head && req.method !== 'GET') {
      res.setHeader('Allow', 'GET, HEAD');
      return sendError(res, 'method_not_allowed', 'blobs are read with GET or HEAD and uploaded with tus at /v1/uploads');
    }
    const sha = Sha256.safeParse(raw);
    if (!sha.success) return sendError(res, 'bad_sha256', 'a blob is named by its SHA-256: 64 lowercase hex', head);
    const size = await keptSize(sha.data);
    if (size === null) return sendError(res, 'blob_not_found', `the centre does not have blob ${sha.data}`, head);
    const headers = {
      'Content-Type': 'application/octet-stream',
      'Content-Length': String(size),
      ETag: `"${sha.data}"`,
      'Cache-Control': 'private, max-age=31536000, immutable',
    };
    if (head) {
      res.writeHead(200, headers);
      return void res.end();
    }
    const file = blobPath(dataDir, sha.data);
    const stat = await fs.stat(file).catch(() => null);
    if (!stat || stat.size !== size) {
      log({ level: 'error', event: 'blob_file_missing', sha256: sha.data, expected: size, found: stat?.size ?? null });
      return sendError(res, 'internal', 'the centre cannot read this blob');
    }
    res.writeHead(200, headers);
    await pipeline(createReadStream(file), res).catch((e: NodeJS.ErrnoException) => {
      if (e.code !== 'ERR_STREAM_PREMATURE_CLOSE') throw e; // the reader went away: nothing to do
    });
  }

  let sweeping: Promise<number> | null = null; // one sweep at a time (two would delete the same files)
  const sweep = (): Promise<number> =>
    (sweeping ??= (async () => {
      await fs.mkdir(uploadsDir(dataDir), { recursive: true });
      return tus.cleanUpExpiredUploads();
    })().finally(() => (sweeping = null)));
  void sweep().catch((e: unknown) => log({ level: 'error', event: 'blob_sweep_failed', error: String(e) }));

  return {
    async handle(req, res, device) {
      const { pathname } = new URL(req.url ?? '/', 'http://centre.invalid');
      const isUploads = pathname === UPLOADS_PATH || pathname.startsWith(`${UPLOADS_PATH}/`);
      const blob = /^\/v1\/blobs\/([^/]*)$/.exec(pathname);
      if (!isUploads && !blob) return false;
      try {
        if (isUploads) await handleUpload(req, res, device, pathname);
        else await handleBlob(req, res, blob![1]!);
      } catch (e) {
        log({ level: 'error', event: 'blob_request_failed', method: req.method, path: pathname, error: e instanceof Error ? e.stack ?? e.message : String(e) });
        if (!res.headersSent) sendError(res, 'internal', 'the centre could not answer this blob request');
        else res.destroy();
      }
      return true;
    },

    async hasBlobs(shas) {
      const unique = [...new Set(shas)];
      if (unique.length === 0) return [];
      const { rows } = await db.query<{ sha256: string }>('SELECT sha256 FROM blobs WHERE sha256 = ANY($1::text[])', [unique]);
      const kept = new Set(rows.map((r) => r.sha256));
      return unique.filter((s) => !kept.has(s));
    },

    sweepExpiredUploads: sweep,
    readAhead,
    dropReadAhead,
  };
}

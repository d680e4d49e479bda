import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import fs from 'node:fs/promises';
import type Database from 'better-sqlite3';
import { uploadBlob, type UploadStateStore } from './blob-upload';

// The sync engine's view of sending one blob: the tus uploader of blob-upload.ts over the blob
// file, its upload URL kept in the blob_uploads table (so an upload cut short resumes, also after
// a restart), its answer sorted into what the engine does next. Tests may pass another sender.

export interface BlobSendRequest {
  /** the centre, e.g. http://127.0.0.1:8750 */
  centreUrl: string;
  /** `<deviceId>.<secret>` */
  credential: string;
  sha256: string;
  /** the blob file in the data folder's blob store */
  filePath: string;
  onProgress?: (sent: number, total: number) => void;
  signal?: AbortSignal;
}

/**
 * sent:        the centre has it (now or already)
 * unreachable: no answer from the centre after the uploader's own retries (network) — the PC is offline
 * unavailable: the centre answered 5xx (or similar) after those retries — the round fails and is retried later
 * revoked:     401/403 — the device credential is refused
 * refused:     any other 4xx — never retried; the mutations naming it are kept here and shown
 * damaged:     the centre found the bytes do not match the SHA-256, and neither does the file here:
 *              it can never go (as refused). Bytes damaged on the way, the file here whole, are
 *              sent again;
 * garbled:     each of those sends arrived damaged — the round fails and is retried later
 * unreadable:  the file cannot be read here
 * aborted:     the engine is closing
 */
export type BlobSendOutcome =
  | { kind: 'sent' }
  | { kind: 'unreachable' | 'unavailable' | 'garbled' | 'revoked' | 'refused' | 'damaged' | 'unreadable' | 'aborted'; detail: string };

export type SendBlob = (request: BlobSendRequest) => Promise<BlobSendOutcome>;

/** Waits between the uploader's own attempts within one round (the engine backs off between rounds). */
const RETRY_DELAYS_MS = [1000, 3000, 10_000];

/** Sends of one blob in a round while the centre finds its bytes damaged and the file here is whole. */
const SENDS_WHILE_DAMAGED = 3;

export function tusSender(db: Database.Database, now: () => Date, retryDelaysMs: readonly number[] = RETRY_DELAYS_MS): SendBlob {
  const store = uploadUrlStore(db, now);
  return async (req) => {
    let size: number;
    try {
      size = (await fs.stat(req.filePath)).size;
    } catch (e) {
      return { kind: 'unreadable', detail: e instanceof Error ? e.message : String(e) };
    }
    for (let send = 1; ; send++) {
      const r = await uploadBlob({
        centreUrl: req.centreUrl, credential: req.credential, sha256: req.sha256, size, store, signal: req.signal,
        read: () => createReadStream(req.filePath, { highWaterMark: 1 << 20 }), onProgress: req.onProgress, retryDelaysMs,
      });
      if (r.ok) return { kind: 'sent' };
      switch (r.reason) {
        case 'aborted': return { kind: 'aborted', detail: 'aborted' };
        case 'unreadable': return { kind: 'unreadable', detail: r.detail };
        case 'unavailable': return r.status === null ? { kind: 'unreachable', detail: `${r.code}: ${r.detail}` } : { kind: 'unavailable', detail: `${r.status} ${r.code}: ${r.detail}` };
        case 'rejected': {
          const detail = `${r.status} ${r.code}: ${r.detail}`;
          if (r.code !== 'blob_hash_mismatch') return { kind: r.status === 401 || r.status === 403 ? 'revoked' : 'refused', detail };
          // the centre got other bytes than these: damaged on the way (sent again), or here (never sendable)
          if (!(await isWhole(req.filePath, req.sha256))) return { kind: 'damaged', detail };
          if (send >= SENDS_WHILE_DAMAGED) return { kind: 'garbled', detail: `sent ${send} times, damaged on the way each time: ${detail}` };
        }
      }
    }
  };
}

/** Whether the file still has the SHA-256 it is named by. */
async function isWhole(file: string, sha256: string): Promise<boolean> {
  const hash = createHash('sha256');
  try {
    for await (const chunk of createReadStream(file, { highWaterMark: 1 << 20 })) hash.update(chunk as Buffer);
  } catch {
    return false;
  }
  return hash.digest('hex') === sha256;
}

/** The tus upload URL per blob (migration 0004's blob_uploads). */
export function uploadUrlStore(db: Database.Database, now: () => Date): UploadStateStore {
  return {
    get: (sha256) => db.prepare('SELECT upload_url FROM blob_uploads WHERE sha256 = ?').pluck().get(sha256) as string | undefined,
    set: (sha256, url) => {
      if (!db.open) return; // the core closed while an upload was starting: it starts afresh next time
      const at = now().toISOString();
      db.prepare(
        `INSERT INTO blob_uploads (sha256, upload_url, started_at, updated_at) VALUES (?, ?, ?, ?)
         ON CONFLICT (sha256) DO UPDATE SET upload_url = excluded.upload_url, updated_at = excluded.updated_at`,
      ).run(sha256, url, at, at);
    },
    delete: (sha256) => {
      if (db.open) db.prepare('DELETE FROM blob_uploads WHERE sha256 = ?').run(sha256);
    },
  };
}

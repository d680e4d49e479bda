import fs from 'node:fs/promises';
import path from 'node:path';
import type { Upload } from '@tus/server';
import { Sha256 } from '../../shared/sync/protocol';
import { blobPath, hashFile, moveIntoPlace, uploadsDir } from './blob-files';
import type { HashingFileStore } from './hashing-file-store';
import { httpError } from './http-error';
import type { BlobDb, BlobLog } from './types';

// What happens when the last byte of an upload has arrived: its bytes are hashed (always: they are
// the client's word until then; hashed while they arrived, else read back from the file); a
// mismatch is deleted and refused, nothing recorded; a match is moved to blobs/ab/<sha256> and
// recorded. If the centre kept that blob already, the same bytes take the place of its file and no
// new row is made.

export type FinishOutcome = 'stored' | 'already-kept';

export interface UploadFinisher {
  finish(upload: Upload): Promise<FinishOutcome>;
}

export function createUploadFinisher({ dataDir, db, log, store }: { dataDir: string; db: BlobDb; log: BlobLog; store: HashingFileStore }): UploadFinisher {
  // The same upload may be finished by its last PATCH and by a HEAD of a resuming client at once.
  const running = new Map<string, Promise<FinishOutcome>>();

  const isKept = async (sha256: string): Promise<boolean> =>
    (await db.query('SELECT 1 FROM blobs WHERE sha256 = $1', [sha256])).rows.length > 0;

  async function drop(id: string): Promise<void> {
    await fs.rm(path.join(uploadsDir(dataDir), id), { force: true });
    await store.deleteConfig(id);
  }

  async function run(upload: Upload): Promise<FinishOutcome> {
    const sha256 = Sha256.parse(upload.metadata?.sha256);
    const deviceId = upload.metadata?.uploaded_by ?? null;
    const source = path.join(uploadsDir(dataDir), upload.id);
    const streamed = store.digestOf(upload.id, upload.size ?? upload.offset);
    const hashed = streamed ? 'while-receiving' : 'from-file';
    let actual: string;
    try {
      actual = streamed ?? (await hashFile(source));
    } catch (e) {
      // finished meanwhile by another request of the same upload
      if ((e as NodeJS.ErrnoException).code === 'ENOENT' && (await isKept(sha256))) return 'already-kept';
      throw e;
    }
    if (actual !== sha256) {
      await drop(upload.id);
      // refused, deleted, nothing recorded
      log({ level: 'warn', event: 'refused', status: 422, code: 'blob_hash_mismatch', claimed: sha256, actual, size: upload.size, device: deviceId, upload: upload.id });
      throw httpError('blob_hash_mismatch', `the uploaded bytes hash to ${actual}, not ${sha256}; the upload was deleted`);
    }
    // moved without asking first whether the centre keeps these bytes already (rare: the workstation
    // sends what the centre lacks): moving over a kept blob is safe (moveIntoPlace), and a query less
    // a scan was worth ~1 ms on PGlite (bench/sync)
    await moveIntoPlace(source, blobPath(dataDir, sha256));
    // recorded only once its file is in place for good (flushed); its upload's config is no longer needed
    const [{ rows }] = await Promise.all([
      db.query('INSERT INTO blobs (sha256, size, device_id) VALUES ($1, $2, $3) ON CONFLICT (sha256) DO NOTHING RETURNING sha256', [sha256, upload.size ?? upload.offset, deviceId]),
      store.deleteConfig(upload.id),
    ]);
    store.rememberFinished(upload);
    if (rows.length === 0) {
      log({ level: 'info', event: 'blob_already_kept', sha256, device: deviceId, upload: upload.id });
      return 'already-kept';
    }
    log({ level: 'info', event: 'blob_stored', sha256, size: upload.size, device: deviceId, hashed });
    return 'stored';
  }

  function finish(upload: Upload): Promise<FinishOutcome> {
    let p = running.get(upload.id);
    if (!p) {
      p = run(upload).finally(() => running.delete(upload.id));
      running.set(upload.id, p);
    }
    return p;
  }

  return { finish };
}

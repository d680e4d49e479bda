import { createHash } from 'node:crypto';
import fss, { createReadStream } from 'node:fs';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { promisify } from 'node:util';

const fsync = promisify(fss.fsync);

// Where the centre keeps blobs on disk: tus uploads in progress under <data-dir>/uploads, kept
// blobs under <data-dir>/blobs/ab/<sha256> (the workstation's layout). Both under one data folder,
// so the move from one to the other is a rename on one file system.

export const uploadsDir = (dataDir: string): string => path.join(dataDir, 'uploads');
export const blobsDir = (dataDir: string): string => path.join(dataDir, 'blobs');
export const blobPath = (dataDir: string, sha256: string): string => path.join(blobsDir(dataDir), sha256.slice(0, 2), sha256);

/** SHA-256 of a file, read as a stream (uploads may be 100 MB and more). */
export async function hashFile(file: string): Promise<string> {
  const hash = createHash('sha256');
  await pipeline(createReadStream(file, { highWaterMark: 1 << 20 }), hash);
  return hash.digest('hex');
}

/**
 * Flushes a file (or a folder's entries) to disk. The flush runs in libuv's thread pool; the open
 * and close around it, and the steps of moveIntoPlace, are synchronous: microseconds on a local
 * disk, where each trip through the pool cost about a millisecond on a busy centre (hashing-file-store.ts).
 */
export async function flushFile(file: string): Promise<void> {
  const fd = fss.openSync(file, 'r');
  try {
    await fsync(fd);
  } finally {
    fss.closeSync(fd);
  }
}

/**
 * Moves a verified upload, already flushed (flushFile), to its blob name: renamed (atomic on one
 * file system) and the folder flushed so the rename survives a power cut. A blob already there is
 * replaced by the same bytes.
 */
export async function moveIntoPlace(source: string, target: string): Promise<void> {
  fss.mkdirSync(path.dirname(target), { recursive: true });
  fss.renameSync(source, target);
  await flushFile(path.dirname(target));
}

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
async function flushFile(file: string): Promise<void> {
  const fd = fss.openSync(file, 'r');
  try {
    await fsync(fd);
  } finally {
    fss.closeSync(fd);
  }
}

/**
 * Moves a verified upload to its blob name, flushed: its bytes and its name survive a power cut
 * once this resolves, and the caller records the blob only then.
 *
 * Usually no file has that name yet: the upload is linked in under it, and the file and its folder
 * are flushed at once (on ext4 one journal commit carries both; a flush before the move and one
 * after it took ~1.5 ms longer a scan, bench/sync). A cut before the flushes end leaves at most an
 * unrecorded file, which the next upload of those bytes replaces. A file already there (left by
 * such a cut, or by another upload of the same bytes finishing now) is replaced only by bytes
 * flushed before the rename, so a name the centre has recorded never points at unflushed bytes.
 * The caller must not move a blob it has recorded already.
 */
export async function moveIntoPlace(source: string, target: string): Promise<void> {
  const folder = path.dirname(target);
  fss.mkdirSync(folder, { recursive: true });
  try {
    fss.linkSync(source, target);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    await flushFile(source);
    fss.renameSync(source, target);
    await flushFile(folder);
    return;
  }
  fss.unlinkSync(source);
  await Promise.all([flushFile(target), flushFile(folder)]);
}

import { createHash, type Hash } from 'node:crypto';
import fss from 'node:fs';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { promisify } from 'node:util';
import { FileStore } from '@tus/file-store';
import { ERRORS, FileKvStore, Upload } from '@tus/server';

// @tus/file-store that hashes the bytes as they are written, so a finished upload needs no second
// read of up to 200 MB. The running hash lives in this process and covers the upload only while
// every byte came through here in order; otherwise (a restart, another process, a write that
// failed half-way) digestOf() says null and the file is hashed from disk.
//
// write() is FileStore's, without its two stream hops: the body arrives in ~64 KB pieces, which
// are hashed as they come and written in batches of up to WRITE_BATCH with one writev each (FileStore
// writes each piece on its own, through a Transform and a WriteStream: the profile of an upload
// showed the centre waiting on those small writes; bench/sync, docs/benchmarks.md).
//
// The small file-system steps of an upload (make the empty file, write or delete its config of a
// few hundred bytes, open and close the file) are synchronous: on the centre's local disk each
// takes tens of microseconds, while a trip through libuv's thread pool cost about a millisecond on
// a busy machine, and a scan's upload took a dozen of them. The bytes are written, and flushed,
// asynchronously.
//
// An upload whose whole body comes with the POST that creates it (tus creation-with-upload: a
// scan) keeps its config in memory only. Its client learns the upload's URL from the answer to
// that POST, so if the POST is cut nobody can resume it: a config on disk would only be written,
// then deleted (or left behind) at the cost of two file operations a scan. Such an upload whose
// body fails half-way is deleted at once; one whose client went away, or that a centre which
// stopped never finished, is swept once expired.

const writev = promisify(fss.writev);
const MAX_RUNNING = 1000; // uploads abandoned half-way leave their entry; the oldest go first
const WRITE_BATCH = 1 << 20;
const FINISHED_MS = 30_000;
const UPLOAD_FILE = /^[0-9a-f]{32}$/; // @tus/server's naming: 16 random bytes, hex

/** tus's file config store, its writes synchronous (see above). */
class SyncWriteKvStore extends FileKvStore<Upload> {
  override async set(key: string, value: Upload): Promise<void> {
    fss.writeFileSync(this.fileOf(key), JSON.stringify(value));
  }

  override async delete(key: string): Promise<void> {
    fss.rmSync(this.fileOf(key));
  }

  private fileOf(key: string): string {
    const file = path.resolve(this.directory, `${key}.json`);
    if (path.dirname(file) !== path.resolve(this.directory)) throw ERRORS.FILE_NOT_FOUND;
    return file;
  }
}

export class HashingFileStore extends FileStore {
  private readonly running = new Map<string, { hash: Hash; offset: number }>();
  /** uploads whose body comes whole with their POST, announced before create() */
  private readonly wholeAnnounced = new Set<string>();
  /** configs of such uploads, kept here instead of on disk */
  private readonly inMemory = new Map<string, Upload>();
  /**
   * Uploads finished here a moment ago (file moved, config deleted), still answered as whole:
   * tus's POST handler reads the upload once more after finishing it (creation-with-upload: for
   * its Upload-Expires header), and a client resuming one should hear "all there", not 404.
   */
  private readonly finished = new Map<string, { upload: Upload; until: number }>();

  override async write(readable: Readable, id: string, offset: number): Promise<number> {
    if (offset === 0) this.track(id);
    let entry = this.running.get(id);
    if (entry && entry.offset !== offset) {
      this.running.delete(id);
      entry = undefined;
    }
    const file = path.join(this.directory, id);
    if (path.relative(this.directory, file).startsWith('..')) throw ERRORS.FILE_NOT_FOUND;
    let fd: number;
    try {
      fd = fss.openSync(file, 'r+');
    } catch {
      this.running.delete(id);
      throw ERRORS.FILE_WRITE_ERROR;
    }
    let at = offset;
    let batch: Buffer[] = [];
    let batched = 0;
    const flush = async () => {
      let done = 0;
      while (done < batched) {
        // writev may write less than asked (a full disk): go on from where it stopped
        const { bytesWritten } = await writev(fd, done === 0 ? batch : remaining(batch, done), at);
        if (bytesWritten === 0) throw new Error('no bytes written');
        done += bytesWritten;
        at += bytesWritten;
      }
      batch = [];
      batched = 0;
    };
    try {
      for await (const chunk of readable as AsyncIterable<Buffer>) {
        entry?.hash.update(chunk);
        batch.push(chunk);
        batched += chunk.length;
        if (batched >= WRITE_BATCH) await flush();
      }
      await flush();
    } catch {
      // what arrived before the failure is kept (the upload resumes from the file's size); the
      // running hash no longer matches the file. An upload nobody can resume goes.
      this.running.delete(id);
      await flush().catch(() => undefined);
      fss.closeSync(fd);
      if (this.inMemory.delete(id)) fss.rmSync(file, { force: true });
      throw ERRORS.FILE_WRITE_ERROR;
    }
    fss.closeSync(fd);
    // what was hashed is what was written
    if (entry) entry.offset = at;
    return at;
  }

  constructor(options: { directory: string; expirationPeriodInMilliseconds?: number }) {
    super({ ...options, configstore: new SyncWriteKvStore(options.directory) });
  }

  /** Says that the upload `id` about to be created gets its whole body with its POST (see above). */
  announceWholeBody(id: string): void {
    if (this.wholeAnnounced.size >= MAX_RUNNING) this.wholeAnnounced.clear();
    this.wholeAnnounced.add(id);
  }

  /** FileStore's, synchronous (see above). */
  override async create(upload: Upload): Promise<Upload> {
    const file = path.join(this.directory, upload.id);
    fss.mkdirSync(this.directory, { recursive: true });
    fss.writeFileSync(file, '');
    if (this.wholeAnnounced.delete(upload.id)) {
      if (this.inMemory.size >= MAX_RUNNING) this.inMemory.delete(this.inMemory.keys().next().value!);
      this.inMemory.set(upload.id, upload);
    } else await this.configstore.set(upload.id, upload);
    upload.storage = { type: 'file', path: file };
    return upload;
  }

  override async getUpload(id: string): Promise<Upload> {
    const done = this.finished.get(id);
    if (done && done.until > Date.now()) return done.upload;
    this.finished.delete(id);
    const held = this.inMemory.get(id);
    if (!held) return super.getUpload(id);
    const file = path.join(this.directory, id);
    const size = fss.statSync(file, { throwIfNoEntry: false })?.size;
    if (size === undefined) throw ERRORS.FILE_NO_LONGER_EXISTS;
    return new Upload({ ...held, offset: size, storage: { type: 'file', path: file } });
  }

  /** Forgets the config of upload `id` (finished or dropped): deletes its file, if it has one. */
  async deleteConfig(id: string): Promise<void> {
    if (this.inMemory.delete(id)) return;
    await this.configstore.delete(id).catch(() => undefined);
  }

  /** Called once an upload is finished and its config deleted (upload-finish.ts). */
  rememberFinished(upload: Upload): void {
    const now = Date.now();
    for (const [k, v] of this.finished) if (v.until <= now || this.finished.size >= MAX_RUNNING) this.finished.delete(k);
    this.finished.set(upload.id, { upload, until: now + FINISHED_MS });
  }

  override async remove(id: string): Promise<void> {
    this.running.delete(id);
    if (!this.inMemory.delete(id)) return super.remove(id);
    fss.rmSync(path.join(this.directory, id), { force: true });
  }

  /**
   * FileStore's, and also the files of uploads with no config on disk (their body came with their
   * POST, which was cut or which a centre that stopped never finished) once untouched for the
   * expiry period.
   */
  override async deleteExpired(): Promise<number> {
    const expired = await super.deleteExpired();
    const before = Date.now() - this.getExpiration();
    let orphans = 0;
    for (const name of fss.readdirSync(this.directory)) {
      if (!UPLOAD_FILE.test(name) || fss.existsSync(path.join(this.directory, `${name}.json`))) continue;
      const stat = fss.statSync(path.join(this.directory, name), { throwIfNoEntry: false });
      if (stat && stat.mtimeMs < before) {
        fss.rmSync(path.join(this.directory, name), { force: true });
        this.inMemory.delete(name);
        orphans++;
      }
    }
    return expired + orphans;
  }

  /** The SHA-256 of the whole upload if this process saw all `size` bytes of it, else null; forgets it. */
  digestOf(id: string, size: number): string | null {
    const entry = this.running.get(id);
    this.running.delete(id);
    return entry && entry.offset === size ? entry.hash.digest('hex') : null;
  }

  private track(id: string): void {
    if (this.running.size >= MAX_RUNNING) this.running.delete(this.running.keys().next().value!);
    this.running.set(id, { hash: createHash('sha256'), offset: 0 });
  }
}

/** The buffers after the first `skip` bytes. */
function remaining(buffers: Buffer[], skip: number): Buffer[] {
  const out: Buffer[] = [];
  for (const b of buffers) {
    if (skip >= b.length) skip -= b.length;
    else {
      out.push(skip > 0 ? b.subarray(skip) : b);
      skip = 0;
    }
  }
  return out;
}

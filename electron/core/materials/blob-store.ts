import { createHash, randomUUID } from 'node:crypto';
import { createReadStream } from 'node:fs';
import fs, { type FileHandle } from 'node:fs/promises';
import path from 'node:path';
import { AppError } from '@shared/api/errors';

// The content-addressed blob folder beside the database: every stored file (scanned pages,
// material PDFs, issued documents) is named by its SHA-256, `blobs/ab/abcdef…`. A file is written
// whole or not at all: into a temporary name in the same folder, flushed to disk, then renamed (and
// the folder flushed, so the rename survives a power cut); an existing blob is never rewritten (its
// file time is refreshed, so the garbage collector sees it as new). A full disk is DISK_FULL, with
// nothing left behind. Writes and the collector's deletions never overlap (FolderLock).

export const BLOB_FOLDER = 'blobs';
const TEMP_PREFIX = '.tmp-';

export const sha256 = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');
export const isSha256 = (s: string): boolean => /^[0-9a-f]{64}$/.test(s);

const DISK_FULL_CODES = new Set(['ENOSPC', 'EDQUOT']);

export interface StoredBlob {
  sha256: string;
  size: number;
  /** false when the blob was there already (and was left untouched) */
  created: boolean;
}

export interface BlobStoreOptions {
  /** How the bytes reach the open temporary file. Tests that cannot mount a small file system
   *  inject one that fails like a full disk; the product always uses the default. */
  writeAll?: (file: FileHandle, bytes: Uint8Array) => Promise<void>;
}

/**
 * Writes to one folder run side by side; the garbage collector's deletions run alone: they wait
 * for the writes under way, and writes that come meanwhile wait for them. One per folder in this
 * process (a data folder is used by one process at a time).
 */
class FolderLock {
  private static readonly byRoot = new Map<string, FolderLock>();
  static of(root: string): FolderLock {
    let lock = FolderLock.byRoot.get(root);
    if (!lock) FolderLock.byRoot.set(root, (lock = new FolderLock()));
    return lock;
  }

  private writers = 0;
  private idle: (() => void)[] = [];
  private sweep: Promise<unknown> | null = null;

  async write<T>(fn: () => Promise<T>): Promise<T> {
    while (this.sweep) await this.sweep.catch(() => undefined);
    this.writers++;
    try {
      return await fn();
    } finally {
      if (--this.writers === 0) for (const wake of this.idle.splice(0)) wake();
    }
  }

  async alone<T>(fn: () => Promise<T>): Promise<T> {
    while (this.sweep) await this.sweep.catch(() => undefined);
    const run = (async () => {
      while (this.writers > 0) await new Promise<void>((r) => this.idle.push(r));
      return fn();
    })();
    this.sweep = run;
    try {
      return await run;
    } finally {
      if (this.sweep === run) this.sweep = null;
    }
  }
}

export class BlobStore {
  private readonly writeAll: NonNullable<BlobStoreOptions['writeAll']>;
  private readonly lock: FolderLock;

  constructor(readonly root: string, opts: BlobStoreOptions = {}) {
    this.writeAll = opts.writeAll ?? ((file, bytes) => file.writeFile(bytes));
    this.lock = FolderLock.of(path.resolve(root));
  }

  /** Runs `fn` while no blob is being written to this folder (the garbage collector's deletions). */
  exclusive<T>(fn: () => Promise<T>): Promise<T> {
    return this.lock.alone(fn);
  }

  /** A temporary file of a write (under way, or cut short by a crash). */
  isTemporary(name: string): boolean {
    return name.startsWith(TEMP_PREFIX);
  }

  /** The blob folder beside a data folder's database. */
  static inDataDir(dataDir: string, opts?: BlobStoreOptions): BlobStore {
    return new BlobStore(path.join(dataDir, BLOB_FOLDER), opts);
  }

  pathOf(hash: string): string {
    if (!isSha256(hash)) throw new AppError('NOT_FOUND');
    return path.join(this.root, hash.slice(0, 2), hash);
  }

  /** Stores the bytes (once) and returns their SHA-256. */
  async put(bytes: Uint8Array): Promise<string> {
    return (await this.store(bytes)).sha256;
  }

  /** Stores the bytes (once); DISK_FULL when the disk is full, with no partial file left. */
  async store(bytes: Uint8Array): Promise<StoredBlob> {
    return this.lock.write(() => this.write(bytes));
  }

  private async write(bytes: Uint8Array): Promise<StoredBlob> {
    const hash = sha256(bytes);
    const file = this.pathOf(hash);
    if (await touch(file)) return { sha256: hash, size: bytes.length, created: false };
    const dir = path.dirname(file);
    const tmp = path.join(dir, `${TEMP_PREFIX}${randomUUID()}`);
    try {
      await fs.mkdir(dir, { recursive: true });
      const handle = await fs.open(tmp, 'wx');
      try {
        await this.writeAll(handle, bytes);
        await handle.sync();
      } finally {
        await handle.close();
      }
      await fs.rename(tmp, file);
      await syncDir(dir);
      return { sha256: hash, size: bytes.length, created: true };
    } catch (e) {
      await fs.rm(tmp, { force: true }).catch(() => undefined);
      if (DISK_FULL_CODES.has((e as NodeJS.ErrnoException).code ?? '')) throw new AppError('DISK_FULL');
      throw e;
    }
  }

  async has(hash: string): Promise<boolean> {
    return isSha256(hash) && exists(this.pathOf(hash));
  }

  async get(hash: string): Promise<Uint8Array> {
    try {
      return await fs.readFile(this.pathOf(hash));
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') throw new AppError('NOT_FOUND');
      throw e;
    }
  }

  /** Whether the stored file is there and still has the SHA-256 it is named by (re-hashed). */
  async verify(hash: string): Promise<boolean> {
    if (!isSha256(hash)) return false;
    const h = createHash('sha256');
    try {
      for await (const chunk of createReadStream(this.pathOf(hash))) h.update(chunk as Buffer);
    } catch {
      return false;
    }
    return h.digest('hex') === hash;
  }

  /** Removes temporary files a crash left behind (call at start, before any write). */
  async removeLeftovers(): Promise<number> {
    let n = 0;
    const shards = await fs.readdir(this.root).catch(() => [] as string[]);
    for (const shard of shards) {
      if (!/^[0-9a-f]{2}$/.test(shard)) continue;
      const names = await fs.readdir(path.join(this.root, shard)).catch(() => [] as string[]);
      for (const name of names) {
        if (!name.startsWith(TEMP_PREFIX)) continue;
        await fs.rm(path.join(this.root, shard, name), { force: true });
        n++;
      }
    }
    return n;
  }
}

/** Whether the file is there; its time is set to now if so (see the garbage collector). */
async function touch(file: string): Promise<boolean> {
  const now = new Date();
  try {
    await fs.utimes(file, now, now);
    return true;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw e;
  }
}

async function exists(file: string): Promise<boolean> {
  try {
    await fs.access(file);
    return true;
  } catch {
    return false;
  }
}

/** The rename itself must reach the disk (POSIX); Windows cannot open a folder and needs not. */
async function syncDir(dir: string): Promise<void> {
  if (process.platform === 'win32') return;
  const handle = await fs.open(dir, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

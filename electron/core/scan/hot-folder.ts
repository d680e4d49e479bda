import { access, mkdir, readFile, rename } from 'node:fs/promises';
import path from 'node:path';
import { watch } from 'chokidar';
import type { AppError } from '@shared/api/errors';
import { inspect, withFileSource, type Inspection } from './file-kind';
import { checkBytes, DEFAULT_MAX_BYTES, unreadable, type ImportedFile } from './import-files';

// The copier's scan-to-folder inbox. A file is taken when it is whole: its size has not changed for
// `stabilityMs` (chokidar's awaitWriteFinish) AND its format's end marker is there (file-kind.ts).
// A file that is stable but not yet whole (the copier paused mid-file) is left alone; the next
// write brings it back as a 'change'.
//
// Taking = renaming it into `taken/` (same folder, so the rename is atomic), then handing it on.
// Why a move and not a ledger of names or hashes: the folder itself is the record, so a restart of
// the watcher — or of the PC — never takes a file twice and needs no database; copiers reuse names
// (SCAN0001.PDF again tomorrow), which a ledger of names would wrongly skip; and the rename is an
// atomic claim, so two counters watching one shared folder never both take the same file. The
// cost: a crash between the rename and the consumer storing it leaves the file in `taken/`,
// visible there for the clerk to import by hand, rather than taking it twice.
// Files that are not PDF/JPEG/PNG/TIFF (or are over the size limit) go to `refused/`, reported once.

export const TAKEN_DIR = 'taken';
export const REFUSED_DIR = 'refused';

export interface HotFolderFile extends ImportedFile {
  /** Where the file now is, inside taken/. */
  path: string;
}

export interface HotFolderOptions {
  folder: string;
  /** A whole file, taken. May be async; files are handed on one at a time. */
  onFile: (file: HotFolderFile) => void | Promise<void>;
  /** Not a PDF/JPEG/PNG/TIFF, or over maxBytes: moved to refused/, with FILE_UNREADABLE naming it. */
  onRefused?: (file: { name: string; path: string; error: AppError }) => void;
  /** Looked at and found not yet whole (left in place until it changes again). */
  onIncomplete?: (file: { name: string; path: string }) => void;
  /** Anything else that went wrong (a consumer that threw, a folder that cannot be read). */
  onError?: (error: unknown) => void;
  /** How long the size must stay the same before a file is looked at (default 2000 ms). */
  stabilityMs?: number;
  /** Poll the folder instead of OS events: for network shares (SMB/NFS) that send none. */
  polling?: boolean;
  /** Larger files are refused (default 200 MB, as for import). */
  maxBytes?: number;
}

export interface HotFolder {
  readonly folder: string;
  /** Stops watching and waits for the file being handed on; nothing is reported after it resolves. */
  close(): Promise<void>;
}

/** Temporary names copiers and browsers write to before renaming to the final one. */
const TEMPORARY = /^\.|^~|\.(part|partial|tmp|temp|crdownload|download)$|~$/i;
/** Busy on Windows while the copier still holds the file open: try again, a bounded number of times. */
const BUSY = new Set(['EBUSY', 'EPERM', 'EACCES']);
const MAX_BUSY_RETRIES = 30;

const stamp = () => new Date().toISOString().replace(/[-:]/g, '').replace('.', '-');

export async function watchHotFolder(options: HotFolderOptions): Promise<HotFolder> {
  const folder = path.resolve(options.folder);
  const stabilityMs = options.stabilityMs ?? 2000;
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  await mkdir(folder, { recursive: true });
  let closed = false;
  let chain: Promise<void> = Promise.resolve();
  const queued = new Set<string>();
  const busyTries = new Map<string, number>();
  const timers = new Set<NodeJS.Timeout>();
  const report = (err: unknown) => options.onError?.(err);

  /** Renames `file` into `sub`/ under a name not used yet; null if it is no longer there (another counter took it). */
  async function claim(file: string, sub: string): Promise<string | null> {
    const dir = path.join(folder, sub);
    await mkdir(dir, { recursive: true });
    let dest = path.join(dir, `${stamp()}-${path.basename(file)}`);
    for (let i = 2; await access(dest).then(() => true, () => false); i++) dest = path.join(dir, `${stamp()}-${i}-${path.basename(file)}`);
    try {
      await rename(file, dest);
      return dest;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw err;
    }
  }

  function retryLater(file: string) {
    const tries = (busyTries.get(file) ?? 0) + 1;
    busyTries.set(file, tries);
    if (tries > MAX_BUSY_RETRIES) return;
    const timer = setTimeout(() => {
      timers.delete(timer);
      enqueue(file);
    }, stabilityMs);
    timers.add(timer);
  }

  async function consider(file: string): Promise<void> {
    const name = path.basename(file);
    let found: Inspection;
    let size: number;
    try {
      ({ found, size } = await withFileSource(file, async (src) => ({ found: await inspect(src), size: src.size })));
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code ?? '';
      if (code === 'ENOENT') return;
      if (BUSY.has(code)) return retryLater(file);
      throw err;
    }
    if (closed) return;
    if (!found.ok && found.problem !== 'unknown-type') {
      options.onIncomplete?.({ name, path: file });
      return;
    }
    const tooLarge = size > maxBytes;
    let dest: string | null;
    try {
      dest = await claim(file, found.ok && !tooLarge ? TAKEN_DIR : REFUSED_DIR);
    } catch (err) {
      if (BUSY.has((err as NodeJS.ErrnoException).code ?? '')) return retryLater(file);
      throw err;
    }
    busyTries.delete(file);
    if (!dest) return;
    if (!found.ok || tooLarge) {
      const error = found.ok ? unreadable(name, 'too-large', String(maxBytes / 1024 / 1024)) : unreadable(name, 'unknown-type');
      options.onRefused?.({ name, path: dest, error });
      return;
    }
    // Hand on exactly the bytes checked, read from the claimed file.
    const checked = await checkBytes(name, await readFile(dest));
    if ('error' in checked) {
      options.onRefused?.({ name, path: dest, error: checked.error });
      return;
    }
    await options.onFile({ ...checked, path: dest });
  }

  function enqueue(file: string) {
    if (closed || queued.has(file)) return;
    queued.add(file);
    chain = chain.then(() => {
      queued.delete(file);
      return closed ? undefined : consider(file);
    }).catch(report);
  }

  const watcher = watch(folder, {
    depth: 0,
    ignoreInitial: false,
    awaitWriteFinish: { stabilityThreshold: stabilityMs, pollInterval: Math.min(100, stabilityMs / 2) },
    ...(options.polling ? { backend: 'polling' as const, pollingInterval: 1000 } : {}),
    ignored: (p, stats) => p !== folder && (TEMPORARY.test(path.basename(p)) || (stats !== undefined && !stats.isFile())),
  });
  const onEvent = (p: string) => {
    if (path.dirname(path.resolve(p)) === folder) enqueue(path.resolve(p));
  };
  watcher.on('add', onEvent);
  watcher.on('change', onEvent);
  watcher.on('error', report);
  await new Promise<void>((resolve) => watcher.once('ready', () => resolve()));

  return {
    folder,
    async close() {
      closed = true;
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
      await watcher.close();
      await chain;
    },
  };
}

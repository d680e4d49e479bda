import fs from 'node:fs/promises';
import path from 'node:path';
import { isSha256, type BlobStore } from './blob-store';

// Removing blobs nobody names any more: pages deleted or re-rendered by a rotation, material PDFs
// built again, anything stored by a write that then failed. The caller says what is still named
// (`keep`); this sweeps the folder. Two things keep a file that looks unnamed:
// - its age: a file younger than the grace period may belong to a save whose transaction has not
//   committed yet (the slow work — processing, the PDF — is stored before the transaction);
// - a write that finds its blob already there refreshes the file's time, so a blob stored again for
//   a new save is young too. The folder is walked while writes go on; the names are then read and
//   the old unnamed files removed while no write runs (BlobStore.exclusive), each looked at again
//   first, so a file refreshed during the walk stays.
// File times are the real clock's, not the core's (the core's clock may be set for tests).

export const DEFAULT_GRACE_MS = 24 * 60 * 60 * 1000;

export interface SweepOptions {
  /** every SHA-256 still named; read while no blob is being written */
  keep: () => ReadonlySet<string> | Promise<ReadonlySet<string>>;
  /** files younger than this stay (default 24 h) */
  graceMs?: number;
}

export interface SweepResult {
  /** blob files removed (and temporary files a crash left, older than the grace period) */
  removed: number;
  /** bytes freed */
  bytes: number;
  /** blob files left: named, or too young to judge */
  kept: number;
}

interface Candidate {
  file: string;
  name: string;
  blob: boolean;
}

export async function sweepBlobs(store: BlobStore, opts: SweepOptions): Promise<SweepResult> {
  const graceMs = opts.graceMs ?? DEFAULT_GRACE_MS;
  const old = (mtimeMs: number) => mtimeMs <= Date.now() - graceMs;
  const result: SweepResult = { removed: 0, bytes: 0, kept: 0 };
  const candidates: Candidate[] = [];
  for (const shard of await fs.readdir(store.root).catch(() => [] as string[])) {
    if (!/^[0-9a-f]{2}$/.test(shard)) continue;
    const dir = path.join(store.root, shard);
    for (const name of await fs.readdir(dir).catch(() => [] as string[])) {
      const blob = isSha256(name) && name.startsWith(shard);
      if (!blob && !store.isTemporary(name)) continue;
      const st = await fs.stat(path.join(dir, name)).catch(() => null);
      if (!st?.isFile()) continue;
      if (old(st.mtimeMs)) candidates.push({ file: path.join(dir, name), name, blob });
      else if (blob) result.kept++;
    }
  }
  if (candidates.length === 0) return result;
  return store.exclusive(async () => {
    const keep = await opts.keep();
    for (const c of candidates) {
      if (c.blob && keep.has(c.name)) {
        result.kept++;
        continue;
      }
      const st = await fs.stat(c.file).catch(() => null);
      if (!st) continue;
      if (!old(st.mtimeMs)) {
        if (c.blob) result.kept++;
        continue;
      }
      await fs.rm(c.file, { force: true });
      result.removed++;
      result.bytes += st.size;
    }
    return result;
  });
}

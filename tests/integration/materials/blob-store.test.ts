import { spawnSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '@shared/api/errors';
import { addFiles, BlobStore, type BlobStoreOptions } from '../../../electron/core/materials';
import { tempDir } from './helpers';
import { encode, scannedPage } from './scan-fixtures';

// The blob folder beside the database: files named by their SHA-256, verifiable, written whole or
// not at all — also when the disk fills up while saving.

let dir: string;
beforeAll(() => {
  dir = tempDir();
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

/** Every file under `root`, relative. */
function filesUnder(root: string): string[] {
  if (!fs.existsSync(root)) return [];
  return (fs.readdirSync(root, { recursive: true }) as string[]).filter((f) => fs.statSync(path.join(root, f)).isFile()).sort();
}

describe('content-addressed files', () => {
  it('are named by their SHA-256 under blobs/ab/ beside the database, stored once, never rewritten', async () => {
    const store = BlobStore.inDataDir(dir);
    const bytes = randomBytes(50_000);
    const first = await store.store(bytes);
    expect(first).toEqual({ sha256: sha(bytes), size: 50_000, created: true });
    const file = path.join(dir, 'blobs', first.sha256.slice(0, 2), first.sha256);
    expect(store.pathOf(first.sha256)).toBe(file);
    expect(fs.readFileSync(file).equals(bytes)).toBe(true);

    const before = fs.statSync(file);
    const again = await store.store(Buffer.from(bytes));
    const after = fs.statSync(file);
    expect(again.created).toBe(false);
    // the same file, not written again; only its time is refreshed (the garbage collector's grace period)
    expect(after.ino).toBe(before.ino);
    expect(fs.readFileSync(file).equals(bytes)).toBe(true);
    expect(after.mtimeMs).toBeGreaterThanOrEqual(before.mtimeMs);
    expect(filesUnder(path.join(dir, 'blobs'))).toEqual([path.join(first.sha256.slice(0, 2), first.sha256)]);
  });

  it('verify() re-hashes: one changed byte, a missing file or a malformed name is caught', async () => {
    const store = BlobStore.inDataDir(dir);
    const hash = await store.put(randomBytes(10_000));
    expect(await store.verify(hash)).toBe(true);
    const file = store.pathOf(hash);
    const b = fs.readFileSync(file);
    b[5000] = b[5000]! ^ 0x01;
    fs.writeFileSync(file, b);
    expect(await store.verify(hash)).toBe(false);
    fs.rmSync(file);
    expect(await store.verify(hash)).toBe(false);
    expect(await store.verify('../../etc/passwd')).toBe(false);
    await expect(store.get(hash)).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('two saves of the same bytes at once leave one whole file', async () => {
    const store = BlobStore.inDataDir(dir);
    const bytes = randomBytes(200_000);
    const [a, b] = await Promise.all([store.store(bytes), store.store(bytes)]);
    expect(a.sha256).toBe(b.sha256);
    expect(await store.verify(a.sha256)).toBe(true);
    expect(filesUnder(path.dirname(store.pathOf(a.sha256)))).toEqual([a.sha256]);
  });

  it('temporary files a crash left behind are removed at start', async () => {
    const store = BlobStore.inDataDir(dir);
    const hash = await store.put(randomBytes(1000));
    const shard = path.dirname(store.pathOf(hash));
    fs.writeFileSync(path.join(shard, '.tmp-crashed'), randomBytes(100));
    expect(await store.removeLeftovers()).toBe(1);
    expect(filesUnder(shard)).toEqual([hash]);
  });
});

// ---- a full disk while saving ----------------------------------------------------------------
// Done for real where we may mount (root): a 256 KiB tmpfs. Elsewhere the store is given a write
// that fails as a full disk does (ENOSPC after part of the bytes reached the file).

const diskDir = tempDir('pd-full-disk-');
const mountTmpfs = () => spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=256k', 'tmpfs', diskDir], { stdio: 'ignore', timeout: 10_000 }).status === 0;
const unmount = () => spawnSync('umount', [diskDir], { stdio: 'ignore', timeout: 10_000 });
// Probed (mounted and unmounted) while the tests are collected, so their names can say which way
// they run; mounted for real around them. POLICYDESK_TEST_NO_MOUNT=1 runs the fallback on a
// machine that could mount, to keep that path honest too.
const mounted = process.platform === 'linux' && !process.env.POLICYDESK_TEST_NO_MOUNT && mountTmpfs() && (unmount(), true);
const how = mounted ? 'a real 256 KiB tmpfs' : 'an injected write that fails with ENOSPC like a full 256 KiB disk (no tmpfs mount here)';
console.log(`[materials] full-disk tests use ${how}`);

/** A 256 KiB disk in memory: writes fill it; a failed write's temp file is deleted by the store. */
function fullDiskOptions(): BlobStoreOptions {
  if (mounted) return {};
  let used = 0;
  return {
    writeAll: async (file, bytes) => {
      const room = Math.max(0, 256 * 1024 - used);
      const n = Math.min(room, bytes.length);
      await file.write(bytes.subarray(0, n));
      if (n < bytes.length) throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
      used += n;
    },
  };
}

describe(`a full disk while saving (${how})`, () => {
  const disk = fullDiskOptions(); // one disk for both tests, as the tmpfs is
  beforeAll(() => {
    if (mounted && !mountTmpfs()) throw new Error(`could not mount a tmpfs on ${diskDir} again`);
  });
  afterAll(() => {
    if (mounted) unmount();
    fs.rmSync(diskDir, { recursive: true, force: true });
  });

  it('is DISK_FULL, leaves no partial or temporary file, and the store still works for what fits', async () => {
    const store = new BlobStore(path.join(diskDir, 'blobs'), disk);
    const small = await store.store(randomBytes(20_000));
    const big = randomBytes(600 * 1024);
    const err = await store.store(big).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).code).toBe('DISK_FULL');
    expect((err as AppError).message).toContain('磁盘空间不足');
    expect(filesUnder(path.join(diskDir, 'blobs'))).toEqual([path.join(small.sha256.slice(0, 2), small.sha256)]);
    expect(await store.has(sha(big))).toBe(false);
    expect(await store.verify(small.sha256)).toBe(true);
    const after = await store.store(randomBytes(10_000));
    expect(await store.verify(after.sha256)).toBe(true);
  });

  it('stops a batch of scans with DISK_FULL (not a refused file), leaving only whole pages', async () => {
    const store = new BlobStore(path.join(diskDir, 'blobs'), disk);
    const files = [];
    for (const kind of ['letter', 'statement', 'one-line'] as const) files.push({ name: `${kind}.png`, bytes: await encode.png(await scannedPage(kind)) });
    const err = await addFiles(store, files).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'DISK_FULL' });
    for (const f of filesUnder(path.join(diskDir, 'blobs'))) {
      expect(path.basename(f).startsWith('.tmp-')).toBe(false);
      expect(await store.verify(path.basename(f))).toBe(true);
    }
  });
});

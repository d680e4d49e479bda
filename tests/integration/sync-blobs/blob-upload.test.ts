import { createReadStream } from 'node:fs';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { uploadBlob } from '../../../electron/core/sync/blob-upload';
import {
  memoryUploadStore,
  randomBlob,
  sha256Of,
  startBlobCentre,
  startProxy,
  type BlobCentre,
} from './blob-centre';

// The workstation's uploader (electron/core/sync/blob-upload.ts) against the centre's blob routes
// (server/blobs) on loopback: real tus on both ends, real files, real PGlite.

const MB = 1024 * 1024;

/** A stream that is not a file: resuming must read and skip up to the centre's offset. */
const chunkedStream = (bytes: Buffer) => Readable.from((function* () {
  for (let i = 0; i < bytes.length; i += 256 * 1024) yield bytes.subarray(i, i + 256 * 1024);
})());

/** Polls until `ready` (at most 30 s): for states a test must reach before it acts. */
async function waitFor(ready: () => Promise<boolean>): Promise<void> {
  for (const until = Date.now() + 30_000; !(await ready()); ) {
    if (Date.now() > until) throw new Error('waited 30 s in vain');
    await new Promise((r) => setTimeout(r, 20));
  }
}

let centre: BlobCentre;
let tmp: string;
let credential: string; // device A's

beforeAll(async () => {
  centre = await startBlobCentre();
  credential = centre.a.credential;
  tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'pd-ws-blobs-'));
}, 120_000);
afterAll(async () => {
  await centre?.close();
  await fs.rm(tmp, { recursive: true, force: true });
});

const keptFile = (sha: string) => path.join(centre.dataDir, 'blobs', sha.slice(0, 2), sha);
const postsOf = () => centre.requests.filter((r) => r.method === 'POST' && r.path === '/v1/uploads').length;

describe('uploading a blob', () => {
  it('a 30 MB file arrives whole, verified, under blobs/ab/<sha256>, recorded with its device', async () => {
    const { bytes, sha256 } = randomBlob(30 * MB);
    const file = path.join(tmp, 'scan-30mb.pdf');
    await fs.writeFile(file, bytes);
    const store = memoryUploadStore();
    const progress: [number, number][] = [];

    const result = await uploadBlob({
      centreUrl: centre.url,
      credential,
      sha256,
      size: bytes.length,
      read: () => createReadStream(file),
      store,
      onProgress: (done, total) => progress.push([done, total]),
    });

    expect(result).toEqual({ ok: true, outcome: 'uploaded' });
    expect(sha256Of(await fs.readFile(keptFile(sha256)))).toBe(sha256);
    expect(await centre.blobRows()).toContainEqual({ sha256, size: 30 * MB, device_id: centre.a.id });
    expect(await centre.files('uploads')).toEqual([]); // nothing left half-way
    expect(store.urls.size).toBe(0);
    expect(progress.at(-1)).toEqual([30 * MB, 30 * MB]);
    expect(progress.every(([, total]) => total === 30 * MB)).toBe(true);
    // hashed as the bytes came in, not read back
    expect(centre.logs).toContainEqual(expect.objectContaining({ event: 'blob_stored', sha256, hashed: 'while-receiving' }));
  }, 120_000);

  describe('cut in the middle', () => {
    let proxy: Awaited<ReturnType<typeof startProxy>> | null = null;
    afterEach(async () => {
      await proxy?.close();
      proxy = null;
    });

    it('a scan of a few MB goes in one request (the POST that creates its upload); cut, it is sent again whole and kept once', async () => {
      const size = 3 * MB;
      const { bytes, sha256 } = randomBlob(size);
      proxy = await startProxy(centre.port, { cutAfterBytes: 2 * MB });
      const store = memoryUploadStore();
      const before = centre.requests.length;

      const result = await uploadBlob({ centreUrl: proxy.url, credential, sha256, size, store, read: () => chunkedStream(bytes), retryDelaysMs: [10] });

      expect(result).toEqual({ ok: true, outcome: 'uploaded' });
      expect(proxy.cuts()).toBe(1);
      // the cut POST left no URL to resume: the retry created a new upload and sent it all
      expect(centre.requests.slice(before).map((r) => r.method).filter((m) => m !== 'HEAD')).toEqual(['POST', 'POST']);
      expect(sha256Of(await fs.readFile(keptFile(sha256)))).toBe(sha256);
      expect((await centre.blobRows()).filter((r) => r.sha256 === sha256)).toEqual([{ sha256, size, device_id: centre.a.id }]);
      expect(store.urls.size).toBe(0);
    }, 60_000);

    it('a scan cut half-way leaves only its partial file (no config: nobody can resume it), swept once expired', async () => {
      const size = 3 * MB;
      const { bytes, sha256 } = randomBlob(size);
      const uploadsBefore = await centre.files('uploads');
      proxy = await startProxy(centre.port, { cutAfterBytes: 1 * MB });
      const result = await uploadBlob({ centreUrl: proxy.url, credential, sha256, size, store: memoryUploadStore(), read: () => bytes, retryDelaysMs: [] });
      expect(result).toMatchObject({ ok: false, reason: 'unavailable' });
      await waitFor(async () => (await centre.files('uploads')).length > uploadsBefore.length);
      const left = (await centre.files('uploads')).filter((f) => !uploadsBefore.includes(f));
      expect(left).toEqual([expect.stringMatching(/^[0-9a-f]{32}$/)]);

      // blob routes mounted with a 1 ms expiry sweep it as they start
      centre.remount({ uploadExpiryMs: 1 });
      await waitFor(async () => !(await centre.files('uploads')).includes(left[0]!));
      centre.remount({});
      expect(await centre.blobRows()).not.toContainEqual(expect.objectContaining({ sha256 }));
    }, 60_000);

    it('a dropped connection: a NEW call with the same store resumes at the centre’s offset and ends whole', async () => {
      const size = 30 * MB;
      const { bytes, sha256 } = randomBlob(size);
      proxy = await startProxy(centre.port, { cutAfterBytes: 12 * MB });
      const store = memoryUploadStore();
      const common = { centreUrl: proxy.url, credential, sha256, size, store, read: () => chunkedStream(bytes) };

      const first = await uploadBlob({ ...common, retryDelaysMs: [] });
      expect(first).toMatchObject({ ok: false, reason: 'unavailable', code: 'network' });
      expect(proxy.cuts()).toBe(1);
      expect(store.urls.get(sha256)).toMatch(/\/v1\/uploads\/[0-9a-f]{32}$/);
      expect(await fs.stat(keptFile(sha256)).catch(() => null)).toBeNull();

      const progress: number[] = [];
      const second = await uploadBlob({ ...common, onProgress: (done) => progress.push(done) });
      expect(second).toEqual({ ok: true, outcome: 'uploaded' });
      expect(progress[0]).toBeGreaterThan(5 * MB); // started where the centre had got to, not at 0
      console.info(`[blobs] 30 MB cut at 12 MB: ${proxy.bytesUp()} bytes sent in all, resumed from ${progress[0]}`);
      expect(proxy.bytesUp()).toBeLessThan(2 * size);
      // sent again: only what was in flight when the line dropped (without resuming: 12 MB more)
      expect(proxy.bytesUp()).toBeLessThan(size + 4 * MB);
      expect(centre.requests.filter((r) => r.method === 'PATCH').length).toBeGreaterThanOrEqual(2);
      expect(sha256Of(await fs.readFile(keptFile(sha256)))).toBe(sha256);
      expect(store.urls.size).toBe(0);
      // the running hash went on across the cut (same centre process, bytes in order)
      expect(centre.logs).toContainEqual(expect.objectContaining({ event: 'blob_stored', sha256, hashed: 'while-receiving' }));
    }, 120_000);

    it('the client stopped on a stalled line (abort signal): a NEW call resumes, sending less than the whole again', async () => {
      const size = 12 * MB;
      const { bytes, sha256 } = randomBlob(size);
      // the line stalls after 5 MB: the client sends on into the void; it is stopped once the
      // centre has written 4 MB of the upload
      proxy = await startProxy(centre.port, { blackholeAfterBytes: 5 * MB });
      const stop = new AbortController();
      const store = memoryUploadStore();
      const common = { centreUrl: proxy.url, credential, sha256, size, store, read: () => bytes };

      const running = uploadBlob({ ...common, signal: stop.signal });
      await waitFor(async () => {
        const url = store.urls.get(sha256);
        const written = url ? await fs.stat(path.join(centre.dataDir, 'uploads', path.basename(url))).catch(() => null) : null;
        return (written?.size ?? 0) >= 4 * MB;
      });
      stop.abort();
      const first = await running;
      expect(first).toEqual({ ok: false, reason: 'aborted' });
      expect(store.urls.has(sha256)).toBe(true);

      const sentBefore = proxy.bytesUp();
      const progress: number[] = [];
      const second = await uploadBlob({ ...common, onProgress: (done) => progress.push(done) });
      expect(second).toEqual({ ok: true, outcome: 'uploaded' });
      expect(proxy.bytesUp()).toBeLessThan(2 * size);
      console.info(`[blobs] 12 MB stalled after 5 MB, stopped: first call sent ${sentBefore}, second ${proxy.bytesUp() - sentBefore}`);
      expect(progress[0]).toBeGreaterThanOrEqual(4 * MB);
      expect(proxy.bytesUp() - sentBefore).toBeLessThan(size - 3 * MB); // the second call sent only the rest
      expect(sha256Of(await fs.readFile(keptFile(sha256)))).toBe(sha256);
    }, 60_000);

    it('a stalled line is given up after stallTimeoutMs and the same call retries, resuming, to the end', async () => {
      const size = 8 * MB;
      const { bytes, sha256 } = randomBlob(size);
      proxy = await startProxy(centre.port, { blackholeAfterBytes: 3 * MB });
      const before = centre.requests.length;
      const store = memoryUploadStore();

      const result = await uploadBlob({ centreUrl: proxy.url, credential, sha256, size, store, read: () => bytes, stallTimeoutMs: 3000, retryDelaysMs: [50] });

      expect(result).toEqual({ ok: true, outcome: 'uploaded' });
      const methods = centre.requests.slice(before).map((r) => r.method);
      expect(methods.filter((m) => m === 'PATCH')).toHaveLength(2);
      expect(methods.filter((m) => m === 'POST')).toHaveLength(1); // the retry resumed the same upload
      expect(proxy.bytesUp()).toBeLessThan(2 * size);
      expect(sha256Of(await fs.readFile(keptFile(sha256)))).toBe(sha256);
    }, 60_000);
  });

  it('a large blob the centre has is not sent again: HEAD /v1/blobs answers and no upload is created', async () => {
    const { bytes, sha256 } = randomBlob(256 * 1024);
    const store = memoryUploadStore();
    // bytesWithCreation below its size: treated as a blob over 6 MiB
    const common = { centreUrl: centre.url, credential, sha256, size: bytes.length, store, read: () => bytes, bytesWithCreation: 64 * 1024 };
    expect(await uploadBlob(common)).toEqual({ ok: true, outcome: 'uploaded' });
    const posts = postsOf();
    const progress: number[] = [];

    expect(await uploadBlob({ ...common, onProgress: (d) => progress.push(d) })).toEqual({ ok: true, outcome: 'present' });
    expect(postsOf()).toBe(posts);
    expect(progress).toEqual([bytes.length]);
  });

  it('a scan goes in one request without asking first; one the centre has already makes no new record', async () => {
    const { bytes, sha256 } = randomBlob(256 * 1024);
    const common = { centreUrl: centre.url, credential, sha256, size: bytes.length, store: memoryUploadStore(), read: () => bytes };
    let before = centre.requests.length;
    expect(await uploadBlob(common)).toEqual({ ok: true, outcome: 'uploaded' });
    expect(centre.requests.slice(before).map((r) => r.method)).toEqual(['POST']);
    const rows = (await centre.blobRows()).length;
    const uploads = await centre.files('uploads');

    before = centre.requests.length;
    expect(await uploadBlob(common)).toEqual({ ok: true, outcome: 'uploaded' });
    expect(centre.requests.slice(before).map((r) => r.method)).toEqual(['POST']);
    expect(centre.logs).toContainEqual(expect.objectContaining({ event: 'blob_already_kept', sha256 }));
    expect((await centre.blobRows()).length).toBe(rows);
    expect(await centre.files('uploads')).toEqual(uploads); // the second copy did not stay among the uploads
    expect(sha256Of(await fs.readFile(keptFile(sha256)))).toBe(sha256);
  });

  it('a file left under the blob name by a cut before it was recorded is replaced by the upload', async () => {
    const { bytes, sha256 } = randomBlob(300 * 1024);
    // as if the centre had moved an upload in and stopped before flushing and recording it
    await fs.mkdir(path.dirname(keptFile(sha256)), { recursive: true });
    await fs.writeFile(keptFile(sha256), bytes.subarray(0, 1000));
    const result = await uploadBlob({ centreUrl: centre.url, credential, sha256, size: bytes.length, store: memoryUploadStore(), read: () => bytes });
    expect(result).toEqual({ ok: true, outcome: 'uploaded' });
    expect(sha256Of(await fs.readFile(keptFile(sha256)))).toBe(sha256);
    expect((await centre.blobRows()).filter((r) => r.sha256 === sha256)).toHaveLength(1);
  });

  it('an upload whose bytes all arrived but was never finished (centre stopped) is finished when the client resumes', async () => {
    const { bytes, sha256 } = randomBlob(2 * MB);
    // create the upload, then put its bytes in place as if the last PATCH had been written and
    // the centre had stopped before hashing and moving it
    const created = await fetch(`${centre.url}/v1/uploads`, {
      method: 'POST',
      headers: {
        Authorization: `Bearer ${credential}`,
        'Tus-Resumable': '1.0.0',
        'Upload-Length': String(bytes.length),
        'Upload-Metadata': `sha256 ${Buffer.from(sha256).toString('base64')}`,
      },
    });
    expect(created.status).toBe(201);
    const location = created.headers.get('location')!;
    await fs.writeFile(path.join(centre.dataDir, 'uploads', path.basename(location)), bytes);
    const store = memoryUploadStore();
    store.set(sha256, new URL(location, centre.url).toString());
    const patches = centre.requests.filter((r) => r.method === 'PATCH').length;

    const result = await uploadBlob({ centreUrl: centre.url, credential, sha256, size: bytes.length, store, read: () => bytes });
    expect(result).toEqual({ ok: true, outcome: 'uploaded' });
    expect(centre.requests.filter((r) => r.method === 'PATCH').length).toBe(patches); // no byte sent again
    expect(centre.logs).toContainEqual(expect.objectContaining({ event: 'blob_stored', sha256, hashed: 'from-file' }));
    expect(sha256Of(await fs.readFile(keptFile(sha256)))).toBe(sha256);
  });

  it('a wrong SHA-256 is refused for good (422 blob_hash_mismatch): nothing kept, nothing recorded, upload deleted', async () => {
    const { bytes } = randomBlob(1 * MB);
    const claimed = sha256Of(Buffer.from('some other content'));
    const store = memoryUploadStore();
    const rowsBefore = (await centre.blobRows()).length;
    const before = centre.requests.length;
    const uploadsBefore = await centre.files('uploads');

    const result = await uploadBlob({ centreUrl: centre.url, credential, sha256: claimed, size: bytes.length, store, read: () => bytes, retryDelaysMs: [10, 10] });

    expect(result).toMatchObject({ ok: false, reason: 'rejected', status: 422, code: 'blob_hash_mismatch' });
    expect(await fs.stat(keptFile(claimed)).catch(() => null)).toBeNull();
    expect((await centre.blobRows()).length).toBe(rowsBefore);
    expect((await centre.blobRows()).some((r) => r.sha256 === claimed)).toBe(false);
    expect(await centre.files('uploads')).toEqual(uploadsBefore); // the refused upload was deleted
    expect(store.urls.size).toBe(0);
    expect(centre.logs.some((l) => l.event === 'refused' && l.code === 'blob_hash_mismatch' && l.claimed === claimed)).toBe(true);
    // refused once, not retried (1 MB: its bytes went with the POST that created the upload)
    expect(centre.requests.slice(before).map((r) => r.method)).toEqual(['POST']);
  });

  it('a forged credential is refused for good (401) before the blob routes see the request; its body is dropped', async () => {
    // 4 MB: a scan's body, which the centre starts reading while it checks the credential
    const { bytes, sha256 } = randomBlob(4 * MB);
    const before = centre.requests.length;
    const uploadsBefore = await centre.files('uploads');
    const result = await uploadBlob({
      centreUrl: centre.url,
      credential: `${centre.a.id}.${'x'.repeat(43)}`,
      sha256,
      size: bytes.length,
      store: memoryUploadStore(),
      read: () => bytes,
    });
    expect(result).toMatchObject({ ok: false, reason: 'rejected', status: 401, code: 'credential_invalid' });
    expect(centre.requests.length).toBe(before); // nothing reached the blob routes
    expect(centre.logs.filter((l) => l.event === 'refused' && l.status === 401 && l.path === '/v1/uploads')).toHaveLength(1);
    expect(await centre.files('uploads')).toEqual(uploadsBefore);
    expect(await fs.stat(keptFile(sha256)).catch(() => null)).toBeNull();
    expect((await centre.blobRows()).some((r) => r.sha256 === sha256)).toBe(false);
    // the same bytes with the device's own credential go through
    expect(await uploadBlob({ centreUrl: centre.url, credential, sha256, size: bytes.length, store: memoryUploadStore(), read: () => bytes })).toEqual({ ok: true, outcome: 'uploaded' });
  });

  it('a source shorter than its size stops the upload as unreadable (no endless retry)', async () => {
    const { bytes, sha256 } = randomBlob(1 * MB);
    const result = await uploadBlob({
      centreUrl: centre.url,
      credential,
      sha256,
      size: bytes.length,
      store: memoryUploadStore(),
      read: () => chunkedStream(bytes.subarray(0, 512 * 1024)),
      retryDelaysMs: [10, 10, 10],
    });
    expect(result).toMatchObject({ ok: false, reason: 'unreadable' });
    expect(await fs.stat(keptFile(sha256)).catch(() => null)).toBeNull();
  });
});

describe('retries', () => {
  afterEach(() => {
    centre.intercept = null;
    centre.remount({});
  });
  const since = (n: number, method: string) => centre.requests.slice(n).filter((r) => r.method === method).length;

  it('5xx answers are retried with backoff and the upload then completes', async () => {
    let failures = 2;
    centre.intercept = (req, res) => {
      if (req.method !== 'PATCH' || failures === 0) return false;
      failures--;
      req.resume();
      res.writeHead(503, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify({ code: 'unavailable', detail: 'busy' }));
      return true;
    };
    const before = centre.requests.length;
    const { bytes, sha256 } = randomBlob(1 * MB);
    // bytesWithCreation 0: the bytes go in a PATCH after the POST (as a blob over 6 MB does), which fails
    const result = await uploadBlob({ centreUrl: centre.url, credential, sha256, size: bytes.length, store: memoryUploadStore(), read: () => bytes, retryDelaysMs: [20, 40, 80], bytesWithCreation: 0 });
    expect(result).toEqual({ ok: true, outcome: 'uploaded' });
    expect(failures).toBe(0);
    expect(since(before, 'PATCH')).toBe(3);
    expect(await centre.blobRows()).toContainEqual({ sha256, size: 1 * MB, device_id: centre.a.id });
  });

  it('a centre that keeps failing: the call gives up as unavailable after its retries, keeping the upload URL', async () => {
    centre.intercept = (req, res) => {
      if (req.method !== 'PATCH') return false;
      req.resume();
      res.writeHead(500, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify({ code: 'internal', detail: 'down' }));
      return true;
    };
    const before = centre.requests.length;
    const { bytes, sha256 } = randomBlob(256 * 1024);
    const store = memoryUploadStore();
    const result = await uploadBlob({ centreUrl: centre.url, credential, sha256, size: bytes.length, store, read: () => bytes, retryDelaysMs: [10, 10], bytesWithCreation: 0 });
    expect(result).toMatchObject({ ok: false, reason: 'unavailable', status: 500, code: 'internal' });
    expect(since(before, 'PATCH')).toBe(3);
    expect(since(before, 'POST')).toBe(1); // later attempts resumed the same upload
    expect(store.urls.has(sha256)).toBe(true);
  });

  it('an unfinished upload past its expiry is swept; its client then starts a new one and ends whole', async () => {
    const { bytes, sha256 } = randomBlob(1 * MB);
    const store = memoryUploadStore();
    centre.intercept = (req, res) => {
      if (req.method !== 'PATCH') return false;
      req.resume();
      res.writeHead(503).end();
      return true;
    };
    const first = await uploadBlob({ centreUrl: centre.url, credential, sha256, size: bytes.length, store, read: () => bytes, retryDelaysMs: [], bytesWithCreation: 0 });
    expect(first).toMatchObject({ ok: false, reason: 'unavailable', status: 503 });
    const stale = store.urls.get(sha256)!;
    centre.intercept = null;

    // blob routes mounted with a 1 ms expiry sweep the unfinished uploads as they start
    centre.remount({ uploadExpiryMs: 1 });
    await waitFor(async () => !(await centre.files('uploads')).includes(path.basename(stale)));
    centre.remount({});

    const before = centre.requests.length;
    const second = await uploadBlob({ centreUrl: centre.url, credential, sha256, size: bytes.length, store, read: () => bytes });
    expect(second).toEqual({ ok: true, outcome: 'uploaded' });
    expect(centre.requests.slice(before).map((r) => `${r.method} ${r.path === new URL(stale).pathname ? 'stale' : r.path}`)).toEqual([
      `HEAD /v1/blobs/${sha256}`,
      'HEAD stale', // 404: gone
      'POST /v1/uploads',
      expect.stringMatching(/^PATCH \/v1\/uploads\/[0-9a-f]{32}$/),
    ]); // the centre's answer to the last PATCH says the blob is kept: no HEAD after it
  });

  it('a blob over the centre’s limit is refused for good (413 blob_too_large)', async () => {
    centre.remount({ maxUploadBytes: 1 * MB });
    const uploadsBefore = await centre.files('uploads');
    const { bytes, sha256 } = randomBlob(2 * MB);
    const result = await uploadBlob({ centreUrl: centre.url, credential, sha256, size: bytes.length, store: memoryUploadStore(), read: () => bytes });
    expect(result).toMatchObject({ ok: false, reason: 'rejected', status: 413, code: 'blob_too_large' });
    expect(await centre.files('uploads')).toEqual(uploadsBefore); // no upload was created
  });
});

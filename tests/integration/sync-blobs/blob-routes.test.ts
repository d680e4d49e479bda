import fs from 'node:fs/promises';
import type http from 'node:http';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SyncErrorBody } from '../../../shared/sync/protocol';
import { uploadBlob } from '../../../electron/core/sync/blob-upload';
import { BACKENDS, backendMissing } from '../../helpers/central';
import { memoryUploadStore, randomBlob, sha256Of, startBlobCentre, type BlobCentre, type BlobTestDevice } from './blob-centre';

// The centre's blob routes (server/blobs) spoken to in plain HTTP, as any client (or attacker)
// could, on the embedded PGlite and on a real PostgreSQL.

const b64 = (s: string) => Buffer.from(s).toString('base64');
const errorOf = async (res: Response) => SyncErrorBody.parse(await res.json());

describe.each(BACKENDS)('blob routes on $name', ({ kind }) => {
  describe.skipIf(backendMissing(kind))('server/blobs', () => {
    let centre: BlobCentre;
    let A: BlobTestDevice;
    let B: BlobTestDevice;
    beforeAll(async () => {
      centre = await startBlobCentre(kind);
      A = centre.a;
      B = centre.b;
    }, 120_000);
    afterAll(() => centre?.close());

    const auth = (d: BlobTestDevice = A) => d.headers;
    const createUpload = (metadata: string | null, length = 10, device: BlobTestDevice = A) =>
      fetch(`${centre.url}/v1/uploads`, {
        method: 'POST',
        headers: { ...auth(device), 'Tus-Resumable': '1.0.0', 'Upload-Length': String(length), ...(metadata === null ? {} : { 'Upload-Metadata': metadata }) },
      });

    describe('upload metadata', () => {
      it.each([
        ['missing', null],
        ['without sha256', `filename ${b64('a.pdf')}`],
        ['sha256 not hex', `sha256 ${b64('ABC')}`],
        ['sha256 in upper case', `sha256 ${b64('A'.repeat(64))}`],
        ['sha256 too short', `sha256 ${b64('a'.repeat(63))}`],
        ['sha256 without a value', 'sha256'],
      ])('%s → 400 blob_metadata_invalid, nothing created', async (_label, metadata) => {
        const logged = centre.logs.length;
        const res = await createUpload(metadata);
        expect(res.status).toBe(400);
        expect((await errorOf(res)).code).toBe('blob_metadata_invalid');
        expect(await centre.files('uploads')).toEqual([]);
        expect(centre.logs.slice(logged)).toContainEqual(expect.objectContaining({ event: 'refused', code: 'blob_metadata_invalid', device: A.id }));
      });

      it('a deferred length is refused (400): the centre must know the size up front', async () => {
        const res = await fetch(`${centre.url}/v1/uploads`, {
          method: 'POST',
          headers: { ...auth(), 'Tus-Resumable': '1.0.0', 'Upload-Defer-Length': '1', 'Upload-Metadata': `sha256 ${b64('a'.repeat(64))}` },
        });
        expect(res.status).toBe(400);
        expect((await errorOf(res)).code).toBe('blob_length_required');
      });

      it('good metadata creates an upload owned by its device; another device cannot see or write it', async () => {
        const res = await createUpload(`sha256 ${b64('c'.repeat(64))},filename ${b64('申请表.pdf')}`);
        expect(res.status).toBe(201);
        const location = res.headers.get('location')!;
        expect(location).toMatch(/^\/v1\/uploads\/[0-9a-f]{32}$/);

        const own = await fetch(centre.url + location, { method: 'HEAD', headers: { ...auth(), 'Tus-Resumable': '1.0.0' } });
        expect(own.status).toBe(200);
        expect(own.headers.get('upload-offset')).toBe('0');

        const other = await fetch(centre.url + location, { method: 'HEAD', headers: { ...auth(B), 'Tus-Resumable': '1.0.0' } });
        expect(other.status).toBe(404);
        const write = await fetch(centre.url + location, {
          method: 'PATCH',
          headers: { ...auth(B), 'Tus-Resumable': '1.0.0', 'Upload-Offset': '0', 'Content-Type': 'application/offset+octet-stream' },
          body: Buffer.alloc(10),
        });
        expect(write.status).toBe(404);
        expect(centre.logs.filter((l) => l.event === 'refused' && l.code === 'upload_not_found' && l.device === B.id)).toHaveLength(2);
        const read = await fetch(centre.url + location, { headers: auth() });
        expect(read.status).toBe(405); // uploads in progress are never served
      });
    });

    describe('HEAD and GET /v1/blobs/<sha256>', () => {
      const known = randomBlob(300 * 1024);
      beforeAll(async () => {
        const r = await uploadBlob({ centreUrl: centre.url, credential: A.credential, sha256: known.sha256, size: known.bytes.length, read: () => known.bytes, store: memoryUploadStore() });
        expect(r).toEqual({ ok: true, outcome: 'uploaded' });
      });

      it('a kept blob: HEAD 200 with its length; GET gives the very bytes', async () => {
        const head = await fetch(`${centre.url}/v1/blobs/${known.sha256}`, { method: 'HEAD', headers: auth() });
        expect(head.status).toBe(200);
        expect(head.headers.get('content-length')).toBe(String(known.bytes.length));

        const get = await fetch(`${centre.url}/v1/blobs/${known.sha256}`, { headers: auth(B) });
        expect(get.status).toBe(200);
        expect(get.headers.get('content-length')).toBe(String(known.bytes.length));
        expect(sha256Of(Buffer.from(await get.arrayBuffer()))).toBe(known.sha256);
      });

      it('an unknown blob: HEAD 404, GET 404 blob_not_found', async () => {
        const unknown = sha256Of(Buffer.from('never uploaded'));
        expect((await fetch(`${centre.url}/v1/blobs/${unknown}`, { method: 'HEAD', headers: auth() })).status).toBe(404);
        const get = await fetch(`${centre.url}/v1/blobs/${unknown}`, { headers: auth() });
        expect(get.status).toBe(404);
        expect((await errorOf(get)).code).toBe('blob_not_found');
      });

      it('a name that is no SHA-256 → 400; other methods → 405', async () => {
        const bad = await fetch(`${centre.url}/v1/blobs/${known.sha256.toUpperCase()}`, { headers: auth() });
        expect(bad.status).toBe(400);
        expect((await errorOf(bad)).code).toBe('bad_sha256');
        const del = await fetch(`${centre.url}/v1/blobs/${known.sha256}`, { method: 'DELETE', headers: auth() });
        expect(del.status).toBe(405);
        expect(await fs.stat(path.join(centre.dataDir, 'blobs', known.sha256.slice(0, 2), known.sha256))).toBeTruthy();
      });

      it('a second upload of a kept blob (straight to tus) is verified and dropped: 204, no new row, nothing moved', async () => {
        const rowBefore = (await centre.blobRows()).find((r) => r.sha256 === known.sha256);
        const created = await createUpload(`sha256 ${b64(known.sha256)}`, known.bytes.length, B);
        expect(created.status).toBe(201);
        const patch = await fetch(centre.url + created.headers.get('location'), {
          method: 'PATCH',
          headers: { ...auth(B), 'Tus-Resumable': '1.0.0', 'Upload-Offset': '0', 'Content-Type': 'application/offset+octet-stream' },
          body: new Uint8Array(known.bytes),
        });
        expect(patch.status).toBe(204);
        expect(patch.headers.get('upload-offset')).toBe(String(known.bytes.length));
        expect((await centre.blobRows()).filter((r) => r.sha256 === known.sha256)).toEqual([rowBefore]); // still device A's
        expect(centre.logs).toContainEqual(expect.objectContaining({ event: 'blob_already_kept', sha256: known.sha256, device: B.id }));
        expect(await centre.files('uploads')).not.toContain(path.basename(created.headers.get('location')!));
      });

      it('… but different bytes under a kept blob’s name are still refused (422), the kept blob untouched', async () => {
        const fake = Buffer.alloc(known.bytes.length, 7);
        const created = await createUpload(`sha256 ${b64(known.sha256)}`, fake.length, B);
        const patch = await fetch(centre.url + created.headers.get('location'), {
          method: 'PATCH',
          headers: { ...auth(B), 'Tus-Resumable': '1.0.0', 'Upload-Offset': '0', 'Content-Type': 'application/offset+octet-stream' },
          body: new Uint8Array(fake),
        });
        expect(patch.status).toBe(422);
        expect((await errorOf(patch)).code).toBe('blob_hash_mismatch');
        const kept = await fetch(`${centre.url}/v1/blobs/${known.sha256}`, { headers: auth() });
        expect(sha256Of(Buffer.from(await kept.arrayBuffer()))).toBe(known.sha256);
      });

      it('hasBlobs names the missing ones only', async () => {
        const unknown = sha256Of(Buffer.from('not here'));
        expect(await centre.routes().hasBlobs([known.sha256, unknown, unknown])).toEqual([unknown]);
        expect(await centre.routes().hasBlobs([])).toEqual([]);
      });

      it('other paths are not answered by the blob routes (false, nothing written)', async () => {
        const handled = await centre.routes().handle({ url: '/v1/push?x=1', method: 'POST' } as http.IncomingMessage, {} as http.ServerResponse, { id: A.id });
        expect(handled).toBe(false);
      });
    });
  });
});

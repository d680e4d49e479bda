import { randomBytes } from 'node:crypto';
import { createReadStream } from 'node:fs';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BlobSource } from '../../../electron/core/sync/blob-source';

// The uploader's view of a blob's bytes (electron/core/sync/blob-source.ts): a resumed upload reads
// from the centre's offset, whatever the caller's `read` gives.

const bytes = randomBytes(3 * 1024 * 1024 + 17);
let dir: string;
let file: string;
beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'pd-blob-source-'));
  file = path.join(dir, 'blob');
  await fs.writeFile(file, bytes);
});
afterAll(() => fs.rm(dir, { recursive: true, force: true }));

async function drain(value: Buffer | Readable): Promise<Buffer> {
  if (Buffer.isBuffer(value)) return value;
  const parts: Buffer[] = [];
  for await (const chunk of value) parts.push(chunk as Buffer);
  return Buffer.concat(parts);
}

const chunked = () => Readable.from((function* () {
  for (let i = 0; i < bytes.length; i += 100_000) yield bytes.subarray(i, i + 100_000);
})());

describe.each([
  ['bytes', () => bytes],
  ['a file stream (reopened at the offset)', () => createReadStream(file)],
  ['any other stream (read and skipped to the offset)', chunked],
])('from %s', (_name, read) => {
  it.each([
    [0, bytes.length],
    [1_234_567, bytes.length],
    [100_000, 200_000],
    [bytes.length - 1, bytes.length],
  ])('slice(%i, %i) is exactly those bytes', async (start, end) => {
    const source = new BlobSource(read, bytes.length);
    const { value, done } = await source.slice(start, end);
    expect(value.size).toBe(end - start);
    expect(done).toBe(end === bytes.length);
    expect((await drain(value)).equals(bytes.subarray(start, end))).toBe(true);
    source.close();
  });
});

it('a source that ends early fails the slice and says so, once', async () => {
  const failures: Error[] = [];
  const source = new BlobSource(() => Readable.from([bytes.subarray(0, 1000)]), bytes.length, (e) => failures.push(e));
  const { value } = await source.slice(500, bytes.length);
  await expect(drain(value)).rejects.toThrow(/ended at 1000/);
  expect(failures).toHaveLength(1);
  expect(source.failure?.message).toMatch(/ended at 1000/);
});

it('bytes of the wrong length are refused before anything is sent', async () => {
  const failures: Error[] = [];
  const source = new BlobSource(() => bytes.subarray(1), bytes.length, (e) => failures.push(e));
  await expect(source.slice(0, bytes.length)).rejects.toThrow(/not 3145745/);
  expect(failures).toHaveLength(1);
});

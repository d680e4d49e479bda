import { createReadStream, ReadStream } from 'node:fs';
import { Readable, Transform, type TransformCallback } from 'node:stream';

// The bytes of a blob as tus-js-client reads them (its FileReader/FileSource interfaces). The
// caller gives a function that opens the blob from its start each time; a resumed upload needs
// the bytes from an offset, so a file stream is reopened there and any other stream is read
// and skipped up to it. Each slice is exactly [start, end): a source that ends early or fails
// makes the slice fail, and `failure` tells the uploader why (the upload must stop, not loop).

export type BlobBytes = Uint8Array | Readable;
export type OpenBlob = () => BlobBytes | Promise<BlobBytes>;

type Slice = (Buffer | Readable) & { size: number };

export class BlobSource {
  failure: Error | null = null;
  private current: Readable | null = null;

  constructor(
    private readonly open: OpenBlob,
    readonly size: number,
    /** called once, when the bytes cannot be read (the upload must then be stopped) */
    private readonly onFailure: (e: Error) => void = () => undefined,
  ) {}

  async slice(start: number, end: number): Promise<{ value: Slice; done: boolean }> {
    end = Math.min(end, this.size);
    const done = end >= this.size;
    let bytes: BlobBytes;
    try {
      bytes = await this.open();
    } catch (e) {
      throw this.fail(e instanceof Error ? e : new Error(String(e)));
    }
    if (bytes instanceof Uint8Array) {
      if (bytes.byteLength !== this.size) throw this.fail(new Error(`the blob has ${bytes.byteLength} bytes, not ${this.size}`));
      const chunk = Buffer.from(bytes.buffer, bytes.byteOffset + start, end - start);
      return { value: Object.assign(chunk, { size: chunk.length }), done };
    }
    this.current?.destroy();
    let stream: Readable = bytes;
    let skip = start;
    if (start > 0 && bytes instanceof ReadStream && typeof bytes.path === 'string' && (bytes as ReadStream & { start?: number }).start === undefined) {
      bytes.destroy();
      stream = createReadStream(bytes.path, { start, highWaterMark: 1 << 20 });
      skip = 0;
    }
    this.current = stream;
    const range = new ExactRange(skip, end - start, (e) => this.fail(e));
    // failures are reported through fail(); tus-js-client's pipe does not listen for them
    range.on('error', () => undefined);
    stream.on('error', (e) => range.destroy(this.fail(e)));
    return { value: Object.assign(stream.pipe(range), { size: end - start }), done };
  }

  close(): void {
    this.current?.destroy();
    this.current = null;
  }

  private fail(e: Error): Error {
    if (!this.failure) {
      this.failure = e;
      this.onFailure(e);
    }
    return e;
  }
}

/** Passes `length` bytes after skipping `skip`; fails if the input ends before that. */
class ExactRange extends Transform {
  private seen = 0;

  constructor(
    private readonly skip: number,
    private readonly length: number,
    private readonly onShort: (e: Error) => void,
  ) {
    super();
  }

  override _transform(chunk: Buffer, _enc: BufferEncoding, done: TransformCallback): void {
    const from = Math.max(0, this.skip - this.seen);
    const to = Math.min(chunk.length, this.skip + this.length - this.seen);
    this.seen += chunk.length;
    if (to > from) this.push(from === 0 && to === chunk.length ? chunk : chunk.subarray(from, to));
    done();
  }

  override _flush(done: TransformCallback): void {
    if (this.seen < this.skip + this.length) {
      const e = new Error(`the blob's bytes ended at ${this.seen}, before ${this.skip + this.length}`);
      this.onShort(e);
      return done(e);
    }
    done();
  }
}

/** tus-js-client's fileReader option: every upload reads its own BlobSource. */
export const blobFileReader = (source: BlobSource) => ({
  openFile: async () => source,
});

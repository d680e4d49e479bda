import { createHash, type Hash } from 'node:crypto';
import { Transform, type Readable } from 'node:stream';
import { FileStore } from '@tus/file-store';

// @tus/file-store that hashes the bytes as they are written, so a finished upload needs no second
// read of up to 200 MB. Only an optimisation: the running hash lives in this process and covers
// the upload only while every byte came through here in order; otherwise (a restart, another
// process, a write that failed half-way) digestOf() says null and the file is hashed from disk.

const MAX_RUNNING = 1000; // uploads abandoned half-way leave their entry; the oldest go first

export class HashingFileStore extends FileStore {
  private readonly running = new Map<string, { hash: Hash; offset: number }>();

  override async write(readable: Readable, id: string, offset: number): Promise<number> {
    if (offset === 0) this.track(id);
    const entry = this.running.get(id);
    if (!entry || entry.offset !== offset) {
      this.running.delete(id);
      return super.write(readable, id, offset);
    }
    const hasher = new Transform({
      transform(chunk: Buffer, _enc, done) {
        entry.hash.update(chunk);
        done(null, chunk);
      },
    });
    readable.on('error', (e) => hasher.destroy(e));
    try {
      const written = await super.write(readable.pipe(hasher), id, offset);
      // what was hashed is what was written (the hasher only passes on what it hashed, and a
      // write that resolves has written all it was passed)
      entry.offset = written;
      return written;
    } catch (e) {
      this.running.delete(id);
      throw e;
    }
  }

  override async remove(id: string): Promise<void> {
    this.running.delete(id);
    return super.remove(id);
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

import type http from 'node:http';
import { SyncHttpError } from './errors';

/**
 * Reads a JSON body of at most `limit` bytes. A larger one (by Content-Length, or once it grows past
 * the limit) is refused with 413 at once; the rest is drained so the answer reaches the client.
 */
export function readJson(req: http.IncomingMessage, limit: number): Promise<unknown> {
  const type = (req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
  if (type !== 'application/json') {
    req.resume();
    return Promise.reject(new SyncHttpError('unsupported_media_type', `Content-Type must be application/json, not '${type}'`));
  }
  const declared = Number(req.headers['content-length'] ?? NaN);
  if (declared > limit) {
    req.resume();
    return Promise.reject(new SyncHttpError('body_too_large', `body of ${declared} bytes exceeds ${limit}`));
  }
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let done = false;
    const finish = (f: () => void) => {
      if (!done) {
        done = true;
        f();
      }
    };
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > limit) {
        chunks.length = 0;
        finish(() => reject(new SyncHttpError('body_too_large', `body exceeds ${limit} bytes`)));
      } else if (!done) chunks.push(c);
    });
    req.on('end', () =>
      finish(() => {
        const text = Buffer.concat(chunks).toString('utf8');
        try {
          resolve(JSON.parse(text));
        } catch (e) {
          reject(new SyncHttpError('malformed_json', e instanceof Error ? e.message.slice(0, 200) : 'not JSON'));
        }
      }),
    );
    req.on('error', (e) => finish(() => reject(e)));
  });
}

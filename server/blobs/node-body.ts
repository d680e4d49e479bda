import { IncomingMessage } from 'node:http';
import { PassThrough, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { ERRORS, StreamLimiter, type Server, type Upload } from '@tus/server';

// @tus/server 2 hands an upload's body to its store as a web stream made from the Node request
// (srvx's Readable.toWeb) and turned back into a Node stream (Readable.fromWeb): a promise and
// several objects for every 64 KB piece. Profiled over an upload of scans, that work and the
// garbage it left took more of the centre's time than everything else it did (bench/sync,
// docs/benchmarks.md). Here its POST and PATCH handlers are given the Node request itself, through
// tus's own size limiter and a proxy as in its BaseHandler.writeToStore; all else they do is theirs.
// Written against @tus/server 2.4 (package.json pins it): the centre refuses to start if the
// handlers no longer have the methods this replaces.

/** A body up to this size is read as soon as its request arrives (readAhead). */
export const READ_AHEAD_BYTES = 8 * 1024 * 1024;
const readingAhead = new WeakMap<IncomingMessage, PassThrough>();

/**
 * Starts reading the body of an upload request of up to READ_AHEAD_BYTES (a scan) into memory,
 * for the tus handler to take once it has made the upload. Called while the device's credential
 * is checked: the credential lookup and tus's own steps before it reads took about 3 ms a scan,
 * and the client stood still once the socket's buffer was full. A request refused meanwhile has
 * its body dropped (dropReadAhead). Calling it again does nothing.
 */
export function readAhead(req: IncomingMessage): void {
  const length = Number(req.headers['content-length']);
  if (readingAhead.has(req) || (req.method !== 'POST' && req.method !== 'PATCH') || !(length > 0 && length <= READ_AHEAD_BYTES)) return;
  const ahead = new PassThrough({ highWaterMark: READ_AHEAD_BYTES });
  // pipe() does not pass errors on: a client gone half-way fails the read, as the request would
  // (heard by writeFromNode, or by nobody if tus answered without reading)
  ahead.on('error', () => undefined);
  req.on('error', (e) => ahead.destroy(e));
  req.pipe(ahead);
  readingAhead.set(req, ahead);
}

/** Throws away what readAhead read of a refused request, and the rest of its body as it comes. */
export function dropReadAhead(req: IncomingMessage): void {
  const ahead = readingAhead.get(req);
  if (!ahead) return;
  readingAhead.delete(req);
  req.unpipe(ahead);
  ahead.destroy();
  req.resume();
}

type Context = { signal: AbortSignal };
interface BodyHandler {
  send(req: { runtime?: { node?: { req?: unknown } } }, ...rest: unknown[]): Promise<unknown>;
  writeToStore(body: unknown, upload: Upload, maxFileSize: number, context: Context): Promise<number>;
  store: { write(readable: Readable, id: string, offset: number): Promise<number> };
}

export function readBodiesFromNode(tus: Server): void {
  for (const method of ['POST', 'PATCH'] as const) {
    const h = tus.handlers[method] as unknown as BodyHandler;
    if (typeof h.send !== 'function' || typeof h.writeToStore !== 'function' || typeof h.store?.write !== 'function') {
      throw new Error(`@tus/server's ${method} handler is not the one server/blobs/node-body.ts was written for`);
    }
    const send = h.send.bind(h);
    const write = h.writeToStore.bind(h);
    h.send = (req, ...rest) => {
      const node = req.runtime?.node?.req;
      // read by the handler as req.body, and passed to writeToStore
      if (node instanceof IncomingMessage) Object.defineProperty(req, 'body', { value: node, configurable: true });
      return send(req, ...rest);
    };
    h.writeToStore = (body, upload, maxFileSize, context) =>
      body instanceof IncomingMessage ? writeFromNode(h, body, upload, maxFileSize, context) : write(body, upload, maxFileSize, context);
  }
}

async function writeFromNode(h: BodyHandler, req: IncomingMessage, upload: Upload, maxFileSize: number, context: Context): Promise<number> {
  if (context.signal.aborted) throw ERRORS.ABORTED;
  const body: Readable = readingAhead.get(req) ?? req;
  if (body.destroyed) throw ERRORS.ABORTED;
  // a failure ends the proxy, not the request, so the client still hears the answer
  const proxy = new PassThrough();
  let sourceError: unknown = null;
  body.on('error', (e) => {
    sourceError = e;
    body.unpipe(proxy);
    if (!context.signal.aborted) proxy.destroy(e);
  });
  const onAbort = () => {
    body.unpipe(proxy);
    if (!proxy.destroyed) proxy.end();
  };
  context.signal.addEventListener('abort', onAbort, { once: true });
  try {
    let offset = upload.offset;
    await pipeline(body.pipe(proxy), new StreamLimiter(maxFileSize), async (s: AsyncIterable<Buffer>) => {
      offset = await h.store.write(s as Readable, upload.id, upload.offset);
    });
    return offset;
  } catch (e) {
    body.unpipe(proxy);
    throw (sourceError !== null && e === sourceError) || (e instanceof Error && e.name === 'AbortError') ? ERRORS.ABORTED : e;
  } finally {
    context.signal.removeEventListener('abort', onAbort);
  }
}

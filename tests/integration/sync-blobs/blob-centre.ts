import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import type http from 'node:http';
import net from 'node:net';
import path from 'node:path';
import { Transform } from 'node:stream';
import { createBlobRoutes, type BlobRoutes, type BlobRoutesOptions } from '../../../server/blobs';
import type { LogEntry } from '../../../server/log';
import { startTestCentral, type Backend, type TestCentral } from '../../helpers/central';

// The real centre (tests/helpers/central.ts: HTTP, enrolment and device credentials, PGlite or a
// real PostgreSQL) with the blob routes of server/blobs mounted, and two devices enrolled. Tests
// may answer blob requests themselves (intercept) or remount the routes with other options, so one
// centre (PGlite takes seconds to start on a busy machine) serves a whole file.

export interface BlobTestDevice {
  id: string;
  /** `<deviceId>.<secret>` */
  credential: string;
  /** { Authorization: 'Bearer …' } */
  headers: { Authorization: string };
}

export interface LoggedRequest {
  method: string;
  path: string;
  device: string;
}

type Intercept = (req: http.IncomingMessage, res: http.ServerResponse) => boolean;

export interface BlobCentre {
  url: string;
  port: number;
  dataDir: string;
  test: TestCentral;
  a: BlobTestDevice;
  b: BlobTestDevice;
  routes(): BlobRoutes;
  /** authenticated requests that reached the blob routes */
  requests: LoggedRequest[];
  logs: LogEntry[];
  /** answer blob requests here first while set (true: answered) */
  intercept: Intercept | null;
  /** mounts fresh blob routes with these options (same data folder and database) */
  remount(opts: Partial<Pick<BlobRoutesOptions, 'maxUploadBytes' | 'uploadExpiryMs'>>): void;
  /** rows of the blobs table */
  blobRows(): Promise<{ sha256: string; size: number; device_id: string | null }[]>;
  /** files under <data-dir>/uploads or <data-dir>/blobs, relative */
  files(dir: 'uploads' | 'blobs'): Promise<string[]>;
  close(): Promise<void>;
}

export async function startBlobCentre(kind: Backend = 'pglite'): Promise<BlobCentre> {
  const requests: LoggedRequest[] = [];
  let routes: BlobRoutes | null = null;
  let mount: ((opts: Partial<BlobRoutesOptions>) => void) | null = null;
  const self = { intercept: null as Intercept | null };

  const test = await startTestCentral(kind, {
    blobRoutes: (ctx) => {
      mount = (opts) => (routes = createBlobRoutes({ ...ctx, ...opts }));
      mount({});
      return {
        handle: (req, res, device) => {
          requests.push({ method: req.method ?? '', path: new URL(req.url ?? '/', 'http://x').pathname, device: device.id });
          if (self.intercept?.(req, res)) return Promise.resolve(true);
          return routes!.handle(req, res, device);
        },
        hasBlobs: (shas) => routes!.hasBlobs(shas),
        readAhead: (req) => routes!.readAhead(req),
        dropReadAhead: (req) => routes!.dropReadAhead(req),
      };
    },
  });
  const device = async (name: string): Promise<BlobTestDevice> => {
    const d = await test.enrolDevice({ name });
    return { id: d.id, credential: `${d.id}.${d.secret}`, headers: { Authorization: d.auth } };
  };

  const walk = async (dir: string): Promise<string[]> => {
    const entries = await fs.readdir(dir, { recursive: true, withFileTypes: true }).catch(() => []);
    return entries.filter((e) => e.isFile()).map((e) => path.relative(dir, path.join(e.parentPath, e.name))).sort();
  };

  return Object.assign(self, {
    url: test.url,
    port: test.central.port,
    dataDir: test.dataDir,
    test,
    a: await device('1号窗口'),
    b: await device('2号窗口'),
    routes: () => routes!,
    requests,
    logs: test.logs,
    remount: (opts: Partial<BlobRoutesOptions>) => mount!(opts),
    blobRows: async () =>
      (await test.central.db.query<{ sha256: string; size: number; device_id: string | null }>('SELECT sha256, size::int AS size, device_id::text AS device_id FROM blobs ORDER BY sha256'))
        .rows,
    files: (dir: 'uploads' | 'blobs') => walk(path.join(test.dataDir, dir)),
    close: () => test.close(),
  });
}

/**
 * A loopback TCP proxy in front of the centre that counts the bytes sent up to it. Once, when that
 * count passes `cutAfterBytes`, it cuts every connection (a network drop mid-upload); once, past
 * `blackholeAfterBytes`, it swallows what is sent until the client gives up (a stalled line).
 */
export async function startProxy(targetPort: number, opts: { cutAfterBytes?: number; blackholeAfterBytes?: number; onBytes?: (bytesUp: number) => void } = {}) {
  let bytesUp = 0;
  let cutAt = opts.cutAfterBytes ?? null;
  let holeAt = opts.blackholeAfterBytes ?? null;
  let cuts = 0;
  const clients = new Set<net.Socket>();
  const upstreams = new Set<net.Socket>();
  const server = net.createServer((client) => {
    const upstream = net.connect(targetPort, '127.0.0.1');
    clients.add(client);
    upstreams.add(upstream);
    let swallowing = false;
    const counter = new Transform({
      transform(chunk: Buffer, _enc, done) {
        bytesUp += chunk.length;
        opts.onBytes?.(bytesUp);
        if (cutAt !== null && bytesUp >= cutAt) {
          cutAt = null;
          cuts++;
          for (const c of clients) c.destroy();
          return done();
        }
        if (holeAt !== null && bytesUp >= holeAt) {
          holeAt = null;
          swallowing = true;
        }
        done(null, swallowing ? undefined : chunk);
      },
    });
    // the client's side gone: what was forwarded still reaches the centre, then its side ends
    client.on('error', () => undefined).on('close', () => {
      clients.delete(client);
      counter.end();
    });
    upstream.on('error', () => client.destroy()).on('close', () => {
      upstreams.delete(upstream);
      client.destroy();
    });
    client.pipe(counter).pipe(upstream);
    upstream.pipe(client);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as net.AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    bytesUp: () => bytesUp,
    cuts: () => cuts,
    close: async () => {
      for (const s of [...clients, ...upstreams]) s.destroy();
      await new Promise<void>((r) => server.close(() => r()));
    },
  };
}

/** The workstation side's upload-state store (SQLite blob_uploads in the app), in memory. */
export function memoryUploadStore() {
  const urls = new Map<string, string>();
  return {
    urls,
    get: (sha: string) => urls.get(sha),
    set: (sha: string, url: string) => void urls.set(sha, url),
    delete: (sha: string) => void urls.delete(sha),
  };
}

export function randomBlob(size: number): { bytes: Buffer; sha256: string } {
  const bytes = randomBytes(size);
  return { bytes, sha256: createHash('sha256').update(bytes).digest('hex') };
}

export const sha256Of = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

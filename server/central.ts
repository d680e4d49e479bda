import path from 'node:path';
import type { AddressInfo } from 'node:net';
import type { Db } from './db/types';
import { openDb } from './db/open';
import { jsonLinesLog, type Log } from './log';
import { createCentreServer } from './http/server';
import { adminDoor } from './admin/relay';
import type { BlobRoutes } from './http/routes';
import { createBlobRoutes } from './blobs';

// The centre in one call, for `npm run central`, the tests, and (later) `npm start`'s embedded centre.

export interface CentralOptions {
  /** blobs, uploads and (without databaseUrl) the PGlite database; default ./central-data */
  dataDir?: string;
  /** a PostgreSQL URL; without it the embedded PGlite in <dataDir>/pgdata */
  databaseUrl?: string;
  /** default 8787; 0 for any free port */
  port?: number;
  /** default 127.0.0.1 */
  host?: string;
  log?: Log;
  /** the blob module's routes; default: server/blobs (createBlobRoutes) */
  blobRoutes?: (ctx: { dataDir: string; db: Db; log: Log }) => BlobRoutes | Promise<BlobRoutes>;
  /**
   * Opens the admin door (server/admin/relay.ts) with this token, and on PGlite writes the address
   * and token into the data folder's lock file, so `npm run central -- <command>` reaches it.
   */
  adminToken?: string;
}

export interface Central {
  url: string;
  port: number;
  db: Db;
  dataDir: string;
  close(): Promise<void>;
}

export const DEFAULT_PORT = 8787;
const SWEEP_EVERY_MS = 6 * 3600_000;

export async function startCentral(opts: CentralOptions = {}): Promise<Central> {
  const dataDir = path.resolve(opts.dataDir ?? 'central-data');
  const log = opts.log ?? jsonLinesLog;
  const { db, lock } = await openDb({ dataDir, databaseUrl: opts.databaseUrl });
  try {
    const blobRoutes = await (opts.blobRoutes ?? defaultBlobRoutes)({ dataDir, db, log });
    const server = createCentreServer({ db, log, blobRoutes, extra: opts.adminToken ? adminDoor(db, opts.adminToken) : undefined });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(opts.port ?? DEFAULT_PORT, opts.host ?? '127.0.0.1', () => resolve());
    });
    const { port, address } = server.address() as AddressInfo;
    const url = `http://${address.includes(':') ? `[${address}]` : address}:${port}`;
    if (opts.adminToken) lock?.update({ url: `http://${address === '0.0.0.0' || address === '::' ? '127.0.0.1' : address.includes(':') ? `[${address}]` : address}:${port}`, adminToken: opts.adminToken });
    log({ level: 'info', event: 'started', url, database: db.kind, dataDir });
    // unfinished uploads left behind by devices that never came back are dropped now and then
    const sweep = () =>
      void (blobRoutes as Partial<{ sweepExpiredUploads(): Promise<number> }> | undefined)?.sweepExpiredUploads?.().catch((e: unknown) =>
        log({ level: 'warn', event: 'upload_sweep_failed', error: e instanceof Error ? e.message : String(e) }));
    const sweeper = setInterval(sweep, SWEEP_EVERY_MS);
    sweeper.unref();
    let closed: Promise<void> | undefined;
    return {
      url, port, db, dataDir,
      close: () =>
        (closed ??= (async () => {
          clearInterval(sweeper);
          await new Promise<void>((resolve) => {
            server.close(() => resolve());
            server.closeAllConnections();
          });
          await db.close();
          lock?.release();
          log({ level: 'info', event: 'stopped', url });
        })()),
    };
  } catch (e) {
    await db.close().catch(() => undefined);
    lock?.release();
    throw e;
  }
}

const defaultBlobRoutes = (ctx: { dataDir: string; db: Db; log: Log }): BlobRoutes => createBlobRoutes(ctx);

import path from 'node:path';
import type { Db } from './types';
import { migrate } from './migrate';
import { acquireLock, type DataDirLock } from './data-lock';

export interface OpenedDb {
  db: Db;
  /** held for PGlite only (one process per folder) */
  lock: DataDirLock | null;
}

/**
 * The centre's database: PostgreSQL at `databaseUrl` if given, else PGlite in `<dataDir>/pgdata`.
 * Pending migrations run before it is returned.
 */
export async function openDb(opts: { dataDir: string; databaseUrl?: string }): Promise<OpenedDb> {
  let db: Db;
  let lock: DataDirLock | null = null;
  if (opts.databaseUrl) {
    const { openPg } = await import('./pg');
    db = await openPg(opts.databaseUrl);
  } else {
    lock = acquireLock(opts.dataDir);
    try {
      const { openPglite } = await import('./pglite');
      db = await openPglite(path.join(opts.dataDir, 'pgdata'));
    } catch (e) {
      lock.release();
      throw e;
    }
  }
  try {
    await migrate(db);
  } catch (e) {
    await db.close().catch(() => undefined);
    lock?.release();
    throw e;
  }
  return { db, lock };
}

import fs from 'node:fs';
import { PGlite, type Transaction } from '@electric-sql/pglite';
import type { Db, QueryResult, Queryable } from './types';

// The embedded database: Postgres in WASM in a data folder. One process at a time may open a folder
// (PGlite is a single connection), so several processes need DATABASE_URL (server/db/pg.ts).

const wrap = (q: Pick<Transaction, 'query'>): Queryable => ({
  async query<R>(sql: string, params: unknown[] = []): Promise<QueryResult<R>> {
    const r = await q.query<R>(sql, params);
    return { rows: r.rows, rowCount: r.rowCount ?? r.affectedRows ?? r.rows.length };
  },
});

/** Opens (or creates) the PGlite database in `dataDir`; `undefined` keeps it in memory. */
export async function openPglite(dataDir: string | undefined): Promise<Db> {
  if (dataDir) fs.mkdirSync(dataDir, { recursive: true });
  const pg = await PGlite.create(dataDir ?? 'memory://');
  const plain = wrap(pg);
  return {
    kind: 'pglite',
    query: plain.query,
    transaction: (fn) => pg.transaction((tx) => fn(wrap(tx))),
    close: () => pg.close(),
  };
}

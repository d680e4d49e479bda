import pg from 'pg';
import type { Db, QueryResult, Queryable } from './types';

// A real PostgreSQL through node-postgres' pool: what several centre processes share.

const wrap = (c: pg.ClientBase | pg.Pool): Queryable => ({
  async query<R>(sql: string, params: unknown[] = []): Promise<QueryResult<R>> {
    const r = await c.query(sql, params);
    return { rows: r.rows as R[], rowCount: r.rowCount ?? r.rows.length };
  },
});

export async function openPg(url: string, opts: { max?: number } = {}): Promise<Db> {
  const pool = new pg.Pool({ connectionString: url, max: opts.max ?? 10 });
  // an idle client that loses its server must not take the process down
  pool.on('error', () => undefined);
  await pool.query('SELECT 1');
  const plain = wrap(pool);
  return {
    kind: 'pg',
    query: plain.query,
    async transaction(fn) {
      const client = await pool.connect();
      let broken = false;
      try {
        await client.query('BEGIN');
        const out = await fn(wrap(client));
        await client.query('COMMIT');
        return out;
      } catch (e) {
        try {
          await client.query('ROLLBACK');
        } catch {
          broken = true;
        }
        throw e;
      } finally {
        client.release(broken);
      }
    },
    close: () => pool.end(),
  };
}

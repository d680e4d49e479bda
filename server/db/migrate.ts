import type { Db } from './types';
import { MIGRATIONS } from './migrations';

/** The advisory lock that keeps two starting processes from migrating at once. */
const MIGRATION_LOCK = 0x504f4c49; // 'POLI'

export class DbNewerError extends Error {
  constructor(readonly version: number) {
    super(`the database is at schema version ${version}, newer than this centre knows (${MIGRATIONS.length}); upgrade the centre`);
  }
}

/** Runs every pending migration in one transaction, under a transaction-level advisory lock. */
export async function migrate(db: Db): Promise<{ from: number; to: number }> {
  return db.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
    await tx.query('CREATE TABLE IF NOT EXISTS schema_migrations (version integer PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())');
    const { rows } = await tx.query<{ v: number | null }>('SELECT max(version) AS v FROM schema_migrations');
    const from = Number(rows[0]?.v ?? 0);
    if (from > MIGRATIONS.length) throw new DbNewerError(from);
    for (let v = from + 1; v <= MIGRATIONS.length; v++) {
      // one statement at a time: node-postgres' extended protocol takes one per query
      for (const statement of splitStatements(MIGRATIONS[v - 1]!)) await tx.query(statement);
      await tx.query('INSERT INTO schema_migrations (version) VALUES ($1)', [v]);
    }
    return { from, to: Math.max(from, MIGRATIONS.length) };
  });
}

/** Splits a migration at the semicolons that end a line (our migrations keep to that). */
export function splitStatements(sql: string): string[] {
  return sql
    .split(/;\s*(?:--[^\n]*)?\n/)
    .map((s) => s.replace(/^\s*--[^\n]*\n/gm, '').trim())
    .filter((s) => s.length > 0)
    .map((s) => s.replace(/;\s*$/, ''));
}

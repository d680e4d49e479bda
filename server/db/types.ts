// The centre's one database interface. Two implementations speak the same SQL: PGlite (Postgres in
// WASM, in a data folder — the embedded default) and node-postgres (a real PostgreSQL, DATABASE_URL).

export interface QueryResult<R> {
  rows: R[];
  /** rows changed by INSERT/UPDATE/DELETE, or returned by SELECT */
  rowCount: number;
}

export interface Queryable {
  /** One statement with $1… parameters. Pass JSON as a string and cast it (`$1::jsonb`). */
  query<R = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<QueryResult<R>>;
}

export interface Db extends Queryable {
  readonly kind: 'pglite' | 'pg';
  /** Runs `fn` in one transaction: committed if it resolves, rolled back if it throws. */
  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/** A Postgres error's SQLSTATE (e.g. '23505' unique violation, '22P02' bad input), if it has one. */
export function sqlState(e: unknown): string | undefined {
  const code = (e as { code?: unknown } | null)?.code;
  return typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code) ? code : undefined;
}

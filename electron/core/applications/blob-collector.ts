import type Database from 'better-sqlite3';
import { sweepBlobs, type BlobStore, type SweepResult } from '../materials';

// What the database still names in the blob folder, and the collector that removes the rest
// (materials/blob-gc.ts sweeps; docs/materials.md). Named are:
// - every value of a column called `sha256` or ending in `_sha256`, in any table — today
//   material_pages.sha256, application_materials.pdf_sha256 and issued_documents.sha256; a new
//   table that keeps a blob must name its column so (found from the schema, not from a list);
// - every SHA-256 in the payload of an outbox entry not yet sent: the next sync uploads the blobs
//   before the mutations that name them, also a PDF or page since replaced.

const HASH = /(?<![0-9a-f])[0-9a-f]{64}(?![0-9a-f])/g;
const quote = (name: string) => `"${name.replaceAll('"', '""')}"`;

/** The tables' columns that name blobs, found from the schema. */
export function blobColumns(db: Database.Database): { table: string; column: string }[] {
  return db
    .prepare(
      `SELECT m.name AS "table", c.name AS "column" FROM sqlite_schema m JOIN pragma_table_info(m.name) c
       WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite\\_%' ESCAPE '\\' AND (c.name = 'sha256' OR c.name LIKE '%\\_sha256' ESCAPE '\\')
       ORDER BY 1, 2`,
    )
    .all() as { table: string; column: string }[];
}

/** Every SHA-256 the database names (see above). One read transaction: a consistent picture. */
export function namedBlobs(db: Database.Database): Set<string> {
  return db.transaction(() => {
    const named = new Set<string>();
    for (const { table, column } of blobColumns(db)) {
      const values = db.prepare(`SELECT DISTINCT ${quote(column)} FROM ${quote(table)} WHERE ${quote(column)} IS NOT NULL`).pluck().all() as string[];
      for (const v of values) named.add(v);
    }
    for (const payload of db.prepare('SELECT payload FROM outbox WHERE pushed_at IS NULL').pluck().iterate() as IterableIterator<string>) {
      for (const m of payload.matchAll(HASH)) named.add(m[0]);
    }
    return named;
  })();
}

/** Removes the blob files nobody names any more, older than the grace period (default 24 h). */
export function collectBlobs(db: Database.Database, store: BlobStore, opts: { graceMs?: number } = {}): Promise<SweepResult> {
  return sweepBlobs(store, { keep: () => namedBlobs(db), graceMs: opts.graceMs });
}

import type Database from 'better-sqlite3';
import { CertificateSchema, type EnterpriseData } from '@shared/enterprises/schemas';
import { toBigramText } from '@shared/search/bigrams';
import { z } from 'zod';

// The enterprise cache: its rows, its two name indexes and the manual profile tags.
//
// FTS column rules (anyone who writes `enterprises` directly, e.g. the benchmark's bulk insert, must
// follow them, or lookup misses rows):
//   - enterprise_search(name):       rowid = enterprises.rowid, name = the name exactly as stored
//                                    (trigram tokenizer: any 3+ character part of the name).
//   - enterprise_search_short(name): rowid = enterprises.rowid, name = toBigramText(name)
//                                    (shared/search/bigrams.ts; answers 1- and 2-character queries).
//   - one row in each per enterprise; when a name changes, delete both by rowid and insert again.
//   - nothing else goes in them (the USCC is looked up on enterprises.uscc, the primary key).
//   - both are contentless (content='', contentless_delete=1): they keep no copy of the name, so
//     only rowids can be read from them (the name comes from enterprises), a row is removed with
//     DELETE ... WHERE rowid = ?, and a change is that delete plus an INSERT, never an UPDATE.

export interface EnterpriseRow {
  rowid: number;
  uscc: string;
  name: string;
  legal_rep: string;
  region_code: string | null;
  industry_code: string | null;
  registration_date: string | null;
  registered_capital: number | null;
  employees: number | null;
  revenue: number | null;
  total_assets: number | null;
  rnd_expense: number | null;
  tax_paid: number | null;
  contact_name: string;
  contact_phone: string;
  certificates: string;
  updated_at: string;
}

export interface ManualTagRow {
  tag: string;
  note: string;
  set_by: string;
  set_by_name: string | null;
  set_at: string;
}

const COLUMNS = [
  'uscc', 'name', 'legal_rep', 'region_code', 'industry_code', 'registration_date', 'registered_capital', 'employees',
  'revenue', 'total_assets', 'rnd_expense', 'tax_paid', 'contact_name', 'contact_phone', 'certificates', 'updated_at',
] as const;

function prepare(db: Database.Database) {
  return {
    find: db.prepare<[string], { rowid: number; name: string }>('SELECT rowid AS rowid, name FROM enterprises WHERE uscc = ?'),
    insert: db.prepare(`INSERT INTO enterprises (${COLUMNS.join(', ')}) VALUES (${COLUMNS.map((c) => `@${c}`).join(', ')})`),
    update: db.prepare(`UPDATE enterprises SET ${COLUMNS.slice(1).map((c) => `${c} = @${c}`).join(', ')} WHERE uscc = @uscc`),
    ftsDelete: db.prepare('DELETE FROM enterprise_search WHERE rowid = ?'),
    ftsShortDelete: db.prepare('DELETE FROM enterprise_search_short WHERE rowid = ?'),
    ftsInsert: db.prepare('INSERT INTO enterprise_search (rowid, name) VALUES (?, ?)'),
    ftsShortInsert: db.prepare('INSERT INTO enterprise_search_short (rowid, name) VALUES (?, ?)'),
    get: db.prepare<[string], EnterpriseRow>('SELECT rowid AS rowid, * FROM enterprises WHERE uscc = ?'),
  };
}

// statements are prepared once per connection (an import writes many rows)
const cache = new WeakMap<Database.Database, ReturnType<typeof prepare>>();
function stmts(db: Database.Database) {
  let s = cache.get(db);
  if (!s) cache.set(db, (s = prepare(db)));
  return s;
}

function indexName(db: Database.Database, rowid: number | bigint, name: string): void {
  const s = stmts(db);
  s.ftsInsert.run(rowid, name);
  s.ftsShortInsert.run(rowid, toBigramText(name));
}

/** Writes one enterprise (new or replacing the stored data) and keeps both name indexes in step. */
export function upsertEnterprise(db: Database.Database, e: EnterpriseData, at: string): 'created' | 'updated' {
  const s = stmts(db);
  const row = {
    uscc: e.uscc, name: e.name, legal_rep: e.legalRep, region_code: e.regionCode, industry_code: e.industryCode,
    registration_date: e.registrationDate, registered_capital: e.registeredCapital, employees: e.employees,
    revenue: e.revenue, total_assets: e.totalAssets, rnd_expense: e.rndExpense, tax_paid: e.taxPaid,
    contact_name: e.contactName, contact_phone: e.contactPhone, certificates: JSON.stringify(e.certificates), updated_at: at,
  };
  const existing = s.find.get(e.uscc);
  if (!existing) {
    const { lastInsertRowid } = s.insert.run(row);
    indexName(db, lastInsertRowid, e.name);
    return 'created';
  }
  s.update.run(row);
  if (existing.name !== e.name) {
    s.ftsDelete.run(existing.rowid);
    s.ftsShortDelete.run(existing.rowid);
    indexName(db, existing.rowid, e.name);
  }
  return 'updated';
}

export function getEnterpriseRow(db: Database.Database, uscc: string): EnterpriseRow | undefined {
  return stmts(db).get.get(uscc);
}

const Certificates = z.array(CertificateSchema);

export function toEnterpriseData(r: EnterpriseRow): EnterpriseData {
  return {
    uscc: r.uscc, name: r.name, legalRep: r.legal_rep, regionCode: r.region_code, industryCode: r.industry_code,
    registrationDate: r.registration_date, registeredCapital: r.registered_capital, employees: r.employees,
    revenue: r.revenue, totalAssets: r.total_assets, rndExpense: r.rnd_expense, taxPaid: r.tax_paid,
    contactName: r.contact_name, contactPhone: r.contact_phone, certificates: Certificates.parse(JSON.parse(r.certificates)),
  };
}

// ---- manual profile tags ----

export function manualTags(db: Database.Database, uscc: string): ManualTagRow[] {
  return db
    .prepare<[string], ManualTagRow>(
      `SELECT t.tag, t.note, t.set_by, s.display_name AS set_by_name, t.set_at
         FROM enterprise_tags t LEFT JOIN staff s ON s.id = t.set_by
        WHERE t.uscc = ? ORDER BY t.set_at, t.tag`,
    )
    .all(uscc);
}

/** Sets a manual tag; setting it again replaces the note and who/when. Returns whether it was new. */
export function putManualTag(db: Database.Database, t: { uscc: string; tag: string; note: string; setBy: string; setAt: string }): boolean {
  const existed = db.prepare('SELECT 1 FROM enterprise_tags WHERE uscc = ? AND tag = ?').get(t.uscc, t.tag) !== undefined;
  db.prepare(
    `INSERT INTO enterprise_tags (uscc, tag, note, set_by, set_at) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (uscc, tag) DO UPDATE SET note = excluded.note, set_by = excluded.set_by, set_at = excluded.set_at`,
  ).run(t.uscc, t.tag, t.note, t.setBy, t.setAt);
  return !existed;
}

export function deleteManualTag(db: Database.Database, uscc: string, tag: string): boolean {
  return db.prepare('DELETE FROM enterprise_tags WHERE uscc = ? AND tag = ?').run(uscc, tag).changes > 0;
}

// Peer (a): no index at all — plain SQL LIKE '%term%' over the same columns the FTS indexes cover
// (title, 文号, issuer, item name / department / key points, full text + interpretation), every term
// required, the same filters, active first, title hits first, newest first; enterprises by
// `uscc LIKE 'prefix%' OR name LIKE '%part%'`, exact name first, then shorter names.

import Database from 'better-sqlite3';
import type { PolicyFilters } from '../../../shared/policies/api-schemas';
import { parseQuery } from '../../../shared/search/terms';
import { DB_FILE, TODAY, type DataMeta } from '../generate';
import { memory, timeCases } from '../measure';
import { lookupCases, searchCases } from '../queries';
import type { SubjectResult } from './types';

const like = (t: string) => `%${t.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

function searchSql(query: string, filters: Partial<PolicyFilters>): { sql: string; params: Record<string, unknown> } {
  const terms = parseQuery(query).map((t) => t.text);
  const params: Record<string, unknown> = { today: TODAY };
  const where: string[] = [];
  const titleHits: string[] = [];
  terms.forEach((t, k) => {
    params[`t${k}`] = like(t);
    const p = `@t${k}`;
    where.push(`(p.title LIKE ${p} ESCAPE '\\' OR p.doc_no LIKE ${p} ESCAPE '\\' OR p.issuer LIKE ${p} ESCAPE '\\'
      OR p.full_text LIKE ${p} ESCAPE '\\' OR p.interpretation LIKE ${p} ESCAPE '\\'
      OR EXISTS (SELECT 1 FROM policy_items i WHERE i.policy_id = p.id
        AND (i.name LIKE ${p} ESCAPE '\\' OR i.department LIKE ${p} ESCAPE '\\' OR i.key_points LIKE ${p} ESCAPE '\\')))`);
    titleHits.push(`(p.title LIKE ${p} ESCAPE '\\')`);
  });
  const list = (name: string, values: readonly string[] | undefined, column: string) => {
    if (!values?.length) return;
    params[name] = JSON.stringify(values);
    where.push(`${column} IN (SELECT value FROM json_each(@${name}))`);
  };
  list('levels', filters.levels, 'p.level');
  list('categories', filters.categories, 'p.category');
  list('statuses', filters.statuses, 'p.status');
  if (filters.departments?.length) {
    params.departments = JSON.stringify(filters.departments);
    where.push('EXISTS (SELECT 1 FROM policy_items i WHERE i.policy_id = p.id AND i.department IN (SELECT value FROM json_each(@departments)))');
  }
  if (filters.openForApplication) {
    where.push(`p.status = 'active' AND EXISTS (SELECT 1 FROM policy_items i WHERE i.policy_id = p.id
      AND (i.window_start IS NULL OR i.window_start <= @today) AND (i.window_end IS NULL OR i.window_end >= @today))`);
  }
  const sql = `SELECT p.rowid AS rid, count(*) OVER () AS total FROM policies p ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
    ORDER BY p.status <> 'active', ${titleHits.length ? `${titleHits.join(' + ')} DESC, ` : ''}p.publish_date DESC LIMIT 20`;
  return { sql, params };
}

export function run(meta: DataMeta): SubjectResult {
  const db = new Database(DB_FILE, { readonly: true });
  const cases = searchCases(meta).map((c) => searchSql(c.query, c.filters));
  const statements = new Map<string, Database.Statement>();
  const stmt = (sql: string) => statements.get(sql) ?? statements.set(sql, db.prepare(sql)).get(sql)!;
  const exec = (c: { sql: string; params: Record<string, unknown> }) => {
    const rows = stmt(c.sql).all(c.params) as { total: number }[];
    return rows[0]?.total ?? 0;
  };
  const { results: totals, ...search } = timeCases(cases, exec, { rounds: 1, warmup: 2 });
  const lookup = lookupCases(meta);
  const q = db.prepare(`SELECT uscc, name, region_code, industry_code, legal_rep FROM enterprises
    WHERE uscc LIKE @prefix ESCAPE '\\' OR name LIKE @part ESCAPE '\\' ORDER BY name = @q DESC, length(name), name LIMIT 20`);
  const find = (query: string) => q.all({ prefix: `${query.toUpperCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`, part: like(query), q: query }).length;
  const { results: counts, ...timed } = timeCases(lookup, (c) => find(c.query), { rounds: 1, warmup: 2 });
  const m = memory();
  db.close();
  return { subject: 'like', search: { ...search, totals }, lookup: { ...timed, counts }, memory: m };
}

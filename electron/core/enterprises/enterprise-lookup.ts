import type Database from 'better-sqlite3';
import type { EnterpriseSummary } from '@shared/enterprises/api-schemas';
import { checkUsccPrefix } from '@shared/enterprise/uscc';
import { charLength, ftsString, parseQuery } from '@shared/search/terms';

// 企业查询: by a USCC prefix (a range scan on the primary key) or by any part of the name (FTS5:
// trigram for parts of 3+ characters, the bigram index for 1–2). Exact name first, then shorter
// names (a short name that contains what was typed is more likely the one meant), then by name.
//
// A common part (杭州, 科技) is in hundreds of thousands of names; ranking all of them would read
// every row. So at most CANDIDATES names containing the query are read, in the order they were
// filed, and ranked; the clerk narrows by typing more. Below that number the order is exact.

export const CANDIDATES = 300;

/** 登记管理部门码 (position 1): 1–9, A (军队), N (农业), Y (其他). */
const USCC_FIRST = /^[1-9ANY]/;

interface Row {
  uscc: string;
  name: string;
  region_code: string | null;
  industry_code: string | null;
  legal_rep: string;
}

const SUMMARY = 'e.uscc, e.name, e.region_code, e.industry_code, e.legal_rep';

const statements = new WeakMap<Database.Database, Map<string, Database.Statement>>();
function prepared(db: Database.Database, sql: string): Database.Statement {
  let m = statements.get(db);
  if (!m) statements.set(db, (m = new Map()));
  let s = m.get(sql);
  if (!s) {
    if (m.size > 100) m.clear();
    m.set(sql, (s = db.prepare(sql)));
  }
  return s;
}

const toSummary = (r: Row): EnterpriseSummary => ({
  uscc: r.uscc, name: r.name, regionCode: r.region_code, industryCode: r.industry_code, legalRep: r.legal_rep,
});

/** True when the text can be the start of a USCC (2+ characters of its alphabet, position rules kept). */
export function isUsccPrefix(code: string): boolean {
  return code.length >= 2 && code.length <= 18 && USCC_FIRST.test(code) && checkUsccPrefix(code).ok;
}

/** Enterprises whose USCC starts with, or whose name contains, the query; at most `limit`. */
export function lookupEnterprises(db: Database.Database, query: string, limit: number): EnterpriseSummary[] {
  const q = query.trim();
  if (q === '' || limit <= 0) return [];
  const code = q.replace(/\s+/g, '').toUpperCase();
  if (isUsccPrefix(code)) {
    const rows = prepared(db, `SELECT ${SUMMARY} FROM enterprises e WHERE e.uscc >= ? AND e.uscc < ? ORDER BY e.uscc LIMIT ?`)
      .all(code, `${code}\uffff`, limit) as Row[];
    if (rows.length > 0) return rows.map(toSummary);
  }
  return byName(db, q, limit).map(toSummary);
}

/** Characters of the legal-form words at the end of most names (有限公司, 股份有限公司, 合伙企业…). */
const FORM_CHARS = new Set([...'有限公司责任股份集团合伙企业（）()']);

/**
 * The FTS5 query for the trigram index. Its detail=none keeps no positions, so a phrase longer than
 * one trigram is refused: a term becomes the AND of trigrams covering it, and the candidates are
 * checked for the whole term with instr(). Trigrams made only of legal-form characters (有限公,
 * 限公司: in nearly every name) are left out when others remain; they narrow nothing and make FTS5
 * walk lists of 500,000 rows.
 */
function trigramCover(term: string): string {
  const chars = [...term];
  const grams: string[] = [];
  for (let i = 0; i + 3 <= chars.length; i += 3) grams.push(chars.slice(i, i + 3).join(''));
  if (chars.length % 3 !== 0) grams.push(chars.slice(-3).join(''));
  const telling = grams.filter((g) => ![...g].every((c) => FORM_CHARS.has(c)));
  return (telling.length > 0 ? telling : grams).map(ftsString).join(' AND ');
}

function byName(db: Database.Database, q: string, limit: number): Row[] {
  const terms = parseQuery(q);
  if (terms.length === 0 || terms.some((t) => t.fts === '')) return [];
  const tri = terms.filter((t) => t.kind === 'trigram');
  const short = terms.filter((t) => t.kind === 'short');
  // the rarer side drives: the trigram index when there is a 3+ character term, else the bigram one
  // (a 1-character term is the prefix query "x"*, answered from the table's 1-character prefix
  // index: one list read lazily up to the LIMIT, not a merge of every bigram starting with x)
  const drive = tri.length > 0
    ? { table: 'enterprise_search', match: tri.map((t) => trigramCover(t.text)).join(' AND ') }
    : { table: 'enterprise_search_short', match: short.map((t) => t.fts).join(' AND ') };
  // every term is checked on the name itself (the trigram cover may over-match, and the other
  // side's terms are not in the driving query), ASCII case folded as the trigram tokenizer does
  const checks = terms;
  const sql = `SELECT ${SUMMARY} FROM ${drive.table} f JOIN enterprises e ON e.rowid = f.rowid
    WHERE ${drive.table} MATCH ? ${checks.map(() => 'AND instr(lower(e.name), ?) > 0').join(' ')} LIMIT ${CANDIDATES}`;
  let rows: Row[];
  try {
    rows = prepared(db, sql).all(drive.match, ...checks.map((t) => t.text.toLowerCase())) as Row[];
  } catch (e) {
    if (e instanceof Error && /fts5/i.test(e.message)) return [];
    throw e;
  }
  const whole = q.toLowerCase();
  const rank = (r: Row) => (r.name.toLowerCase() === whole ? 0 : 1);
  return rows
    .map((r) => ({ r, exact: rank(r), len: charLength(r.name) }))
    .sort((a, b) => a.exact - b.exact || a.len - b.len || (a.r.name < b.r.name ? -1 : a.r.name > b.r.name ? 1 : 0))
    .slice(0, limit)
    .map((x) => x.r);
}

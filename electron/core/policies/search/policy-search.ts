import type Database from 'better-sqlite3';
import type { z } from 'zod';
import type { PolicySearchInput, PolicySearchOutput } from '@shared/policies/api-schemas';
import { POLICY_CATEGORIES, POLICY_LEVELS, POLICY_STATUSES } from '@shared/policies/schemas';
import { parseQuery, type SearchTerm } from '@shared/search/terms';
import { highlight, opening, snippet } from '@shared/search/highlight';
import { fieldFlags, openFlags, policyFacts, type PolicyFacts } from './policy-facts';

// 政策检索 (docs/benchmarks.md has the figures behind these choices).
//
// Matching: terms of 3+ characters go to policy_search (trigram: any substring), terms of 1–2
// characters to policy_search_short (bigram tokens; a 1-character term is the prefix query "x"*,
// one list of its prefix='1' index); when a query has both, the rowids of both are intersected
// ('mixed'). Every term must match. FTS5 answers only "which rowids" (the tables are contentless:
// titles, snippets and highlights are made from the policies' own rows): one query per term,
// returned as one JSON array (json_group_array: ~4× cheaper than a row per rowid), whose length is
// also the term's document count for idf.
//
// Ranking: active policies first, then a column-weighted BM25-style score, then the newest.
//   score = Σ over terms  idf(term) × (1 + 20·[in title] + 8·[in 文号] + 4·[in item names or
//           departments] + 2·[in issuer]) + a small bonus for the share of the title the terms cover
// The body counts 1 for every term (every hit contains each term somewhere). Term frequency is
// saturated to presence. idf is BM25's, from each term's document count (only asked when there is
// more than one term). It is computed in JS from the in-memory facts (policy-facts.ts), not with
// FTS5's bm25(): on the bigram index (detail=column) bm25() re-tokenizes every matching row's text
// to count instances (0.95 s for 补贴, in 15,700 of 20,000 policies), and on the trigram index it
// costs ~2.4 µs a row (36 ms for a term in 15,000 policies); this costs well under 0.1 µs a row.

type Input = z.output<typeof PolicySearchInput>;
type Output = z.output<typeof PolicySearchOutput>;
type Hit = Output['hits'][number];

/** Score weights of the columns (body = the baseline every matching term earns). */
export const COLUMN_WEIGHTS = { title: 20, docNo: 8, items: 4, issuer: 2, body: 1 } as const;
const TITLE_COVER_BONUS = 4;

interface PageRow {
  rid: number;
  id: string;
  title: string;
  doc_no: string;
  issuer: string;
  level: Hit['level'];
  category: Hit['category'];
  status: Hit['status'];
  publish_date: string;
  expiry_date: string | null;
  full_text: string;
  interpretation: string;
}
interface ItemRow {
  policy_id: string;
  id: string;
  name: string;
  department: string;
  key_points: string;
  window_start: string | null;
  window_end: string | null;
}

const statements = new WeakMap<Database.Database, Map<string, Database.Statement>>();
function prepared(db: Database.Database, sql: string): Database.Statement {
  let m = statements.get(db);
  if (!m) statements.set(db, (m = new Map()));
  let s = m.get(sql);
  if (!s) {
    if (m.size > 50) m.clear();
    m.set(sql, (s = db.prepare(sql)));
  }
  return s;
}

const bits = (list: readonly string[], all: readonly string[]) => list.reduce((m, v) => m | (1 << all.indexOf(v)), 0);

/** The filters as one test on a slot of the facts. */
function filterOf(f: PolicyFacts, filters: Input['filters'], today: string): ((s: number) => boolean) | null {
  const tests: ((s: number) => boolean)[] = [];
  if (filters.levels.length > 0) {
    const m = bits(filters.levels, POLICY_LEVELS);
    tests.push((s) => ((1 << f.level[s]!) & m) !== 0);
  }
  if (filters.categories.length > 0) {
    const m = bits(filters.categories, POLICY_CATEGORIES);
    tests.push((s) => ((1 << f.category[s]!) & m) !== 0);
  }
  if (filters.statuses.length > 0) {
    const m = bits(filters.statuses, POLICY_STATUSES);
    tests.push((s) => ((1 << f.status[s]!) & m) !== 0);
  }
  if (filters.departments.length > 0) {
    const wanted = new Set(filters.departments.flatMap((d) => f.departments.get(d) ?? []));
    tests.push((s) => {
      for (let k = f.deptStart[s]!; k < f.deptStart[s + 1]!; k++) if (wanted.has(f.deptIds[k]!)) return true;
      return false;
    });
  }
  if (filters.openForApplication) {
    const open = openFlags(f, today);
    tests.push((s) => open[s] === 1);
  }
  if (tests.length === 0) return null;
  return (s) => tests.every((t) => t(s));
}

/** Rowids (ascending) matching an FTS5 query on one index; null when FTS5 refuses the query. */
function matchRowids(db: Database.Database, table: 'policy_search' | 'policy_search_short', query: string): number[] | null {
  try {
    const json = prepared(db, `SELECT json_group_array(rowid) FROM ${table} WHERE ${table} MATCH ?`).pluck().get(query) as string;
    return JSON.parse(json) as number[];
  } catch (e) {
    // the terms are quoted runs of letters and digits, so FTS5 should never see syntax; if it
    // still refuses one, the person gets an empty list rather than an error
    if (e instanceof Error && /fts5|syntax/i.test(e.message)) return null;
    throw e;
  }
}

const TABLE = { trigram: 'policy_search', short: 'policy_search_short' } as const;

function intersect(a: readonly number[], b: readonly number[]): number[] {
  const out: number[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    if (a[i]! < b[j]!) i++;
    else if (a[i]! > b[j]!) j++;
    else {
      out.push(a[i]!);
      i++;
      j++;
    }
  }
  return out;
}

/**
 * Loads what search keeps in memory (policy-facts.ts: ~1 s for 20,000 policies / 100,000 items),
 * so the first search a clerk makes does not pay for it. Call after start and after an import.
 */
export function warmPolicySearch(db: Database.Database): void {
  policyFacts(db);
}

/** Searches the policy library. Never throws on what a person types: odd input gives an empty list. */
export function searchPolicies(db: Database.Database, input: Input, today: string): Output {
  const terms = parseQuery(input.query);
  let f = policyFacts(db);
  const need = input.offset + input.limit;

  if (terms.length === 0) {
    const keep = filterOf(f, input.filters, today);
    const page: number[] = [];
    let total = 0;
    for (let r = f.size - 1; r >= 0; r--) {
      const s = f.slotByDate[r]!;
      if (keep && !keep(s)) continue;
      if (total >= input.offset && total < need) page.push(f.rowid[s]!);
      total++;
    }
    return { total, hits: loadHits(db, page, [], today), mode: 'all' };
  }

  const kinds = new Set(terms.map((t) => t.kind));
  const mode: Output['mode'] = kinds.size === 2 ? 'mixed' : kinds.has('trigram') ? 'trigram' : 'short';
  if (terms.some((t) => t.fts === '')) return { total: 0, hits: [], mode };
  // one FTS query per term; the lists are intersected here, and each one's length is the term's
  // document count for idf (an AND in FTS5 plus a count(*) per term costs about the same for two
  // common terms, and twice as much when one is a 1-character prefix query)
  const lists: number[][] = [];
  for (const t of terms) {
    const list = matchRowids(db, TABLE[t.kind], t.fts);
    if (list === null || list.length === 0) return { total: 0, hits: [], mode };
    lists.push(list);
  }
  const df = lists.map((l) => l.length);
  const rowids = [...lists].sort((a, b) => a.length - b.length).reduce((acc, l) => intersect(acc, l));
  if (rowids.length === 0) return { total: 0, hits: [], mode };
  const words = terms.map((t) => t.text.replace(/[A-Z]/g, (c) => c.toLowerCase()));
  // a rowid the facts do not know means the library changed under them: reload once (and then
  // skip what is still unknown, an index row without its policy)
  const { keys, dateScale } = rank(f, rowids, words, df, input.filters, today, true)
    ?? rank((f = policyFacts(db, { reload: true })), rowids, words, df, input.filters, today, false)!;
  const best = topKeys(keys, need);
  const page: number[] = [];
  for (let r = input.offset; r < best.length; r++) page.push(f.rowid[f.slotByDate[best[r]! % dateScale]!]!);
  return { total: keys.length, hits: loadHits(db, page, terms, today), mode };
}

let buffer = new Float64Array(1024);
/** A scratch array for sort keys (used and read before the next search), so each search does not allocate one. */
function keyBuffer(n: number): Float64Array {
  if (buffer.length < n) buffer = new Float64Array(Math.max(n, buffer.length * 2));
  return buffer;
}

/**
 * The sort keys of the matching policies that pass the filters, unsorted (larger is better):
 * active (1 bit) · score (22 bits, hundredths) · date rank (unique, so the key also names the slot).
 * null when `strict` and a rowid is not in the facts.
 */
function rank(
  f: PolicyFacts, rowids: readonly number[], words: readonly string[], df: readonly number[],
  filters: Input['filters'], today: string, strict: boolean,
): { keys: Float64Array; dateScale: number } | null {
  const keep = filterOf(f, filters, today);
  const idf = df.length === 1 ? [1] : df.map((n) => Math.log(1 + (f.size - n + 0.5) / (n + 0.5)));
  const dateScale = 2 ** Math.max(1, Math.ceil(Math.log2(f.size + 1)));
  const keys = keyBuffer(rowids.length);
  const flags = words.map((w) => fieldFlags(f, w));
  const weights = new Float64Array(16 * words.length);
  for (let k = 0; k < words.length; k++) {
    for (let m = 0; m < 16; m++) {
      const col = COLUMN_WEIGHTS.body + (m & 1 ? COLUMN_WEIGHTS.title : 0) + (m & 2 ? COLUMN_WEIGHTS.docNo : 0)
        + (m & 4 ? COLUMN_WEIGHTS.issuer : 0) + (m & 8 ? COLUMN_WEIGHTS.items : 0);
      weights[16 * k + m] = idf[k]! * col;
    }
  }
  const { ends } = f;
  let n = 0;
  for (let i = 0; i < rowids.length; i++) {
    const s = f.slotOf(rowids[i]!);
    if (s < 0) {
      if (strict) return null;
      continue;
    }
    if (keep && !keep(s)) continue;
    const titleEnd = ends[3 * s]!;
    let score = 0;
    let covered = 0;
    for (let k = 0; k < words.length; k++) {
      const m = flags[k]![s]!;
      score += weights[16 * k + m]!;
      if (m & 1) covered += words[k]!.length;
    }
    if (titleEnd > 0) score += TITLE_COVER_BONUS * Math.min(1, covered / titleEnd);
    const scoreInt = Math.min(2 ** 22 - 1, Math.round(score * 100));
    keys[n++] = ((f.status[s] === 0 ? 2 ** 22 : 0) + scoreInt) * dateScale + f.dateRank[s]!;
  }
  return { keys: keys.subarray(0, n), dateScale };
}

/** The k largest keys, largest first (a bounded min-heap: sorting all 20,000 keys costs ~2 ms). */
export function topKeys(keys: Float64Array, k: number): Float64Array {
  const n = keys.length;
  if (k <= 0 || n === 0) return new Float64Array(0);
  if (k * 4 >= n) return keys.slice().sort().reverse().subarray(0, Math.min(k, n));
  const heap = new Float64Array(k);
  let size = 0;
  for (let i = 0; i < n; i++) {
    const v = keys[i]!;
    if (size < k) {
      let c = size++;
      while (c > 0) {
        const p = (c - 1) >> 1;
        if (heap[p]! <= v) break;
        heap[c] = heap[p]!;
        c = p;
      }
      heap[c] = v;
    } else if (v > heap[0]!) {
      let c = 0;
      for (;;) {
        const l = 2 * c + 1;
        if (l >= k) break;
        const m = l + 1 < k && heap[l + 1]! < heap[l]! ? l + 1 : l;
        if (heap[m]! >= v) break;
        heap[c] = heap[m]!;
        c = m;
      }
      heap[c] = v;
    }
  }
  return heap.subarray(0, size).sort().reverse();
}

function loadHits(db: Database.Database, rids: readonly number[], terms: readonly SearchTerm[], today: string): Hit[] {
  if (rids.length === 0) return [];
  const list = JSON.stringify(rids);
  const rows = prepared(
    db,
    `SELECT p.rowid AS rid, p.id, p.title, p.doc_no, p.issuer, p.level, p.category, p.status, p.publish_date, p.expiry_date,
       p.full_text, p.interpretation FROM policies p WHERE p.rowid IN (SELECT value FROM json_each(?))`,
  ).all(list) as PageRow[];
  const items = prepared(
    db,
    `SELECT i.policy_id, i.id, i.name, i.department, i.key_points, i.window_start, i.window_end
       FROM policies p JOIN policy_items i ON i.policy_id = p.id
      WHERE p.rowid IN (SELECT value FROM json_each(?)) ORDER BY i.policy_id, i.position`,
  ).all(list) as ItemRow[];
  const itemsOf = new Map<string, ItemRow[]>();
  for (const i of items) {
    let l = itemsOf.get(i.policy_id);
    if (!l) itemsOf.set(i.policy_id, (l = []));
    l.push(i);
  }
  const byRid = new Map(rows.map((r) => [r.rid, r]));
  const words = terms.map((t) => t.text);
  return rids.flatMap((rid) => {
    const p = byRid.get(rid);
    return p ? [toHit(p, itemsOf.get(p.id) ?? [], words, today)] : [];
  });
}

const open = (i: ItemRow, today: string) => (i.window_start === null || i.window_start <= today) && (i.window_end === null || i.window_end >= today);

function toHit(p: PageRow, items: readonly ItemRow[], words: readonly string[], today: string): Hit {
  const active = p.status === 'active';
  const lower = words.map((w) => w.toLowerCase());
  const matchedItems = words.length === 0 ? [] : items.filter((i) => lower.some((w) => i.name.toLowerCase().includes(w))).map((i) => ({ id: i.id, name: i.name }));
  return {
    id: p.id, title: p.title, docNo: p.doc_no, issuer: p.issuer, level: p.level, category: p.category, status: p.status,
    publishDate: p.publish_date, expiryDate: p.expiry_date,
    departments: [...new Set(items.map((i) => i.department))],
    openForApplication: active && items.some((i) => open(i, today)),
    itemCount: items.length,
    titleHighlighted: highlight(p.title, words),
    snippet: passageOf(p, items, words),
    matchedItems,
  };
}

/** The passage to show: around the first hit in the text, else in the items, else the text's opening. */
function passageOf(p: PageRow, items: readonly ItemRow[], words: readonly string[]): Hit['snippet'] {
  if (words.length > 0) {
    const it = parseInterpretation(p.interpretation);
    const sources = [
      p.full_text,
      it.keyPoints, it.scope, it.background, it.changes,
      items.map((i) => i.name).join('；'),
      items.map((i) => i.key_points).join(' '),
    ];
    for (const s of sources) {
      const found = s ? snippet(s, words) : null;
      if (found) return found;
    }
  }
  return opening(p.full_text);
}

function parseInterpretation(json: string): { background: string; scope: string; keyPoints: string; changes: string } {
  try {
    const v = JSON.parse(json) as Partial<Record<'background' | 'scope' | 'keyPoints' | 'changes', unknown>>;
    const s = (x: unknown) => (typeof x === 'string' ? x : '');
    return { background: s(v.background), scope: s(v.scope), keyPoints: s(v.keyPoints), changes: s(v.changes) };
  } catch {
    return { background: '', scope: '', keyPoints: '', changes: '' };
  }
}

// Peer (b): MiniSearch, in memory. Its tokenizer cuts CJK runs into bigrams and unigrams (and keeps
// Latin/digit runs as lower-cased words), so it can answer the same 1-, 2- and 3+-character terms:
// a term is the AND of its bigrams (its one character for a 1-character term), every term required,
// the same field boosts (title 20, 文号 8, items 4, issuer 2, body 1), filters on stored fields,
// active first. Enterprises: names tokenized the same way; USCC prefixes by binary search on a sorted
// array beside it (MiniSearch has no ordered index: a prefix query on 500,000 USCC tokens such as
// 9133 expands to every one of them and takes seconds). Measured for what it returns (ids and
// totals), not for loading and highlighting the hits. One timed run per case after a short warm-up.

import Database from 'better-sqlite3';
import MiniSearch, { type Query } from 'minisearch';
import { parseQuery } from '../../../shared/search/terms';
import { isUsccPrefix } from '../../../electron/core/enterprises/enterprise-lookup';
import { DB_FILE, TODAY, type DataMeta } from '../generate';
import { memory, timeCases } from '../measure';
import { lookupCases, searchCases, type SearchCase } from '../queries';
import type { SubjectResult } from './types';

const RUN = /[\u3400-\u9fff\uf900-\ufaff]+|[A-Za-z0-9]+/g;
const isLatin = (s: string) => /^[A-Za-z0-9]/.test(s);

/** Indexing: every CJK character and every pair of neighbours; Latin/digit runs as words. */
export function indexTokens(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(RUN)) {
    const run = m[0];
    if (isLatin(run)) {
      out.push(run.toLowerCase());
      continue;
    }
    for (let i = 0; i < run.length; i++) {
      out.push(run[i]!);
      if (i + 1 < run.length) out.push(run.slice(i, i + 2));
    }
  }
  return out;
}

/** Searching: a term's bigrams (its one character when it has one), or its Latin/digit words. */
export function queryTokens(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(RUN)) {
    const run = m[0];
    if (isLatin(run)) out.push(run.toLowerCase());
    else if (run.length === 1) out.push(run);
    else for (let i = 0; i + 1 < run.length; i++) out.push(run.slice(i, i + 2));
  }
  return out;
}

const termQuery = (text: string): Query => ({ queries: [text], combineWith: 'AND', prefix: (t: string) => isLatin(t) && t.length <= 2 });

interface PolicyRow {
  rowid: number; id: string; title: string; doc_no: string; issuer: string; level: string; category: string; status: string;
  publish_date: string; full_text: string; interpretation: string;
}

interface PolicyDoc {
  id: number;
  title: string;
  docNo: string;
  issuer: string;
  items: string;
  body: string;
  status: string;
  level: string;
  category: string;
  date: string;
  departments: string[];
  open: boolean;
}

function runPolicies(meta: DataMeta, rounds: number): SubjectResult {
  const db = new Database(DB_FILE, { readonly: true });
  const t0 = performance.now();
  const ms = new MiniSearch<PolicyDoc>({
    fields: ['title', 'docNo', 'issuer', 'items', 'body'],
    storeFields: ['status', 'level', 'category', 'date', 'departments', 'open'],
    tokenize: indexTokens,
    processTerm: (t) => t,
    searchOptions: { tokenize: queryTokens, processTerm: (t) => t, boost: { title: 20, docNo: 8, items: 4, issuer: 2, body: 1 } },
  });
  const items = new Map<string, { text: string[]; departments: Set<string>; open: boolean }>();
  for (const [policyId, name, department, keyPoints, start, end] of db
    .prepare('SELECT policy_id, name, department, key_points, window_start, window_end FROM policy_items')
    .raw()
    .iterate() as Iterable<[string, string, string, string, string | null, string | null]>) {
    let e = items.get(policyId);
    if (!e) items.set(policyId, (e = { text: [], departments: new Set(), open: false }));
    e.text.push(name, department, keyPoints);
    e.departments.add(department);
    if ((start === null || start <= TODAY) && (end === null || end >= TODAY)) e.open = true;
  }
  const batch: PolicyDoc[] = [];
  for (const p of db
    .prepare('SELECT rowid AS rowid, id, title, doc_no, issuer, level, category, status, publish_date, full_text, interpretation FROM policies')
    .iterate() as Iterable<PolicyRow>) {
    const it = JSON.parse(p.interpretation) as Record<string, string>;
    const e = items.get(p.id);
    batch.push({
      id: p.rowid, title: p.title, docNo: p.doc_no, issuer: p.issuer, items: e?.text.join('\n') ?? '',
      body: [p.full_text, it.background, it.scope, it.keyPoints, it.changes].join('\n'),
      status: p.status, level: p.level, category: p.category, date: p.publish_date,
      departments: [...(e?.departments ?? [])], open: p.status === 'active' && (e?.open ?? false),
    });
  }
  items.clear();
  ms.addAll(batch);
  batch.length = 0;
  db.close();
  const warmupMs = performance.now() - t0;
  const afterBuild = memory();
  console.log(`  MiniSearch: ${ms.documentCount.toLocaleString('en')} policies indexed in ${(warmupMs / 1000).toFixed(1)} s, RSS ${Math.round(afterBuild.rssMb)} MB`);

  const search = (c: SearchCase) => {
    const f = c.filters;
    const filter = (r: Record<string, unknown>) =>
      (!f.levels?.length || f.levels.includes(r.level as never)) &&
      (!f.categories?.length || f.categories.includes(r.category as never)) &&
      (!f.statuses?.length || f.statuses.includes(r.status as never)) &&
      (!f.departments?.length || (r.departments as string[]).some((d) => f.departments!.includes(d))) &&
      (!f.openForApplication || r.open === true);
    const terms = parseQuery(c.query);
    const results = terms.length === 0
      ? ms.search(MiniSearch.wildcard, { filter })
      : ms.search({ combineWith: 'AND', queries: terms.map((t) => termQuery(t.text)) }, { filter });
    const ranked = terms.length === 0
      ? results.sort((a, b) => (a.date < b.date ? 1 : -1))
      : results.sort((a, b) => Number(a.status !== 'active') - Number(b.status !== 'active') || b.score - a.score);
    return { total: ranked.length, page: ranked.slice(0, 20).map((r) => r.id as number) };
  };
  const cases = searchCases(meta);
  const { results, ...timed } = timeCases(cases, search, { rounds: Math.min(rounds, 1), warmup: 10 });
  const totals = results.map((r) => r.total);
  return { subject: 'minisearch', search: { ...timed, totals }, warmupMs, memory: memory(), extra: { rssAfterBuildMb: afterBuild.rssMb, heapAfterBuildMb: afterBuild.heapMb, documents: ms.documentCount } };
}

function runEnterprises(meta: DataMeta, rounds: number): SubjectResult {
  const db = new Database(DB_FILE, { readonly: true });
  const t0 = performance.now();
  const ms = new MiniSearch<{ id: number; name: string }>({
    fields: ['name'],
    storeFields: ['name'],
    tokenize: indexTokens,
    processTerm: (t) => t,
    searchOptions: { tokenize: queryTokens, processTerm: (t) => t },
  });
  const codes: { uscc: string; id: number; name: string }[] = [];
  const batch: { id: number; name: string }[] = [];
  for (const [id, name, uscc] of db.prepare('SELECT rowid, name, uscc FROM enterprises').raw().iterate() as Iterable<[number, string, string]>) {
    batch.push({ id, name });
    codes.push({ uscc, id, name });
    if (batch.length === 50_000) ms.addAll(batch.splice(0));
  }
  ms.addAll(batch.splice(0));
  codes.sort((a, b) => (a.uscc < b.uscc ? -1 : a.uscc > b.uscc ? 1 : 0));
  db.close();
  const warmupMs = performance.now() - t0;
  const afterBuild = memory();
  console.log(`  MiniSearch: ${ms.documentCount.toLocaleString('en')} enterprises indexed in ${(warmupMs / 1000).toFixed(1)} s, RSS ${Math.round(afterBuild.rssMb)} MB`);
  const byPrefix = (code: string) => {
    let lo = 0;
    let hi = codes.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (codes[mid]!.uscc < code) lo = mid + 1;
      else hi = mid;
    }
    const out: { id: number; name: string }[] = [];
    for (let i = lo; i < codes.length && out.length < 20 && codes[i]!.uscc.startsWith(code); i++) out.push(codes[i]!);
    return out;
  };
  const lookup = (q: string): { id: number; name: string }[] => {
    const code = q.replace(/\s+/g, '').toUpperCase();
    if (isUsccPrefix(code)) {
      const hits = byPrefix(code);
      if (hits.length > 0) return hits;
    }
    const terms = parseQuery(q);
    if (terms.length === 0) return [];
    const hits = ms.search({ combineWith: 'AND', queries: terms.map((t) => termQuery(t.text)) }, { fields: ['name'] });
    // exact name first, then shorter names: the best 20 in one pass
    const best: { id: number; name: string; key: number }[] = [];
    for (const h of hits) {
      const name = h.name as string;
      const key = (name === q ? 0 : 1) * 1e6 + name.length;
      if (best.length === 20 && key >= best[19]!.key) continue;
      let at = best.length < 20 ? best.length : 19;
      best[at] = { id: h.id as number, name, key };
      while (at > 0 && best[at - 1]!.key > key) {
        [best[at - 1], best[at]] = [best[at]!, best[at - 1]!];
        at--;
      }
    }
    return best;
  };
  const cases = lookupCases(meta);
  const { results, ...timed } = timeCases(cases, (c) => lookup(c.query), { rounds: Math.min(rounds, 1), warmup: 10 });
  const counts = results.map((r) => r.length);
  return { subject: 'minisearch-enterprises', lookup: { ...timed, counts }, warmupMs, memory: memory(), extra: { rssAfterBuildMb: afterBuild.rssMb, heapAfterBuildMb: afterBuild.heapMb, documents: ms.documentCount } };
}

export function run(meta: DataMeta, rounds: number, part: 'policies' | 'enterprises'): SubjectResult {
  return part === 'policies' ? runPolicies(meta, rounds) : runEnterprises(meta, rounds);
}

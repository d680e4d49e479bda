import type Database from 'better-sqlite3';
import { POLICY_CATEGORIES, POLICY_LEVELS, POLICY_STATUSES } from '@shared/policies/schemas';

// What search needs to know of every policy besides its text, kept in memory per connection:
// level, category, status, date order (filters and ranking without reading the policies table,
// whose rows carry the full text), the short fields that carry the heavy ranking weights (title,
// 文号, issuer, item names and departments: ~120 characters a policy; the long text stays in the
// policies rows, and the contentless FTS indexes hold no copy of it), each item's department and
// application window.
//
// For 20,000 policies / 100,000 items: ~20 MB of JS heap and ~25 MB of typed arrays, loaded in
// about a second on first use (warmPolicySearch does it ahead), mostly reading the two tables.
// It is kept in step by itself: a search first compares the connection's write counters
// (total_changes(), PRAGMA data_version, both O(1)); only when something was written does it
// compare the policy count and the FTS index's structure record (which every write through
// upsertPolicies changes), and reloads when they differ. Code that changes policies or items
// without going through upsertPolicies must call invalidatePolicyFacts(db).

export interface PolicyFacts {
  size: number;
  rowid: Int32Array;
  /** rowid → slot, -1 when unknown */
  slotOf: (rowid: number) => number;
  status: Uint8Array;
  level: Uint8Array;
  category: Uint8Array;
  /** slot → its place in (publish_date, rowid) order, 0 = oldest */
  dateRank: Int32Array;
  /** dateRank → slot */
  slotByDate: Int32Array;
  /**
   * The short, heavily weighted fields of each policy in one string, ASCII lower-cased:
   * title \0 文号 \0 issuer \0 item names and departments (one a line); `ends` tells where
   * each field ends.
   */
  fields: string[];
  /** end offsets in `fields` of title, 文号 and issuer: ends[3s], ends[3s+1], ends[3s+2] */
  ends: Uint32Array;
  /**
   * Which of those fields hold each character and each pair of neighbouring characters: key =
   * char code (one) or code·65536 + code (two) → [slot·16 + field bits, …] ascending by slot.
   * Field bits: 1 title, 2 文号, 4 issuer, 8 items. Makes the ranking of a 1–2 character term
   * a table look-up, and narrows a longer term to the policies holding its rarest pair.
   */
  grams: Map<number, Int32Array>;
  /** department id of each item, grouped by slot: deptIds[deptStart[s] .. deptStart[s + 1]) */
  deptStart: Int32Array;
  deptIds: Int32Array;
  departments: Map<string, number>;
  /** application windows, grouped by slot like departments ('' = open-ended) */
  windowStart: string[];
  windowEnd: string[];
  /** open-for-application flags for one day, computed on demand */
  openOn?: { day: string; flags: Uint8Array };
  signature: string;
}

const fold = (s: string) => s.replace(/[A-Z]/g, (c) => c.toLowerCase());

interface Cached {
  facts: PolicyFacts;
  counters: string;
}
const cache = new WeakMap<Database.Database, Cached>();

/** Forget the facts of this connection (after writing policies other than through upsertPolicies). */
export function invalidatePolicyFacts(db: Database.Database): void {
  cache.delete(db);
}

const probes = new WeakMap<Database.Database, { counters: Database.Statement; signature: Database.Statement }>();
function probe(db: Database.Database) {
  let p = probes.get(db);
  if (!p) {
    p = {
      counters: db.prepare('SELECT total_changes() AS changes, data_version AS version FROM pragma_data_version'),
      signature: db.prepare(`SELECT (SELECT count(*) FROM policies) AS n, (SELECT hex(block) FROM policy_search_data WHERE id = 10) AS structure`),
    };
    probes.set(db, p);
  }
  return p;
}

function counters(db: Database.Database): string {
  const r = probe(db).counters.get() as { changes: number; version: number };
  return `${r.changes}:${r.version}`;
}

function signature(db: Database.Database): string {
  const r = probe(db).signature.get() as { n: number; structure: string | null };
  return `${r.n}:${r.structure ?? ''}`;
}

/** The facts of this connection's policy library, loaded or refreshed when it changed. */
export function policyFacts(db: Database.Database, opts: { reload?: boolean } = {}): PolicyFacts {
  const now = counters(db);
  const cached = cache.get(db);
  if (cached && !opts.reload) {
    if (cached.counters === now) return cached.facts;
    const sig = signature(db);
    if (sig === cached.facts.signature) {
      cached.counters = now;
      return cached.facts;
    }
  }
  const facts = load(db);
  cache.set(db, { facts, counters: counters(db) });
  return facts;
}

function load(db: Database.Database): PolicyFacts {
  const sig = signature(db);
  const size = db.prepare('SELECT count(*) FROM policies').pluck().get() as number;
  // streamed (the rows are not held): these tables are large, their rows carry the full text
  const rows = db
    .prepare('SELECT rowid AS rowid, id, title, doc_no, issuer, level, category, status, publish_date FROM policies')
    .raw()
    .iterate() as Iterable<[number, string, string, string, string, string, string, string, string]>;
  const f: PolicyFacts = {
    size,
    rowid: new Int32Array(size),
    slotOf: () => -1,
    status: new Uint8Array(size),
    level: new Uint8Array(size),
    category: new Uint8Array(size),
    dateRank: new Int32Array(size),
    slotByDate: new Int32Array(size),
    fields: new Array<string>(size),
    ends: new Uint32Array(size * 3),
    grams: new Map(),
    deptStart: new Int32Array(size + 1),
    deptIds: new Int32Array(0),
    departments: new Map(),
    windowStart: [],
    windowEnd: [],
    signature: sig,
  };
  const slotOfId = new Map<string, number>();
  const dates: string[] = new Array<string>(size);
  const heads: string[] = new Array<string>(size);
  let maxRowid = 0;
  let s = 0;
  for (const [rowid, id, title, docNo, issuer, level, category, status, date] of rows) {
    if (s >= size) break;
    f.rowid[s] = rowid;
    maxRowid = Math.max(maxRowid, rowid);
    slotOfId.set(id, s);
    heads[s] = `${title}\0${docNo}\0${issuer}\0`;
    f.ends[3 * s] = title.length;
    f.ends[3 * s + 1] = title.length + 1 + docNo.length;
    f.ends[3 * s + 2] = title.length + 1 + docNo.length + 1 + issuer.length;
    f.level[s] = Math.max(0, (POLICY_LEVELS as readonly string[]).indexOf(level));
    f.category[s] = Math.max(0, (POLICY_CATEGORIES as readonly string[]).indexOf(category));
    f.status[s] = Math.max(0, (POLICY_STATUSES as readonly string[]).indexOf(status));
    dates[s] = date;
    s++;
  }
  if (maxRowid <= 4 * size + 1024) {
    // rowids are dense (the usual case): a flat table
    const table = new Int32Array(maxRowid + 1).fill(-1);
    for (let s = 0; s < size; s++) table[f.rowid[s]!] = s;
    f.slotOf = (r) => (r < table.length ? table[r]! : -1);
  } else {
    const map = new Map<number, number>();
    for (let s = 0; s < size; s++) map.set(f.rowid[s]!, s);
    f.slotOf = (r) => map.get(r) ?? -1;
  }
  const order = Array.from({ length: size }, (_, s) => s).sort((a, b) => (dates[a]! < dates[b]! ? -1 : dates[a]! > dates[b]! ? 1 : f.rowid[a]! - f.rowid[b]!));
  order.forEach((s, rank) => {
    f.dateRank[s] = rank;
    f.slotByDate[rank] = s;
  });

  // items in one pass (rows streamed, not held), then grouped by policy with a counting sort
  const itemSlot: number[] = [];
  const itemDept: number[] = [];
  const itemStart: string[] = [];
  const itemEnd: string[] = [];
  const texts: string[][] = Array.from({ length: size }, () => []);
  const perSlot = new Int32Array(size);
  for (const [policyId, name, department, start, end] of db
    .prepare('SELECT policy_id, name, department, window_start, window_end FROM policy_items')
    .raw()
    .iterate() as Iterable<[string, string, string, string | null, string | null]>) {
    const s = slotOfId.get(policyId);
    if (s === undefined) continue;
    let d = f.departments.get(department);
    if (d === undefined) f.departments.set(department, (d = f.departments.size));
    itemSlot.push(s);
    itemDept.push(d);
    itemStart.push(start ?? '');
    itemEnd.push(end ?? '');
    perSlot[s]!++;
    texts[s]!.push(name, department);
  }
  for (let s = 0; s < size; s++) f.deptStart[s + 1] = f.deptStart[s]! + perSlot[s]!;
  const n = itemSlot.length;
  f.deptIds = new Int32Array(n);
  f.windowStart = new Array<string>(n);
  f.windowEnd = new Array<string>(n);
  const fill = new Int32Array(size);
  for (let k = 0; k < n; k++) {
    const s = itemSlot[k]!;
    const at = f.deptStart[s]! + fill[s]!++;
    f.deptIds[at] = itemDept[k]!;
    f.windowStart[at] = itemStart[k]!;
    f.windowEnd[at] = itemEnd[k]!;
  }
  texts.forEach((t, s) => (f.fields[s] = fold(heads[s]! + t.join('\n'))));
  indexGrams(f);
  return f;
}

const FIELD_BITS = [1, 2, 4, 8] as const;

/**
 * Builds `grams` in two passes over the fields with flat typed arrays (a Map per policy made the
 * collector the main cost of loading): pass 1 numbers the grams and counts the policies holding each,
 * pass 2 writes the postings into one Int32Array.
 */
function indexGrams(f: PolicyFacts): void {
  const idOf = new Map<number, number>();
  const counts: number[] = [];
  const lastSlot: number[] = [];
  let total = 0;
  for (let c = 0; c < f.fields.length; c++) total += f.fields[c]!.length;
  // per character: its unigram id, its bigram id (or -1), its field bit
  const uni = new Int32Array(total);
  const bi = new Int32Array(total);
  const bit = new Uint8Array(total);
  const id = (key: number) => {
    let g = idOf.get(key);
    if (g === undefined) {
      idOf.set(key, (g = counts.length));
      counts.push(0);
      lastSlot.push(-1);
    }
    return g;
  };
  let at = 0;
  for (let s = 0; s < f.size; s++) {
    const text = f.fields[s]!;
    let field = 0;
    for (let i = 0; i < text.length; i++, at++) {
      const c = text.charCodeAt(i);
      uni[at] = -1;
      bi[at] = -1;
      if (c === 0) {
        field++;
        continue;
      }
      if (c === 10) continue;
      bit[at] = FIELD_BITS[Math.min(field, 3)]!;
      const u = id(c);
      uni[at] = u;
      if (lastSlot[u] !== s) {
        lastSlot[u] = s;
        counts[u]!++;
      }
      const d = i + 1 < text.length ? text.charCodeAt(i + 1) : 0;
      if (d !== 0 && d !== 10) {
        const b = id(c * 65536 + d);
        bi[at] = b;
        if (lastSlot[b] !== s) {
          lastSlot[b] = s;
          counts[b]!++;
        }
      }
    }
  }
  const n = counts.length;
  const start = new Int32Array(n + 1);
  for (let g = 0; g < n; g++) start[g + 1] = start[g]! + counts[g]!;
  const postings = new Int32Array(start[n]!);
  const write = start.slice(0, n);
  lastSlot.fill(-1);
  at = 0;
  const put = (g: number, s: number, b: number) => {
    if (lastSlot[g] !== s) {
      lastSlot[g] = s;
      postings[write[g]!++] = s * 16 + b;
    } else postings[write[g]! - 1]! |= b;
  };
  for (let s = 0; s < f.size; s++) {
    const len = f.fields[s]!.length;
    for (let i = 0; i < len; i++, at++) {
      const u = uni[at]!;
      if (u < 0) continue;
      put(u, s, bit[at]!);
      const b = bi[at]!;
      if (b >= 0) put(b, s, bit[at]!);
    }
  }
  for (const [key, g] of idOf) f.grams.set(key, postings.subarray(start[g]!, start[g + 1]!));
}

/** Field bits (1 title, 2 文号, 4 issuer, 8 items) of each slot for a word (ASCII lower-cased). */
export function fieldFlags(f: PolicyFacts, word: string): Uint8Array {
  const flags = new Uint8Array(f.size);
  if (word.length === 0) return flags;
  if (word.length <= 2) {
    const key = word.length === 1 ? word.charCodeAt(0) : word.charCodeAt(0) * 65536 + word.charCodeAt(1);
    for (const e of f.grams.get(key) ?? []) flags[e >>> 4] = e & 15;
    return flags;
  }
  // a longer word: the policies holding its rarest pair, checked for the whole word
  let rarest: Int32Array | undefined;
  for (let i = 0; i + 1 < word.length; i++) {
    const list = f.grams.get(word.charCodeAt(i) * 65536 + word.charCodeAt(i + 1));
    if (!list) return flags;
    if (!rarest || list.length < rarest.length) rarest = list;
  }
  for (const e of rarest ?? []) {
    const s = e >>> 4;
    const text = f.fields[s]!;
    const titleEnd = f.ends[3 * s]!;
    const docEnd = f.ends[3 * s + 1]!;
    const issuerEnd = f.ends[3 * s + 2]!;
    let bits = 0;
    for (let at = text.indexOf(word); at !== -1 && bits < 8; at = text.indexOf(word, at + 1)) {
      bits |= at < titleEnd ? 1 : at < docEnd ? 2 : at < issuerEnd ? 4 : 8;
    }
    flags[s] = bits;
  }
  return flags;
}

/** Whether the policy is active and has an item open for application on the day (no window = 常年受理). */
export function openFlags(f: PolicyFacts, day: string): Uint8Array {
  if (f.openOn?.day === day) return f.openOn.flags;
  const flags = new Uint8Array(f.size);
  for (let s = 0; s < f.size; s++) {
    if (f.status[s] !== 0) continue;
    for (let k = f.deptStart[s]!; k < f.deptStart[s + 1]!; k++) {
      const start = f.windowStart[k]!;
      const end = f.windowEnd[k]!;
      if ((start === '' || start <= day) && (end === '' || end >= day)) {
        flags[s] = 1;
        break;
      }
    }
  }
  f.openOn = { day, flags };
  return flags;
}

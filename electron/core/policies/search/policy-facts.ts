import type Database from 'better-sqlite3';
import { POLICY_CATEGORIES, POLICY_LEVELS, POLICY_STATUSES } from '@shared/policies/schemas';

// What search needs to know of every policy besides its text, kept in memory per connection:
// level, category, status, date order (filters and ranking without reading the policies table,
// whose rows carry the full text), the short fields that carry the heavy ranking weights (title,
// 文号, issuer, item names and departments: ~120 characters a policy, the long text stays in FTS),
// each item's department and application window.
//
// For 20,000 policies / 100,000 items this is a few MB, loaded in well under a second on first use.
// It is kept in step by itself: a search first compares the connection's write counters
// (total_changes(), PRAGMA data_version, both O(1)); only when something was written does it
// compare the policy count and the FTS index's structure record (which every write through
// upsertPolicies changes), and reloads when they differ. Code that changes policies or items
// without going through upsertPolicies must call invalidatePolicyFacts(db).

export interface PolicyFacts {
  size: number;
  rowid: Int32Array;
  slotOf: Map<number, number>;
  status: Uint8Array;
  level: Uint8Array;
  category: Uint8Array;
  /** slot → its place in (publish_date, rowid) order, 0 = oldest */
  dateRank: Int32Array;
  /** dateRank → slot */
  slotByDate: Int32Array;
  /** the short, heavily weighted fields, ASCII lower-cased */
  title: string[];
  docNo: string[];
  issuer: string[];
  /** item names and departments, one a line */
  items: string[];
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

function counters(db: Database.Database): string {
  const changes = db.prepare('SELECT total_changes()').pluck().get() as number;
  return `${changes}:${db.pragma('data_version', { simple: true }) as number}`;
}

function signature(db: Database.Database): string {
  const n = db.prepare('SELECT count(*) FROM policies').pluck().get() as number;
  const structure = db.prepare('SELECT hex(block) FROM policy_search_data WHERE id = 10').pluck().get() as string | undefined;
  return `${n}:${structure ?? ''}`;
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
  const rows = db
    .prepare('SELECT rowid, id, title, doc_no, issuer, level, category, status, publish_date FROM policies')
    .raw()
    .all() as [number, string, string, string, string, string, string, string, string][];
  const size = rows.length;
  const f: PolicyFacts = {
    size,
    rowid: new Int32Array(size),
    slotOf: new Map(),
    status: new Uint8Array(size),
    level: new Uint8Array(size),
    category: new Uint8Array(size),
    dateRank: new Int32Array(size),
    slotByDate: new Int32Array(size),
    title: new Array<string>(size),
    docNo: new Array<string>(size),
    issuer: new Array<string>(size),
    items: new Array<string>(size).fill(''),
    deptStart: new Int32Array(size + 1),
    deptIds: new Int32Array(0),
    departments: new Map(),
    windowStart: [],
    windowEnd: [],
    signature: sig,
  };
  const slotOfId = new Map<string, number>();
  const dates: string[] = new Array<string>(size);
  rows.forEach(([rowid, id, title, docNo, issuer, level, category, status, date], s) => {
    f.rowid[s] = rowid;
    f.slotOf.set(rowid, s);
    slotOfId.set(id, s);
    f.title[s] = fold(title);
    f.docNo[s] = fold(docNo);
    f.issuer[s] = fold(issuer);
    f.level[s] = Math.max(0, (POLICY_LEVELS as readonly string[]).indexOf(level));
    f.category[s] = Math.max(0, (POLICY_CATEGORIES as readonly string[]).indexOf(category));
    f.status[s] = Math.max(0, (POLICY_STATUSES as readonly string[]).indexOf(status));
    dates[s] = date;
  });
  const order = Array.from({ length: size }, (_, s) => s).sort((a, b) => (dates[a]! < dates[b]! ? -1 : dates[a]! > dates[b]! ? 1 : f.rowid[a]! - f.rowid[b]!));
  order.forEach((s, rank) => {
    f.dateRank[s] = rank;
    f.slotByDate[rank] = s;
  });

  // items, grouped by policy in two passes (count, then fill) to keep flat arrays
  const items = db.prepare('SELECT policy_id, name, department, window_start, window_end FROM policy_items').raw().all() as
    [string, string, string, string | null, string | null][];
  const perSlot = new Int32Array(size);
  const itemSlot = new Int32Array(items.length);
  items.forEach(([policyId], k) => {
    const s = slotOfId.get(policyId) ?? -1;
    itemSlot[k] = s;
    if (s >= 0) perSlot[s]!++;
  });
  for (let s = 0; s < size; s++) f.deptStart[s + 1] = f.deptStart[s]! + perSlot[s]!;
  f.deptIds = new Int32Array(f.deptStart[size]!);
  f.windowStart = new Array<string>(f.deptIds.length);
  f.windowEnd = new Array<string>(f.deptIds.length);
  const fill = new Int32Array(size);
  const texts: string[][] = Array.from({ length: size }, () => []);
  items.forEach(([, name, department, start, end], k) => {
    const s = itemSlot[k]!;
    if (s < 0) return;
    let d = f.departments.get(department);
    if (d === undefined) f.departments.set(department, (d = f.departments.size));
    const at = f.deptStart[s]! + fill[s]!++;
    f.deptIds[at] = d;
    f.windowStart[at] = start ?? '';
    f.windowEnd[at] = end ?? '';
    texts[s]!.push(name, department);
  });
  texts.forEach((t, s) => (f.items[s] = fold(t.join('\n'))));
  return f;
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

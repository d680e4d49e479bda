import { afterEach, describe, expect, it } from 'vitest';
import type Database from 'better-sqlite3';
import { lookupEnterprises, CANDIDATES } from '../../../electron/core/enterprises/enterprise-lookup';
import { upsertEnterprise } from '../../../electron/core/enterprises/enterprise-store';
import { upsertPolicies } from '../../../electron/core/policies/policy-store';
import { searchPolicies } from '../../../electron/core/policies/search/policy-search';
import { EnterpriseSchema } from '@shared/enterprises/schemas';
import { PolicySearchInput } from '@shared/policies/api-schemas';
import { AT, ENTERPRISES, POLICIES, TODAY, loadEnterprises, loadPolicies, makeDb, parsePolicy, uscc } from './fixtures';

// The four search tables are contentless (content='', contentless_delete=1) and the two bigram
// tables carry a 1-character prefix index (prefix='1'): see 0002-policies-enterprises.ts.

const TABLES = ['policy_search', 'policy_search_short', 'enterprise_search', 'enterprise_search_short'] as const;

let db: Database.Database | undefined;
afterEach(() => {
  db?.close();
  db = undefined;
});

const count = (d: Database.Database, table: string) => d.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number;
const ftsRowids = (d: Database.Database, table: string, match: string) =>
  d.prepare(`SELECT rowid FROM ${table} WHERE ${table} MATCH ? ORDER BY rowid`).pluck().all(match) as number[];
const search = (d: Database.Database, query: string) => searchPolicies(d, PolicySearchInput.parse({ query }), TODAY);
const names = (d: Database.Database, q: string, limit = 20) => lookupEnterprises(d, q, limit).map((e) => e.name);
const enterprise = (u: string, name: string) => EnterpriseSchema.parse({ uscc: u, name, regionCode: u.slice(2, 8) });

describe('search tables', () => {
  it('are contentless with contentless_delete, the bigram ones with a 1-character prefix index', () => {
    db = makeDb();
    const sqlOf = (t: string) => db!.prepare("SELECT sql FROM sqlite_schema WHERE name = ?").pluck().get(t) as string;
    for (const t of TABLES) {
      expect(sqlOf(t), t).toMatch(/content\s*=\s*''/);
      expect(sqlOf(t), t).toMatch(/contentless_delete\s*=\s*1/);
    }
    expect(sqlOf('policy_search_short')).toMatch(/prefix\s*=\s*'1'/);
    expect(sqlOf('enterprise_search_short')).toMatch(/prefix\s*=\s*'1'/);
    // no shadow table with a copy of the text
    const shadows = db.prepare("SELECT name FROM sqlite_schema WHERE name LIKE '%\\_search%\\_content' ESCAPE '\\'").pluck().all();
    expect(shadows).toEqual([]);
  });

  it('keep no text: a column reads back as NULL, only the rowid is there', () => {
    db = makeDb();
    loadPolicies(db);
    loadEnterprises(db);
    expect(db.prepare('SELECT rowid AS rowid, title FROM policy_search WHERE policy_search MATCH ? LIMIT 1').get('"集成电路"'))
      .toEqual({ rowid: expect.any(Number), title: null });
    expect(db.prepare('SELECT name FROM enterprise_search_short WHERE enterprise_search_short MATCH ?').pluck().all('"华泰"')).toEqual([null]);
    expect(count(db, 'policy_search')).toBe(POLICIES.length);
    expect(count(db, 'enterprise_search_short')).toBe(ENTERPRISES.length);
  });
});

describe('writes to the contentless tables', () => {
  it('a changed policy replaces its index rows (delete by rowid + insert), in both indexes', () => {
    db = makeDb();
    loadPolicies(db);
    const rid = db.prepare("SELECT rid FROM policies WHERE id = 'chip'").pluck().get() as number;
    expect(ftsRowids(db, 'policy_search', '"集成电路"')).toContain(rid);
    const changed = parsePolicy({ ...POLICIES[2]!, title: '杭州市关于加快推进人工智能产业发展的若干意见', fullText: '支持人工智能企业发展。', items: [POLICIES[2]!.items[1]!] });
    db.transaction(() => upsertPolicies(db!, [changed], AT))();
    expect(count(db, 'policy_search')).toBe(POLICIES.length);
    expect(count(db, 'policy_search_short')).toBe(POLICIES.length);
    expect(ftsRowids(db, 'policy_search', '"集成电路"')).not.toContain(rid);
    expect(ftsRowids(db, 'policy_search', '"人工智能"')).toEqual([rid]);
    expect(ftsRowids(db, 'policy_search_short', '"智"*')).toEqual([rid]);
    expect(search(db, '集成电路').total).toBe(0);
    expect(search(db, '人工智能').hits.map((h) => h.id)).toEqual(['chip']);
    expect(search(db, '智').hits.map((h) => h.id)).toEqual(['chip']);
    // the same policy written again many times (tombstones pile up, merges run): still one row each
    for (let i = 0; i < 30; i++) db.transaction(() => upsertPolicies(db!, [i % 2 ? changed : parsePolicy(POLICIES[2]!)], AT))();
    expect(count(db, 'policy_search')).toBe(POLICIES.length);
    expect(search(db, '人工智能').total).toBe(1);
    expect(search(db, '集成电路').total).toBe(0);
    db.exec("INSERT INTO policy_search(policy_search, rank) VALUES ('integrity-check', 0)");
    db.exec("INSERT INTO policy_search_short(policy_search_short, rank) VALUES ('integrity-check', 0)");
  });

  it('a renamed enterprise is found by its new name only, by 1, 2 and 3+ characters', () => {
    db = makeDb();
    loadEnterprises(db);
    const first = ENTERPRISES[3]!; // 宁波鄞州华泰贸易有限公司
    db.transaction(() => upsertEnterprise(db!, enterprise(first.uscc, '宁波鄞州鼎盛贸易有限公司'), AT))();
    expect(count(db, 'enterprise_search')).toBe(ENTERPRISES.length);
    expect(count(db, 'enterprise_search_short')).toBe(ENTERPRISES.length);
    expect(names(db, '华泰')).toEqual([]);
    expect(names(db, '华')).toEqual([]);
    expect(names(db, '鼎')).toEqual(['宁波鄞州鼎盛贸易有限公司']);
    expect(names(db, '鼎盛')).toEqual(['宁波鄞州鼎盛贸易有限公司']);
    expect(names(db, '鼎盛贸易')).toEqual(['宁波鄞州鼎盛贸易有限公司']);
    expect(names(db, '泰').sort()).toEqual(['温州鹿城鑫泰电子商务有限公司']);
    db.exec("INSERT INTO enterprise_search_short(enterprise_search_short, rank) VALUES ('integrity-check', 0)");
  });
});

describe('1-character lookups on the prefix index', () => {
  it('find every name holding the character, also as the last character of a run', () => {
    db = makeDb();
    loadEnterprises(db);
    for (const c of new Set(ENTERPRISES.flatMap((e) => [...e.name].filter((x) => /[\u4e00-\u9fff]/.test(x))))) {
      const expected = ENTERPRISES.filter((e) => e.name.includes(c)).map((e) => e.name).sort();
      expect(names(db, c).sort(), c).toEqual(expected);
    }
  });

  it('with more names than CANDIDATES, read the first ones in filing order', () => {
    db = makeDb();
    const many = Array.from({ length: CANDIDATES + 50 }, (_, i) => ({ u: uscc('330108', `MA9X${String(i).padStart(5, '0')}`), name: `杭州鑫${'甲乙丙丁戊己庚辛壬癸'[i % 10]}${i}号科技有限公司` }));
    db.transaction(() => {
      for (const e of many) upsertEnterprise(db!, enterprise(e.u, e.name), AT);
    })();
    const filed = many.slice(0, CANDIDATES).map((e) => e.name);
    const shortest = [...filed].sort((a, b) => [...a].length - [...b].length || (a < b ? -1 : a > b ? 1 : 0)).slice(0, 20);
    expect(names(db, '鑫')).toEqual(shortest);
  });
});

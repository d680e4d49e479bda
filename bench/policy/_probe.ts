import Database from 'better-sqlite3';
import { searchPolicies } from '../../electron/core/policies/search/policy-search';
import { policyFacts } from '../../electron/core/policies/search/policy-facts';
import { PolicySearchInput } from '../../shared/policies/api-schemas';
const db = new Database('bench/.data/policy.sqlite');
db.pragma('journal_mode = WAL');
policyFacts(db);
const time = (label: string, f: () => unknown) => {
  f();
  const t = performance.now();
  for (let i = 0; i < 10; i++) f();
  console.log(label.padEnd(40), ((performance.now() - t) / 10).toFixed(2).padStart(8), 'ms');
};
const j = db.prepare(`SELECT json_group_array(rowid) FROM policy_search_short WHERE policy_search_short MATCH ?`).pluck();
time('json 补贴', () => JSON.parse(j.get('"补贴"') as string));
time('search 补贴', () => searchPolicies(db, PolicySearchInput.parse({ query: '补贴' }), '2026-11-27'));
time('search 补贴 limit1', () => searchPolicies(db, PolicySearchInput.parse({ query: '补贴', limit: 1 }), '2026-11-27'));
time('search all', () => searchPolicies(db, PolicySearchInput.parse({ query: '' }), '2026-11-27'));
time('search 高新技术企业', () => searchPolicies(db, PolicySearchInput.parse({ query: '高新技术企业' }), '2026-11-27'));
const ids = JSON.stringify([1, 50, 300, 1000, 4000, 5000, 7000, 9000, 12000, 15000, 16000, 17000, 18000, 19000, 2, 3, 4, 5, 6, 7]);
time('page rows', () => db.prepare(`SELECT p.rowid AS rid, p.id, p.title, p.doc_no, p.issuer, p.level, p.category, p.status, p.publish_date, p.expiry_date,
       p.full_text, p.interpretation FROM policies p WHERE p.rowid IN (SELECT value FROM json_each(?))`).all(ids));
time('page items', () => db.prepare(`SELECT i.policy_id, i.id, i.name, i.department, i.key_points, i.window_start, i.window_end
       FROM policies p JOIN policy_items i ON i.policy_id = p.id
      WHERE p.rowid IN (SELECT value FROM json_each(?)) ORDER BY i.policy_id, i.position`).all(ids));

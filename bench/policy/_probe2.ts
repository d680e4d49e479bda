import Database from 'better-sqlite3';
import { searchPolicies } from '../../electron/core/policies/search/policy-search';
import { policyFacts } from '../../electron/core/policies/search/policy-facts';
import { PolicySearchInput } from '../../shared/policies/api-schemas';
const db = new Database('bench/.data/policy.sqlite');
db.pragma('journal_mode = WAL');
policyFacts(db);
const time = (label: string, f: () => unknown) => {
  f();
  const c = process.cpuUsage();
  const t = performance.now();
  for (let i = 0; i < 20; i++) f();
  const cu = process.cpuUsage(c);
  console.log(label.padEnd(30), ((performance.now() - t) / 20).toFixed(2).padStart(8), 'ms wall', ((cu.user + cu.system) / 20000).toFixed(2).padStart(8), 'ms cpu');
};
for (const q of ['补贴', '企业', '补', '高新技术企业', '人才 补贴', '集成电路 补助', '']) {
  time('search ' + q, () => searchPolicies(db, PolicySearchInput.parse({ query: q }), '2026-11-27'));
  time('search F ' + q, () => searchPolicies(db, PolicySearchInput.parse({ query: q, filters: { levels: ['district'], categories: ['award'], openForApplication: true } }), '2026-11-27'));
}

import Database from 'better-sqlite3';
import { searchPolicies } from '../../electron/core/policies/search/policy-search';
import { policyFacts } from '../../electron/core/policies/search/policy-facts';
import { PolicySearchInput } from '../../shared/policies/api-schemas';
const db = new Database('bench/.data/policy.sqlite');
db.pragma('journal_mode = WAL');
policyFacts(db);
const input = PolicySearchInput.parse({ query: process.argv[2] ?? '' });
for (let i = 0; i < 1000; i++) searchPolicies(db, input, '2026-11-27');

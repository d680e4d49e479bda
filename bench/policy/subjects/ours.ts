// PolicyDesk itself: searchPolicies and lookupEnterprises on the database opened as the app opens it.

import fs from 'node:fs';
import { openDatabase } from '../../../electron/core/db/open-database';
import { lookupEnterprises } from '../../../electron/core/enterprises/enterprise-lookup';
import { searchPolicies } from '../../../electron/core/policies/search/policy-search';
import { PolicySearchInput } from '../../../shared/policies/api-schemas';
import { DB_FILE, TODAY, type DataMeta } from '../generate';
import { memory, timeCases } from '../measure';
import { lookupCases, searchCases } from '../queries';
import type { SubjectResult } from './types';

export function run(meta: DataMeta, rounds: number): SubjectResult {
  let t = performance.now();
  const db = openDatabase(DB_FILE);
  const openMs = performance.now() - t;
  // what-if knob (npm run bench -- policy --pragma mmap_size=268435456): not the app's settings
  for (const p of (process.env.BENCH_PRAGMAS ?? '').split(',').filter(Boolean)) db.pragma(p);
  const inputs = searchCases(meta).map((c) => PolicySearchInput.parse({ query: c.query, filters: c.filters }));
  t = performance.now();
  searchPolicies(db, inputs[0]!, TODAY);
  const warmupMs = performance.now() - t;
  const { results: found, ...search } = timeCases(inputs, (i) => searchPolicies(db, i, TODAY), { rounds, warmup: true });
  const totals = found.map((r) => r.total);
  const lookups = lookupCases(meta);
  const { results: listed, ...lookup } = timeCases(lookups, (c) => lookupEnterprises(db, c.query, 20), { rounds, warmup: true });
  const counts = listed.map((r) => r.length);
  const sizes = db
    .prepare(`SELECT name, sum(pgsize) AS bytes FROM dbstat GROUP BY name`)
    .all() as { name: string; bytes: number }[];
  const mb = (f: (n: string) => boolean) => sizes.filter((s) => f(s.name)).reduce((a, s) => a + s.bytes, 0) / 2 ** 20;
  const extra = {
    dbFileMb: fs.statSync(DB_FILE).size / 2 ** 20,
    ftsMb: mb((n) => /_search/.test(n)),
    ftsContentCopiesMb: mb((n) => /_search.*_content$/.test(n)),
    policyTablesMb: mb((n) => /^(policies|policy_items)$|^sqlite_autoindex_polic|^policy_items_by/.test(n)),
    enterpriseTablesMb: mb((n) => /^enterprises$|^sqlite_autoindex_enterprises|^enterprises_by/.test(n)),
  };
  const m = memory();
  db.close();
  return { subject: 'ours', search: { ...search, totals }, lookup: { ...lookup, counts }, warmupMs, openMs, memory: m, extra };
}

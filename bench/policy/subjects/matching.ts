// 政策计算器 on the benchmark's data: one company against all 100,000 items (the counter's "what can
// this company claim"), and one item against all 500,000 companies (免申即享 candidates), through
// the same functions the API handlers call.

import { openDatabase } from '../../../electron/core/db/open-database';
import { MatchIndex } from '../../../electron/core/matching/match-index';
import { EnterpriseProfiles } from '../../../electron/core/matching/enterprise-profiles';
import { enterpriseSummaries, matchOneEnterprise, profileByUscc } from '../../../electron/core/matching/match-service';
import { effectiveCondition } from '../../../shared/matching/compile';
import type { Condition } from '../../../shared/matching/conditions';
import { DB_FILE, TODAY, type DataMeta } from '../generate';
import { memory, timeCases } from '../measure';
import type { SubjectResult } from './types';

export async function run(meta: DataMeta, rounds: number): Promise<SubjectResult> {
  const db = openDatabase(DB_FILE);
  const index = new MatchIndex(db);
  const callEnterprise = (uscc: string) => matchOneEnterprise(index, profileByUscc(db, uscc, TODAY), TODAY).eligible.length;
  const conditionsOf = db.prepare('SELECT i.conditions, p.region_code AS region FROM policy_items i JOIN policies p ON p.id = i.policy_id WHERE i.id = ?');
  const profiles = new EnterpriseProfiles(db);
  const callItem = (itemId: string) => {
    const { conditions, region } = conditionsOf.get(itemId) as { conditions: string | null; region: string };

    const rids = profiles.qualifying(effectiveCondition(conditions ? (JSON.parse(conditions) as Condition) : null, region), TODAY);
    return [...enterpriseSummaries(db, rids.slice(0, 200))].length && rids.length; // what matchItem returns
  };
  const usccs = meta.samples.usccs.slice(0, 50);
  const t = performance.now();
  callEnterprise(usccs[0]!);
  const warmupMs = performance.now() - t;
  const company = timeCases(usccs, callEnterprise, { rounds, warmup: true });
  // the companies' profiles of the day, loaded once (the first item match of the day pays this)
  const t2 = performance.now();
  profiles.warm(TODAY);
  const profilesReadyMs = performance.now() - t2;
  // items spread over the library, and national items (every company is a candidate)
  const spread = Array.from({ length: 10 }, (_, i) => `P${String(1 + i * 1999).padStart(6, '0')}-1`);
  const national = db.prepare(`SELECT i.id FROM policy_items i JOIN policies p ON p.id = i.policy_id
    WHERE p.level = 'national' ORDER BY i.id LIMIT 10`).pluck().all() as string[];
  const items = [...spread, ...national];
  const item = timeCases(items, callItem, { rounds: Math.min(rounds, 3), warmup: false });
  const worst = items[item.perCase.indexOf(item.max)]!;
  const worstItem = `${worst} ${JSON.stringify(conditionsOf.get(worst))} → ${item.results[item.perCase.indexOf(item.max)]} companies`;
  const m = memory();
  db.close();
  return {
    subject: 'matching', warmupMs, memory: m,
    extra: {
      available: 'yes', profilesReadyMs, companyP50: company.p50, companyP95: company.p95, companyEligibleMedian: median(company.results),
      itemP50: item.p50, itemP95: item.p95, itemMax: item.max, items: items.length,
      worstItem,
    },
  };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;

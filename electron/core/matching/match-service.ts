import type Database from 'better-sqlite3';
import type { EnterpriseMatchOutput, ItemMatch } from '@shared/matching/api-schemas';
import type { EnterpriseSummary } from '@shared/enterprises/api-schemas';
import { evaluate, explain, unmetCount, type MatchProfile } from '@shared/matching/evaluate';
import { PolicyReader, toItemView, windowOpen, type ItemRow } from '../policies/policy-read';
import { conditionToSql } from './condition-sql';
import type { MatchIndex } from './match-index';

// 政策计算器. One company against every claimable item (in memory, gated by region), and one item
// against every company (narrowed in SQL, then judged exactly).

export interface ProfiledEnterprise {
  summary: EnterpriseSummary;
  profile: MatchProfile;
}

/** Items still claimable on `on`: the policy is active and the window has not closed. */
const claimable = (r: ItemRow, on: string) => r.window_end === null || r.window_end >= on;

export function matchOneEnterprise(db: Database.Database, index: MatchIndex, e: ProfiledEnterprise, on: string): EnterpriseMatchOutput {
  const reader = new PolicyReader(db);
  const eligible: ItemMatch[] = [];
  const possible: ItemMatch[] = [];
  const nearMisses: ItemMatch[] = [];
  const region = (e.profile.values.regionCode as string | null | undefined) ?? null;
  const policies = new Map<string, ReturnType<PolicyReader['summary']>>();
  const view = (i: { row: ItemRow; condition: ItemMatch['item']['conditions'] }, status: ItemMatch['status']): ItemMatch => {
    const policy = policies.get(i.row.policy_id) ?? reader.summary(i.row.policy_id, on);
    policies.set(i.row.policy_id, policy);
    return { item: toItemView(i.row, on, true), policy: policy!, status, checks: explain(i.condition, e.profile, on) };
  };
  for (const i of index.candidates(region)) {
    if (!claimable(i.row, on)) continue;
    const status = evaluate(i.condition, e.profile, on);
    if (status === 'met') eligible.push(view(i, status));
    else if (status === 'unknown') possible.push(view(i, status));
    else if (unmetCount(i.condition, e.profile, on) === 1) nearMisses.push(view(i, status));
  }
  const open = (m: ItemMatch) => (windowOpen(m.item.window?.start ?? null, m.item.window?.end ?? null, on) ? 0 : 1);
  const byValue = (a: ItemMatch, b: ItemMatch) => open(a) - open(b) || (b.item.amountMax ?? 0) - (a.item.amountMax ?? 0);
  return { enterprise: e.summary, on, eligible: eligible.sort(byValue), possible: possible.sort(byValue), nearMisses: nearMisses.sort(byValue) };
}

/**
 * Every company that qualifies for one item (免申即享 candidates): SQL keeps the companies the
 * conditions could hold for, then each is judged exactly on its full profile.
 */
export function* qualifyingEnterprises(
  db: Database.Database, conditions: ItemMatch['item']['conditions'], on: string,
  profileOf: (row: Record<string, unknown>) => ProfiledEnterprise,
): Generator<EnterpriseSummary> {
  const params: unknown[] = [];
  const where = conditionToSql(conditions, params);
  const rows = db.prepare(`SELECT * FROM enterprises WHERE (${where}) IS NOT 0 ORDER BY name`).iterate(...params) as Iterable<Record<string, unknown>>;
  for (const row of rows) {
    const e = profileOf(row);
    if (evaluate(conditions, e.profile, on) === 'met') yield e.summary;
  }
}

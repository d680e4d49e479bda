import type Database from 'better-sqlite3';
import { AppError } from '@shared/api/errors';
import { matchingProfile, type CertificateLike } from '@shared/enterprises/profile-rules';
import { MATCH_SHOWN_LIMIT, type EnterpriseMatchOutput, type ItemMatch, type MatchGroup } from '@shared/matching/api-schemas';
import type { EnterpriseSummary } from '@shared/enterprises/api-schemas';
import { explain, type MatchProfile } from '@shared/matching/evaluate';
import { getEnterpriseRow, manualTags, type EnterpriseRow } from '../enterprises/enterprise-store';
import { toItemView, windowOpen } from '../policies/policy-read';
import type { IndexedItem, MatchIndex } from './match-index';

// 政策计算器. One company against every claimable item (in memory, gated by region); one item
// against every company is EnterpriseProfiles (in memory, column-wise).

export interface ProfiledEnterprise {
  summary: EnterpriseSummary;
  profile: MatchProfile;
}

/**
 * A company's matching profile straight from its row: the values and tag names the conditions read.
 * (No zod here: the row was validated on import, and one item is checked against 500,000 rows.)
 */
export function profiledFromRow(r: EnterpriseRow, manual: readonly string[], on: string): ProfiledEnterprise {
  const data = {
    regionCode: r.region_code, industryCode: r.industry_code, registrationDate: r.registration_date,
    registeredCapital: r.registered_capital, employees: r.employees, revenue: r.revenue, totalAssets: r.total_assets,
    rndExpense: r.rnd_expense, taxPaid: r.tax_paid,
    certificates: r.certificates === '[]' ? [] : (JSON.parse(r.certificates) as CertificateLike[]),
  };
  const { values, tagNames } = matchingProfile(data, on);
  return {
    summary: { uscc: r.uscc, name: r.name, regionCode: r.region_code, industryCode: r.industry_code, legalRep: r.legal_rep },
    profile: { values, tags: new Set(manual.length ? [...tagNames, ...manual] : tagNames) },
  };
}

export function profileByUscc(db: Database.Database, uscc: string, on: string): ProfiledEnterprise {
  const row = getEnterpriseRow(db, uscc);
  if (!row) throw new AppError('NOT_FOUND');
  return profiledFromRow(row, manualTags(db, uscc).map((m) => m.tag), on);
}

export function matchOneEnterprise(index: MatchIndex, e: ProfiledEnterprise, on: string): EnterpriseMatchOutput {
  // the verdicts first (a company may qualify for thousands of the 100,000 items); the full view,
  // with each condition explained, is built for the items shown
  const found = index.judge(e.profile, on);
  // open for application first, then the largest amount; only the first MATCH_SHOWN_LIMIT are sorted
  const rank = (i: IndexedItem) => (windowOpen(i.row.window_start, i.row.window_end, on) ? 0 : 1e12) - (i.row.amount_max ?? 0);
  const view = (status: ItemMatch['status']) => (i: IndexedItem): ItemMatch => ({
    item: toItemView(i.row, on, true), policy: index.policySummary(i.policyId, on), status, checks: explain(i.condition, e.profile, on),
  });
  const shown = (g: MatchGroup, status: ItemMatch['status']) => firstBy(found[g], rank, MATCH_SHOWN_LIMIT).map(view(status));
  return {
    enterprise: e.summary, on,
    eligible: shown('eligible', 'met'), possible: shown('possible', 'unknown'), nearMisses: shown('nearMisses', 'unmet'),
    totals: { eligible: found.eligible.length, possible: found.possible.length, nearMisses: found.nearMisses.length },
  };
}

/** The `n` smallest by `key`, in order; ties keep their order in `list`. */
export function firstBy<T>(list: readonly T[], key: (x: T) => number, n: number): T[] {
  const keys = new Float64Array(list.length);
  for (let k = 0; k < list.length; k++) keys[k] = key(list[k]!);
  let cut = Infinity;
  if (list.length > n) cut = keys.slice().sort()[n - 1]!;
  const picked: number[] = [];
  for (let k = 0; k < list.length; k++) if (keys[k]! < cut) picked.push(k);
  for (let k = 0; k < list.length && picked.length < n; k++) if (keys[k] === cut) picked.push(k);
  return picked.sort((a, b) => keys[a]! - keys[b]! || a - b).map((k) => list[k]!);
}

/** The companies with these rids (from EnterpriseProfiles.qualifying), in the same order. */
export function* enterpriseSummaries(db: Database.Database, rids: readonly number[]): Generator<EnterpriseSummary> {
  const get = db.prepare('SELECT uscc, name, region_code, industry_code, legal_rep FROM enterprises WHERE rid = ?');
  for (const rid of rids) {
    const r = get.get(rid) as Pick<EnterpriseRow, 'uscc' | 'name' | 'region_code' | 'industry_code' | 'legal_rep'> | undefined;
    if (r) yield { uscc: r.uscc, name: r.name, regionCode: r.region_code, industryCode: r.industry_code, legalRep: r.legal_rep };
  }
}

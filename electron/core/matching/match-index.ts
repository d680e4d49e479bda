import type Database from 'better-sqlite3';
import { compile, effectiveCondition, topLevelParts, type Judge } from '@shared/matching/compile';
import type { Condition } from '@shared/matching/conditions';
import type { MatchProfile } from '@shared/matching/evaluate';
import type { PolicySummary } from '@shared/policies/api-schemas';
import { toSummary, type ItemRow } from '../policies/policy-read';

// Every item of an active policy with its conditions, kept in memory for the one-company match:
// 100,000 items judged in milliseconds. Three things make it fast:
// - region gates: an item whose conditions (or whose policy, see effectiveCondition) require a
//   regionCode prefix is only a candidate for companies of that region;
// - shared requirements: items repeat the same top-level requirements (注册地在杭州, 从业人员 ≥ 10,
//   有“高新技术企业”…), so each distinct one is compiled once and judged once per company, and an
//   item's verdict is read from its requirements' results in flat typed arrays;
// - per region and date, the list of candidates still claimable (window not closed) is kept.
// Rebuilt after a library import.

export interface IndexedItem {
  row: ItemRow;
  policyId: string;
  /** the conditions as they apply (with the policy's region) */
  condition: Condition | null;
}

export interface Verdicts {
  eligible: IndexedItem[];
  possible: IndexedItem[];
  nearMisses: IndexedItem[];
}

type PolicyHead = Parameters<typeof toSummary>[0];

/** The regionCode prefixes a condition requires at its top level (null: none, any region may qualify). */
export function regionGate(c: Condition | null): string[] | null {
  for (const p of topLevelParts(c)) if ('field' in p && p.field === 'regionCode' && 'prefix' in p) return [p.prefix].flat();
  return null;
}

const MET = 1;
const UNKNOWN = 2;
const UNMET = 3;

class Loaded {
  items: IndexedItem[] = [];
  /** item k's requirements are partIds[partStart[k] .. partStart[k + 1]) */
  partStart: Uint32Array;
  partIds: Uint32Array;
  parts: Judge[] = [];
  ungated: number[] = [];
  byGate = new Map<string, number[]>();
  policies = new Map<string, { head: PolicyHead; items: ItemRow[] }>();
  /** per region and date: the claimable candidates */
  candidates = new Map<string, Int32Array>();
  summaries = new Map<string, PolicySummary>();
  summariesOn = '';

  constructor(db: Database.Database) {
    const heads = db
      .prepare(
        `SELECT id, title, doc_no, issuer, level, region_code, category, publish_date, expiry_date, status
           FROM policies WHERE status = 'active'`,
      )
      .all() as PolicyHead[];
    for (const head of heads) this.policies.set(head.id, { head, items: [] });
    const rows = db
      .prepare(
        `SELECT i.* FROM policy_items i JOIN policies p ON p.id = i.policy_id
          WHERE p.status = 'active' ORDER BY p.publish_date DESC, i.policy_id, i.position`,
      )
      .all() as ItemRow[];
    const partIdOf = new Map<string, number>();
    const ids: number[] = [];
    this.partStart = new Uint32Array(rows.length + 1);
    rows.forEach((row, k) => {
      const policy = this.policies.get(row.policy_id)!;
      policy.items.push(row);
      const condition = effectiveCondition(row.conditions ? (JSON.parse(row.conditions) as Condition) : null, policy.head.region_code);
      this.items.push({ row, policyId: row.policy_id, condition });
      this.partStart[k] = ids.length;
      for (const part of topLevelParts(condition)) {
        const key = JSON.stringify(part);
        let id = partIdOf.get(key);
        if (id === undefined) {
          partIdOf.set(key, (id = this.parts.length));
          this.parts.push(compile(part));
        }
        ids.push(id);
      }
      const gate = regionGate(condition);
      if (!gate) this.ungated.push(k);
      else for (const g of gate) (this.byGate.get(g) ?? this.byGate.set(g, []).get(g)!).push(k);
    });
    this.partStart[rows.length] = ids.length;
    this.partIds = Uint32Array.from(ids);
  }

  claimableCandidates(regionCode: string | null, on: string): Int32Array {
    const key = `${regionCode ?? ''}|${on}`;
    let list = this.candidates.get(key);
    if (!list) {
      // a centre serves a few dozen regions: keep their lists, drop them all if there are many
      if (this.candidates.size >= 64) this.candidates.clear();
      const all = regionCode
        ? [...this.ungated, ...new Set(Array.from({ length: regionCode.length }, (_, k) => this.byGate.get(regionCode.slice(0, k + 1)) ?? []).flat())]
        : [...this.ungated, ...new Set([...this.byGate.values()].flat())];
      const claimable = all.filter((k) => {
        const end = this.items[k]!.row.window_end;
        return end === null || end >= on;
      });
      this.candidates.set(key, (list = Int32Array.from(claimable)));
    }
    return list;
  }
}

export class MatchIndex {
  private loaded: Loaded | null = null;

  constructor(private readonly db: Database.Database) {}

  invalidate(): void {
    this.loaded = null;
  }

  /** Loads the items now rather than on the first match. */
  warm(): void {
    void this.data;
  }

  private get data(): Loaded {
    return (this.loaded ??= new Loaded(this.db));
  }

  /**
   * The claimable items (window not closed on `on`) of a company's regions, sorted into eligible
   * (all met), possible (nothing unmet, something unknown) and near misses (exactly one unmet).
   */
  judge(profile: MatchProfile, on: string): Verdicts {
    const d = this.data;
    const region = (profile.values.regionCode as string | null | undefined) || null;
    const memo = new Uint8Array(d.parts.length); // 0: not judged yet
    const out: Verdicts = { eligible: [], possible: [], nearMisses: [] };
    for (const k of d.claimableCandidates(region, on)) {
      let unmet = 0;
      let unknown = false;
      for (let j = d.partStart[k]!; j < d.partStart[k + 1]!; j++) {
        const id = d.partIds[j]!;
        let s = memo[id]!;
        if (s === 0) {
          const r = d.parts[id]!(profile, on);
          memo[id] = s = r === 'met' ? MET : r === 'unknown' ? UNKNOWN : UNMET;
        }
        if (s === UNMET) unmet++;
        else if (s === UNKNOWN) unknown = true;
      }
      const item = d.items[k]!;
      if (unmet === 0) (unknown ? out.possible : out.eligible).push(item);
      else if (unmet === 1) out.nearMisses.push(item);
    }
    return out;
  }

  /** The summary of an indexed item's policy on a date. */
  policySummary(policyId: string, on: string): PolicySummary {
    const d = this.data;
    if (d.summariesOn !== on) {
      d.summaries = new Map();
      d.summariesOn = on;
    }
    let s = d.summaries.get(policyId);
    if (!s) {
      const p = d.policies.get(policyId)!;
      d.summaries.set(policyId, (s = toSummary(p.head, p.items, on)));
    }
    return s;
  }
}

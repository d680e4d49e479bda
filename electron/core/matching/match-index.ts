import type Database from 'better-sqlite3';
import type { Condition } from '@shared/matching/conditions';
import type { PolicySummary } from '@shared/policies/api-schemas';
import type { ItemRow } from '../policies/policy-read';

// Every claimable item with its parsed conditions, kept in memory for the one-company match
// (100,000 items must be checked in milliseconds). Items are grouped by their region gate: a
// regionCode prefix the conditions require at the top level, so a company is only checked against
// national items and those of its own regions. Rebuilt after a library import.

export interface IndexedItem {
  row: ItemRow;
  policy: { id: string; status: PolicySummary['status'] };
  condition: Condition | null;
}

/** The regionCode prefixes a condition requires at its top level (null: none, any region may qualify). */
export function regionGate(c: Condition | null): string[] | null {
  if (!c) return null;
  const parts = 'all' in c ? c.all : [c];
  for (const p of parts) if ('field' in p && p.field === 'regionCode' && 'prefix' in p) return [p.prefix].flat();
  return null;
}

export class MatchIndex {
  private ungated: IndexedItem[] = [];
  private byGate = new Map<string, IndexedItem[]>();
  private loaded = false;

  constructor(private readonly db: Database.Database) {}

  invalidate(): void {
    this.loaded = false;
  }

  private load(): void {
    this.ungated = [];
    this.byGate = new Map();
    const rows = this.db
      .prepare(
        `SELECT i.*, p.status AS policy_status FROM policy_items i JOIN policies p ON p.id = i.policy_id
         WHERE p.status = 'active' ORDER BY p.publish_date DESC, i.policy_id, i.position`,
      )
      .all() as (ItemRow & { policy_status: PolicySummary['status'] })[];
    for (const row of rows) {
      const condition = row.conditions ? (JSON.parse(row.conditions) as Condition) : null;
      const item: IndexedItem = { row, policy: { id: row.policy_id, status: row.policy_status }, condition };
      const gate = regionGate(condition);
      if (!gate) this.ungated.push(item);
      else for (const g of gate) this.byGate.set(g, [...(this.byGate.get(g) ?? []), item]);
    }
    this.loaded = true;
  }

  /** The items a company in `regionCode` could qualify for (all of them when the region is unknown). */
  candidates(regionCode: string | null): IndexedItem[] {
    if (!this.loaded) this.load();
    if (!regionCode) return [...this.ungated, ...[...this.byGate.values()].flat()];
    const out = [...this.ungated];
    const seen = new Set<IndexedItem>();
    for (let k = 1; k <= regionCode.length; k++) {
      for (const item of this.byGate.get(regionCode.slice(0, k)) ?? []) {
        if (!seen.has(item)) {
          seen.add(item);
          out.push(item);
        }
      }
    }
    return out;
  }
}

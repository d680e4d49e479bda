import type Database from 'better-sqlite3';
import type { PolicyDetail, PolicyItemView, PolicySummary } from '@shared/policies/api-schemas';
import type { Condition } from '@shared/matching/conditions';
import { describeCondition } from '@shared/matching/describe';

export interface PolicyRow {
  id: string; title: string; doc_no: string; issuer: string; level: PolicySummary['level']; region_code: string;
  category: PolicySummary['category']; publish_date: string; expiry_date: string | null; status: PolicySummary['status'];
  full_text: string; interpretation: string;
}
export interface ItemRow {
  id: string; policy_id: string; name: string; department: string; contact_phone: string; window_start: string | null;
  window_end: string | null; delivery_mode: PolicyItemView['deliveryMode']; promised_days: number; amount: string;
  amount_max: number | null; conditions: string | null; free_conditions: string; materials: string; key_points: string;
  needs_expert_review: number;
}

/** 常年受理 (no window) or a window that contains the date. */
export const windowOpen = (start: string | null, end: string | null, on: string): boolean =>
  (start === null || start <= on) && (end === null || end >= on);

export function toItemView(r: ItemRow, on: string, policyActive: boolean): PolicyItemView {
  const conditions = r.conditions ? (JSON.parse(r.conditions) as Condition) : null;
  return {
    id: r.id, policyId: r.policy_id, name: r.name, department: r.department, contactPhone: r.contact_phone,
    window: r.window_start && r.window_end ? { start: r.window_start, end: r.window_end } : null,
    openForApplication: policyActive && windowOpen(r.window_start, r.window_end, on),
    deliveryMode: r.delivery_mode, promisedDays: r.promised_days, amount: r.amount, amountMax: r.amount_max,
    conditions, conditionText: describeCondition(conditions), freeConditions: JSON.parse(r.free_conditions) as string[],
    materials: JSON.parse(r.materials) as PolicyItemView['materials'], keyPoints: r.key_points,
    needsExpertReview: r.needs_expert_review === 1,
  };
}

export function toSummary(p: Pick<PolicyRow, Exclude<keyof PolicyRow, 'full_text' | 'interpretation'>>, items: readonly ItemRow[], on: string): PolicySummary {
  const active = p.status === 'active';
  return {
    id: p.id, title: p.title, docNo: p.doc_no, issuer: p.issuer, level: p.level, category: p.category, status: p.status,
    publishDate: p.publish_date, expiryDate: p.expiry_date,
    departments: [...new Set(items.map((i) => i.department))],
    openForApplication: active && items.some((i) => windowOpen(i.window_start, i.window_end, on)),
    itemCount: items.length,
  };
}

export class PolicyReader {
  constructor(private readonly db: Database.Database) {}

  private items(policyId: string): ItemRow[] {
    return this.db.prepare('SELECT * FROM policy_items WHERE policy_id = ? ORDER BY position').all(policyId) as ItemRow[];
  }

  summary(id: string, on: string): PolicySummary | undefined {
    const p = this.db.prepare('SELECT * FROM policies WHERE id = ?').get(id) as PolicyRow | undefined;
    return p && toSummary(p, this.items(id), on);
  }

  detail(id: string, on: string): PolicyDetail | undefined {
    const p = this.db.prepare('SELECT * FROM policies WHERE id = ?').get(id) as PolicyRow | undefined;
    if (!p) return undefined;
    const items = this.items(id);
    return {
      ...toSummary(p, items, on), regionCode: p.region_code, fullText: p.full_text,
      interpretation: JSON.parse(p.interpretation) as PolicyDetail['interpretation'],
      items: items.map((i) => toItemView(i, on, p.status === 'active')),
    };
  }

  departments(): string[] {
    return (this.db.prepare('SELECT DISTINCT department FROM policy_items ORDER BY department').pluck().all() as string[]);
  }

  count(): number {
    return this.db.prepare('SELECT count(*) FROM policies').pluck().get() as number;
  }
}

import { z } from 'zod';
import { PolicyItemView, PolicySummary } from '../policies/api-schemas';
import { EnterpriseSummary } from '../enterprises/api-schemas';

export const MATCH_STATUSES = ['met', 'unmet', 'unknown'] as const;

/** One leaf of an item's conditions, judged for one company: what was checked, with which value. */
export const ConditionCheck = z.object({
  description: z.string(),
  status: z.enum(MATCH_STATUSES),
  /** the value used, in words: "从业人员 85 人", or "未登记" when unknown */
  actual: z.string(),
});
export type ConditionCheck = z.infer<typeof ConditionCheck>;

export const ItemMatch = z.object({
  item: PolicyItemView,
  policy: PolicySummary,
  status: z.enum(MATCH_STATUSES),
  checks: z.array(ConditionCheck),
});
export type ItemMatch = z.infer<typeof ItemMatch>;

/** A company may qualify for thousands of items in a large library: each group shows this many, the best first. */
export const MATCH_SHOWN_LIMIT = 100;
export const MATCH_GROUPS = ['eligible', 'possible', 'nearMisses'] as const;
export type MatchGroup = (typeof MATCH_GROUPS)[number];

export const EnterpriseMatchOutput = z.object({
  enterprise: EnterpriseSummary,
  on: z.string(),
  /** every item it qualifies for (all conditions met) */
  eligible: z.array(ItemMatch),
  /** qualifies but for missing data: nothing unmet, something unknown */
  possible: z.array(ItemMatch),
  /** exactly one condition unmet */
  nearMisses: z.array(ItemMatch),
  /** how many items each group holds; the lists above show the first MATCH_SHOWN_LIMIT */
  totals: z.object({ eligible: z.number(), possible: z.number(), nearMisses: z.number() }),
});
export type EnterpriseMatchOutput = z.infer<typeof EnterpriseMatchOutput>;

export const ItemMatchInput = z.strictObject({ itemId: z.string().min(1).max(64), limit: z.number().int().min(1).max(1000).default(200) });
export const ItemMatchOutput = z.object({
  item: PolicyItemView,
  policy: PolicySummary,
  total: z.number(),
  /** the first `limit` qualifying companies (免申即享 candidates) */
  companies: z.array(EnterpriseSummary),
});

/** A generated file handed to the renderer for preview, download or printing. */
export const FileOutput = z.object({ fileName: z.string(), mimeType: z.string(), base64: z.string() });

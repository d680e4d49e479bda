import { z } from 'zod';

// 政策计算器的条件语言 — a small JSON language for the machine-checkable eligibility conditions of a
// policy item, evaluated against an enterprise profile (docs/policy-import.md has the syntax, docs/matching.md the semantics).
//
//   { "all": [c, …] }   every one holds          { "any": [c, …] }  at least one holds
//   { "not": c }         c does not hold
//   { "field": "employees", "op": ">=", "value": 10 }           number / date / text comparison
//   { "field": "regionCode", "prefix": "3301" }                 code prefix (GB/T 2260, GB/T 4754)
//   { "field": "size", "in": ["small", "micro"] }               one of
//   { "field": "registrationDate", "withinYears": 5 }           date within the last N years
//   { "field": "registrationDate", "from": "2020-01-01", "to": "2026-12-31" }   date window
//   { "tag": "高新技术企业" }                                     the profile carries the tag
//
// Any leaf may carry "label": the wording shown to the clerk instead of the generated one.
// Evaluation is three-valued: a leaf whose field the company has no value for is *unknown*, never
// unmet; all/any/not combine as in Kleene logic (the same as SQL's NULL).

export const PROFILE_FIELDS = {
  employees: { kind: 'number', unit: '人' },
  revenue: { kind: 'number', unit: '万元' },
  totalAssets: { kind: 'number', unit: '万元' },
  rndExpense: { kind: 'number', unit: '万元' },
  /** 研发费用占营业收入比例, % */
  rndRatio: { kind: 'number', unit: '%' },
  taxPaid: { kind: 'number', unit: '万元' },
  registeredCapital: { kind: 'number', unit: '万元' },
  /** 成立年限 */
  ageYears: { kind: 'number', unit: '年' },
  regionCode: { kind: 'code', unit: '' },
  industryCode: { kind: 'code', unit: '' },
  size: { kind: 'enum', unit: '' },
  registrationDate: { kind: 'date', unit: '' },
} as const;
export type ProfileField = keyof typeof PROFILE_FIELDS;
const FieldName = z.enum(Object.keys(PROFILE_FIELDS) as [ProfileField, ...ProfileField[]]);

export const COMPARISONS = ['=', '!=', '>', '>=', '<', '<='] as const;
const label = z.string().max(100).optional();

export type Condition =
  | { all: Condition[] }
  | { any: Condition[] }
  | { not: Condition }
  | { field: ProfileField; op: (typeof COMPARISONS)[number]; value: number | string; label?: string }
  | { field: ProfileField; prefix: string | string[]; label?: string }
  | { field: ProfileField; in: string[]; label?: string }
  | { field: ProfileField; withinYears: number; label?: string }
  | { field: ProfileField; from?: string; to?: string; label?: string }
  | { tag: string; label?: string };

export const ConditionSchema: z.ZodType<Condition> = z.lazy(() =>
  z.union([
    z.strictObject({ all: z.array(ConditionSchema).min(1).max(50) }),
    z.strictObject({ any: z.array(ConditionSchema).min(1).max(50) }),
    z.strictObject({ not: ConditionSchema }),
    z.strictObject({ field: FieldName, op: z.enum(COMPARISONS), value: z.union([z.number(), z.string().max(40)]), label }),
    z.strictObject({ field: FieldName, prefix: z.union([z.string().regex(/^[0-9A-Z]{1,8}$/), z.array(z.string().regex(/^[0-9A-Z]{1,8}$/)).min(1).max(50)]), label }),
    z.strictObject({ field: FieldName, in: z.array(z.string().max(40)).min(1).max(50), label }),
    z.strictObject({ field: FieldName, withinYears: z.number().positive().max(100), label }),
    z.strictObject({ field: FieldName, from: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional(), to: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional(), label }),
    z.strictObject({ tag: z.string().min(1).max(30), label }),
  ]),
);

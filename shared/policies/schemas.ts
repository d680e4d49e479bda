import { z } from 'zod';
import { IsoDateField, Phone, requiredText, text } from '../api/fields';
import { ConditionSchema } from '../matching/conditions';

// 政策库: policies and their items (申报事项). This is also the documented import format
// (docs/policy-import.md): a file `{ "format": "policydesk.policies/1", "policies": [Policy…] }`.

/** 国 / 省 / 市 / 区 */
export const POLICY_LEVELS = ['national', 'province', 'city', 'district'] as const;
/** 减免类 / 奖补类 / 权益类 / 资质类 */
export const POLICY_CATEGORIES = ['relief', 'award', 'rights', 'qualification'] as const;
/** 有效 / 到期 / 废止 */
export const POLICY_STATUSES = ['active', 'expired', 'repealed'] as const;
/** 免申即享 / 即申即享 / 承诺兑现 */
export const DELIVERY_MODES = ['no_application', 'instant', 'commitment'] as const;
/** 原件 / 复印件 */
export const MATERIAL_FORMS = ['original', 'copy'] as const;

export const POLICY_FORMAT = 'policydesk.policies/1';
const ExternalId = z.string().trim().min(1).max(64).regex(/^[A-Za-z0-9._-]+$/);

export const MaterialSchema = z.strictObject({
  name: requiredText(100),
  form: z.enum(MATERIAL_FORMS),
  copies: z.number().int().min(1).max(20),
  required: z.boolean(),
  /** 可容缺: may be supplied later (容缺受理) */
  deferrable: z.boolean().default(false),
  note: text(200).default(''),
});
export type Material = z.output<typeof MaterialSchema>;

export const PolicyItemSchema = z.strictObject({
  id: ExternalId,
  name: requiredText(100),
  department: requiredText(60),
  contactPhone: Phone.default(''),
  /** application window; null = 常年受理 */
  window: z.strictObject({ start: IsoDateField, end: IsoDateField }).nullable().default(null),
  deliveryMode: z.enum(DELIVERY_MODES),
  /** 承诺办理时限, working days */
  promisedDays: z.number().int().min(0).max(365),
  /** how much, as the policy words it: 最高 50 万元 / 按研发费用的 10% 补助 */
  amount: text(200).default(''),
  /** the top of the range in 万元, when there is one (for sorting and totals) */
  amountMax: z.number().min(0).max(1e7).nullable().default(null),
  conditions: ConditionSchema.nullable().default(null),
  /** conditions a person must judge (not machine-checkable) */
  freeConditions: z.array(requiredText(300)).max(30).default([]),
  materials: z.array(MaterialSchema).max(40).default([]),
  /** 申报要点: the short answer a clerk copies into a consultation */
  keyPoints: text(2000).default(''),
  needsExpertReview: z.boolean().default(false),
});
export type PolicyItemInput = z.input<typeof PolicyItemSchema>;
export type PolicyItem = z.output<typeof PolicyItemSchema>;

export const InterpretationSchema = z.strictObject({
  background: text(4000).default(''),
  scope: text(4000).default(''),
  keyPoints: text(4000).default(''),
  /** 与旧政策的区别 */
  changes: text(4000).default(''),
});

export const PolicySchema = z.strictObject({
  id: ExternalId,
  title: requiredText(200),
  /** 文号, e.g. 杭政办函〔2025〕12号 */
  docNo: text(60).default(''),
  issuer: requiredText(100),
  level: z.enum(POLICY_LEVELS),
  /** GB/T 2260 code of the issuing government's region ('' for national) */
  regionCode: z.string().regex(/^(\d{2}|\d{4}|\d{6})?$/).default(''),
  category: z.enum(POLICY_CATEGORIES),
  publishDate: IsoDateField,
  expiryDate: IsoDateField.nullable().default(null),
  status: z.enum(POLICY_STATUSES),
  fullText: requiredText(100_000),
  interpretation: InterpretationSchema.default({ background: '', scope: '', keyPoints: '', changes: '' }),
  items: z.array(PolicyItemSchema).min(1).max(50),
});
export type PolicyInput = z.input<typeof PolicySchema>;
export type Policy = z.output<typeof PolicySchema>;

/** The file: records are validated one by one, so one bad policy never stops the rest. */
export const PolicyFileSchema = z.object({
  format: z.literal(POLICY_FORMAT),
  source: z.string().max(200).optional(),
  policies: z.array(z.unknown()).max(50_000),
});

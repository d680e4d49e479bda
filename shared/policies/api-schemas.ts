import { z } from 'zod';
import { IsoDateField, text } from '../api/fields';
import { DELIVERY_MODES, POLICY_CATEGORIES, POLICY_LEVELS, POLICY_STATUSES, InterpretationSchema, MaterialSchema } from './schemas';
import { ConditionSchema } from '../matching/conditions';

// What the policy library answers: search hits, a policy's detail, the import report.

export const SEARCH_LIMITS = { query: 100, pageSize: 50 } as const;

export const PolicyFilters = z.strictObject({
  levels: z.array(z.enum(POLICY_LEVELS)).max(4).default([]),
  categories: z.array(z.enum(POLICY_CATEGORIES)).max(4).default([]),
  departments: z.array(z.string().max(60)).max(30).default([]),
  statuses: z.array(z.enum(POLICY_STATUSES)).max(3).default([]),
  /** only policies with an item whose application window contains today (or is 常年受理) */
  openForApplication: z.boolean().default(false),
});
export type PolicyFilters = z.output<typeof PolicyFilters>;

export const PolicySearchInput = z.strictObject({
  query: text(SEARCH_LIMITS.query).default(''),
  filters: PolicyFilters.default({ levels: [], categories: [], departments: [], statuses: [], openForApplication: false }),
  limit: z.number().int().min(1).max(SEARCH_LIMITS.pageSize).default(20),
  offset: z.number().int().min(0).max(10_000).default(0),
});

/** A piece of text, with the parts that matched the query marked (rendered as <mark>). */
export const Highlighted = z.array(z.object({ text: z.string(), hit: z.boolean() }));
export type Highlighted = z.infer<typeof Highlighted>;

export const PolicySummary = z.object({
  id: z.string(),
  title: z.string(),
  docNo: z.string(),
  issuer: z.string(),
  level: z.enum(POLICY_LEVELS),
  category: z.enum(POLICY_CATEGORIES),
  status: z.enum(POLICY_STATUSES),
  publishDate: z.string(),
  expiryDate: z.string().nullable(),
  departments: z.array(z.string()),
  openForApplication: z.boolean(),
  itemCount: z.number(),
});
export type PolicySummary = z.infer<typeof PolicySummary>;

export const PolicySearchHit = PolicySummary.extend({
  titleHighlighted: Highlighted,
  /** the best matching passage of the text or an item, highlighted */
  snippet: Highlighted,
  /** items whose name matched */
  matchedItems: z.array(z.object({ id: z.string(), name: z.string() })),
});
export type PolicySearchHit = z.infer<typeof PolicySearchHit>;

export const PolicySearchOutput = z.object({
  total: z.number(),
  hits: z.array(PolicySearchHit),
  /** how the query was run: 'trigram' | 'short' (1–2 characters) | 'mixed' | 'all' (no query) */
  mode: z.enum(['trigram', 'short', 'mixed', 'all']),
});

export const PolicyItemView = z.object({
  id: z.string(),
  policyId: z.string(),
  name: z.string(),
  department: z.string(),
  contactPhone: z.string(),
  window: z.object({ start: z.string(), end: z.string() }).nullable(),
  openForApplication: z.boolean(),
  deliveryMode: z.enum(DELIVERY_MODES),
  promisedDays: z.number(),
  amount: z.string(),
  amountMax: z.number().nullable(),
  conditions: ConditionSchema.nullable(),
  /** the machine conditions in words, one line per leaf */
  conditionText: z.array(z.string()),
  freeConditions: z.array(z.string()),
  materials: z.array(MaterialSchema),
  keyPoints: z.string(),
  needsExpertReview: z.boolean(),
});
export type PolicyItemView = z.infer<typeof PolicyItemView>;

export const PolicyDetail = PolicySummary.extend({
  regionCode: z.string(),
  fullText: z.string(),
  interpretation: InterpretationSchema,
  items: z.array(PolicyItemView),
});
export type PolicyDetail = z.infer<typeof PolicyDetail>;

export const PolicyFacets = z.object({ departments: z.array(z.string()), total: z.number() });

export const PolicyImportInput = z.strictObject({
  fileName: text(200).default(''),
  /** the JSON file's text */
  content: z.string().min(1).max(50 * 1024 * 1024),
});
export const ImportProblem = z.object({
  /** which record: the policy id, or its position when it has none; for CSV/XLSX, the row number */
  record: z.string(),
  /** the field, e.g. items.0.materials.2.copies */
  field: z.string(),
  message: z.string(),
});
export const ImportReport = z.object({
  created: z.number(),
  updated: z.number(),
  rejected: z.number(),
  problems: z.array(ImportProblem),
});
export type ImportReport = z.infer<typeof ImportReport>;

export const DateInput = z.strictObject({ on: IsoDateField.optional() });

import { z } from 'zod';
import { IsoDateField, Phone, Uscc, requiredText, text } from '../api/fields';
import { StaffSummary } from '../accounts/schemas';

export const CHANNELS = ['counter', 'hotline', 'online'] as const;
export const CATEGORIES = ['tax', 'subsidy', 'talent', 'rnd', 'qualification', 'finance', 'application', 'other'] as const;
/** 已解答 / 需回复 / 转办 */
export const RESULTS = ['answered', 'reply_needed', 'transferred'] as const;
/** 简单 1 个工作日, 复杂 3 个工作日 (practice) */
export const COMPLEXITIES = ['simple', 'complex'] as const;
export const WORKING_DAYS_BY_COMPLEXITY = { simple: 1, complex: 3 } as const;

export const LIMITS = {
  enterpriseName: 100,
  contactName: 30,
  question: 2000,
  policiesReferred: 500,
  answer: 4000,
  transferTo: 60,
  minutesSpent: 600,
  search: 100,
  policyLinks: 20,
} as const;

export const PolicyLink = z.strictObject({ policyId: z.string().min(1).max(64), itemId: z.string().min(1).max(64).nullable().default(null) });
export const PolicyLinkView = z.object({ policyId: z.string(), itemId: z.string().nullable(), title: z.string(), docNo: z.string(), itemName: z.string().nullable() });

/** What a clerk fills in for any consultation, at the window or on the phone. */
export const ConsultationFields = z
  .strictObject({
    uscc: Uscc.default(''),
    enterpriseName: text(LIMITS.enterpriseName).default(''),
    contactName: text(LIMITS.contactName).default(''),
    contactPhone: Phone.default(''),
    question: requiredText(LIMITS.question),
    category: z.enum(CATEGORIES),
    policiesReferred: text(LIMITS.policiesReferred).default(''),
    /** the library's policies (and items) the answer referred to */
    policyLinks: z.array(PolicyLink).max(LIMITS.policyLinks).default([]),
    answer: text(LIMITS.answer).default(''),
    result: z.enum(RESULTS),
    complexity: z.enum(COMPLEXITIES).optional(),
    /** overrides the due date computed from the complexity */
    dueDate: IsoDateField.optional(),
    transferTo: text(LIMITS.transferTo).default(''),
    minutesSpent: z.number().int().min(0).max(LIMITS.minutesSpent).default(0),
  })
  .superRefine((v, ctx) => {
    if (v.result !== 'answered' && !v.complexity && !v.dueDate) {
      ctx.addIssue({ code: 'custom', path: ['complexity'], message: '', params: { key: 'error.FIELD_REQUIRED' } });
    }
    if (v.result === 'transferred' && !v.transferTo) {
      ctx.addIssue({ code: 'custom', path: ['transferTo'], message: '', params: { key: 'error.FIELD_REQUIRED' } });
    }
    if (v.result === 'answered' && !v.answer) {
      ctx.addIssue({ code: 'custom', path: ['answer'], message: '', params: { key: 'error.FIELD_REQUIRED' } });
    }
  });
export type ConsultationFieldsInput = z.input<typeof ConsultationFields>;

export const Consultation = z.object({
  id: z.string(),
  channel: z.enum(CHANNELS),
  uscc: z.string(),
  enterpriseName: z.string(),
  contactName: z.string(),
  contactPhone: z.string(),
  callerNumber: z.string(),
  question: z.string(),
  category: z.enum(CATEGORIES),
  policiesReferred: z.string(),
  policyLinks: z.array(PolicyLinkView),
  answer: z.string(),
  result: z.enum(RESULTS),
  complexity: z.enum(COMPLEXITIES).nullable(),
  dueDate: z.string().nullable(),
  transferTo: z.string(),
  minutesSpent: z.number(),
  startedAt: z.string().nullable(),
  endedAt: z.string().nullable(),
  durationSeconds: z.number().nullable(),
  ticketId: z.string().nullable(),
  ticketNo: z.string().nullable(),
  createdAt: z.string(),
  createdBy: StaffSummary.pick({ id: true, displayName: true }),
  updatedAt: z.string(),
  /** business date (China time) it was recorded on */
  day: z.string(),
});
export type Consultation = z.infer<typeof Consultation>;

export const ConsultationCreateInput = ConsultationFields;
export const ConsultationUpdateInput = z.strictObject({ id: z.string().min(1).max(64), fields: ConsultationFields });
export const ConsultationListInput = z.strictObject({
  day: IsoDateField.optional(),
  query: text(LIMITS.search).default(''),
  channel: z.enum(CHANNELS).optional(),
});
export const IdInput = z.strictObject({ id: z.string().min(1).max(64) });

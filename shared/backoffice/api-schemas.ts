import { z } from 'zod';
import { IsoDateField, requiredText, text } from '../api/fields';

// The back office (业务科室) as the renderer sees it (issue 5 §3): routed applications arrive by
// sync at the department's workstation, business officers decide, each decision goes back to the
// accepting counter. The rules of which decision a stage allows are in ./workflow.ts.

/**
 * 待审核 → 审核通过 → (专家评审通过 | 专家评审未通过, only where needed) → 公示 → 已兑现.
 * 退回补正 ends the back office's turn until the counter routes the application again (then 待审核, history kept).
 */
export const BACK_OFFICE_STAGES = ['pending', 'approved', 'expert_passed', 'expert_failed', 'publicized', 'paid', 'returned'] as const;
export type BackOfficeStage = (typeof BACK_OFFICE_STAGES)[number];

/**
 * 审核通过 · 退回补正 · 专家评审 · 公示 · 兑现: the mutation ops of the `application` entity
 * (shared/sync/mutation-types.ts BACK_OFFICE_OPS is this list).
 */
export const BACK_OFFICE_DECISIONS = ['review_approved', 'review_returned', 'expert_reviewed', 'publicized', 'paid'] as const;
export type BackOfficeDecision = (typeof BACK_OFFICE_DECISIONS)[number];

/** Final results, which the counter then delivers. */
export const FINAL_STAGES = ['paid', 'expert_failed'] as const satisfies readonly BackOfficeStage[];

export const BACK_OFFICE_LIMITS = { note: 500, reason: 500, query: 60, amountFen: 100_000_000_000 } as const;

export const BackOfficeCaseSummary = z.object({
  id: z.string(),
  caseNo: z.string(),
  uscc: z.string(),
  enterpriseName: z.string(),
  itemName: z.string(),
  department: z.string(),
  routedAt: z.string(),
  dueDate: z.string().nullable(),
  stage: z.enum(BACK_OFFICE_STAGES),
  /** working days left to the due date (negative: overdue), null without a due date */
  daysLeft: z.number().nullable(),
  /** every material PDF named by the counter is here (fetched from the centre) */
  materialsReady: z.boolean(),
});
export type BackOfficeCaseSummary = z.infer<typeof BackOfficeCaseSummary>;

export const BackOfficeMaterial = z.object({
  id: z.string(),
  name: z.string(),
  form: z.enum(['original', 'copy']),
  copies: z.number(),
  required: z.boolean(),
  /** the counter's check: pending | present | missing | defective */
  state: z.string(),
  pageCount: z.number(),
  pdfSha256: z.string().nullable(),
  /** the PDF has arrived from the centre */
  available: z.boolean(),
});
export type BackOfficeMaterial = z.infer<typeof BackOfficeMaterial>;

export const CounterHistoryEntry = z.object({
  kind: z.string(),
  at: z.string(),
  staffName: z.string(),
  summary: z.string(),
});

/** One decision of the back office; also shown at the counter (ApplicationDetail.backOffice). */
export const BackOfficeDecisionView = z.object({
  id: z.string(),
  decision: z.enum(BACK_OFFICE_DECISIONS),
  at: z.string(),
  staffName: z.string(),
  /** in words (zh-CN), e.g. "已兑现 ¥12,000.00（2026年12月1日）" */
  summary: z.string(),
  note: z.string(),
  /** 专家评审 */
  result: z.enum(['passed', 'failed']).nullable(),
  /** 兑现: the amount in fen (分) */
  amountFen: z.number().nullable(),
  paidOn: z.string().nullable(),
  /** 公示期 */
  from: z.string().nullable(),
  to: z.string().nullable(),
});
export type BackOfficeDecisionView = z.infer<typeof BackOfficeDecisionView>;

export const BackOfficeCaseDetail = BackOfficeCaseSummary.extend({
  contactName: z.string(),
  contactPhone: z.string(),
  /** the counter clerk who accepted it */
  acceptedBy: z.string(),
  /** the accepting workstation's name, or '' */
  counterName: z.string(),
  materials: z.array(BackOfficeMaterial),
  counterHistory: z.array(CounterHistoryEntry),
  decisions: z.array(BackOfficeDecisionView),
  /** the decisions the current stage allows */
  allowed: z.array(z.enum(BACK_OFFICE_DECISIONS)),
});
export type BackOfficeCaseDetail = z.infer<typeof BackOfficeCaseDetail>;

/** What the counter sees of the back office's work (null until the first decision arrives). */
export const BackOfficeAtCounter = z.object({
  stage: z.enum(BACK_OFFICE_STAGES),
  decisions: z.array(BackOfficeDecisionView),
  /** a final result (paid | expert_failed) is in: the counter may deliver it */
  resultReady: z.boolean(),
  /** the result text to prefill at delivery */
  suggestedResult: z.string(),
});
export type BackOfficeAtCounter = z.infer<typeof BackOfficeAtCounter>;

// ---- inputs ------------------------------------------------------------------------------------

const Id = z.string().min(1).max(64);

export const BackOfficeInboxInput = z.strictObject({
  /** open = not final (not paid / expert_failed / returned) */
  filter: z.enum(['open', 'done', 'all']).default('open'),
  query: text(BACK_OFFICE_LIMITS.query).default(''),
});
export type BackOfficeInboxInput = z.infer<typeof BackOfficeInboxInput>;

export const BackOfficeCaseInput = z.strictObject({ id: Id });
export const BackOfficeMaterialPdfInput = z.strictObject({ caseId: Id, materialId: Id });

const note = text(BACK_OFFICE_LIMITS.note).default('');

export const BackOfficeDecideInput = z
  .discriminatedUnion('decision', [
    z.strictObject({ id: Id, decision: z.literal('review_approved'), note }),
    z.strictObject({ id: Id, decision: z.literal('review_returned'), note, reason: requiredText(BACK_OFFICE_LIMITS.reason) }),
    z.strictObject({ id: Id, decision: z.literal('expert_reviewed'), note, result: z.enum(['passed', 'failed']) }),
    z.strictObject({ id: Id, decision: z.literal('publicized'), note, from: IsoDateField, to: IsoDateField }),
    z.strictObject({
      id: Id, decision: z.literal('paid'), note,
      /** yuan with 2 decimals, sent as fen */
      amountFen: z.number().int().min(1).max(BACK_OFFICE_LIMITS.amountFen),
      paidOn: IsoDateField,
    }),
  ])
  .superRefine((v, ctx) => {
    if (v.decision === 'publicized' && v.to < v.from) {
      ctx.addIssue({ code: 'custom', path: ['to'], message: '', params: { key: 'backoffice.periodOrder' } });
    }
  });
export type BackOfficeDecideInput = z.infer<typeof BackOfficeDecideInput>;

import { z } from 'zod';
import { IsoDateField, Phone, Uscc, requiredText, text } from '../api/fields';
import { PolicyItemView, PolicySummary } from '../policies/api-schemas';
import { BACK_OFFICE_DECISIONS, BackOfficeAtCounter } from '../backoffice/api-schemas';

// 申报受理: an application taken in at the counter, its materials checklist, the decision, the
// documents printed, routing to the department, the deadline clock and the result's delivery.
// The workflow's rules are in ./workflow.ts.

/**
 * 收件中 → 已受理 (also 容缺受理) | 待补正 (一次性告知书; back to 收件中 when the supplement comes) |
 * 不予受理; 已受理 → 已流转 (to the department, with the 材料交接单) → 已送达 (result delivered).
 */
export const APPLICATION_STATES = ['receiving', 'correction', 'accepted', 'refused', 'routed', 'delivered'] as const;
export type ApplicationState = (typeof APPLICATION_STATES)[number];

/** A material on the checklist: 齐全 / 缺少 / 有误 (with the defect); 待核验 until the clerk marks it. */
export const MATERIAL_STATES = ['pending', 'present', 'missing', 'defective'] as const;
export type MaterialState = (typeof MATERIAL_STATES)[number];

export const DECISIONS = ['accept', 'accept_deferred', 'correction', 'refuse'] as const;
export type Decision = (typeof DECISIONS)[number];

export const DOCUMENT_KINDS = ['acceptance', 'acceptance_thermal', 'correction', 'refusal', 'handover', 'delivery'] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

export const DELIVERY_METHODS = ['window', 'post', 'electronic'] as const;

export const EVENT_KINDS = [
  'created', 'material_marked', 'pages_added', 'pages_changed', 'decided', 'supplement_received', 'routed',
  'extended', 'document_issued', 'printed', 'print_failed', 'delivered',
] as const;

export const LIMITS = { reason: 500, defect: 200, contactName: 30, recipient: 60, note: 500, result: 500, address: 200, extensionDays: 60 } as const;

export const PageView = z.object({
  id: z.string(),
  position: z.number(),
  kind: z.enum(['image', 'pdf']),
  sha256: z.string(),
  bytes: z.number(),
  /** degrees clockwise, as stored */
  rotation: z.number(),
  blank: z.boolean(),
  /** share of the page with ink, 0–1 (image pages) */
  ink: z.number().nullable(),
});
export type PageView = z.infer<typeof PageView>;

export const MaterialView = z.object({
  id: z.string(),
  position: z.number(),
  name: z.string(),
  form: z.enum(['original', 'copy']),
  copies: z.number(),
  required: z.boolean(),
  deferrable: z.boolean(),
  state: z.enum(MATERIAL_STATES),
  defect: z.string(),
  /** 容缺: the date by which the missing material must be supplied */
  dueDate: z.string().nullable(),
  pages: z.array(PageView),
  /** the material's PDF (all its pages), when it has pages */
  pdfSha256: z.string().nullable(),
  /** where the paper original is: at the counter, or handed over to the department */
  handedOverTo: z.string().nullable(),
});
export type MaterialView = z.infer<typeof MaterialView>;

export const ApplicationEvent = z.object({
  id: z.string(),
  /** the counter's steps, and the back office's decisions that came back (issue 5 §3) */
  kind: z.enum([...EVENT_KINDS, ...BACK_OFFICE_DECISIONS]),
  at: z.string(),
  staffName: z.string(),
  /** what happened, in words (zh-CN), e.g. "受理（容缺）：财务报表 2026年12月4日前补交" */
  summary: z.string(),
});

export const IssuedDocument = z.object({
  id: z.string(),
  kind: z.enum(DOCUMENT_KINDS),
  createdAt: z.string(),
  staffName: z.string(),
  printedAt: z.string().nullable(),
  printer: z.string().nullable(),
  /** the last print failure, until a print succeeds */
  printError: z.string().nullable(),
});
export type IssuedDocument = z.infer<typeof IssuedDocument>;

export const Deadline = z.object({
  /** the working days promised for the item */
  promisedDays: z.number(),
  /** the clock's start: the acceptance (after a 补正, the day the supplement came) */
  startedOn: z.string().nullable(),
  dueDate: z.string().nullable(),
  extensions: z.array(z.object({ days: z.number(), reason: z.string(), at: z.string(), staffName: z.string() })),
  /** working days left (negative: overdue), null while the clock does not run */
  daysLeft: z.number().nullable(),
});

export const Delivery = z.object({
  method: z.enum(DELIVERY_METHODS),
  deliveredAt: z.string(),
  recipient: z.string(),
  address: z.string(),
  result: z.string(),
  note: z.string(),
  staffName: z.string(),
});

export const ApplicationSummary = z.object({
  id: z.string(),
  caseNo: z.string(),
  queryCode: z.string(),
  state: z.enum(APPLICATION_STATES),
  uscc: z.string(),
  enterpriseName: z.string(),
  itemName: z.string(),
  department: z.string(),
  createdAt: z.string(),
  dueDate: z.string().nullable(),
  clerkName: z.string(),
});
export type ApplicationSummary = z.infer<typeof ApplicationSummary>;

export const ApplicationDetail = ApplicationSummary.extend({
  contactName: z.string(),
  contactPhone: z.string(),
  item: PolicyItemView,
  policy: PolicySummary,
  decision: z.enum(DECISIONS).nullable(),
  reason: z.string(),
  materials: z.array(MaterialView),
  deadline: Deadline,
  documents: z.array(IssuedDocument),
  events: z.array(ApplicationEvent),
  delivery: Delivery.nullable(),
  /** the department's decisions since routing (null until the first arrives) */
  backOffice: BackOfficeAtCounter.nullable(),
});
export type ApplicationDetail = z.infer<typeof ApplicationDetail>;

// ---- inputs ------------------------------------------------------------------------------------

const Id = z.string().min(1).max(64);

export const ApplicationCreateInput = z.strictObject({
  uscc: Uscc.refine((v) => v !== '', { params: { key: 'error.FIELD_REQUIRED' } }),
  itemId: Id,
  contactName: requiredText(LIMITS.contactName),
  contactPhone: Phone.refine((v) => v !== '', { params: { key: 'error.FIELD_REQUIRED' } }),
});

export const ApplicationListInput = z.strictObject({
  states: z.array(z.enum(APPLICATION_STATES)).max(APPLICATION_STATES.length).default([]),
  query: text(60).default(''),
  limit: z.number().int().min(1).max(500).default(100),
});

export const MaterialMarkInput = z
  .strictObject({
    applicationId: Id,
    materialId: Id,
    state: z.enum(MATERIAL_STATES).exclude(['pending']),
    defect: text(LIMITS.defect).default(''),
  })
  .superRefine((v, ctx) => {
    if (v.state === 'defective' && !v.defect) ctx.addIssue({ code: 'custom', path: ['defect'], message: '', params: { key: 'application.defectRequired' } });
  });

export const PagesAddInput = z.strictObject({
  applicationId: Id,
  materialId: Id,
  /** files from import, drag-and-drop or the document camera, base64 */
  files: z.array(z.strictObject({ name: text(200), base64: z.string().min(1).max(60_000_000) })).min(1).max(100),
  source: z.enum(['file', 'camera']).default('file'),
});

export const PageOpInput = z.strictObject({
  applicationId: Id,
  materialId: Id,
  pageId: Id,
  op: z.enum(['rotate_left', 'rotate_right', 'move_up', 'move_down', 'delete']),
});

export const DecideInput = z
  .strictObject({
    id: Id,
    decision: z.enum(DECISIONS),
    /** 不予受理: the reason (required); others: a note */
    reason: text(LIMITS.reason).default(''),
    /** 容缺受理: the date the missing materials are due (default: 5 working days) */
    deferredDue: IsoDateField.optional(),
  })
  .superRefine((v, ctx) => {
    if (v.decision === 'refuse' && !v.reason.trim()) ctx.addIssue({ code: 'custom', path: ['reason'], message: '', params: { key: 'application.reasonRequired' } });
  });

export const ExtendInput = z.strictObject({ id: Id, days: z.number().int().min(1).max(LIMITS.extensionDays), reason: requiredText(LIMITS.reason) });

export const DeliverInput = z.strictObject({
  id: Id,
  method: z.enum(DELIVERY_METHODS),
  recipient: requiredText(LIMITS.recipient),
  address: text(LIMITS.address).default(''),
  result: requiredText(LIMITS.result),
  note: text(LIMITS.note).default(''),
});

export const ProgressInput = z.strictObject({
  queryCode: z.string().trim().toUpperCase().refine((v) => /^[0-9A-Z]{8}$/.test(v), { params: { key: 'application.queryCodeFormat' } }),
});
export const ProgressOutput = z.object({
  caseNo: z.string(),
  state: z.enum(APPLICATION_STATES),
  enterpriseName: z.string(),
  itemName: z.string(),
  department: z.string(),
  dueDate: z.string().nullable(),
  timeline: z.array(z.object({ at: z.string(), summary: z.string() })),
});

export const DocumentInput = z.strictObject({ documentId: Id });
export const DocumentPrintInput = z.strictObject({ documentId: Id, printer: text(120).optional() });
export const IdInput = z.strictObject({ id: Id });


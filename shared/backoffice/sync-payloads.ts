import { z } from 'zod';
import { BACK_OFFICE_DECISIONS } from './api-schemas';

// What the `application` changes carry between the counter and the back office (issue 5 §3), as
// the receiving workstation reads them. The counter's `routed` payload carries a snapshot that is
// enough for the department on its own; each back-office decision carries the decision whole.
// Loose objects: a newer workstation may add fields.

const Sha = z.string().regex(/^[0-9a-f]{64}$/);

export const SnapshotMaterial = z.looseObject({
  id: z.string().min(1),
  position: z.number().int(),
  name: z.string(),
  form: z.enum(['original', 'copy']),
  copies: z.number().int(),
  required: z.boolean(),
  state: z.string(),
  pageCount: z.number().int().min(0),
  pdfSha256: Sha.nullable(),
});

export const RoutedSnapshot = z.looseObject({
  caseNo: z.string(),
  uscc: z.string(),
  enterpriseName: z.string(),
  itemId: z.string(),
  itemName: z.string(),
  department: z.string(),
  contactName: z.string(),
  contactPhone: z.string(),
  dueDate: z.string().nullable(),
  /** the counter clerk who accepted it */
  acceptedBy: z.string(),
  /** the accepting workstation's name as enrolled ('' if unknown) */
  counterName: z.string(),
  materials: z.array(SnapshotMaterial),
});
export type RoutedSnapshot = z.infer<typeof RoutedSnapshot>;

/** A counter step as the department keeps it in the case's history. */
export const CounterStepPayload = z.looseObject({
  id: z.string().min(1),
  caseNo: z.string().optional(),
  event: z.looseObject({ id: z.string().min(1), kind: z.string(), at: z.string(), summary: z.string() }).optional(),
  staffName: z.string().optional(),
  snapshot: RoutedSnapshot.optional(),
  /** 延期: the new due date */
  dueDate: z.string().optional(),
});

export const DecisionRecord = z.looseObject({
  id: z.string().min(1),
  decision: z.enum(BACK_OFFICE_DECISIONS),
  at: z.string(),
  staffId: z.string().nullable(),
  staffName: z.string(),
  summary: z.string(),
  note: z.string(),
  reason: z.string(),
  result: z.enum(['passed', 'failed']).nullable(),
  amountFen: z.number().int().nullable(),
  paidOn: z.string().nullable(),
  from: z.string().nullable(),
  to: z.string().nullable(),
});
export type DecisionRecord = z.infer<typeof DecisionRecord>;

/** The payload of a back-office decision: the application, its case number and the decision. */
export const DecisionPayload = z.looseObject({ id: z.string().min(1), caseNo: z.string(), decision: DecisionRecord });
export type DecisionPayload = z.infer<typeof DecisionPayload>;

import { z } from 'zod';
import { Phone, text } from '../api/fields';
import { ConsultationFields, Consultation, COMPLEXITIES } from '../consultations/schemas';
import { StaffSummary } from '../accounts/schemas';

export const CallStartOutput = z.object({ id: z.string(), startedAt: z.string() });
export const CallEndInput = z.strictObject({
  id: z.string().min(1).max(64),
  callerNumber: Phone.refine((v) => v !== '', { params: { key: 'error.FIELD_REQUIRED' } }),
  fields: ConsultationFields,
});
export const CallsByNumberInput = z.strictObject({ callerNumber: z.string().trim().max(24) });
export const CallsByNumberOutput = z.array(Consultation);

export const TICKET_STATUSES = ['open', 'closed'] as const;
export const DUE_STATES = ['overdue', 'due_soon', 'on_time', 'closed'] as const;
export const TICKET_EVENT_KINDS = ['created', 'return_call', 'closed'] as const;
/** 回访结果 */
export const RETURN_CALL_OUTCOMES = ['resolved', 'unresolved', 'unreachable'] as const;

export const TicketEvent = z.object({
  id: z.string(),
  kind: z.enum(TICKET_EVENT_KINDS),
  at: z.string(),
  staff: StaffSummary.pick({ id: true, displayName: true }),
  outcome: z.enum(RETURN_CALL_OUTCOMES).nullable(),
  note: z.string(),
});

export const Ticket = z.object({
  id: z.string(),
  ticketNo: z.string(),
  consultationId: z.string(),
  channel: Consultation.shape.channel,
  phone: z.string(),
  enterpriseName: z.string(),
  question: z.string(),
  complexity: z.enum(COMPLEXITIES).nullable(),
  dueDate: z.string(),
  status: z.enum(TICKET_STATUSES),
  dueState: z.enum(DUE_STATES),
  owner: StaffSummary.pick({ id: true, displayName: true }),
  createdAt: z.string(),
  closedAt: z.string().nullable(),
  events: z.array(TicketEvent),
});
export type Ticket = z.infer<typeof Ticket>;

export const TicketListInput = z.strictObject({ includeClosed: z.boolean().default(false) });
export const ReturnCallInput = z.strictObject({
  ticketId: z.string().min(1).max(64),
  outcome: z.enum(RETURN_CALL_OUTCOMES),
  note: text(1000).default(''),
});

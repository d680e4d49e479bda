import type { AppErrorData } from '@shared/api/errors';
import { validationError } from '@shared/api/validation';
import {
  ConsultationFields, type CATEGORIES, type COMPLEXITIES, type Consultation, type ConsultationFieldsInput, type RESULTS,
} from '@shared/consultations/schemas';
import type { LinkedPolicy } from '../policies/link-target-store';

type Category = (typeof CATEGORIES)[number];
type Result = (typeof RESULTS)[number];
type Complexity = (typeof COMPLEXITIES)[number];

/** What the consultation form holds (the API's fields, shaped for the inputs). */
export interface ConsultationFormValues {
  uscc: string;
  enterpriseName: string;
  contactName: string;
  contactPhone: string;
  question: string;
  category: Category | undefined;
  policiesReferred: string;
  /** the library's policies linked (shown with their titles; saved as ids) */
  policyLinks: LinkedPolicy[];
  answer: string;
  result: Result;
  complexity: Complexity;
  /** '' = the date computed from the complexity */
  dueDate: string;
  transferTo: string;
  minutesSpent: number | null;
}

export const FORM_FIELDS: readonly (keyof ConsultationFormValues)[] = [
  'uscc', 'enterpriseName', 'contactName', 'contactPhone', 'question', 'category', 'policiesReferred', 'policyLinks', 'answer',
  'result', 'complexity', 'dueDate', 'transferTo', 'minutesSpent',
];

export const emptyConsultation = (): ConsultationFormValues => ({
  uscc: '', enterpriseName: '', contactName: '', contactPhone: '', question: '', category: undefined,
  policiesReferred: '', policyLinks: [], answer: '', result: 'answered', complexity: 'simple', dueDate: '', transferTo: '', minutesSpent: null,
});

export function fromConsultation(c: Consultation): ConsultationFormValues {
  return {
    uscc: c.uscc, enterpriseName: c.enterpriseName, contactName: c.contactName, contactPhone: c.contactPhone,
    question: c.question, category: c.category, policiesReferred: c.policiesReferred, policyLinks: c.policyLinks, answer: c.answer, result: c.result,
    complexity: c.complexity ?? 'simple', dueDate: c.dueDate ?? '', transferTo: c.transferTo, minutesSpent: c.minutesSpent || null,
  };
}

/** The API input: follow-up fields only when the question is not answered on the spot. */
export function toInput(v: Partial<ConsultationFormValues>): ConsultationFieldsInput {
  const followUp = v.result !== undefined && v.result !== 'answered';
  return {
    uscc: (v.uscc ?? '').trim(),
    enterpriseName: v.enterpriseName ?? '',
    contactName: v.contactName ?? '',
    contactPhone: v.contactPhone ?? '',
    question: v.question ?? '',
    category: v.category as Category,
    policiesReferred: v.policiesReferred ?? '',
    policyLinks: (v.policyLinks ?? []).map(({ policyId, itemId }) => ({ policyId, itemId })),
    answer: v.answer ?? '',
    result: v.result as Result,
    ...(followUp ? { complexity: v.complexity } : {}),
    ...(followUp && v.dueDate ? { dueDate: v.dueDate } : {}),
    transferTo: v.result === 'transferred' ? (v.transferTo ?? '') : '',
    minutesSpent: v.minutesSpent ?? 0,
  };
}

/** The same check the core makes, before the round trip: null when the input is fine. */
export function checkConsultation(input: ConsultationFieldsInput): AppErrorData | null {
  const r = ConsultationFields.safeParse(input);
  return r.success ? null : validationError(r.error, input).toData();
}

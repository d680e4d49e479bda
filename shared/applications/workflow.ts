import type { ApplicationState, Decision, MaterialState } from './schemas';

// The rules of 收件 → 决定, pure: which decision the checklist allows, and which state follows.

export interface ChecklistEntry {
  name: string;
  required: boolean;
  deferrable: boolean;
  state: MaterialState;
}

export type DecisionProblem =
  | { code: 'MATERIALS_INCOMPLETE'; names: string[] }
  | { code: 'DECISION_MISMATCH'; key: 'application.acceptNeedsAll' | 'application.deferredNotAllowed' | 'application.nothingToCorrect'; names: string[] };

/** What is wrong or missing on the checklist: required materials not present. */
export const outstanding = (list: readonly ChecklistEntry[]) => list.filter((m) => m.state === 'missing' || m.state === 'defective');

/**
 * Whether the checklist allows the decision (null: it does).
 * - 受理: every material marked, every required one present;
 * - 容缺受理: only missing (not defective) materials outstanding, each required one of them 可容缺;
 * - 补正: something missing or defective;
 * - 不予受理: always (with a reason, checked by the schema).
 */
export function decisionProblem(decision: Decision, list: readonly ChecklistEntry[]): DecisionProblem | null {
  if (decision === 'refuse') return null;
  const pending = list.filter((m) => m.state === 'pending').map((m) => m.name);
  if (pending.length) return { code: 'MATERIALS_INCOMPLETE', names: pending };
  const open = outstanding(list);
  const openRequired = open.filter((m) => m.required);
  if (decision === 'accept') {
    return openRequired.length ? { code: 'DECISION_MISMATCH', key: 'application.acceptNeedsAll', names: openRequired.map((m) => m.name) } : null;
  }
  if (decision === 'accept_deferred') {
    const blocking = open.filter((m) => m.state === 'defective' || (m.required && !m.deferrable));
    if (blocking.length) return { code: 'DECISION_MISMATCH', key: 'application.deferredNotAllowed', names: blocking.map((m) => m.name) };
    return open.length ? null : { code: 'DECISION_MISMATCH', key: 'application.nothingToCorrect', names: [] };
  }
  return open.length ? null : { code: 'DECISION_MISMATCH', key: 'application.nothingToCorrect', names: [] };
}

export const stateAfter = (d: Decision): ApplicationState =>
  d === 'accept' || d === 'accept_deferred' ? 'accepted' : d === 'correction' ? 'correction' : 'refused';

/** The states each action may start from. */
export const ALLOWED_FROM = {
  editChecklist: ['receiving'],
  decide: ['receiving'],
  supplement: ['correction'],
  route: ['accepted'],
  extend: ['accepted', 'routed'],
  deliver: ['routed'],
} as const satisfies Record<string, readonly ApplicationState[]>;
export type ApplicationAction = keyof typeof ALLOWED_FROM;

export const allowed = (action: ApplicationAction, state: ApplicationState): boolean =>
  (ALLOWED_FROM[action] as readonly ApplicationState[]).includes(state);

import type { ApplicationState, ApplicationSummary } from '@shared/applications/schemas';
import { chinaDate } from '@shared/time/china-time';

/** States in which the counter still has something to do. */
export const OPEN_STATES: readonly ApplicationState[] = ['receiving', 'correction', 'accepted', 'routed'];

/**
 * The counter's order: today's applications and those still open first (newest first), then the
 * finished ones of earlier days.
 */
export function counterOrder(items: readonly ApplicationSummary[], today: string): ApplicationSummary[] {
  const first = (a: ApplicationSummary) => (OPEN_STATES.includes(a.state) || chinaDate(new Date(a.createdAt)) === today ? 0 : 1);
  return [...items].sort((a, b) => first(a) - first(b) || b.createdAt.localeCompare(a.createdAt));
}

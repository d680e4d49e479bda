import { FINAL_STAGES, type BackOfficeCaseSummary } from './api-schemas';

/** Working days left at which a case counts as 即将到期. */
export const DUE_SOON_DAYS = 2;

/** How a case's 办结期限 is shown: 超期 (red), 即将到期 (orange), the days left, or nothing (finished, returned). */
export type DueState = 'overdue' | 'soon' | 'normal' | 'none';

export function dueStateOf(c: Pick<BackOfficeCaseSummary, 'daysLeft' | 'stage'>): DueState {
  if (c.daysLeft === null || (FINAL_STAGES as readonly string[]).includes(c.stage) || c.stage === 'returned') return 'none';
  return c.daysLeft < 0 ? 'overdue' : c.daysLeft <= DUE_SOON_DAYS ? 'soon' : 'normal';
}

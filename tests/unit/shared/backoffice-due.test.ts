import { describe, expect, it } from 'vitest';
import { dueStateOf } from '@shared/backoffice/due';

// How the back office's inbox and case view colour a case's 办结期限 (renderer/src/backoffice/DueCell.tsx).
describe('办结期限 in the back office', () => {
  it('is 超期 once past the due date, 即将到期 within two working days, else the days left', () => {
    expect(dueStateOf({ daysLeft: -1, stage: 'pending' })).toBe('overdue');
    expect(dueStateOf({ daysLeft: -12, stage: 'approved' })).toBe('overdue');
    expect(dueStateOf({ daysLeft: 0, stage: 'pending' })).toBe('soon');
    expect(dueStateOf({ daysLeft: 2, stage: 'expert_passed' })).toBe('soon');
    expect(dueStateOf({ daysLeft: 3, stage: 'pending' })).toBe('normal');
  });

  it('says nothing of a case that is finished, back at the counter for 补正, or has no due date', () => {
    expect(dueStateOf({ daysLeft: -5, stage: 'paid' })).toBe('none');
    expect(dueStateOf({ daysLeft: -5, stage: 'expert_failed' })).toBe('none');
    expect(dueStateOf({ daysLeft: -5, stage: 'returned' })).toBe('none');
    expect(dueStateOf({ daysLeft: null, stage: 'pending' })).toBe('none');
  });
});

import { describe, expect, it } from 'vitest';
import { BACKOFF_CAP_MS, backoffDelay } from '../../../electron/core/sync/backoff';

describe('backoffDelay', () => {
  it('doubles from 2 s, within half and all of each step', () => {
    expect(backoffDelay(1, () => 0)).toBe(1000);
    expect(backoffDelay(1, () => 1)).toBe(2000);
    expect(backoffDelay(3, () => 1)).toBe(8000);
    expect(backoffDelay(3, () => 0)).toBe(4000);
  });

  it('never waits more than 5 minutes, however many failures', () => {
    for (const n of [9, 10, 50, 10_000]) expect(backoffDelay(n, () => 1)).toBe(BACKOFF_CAP_MS);
    expect(backoffDelay(10_000, () => 0)).toBe(BACKOFF_CAP_MS / 2);
  });
});

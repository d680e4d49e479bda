// Waits between failed sync rounds: exponential from 2 s, capped at 5 minutes, with jitter so a
// centre coming back is not hit by every workstation in the same second.

export const BACKOFF_BASE_MS = 2_000;
export const BACKOFF_CAP_MS = 5 * 60_000;

/** The wait after the `failures`-th failure in a row (1, 2, …): between half and all of base·2^(n−1), at most the cap. */
export function backoffDelay(failures: number, random: () => number = Math.random, baseMs = BACKOFF_BASE_MS): number {
  const ceiling = Math.min(BACKOFF_CAP_MS, baseMs * 2 ** Math.max(0, Math.min(failures - 1, 30)));
  return Math.round(ceiling / 2 + (ceiling / 2) * random());
}

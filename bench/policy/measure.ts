// Timing helpers: every case is run once to warm up (JIT, page cache), then `rounds` times; a case's
// time is the median of its rounds, and the percentiles are taken over the cases.

export interface Timed {
  /** per case: the median of its rounds, ms */
  perCase: number[];
  p50: number;
  p95: number;
  max: number;
  mean: number;
}

export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i]!;
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};

export function summarize(perCase: number[]): Timed {
  const sorted = [...perCase].sort((a, b) => a - b);
  return {
    perCase,
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    max: sorted[sorted.length - 1] ?? NaN,
    mean: perCase.reduce((a, b) => a + b, 0) / Math.max(1, perCase.length),
  };
}

/**
 * Times every case: `warmup` cases first run untimed (all of them, or the first n), then `rounds`
 * timed runs of each. Returns the summary and each case's last result.
 */
export function timeCases<T, R>(cases: readonly T[], run: (c: T) => R, opts: { rounds: number; warmup: boolean | number }): Timed & { results: R[] } {
  const warm = opts.warmup === true ? cases.length : opts.warmup === false ? 0 : opts.warmup;
  for (const c of cases.slice(0, warm)) run(c);
  const times: number[][] = cases.map(() => []);
  const results: R[] = [];
  for (let r = 0; r < opts.rounds; r++) {
    cases.forEach((c, i) => {
      const t = performance.now();
      results[i] = run(c);
      times[i]!.push(performance.now() - t);
    });
  }
  return { ...summarize(times.map(median)), results };
}

/** Memory after a full collection (children run with --expose-gc): what the process keeps. */
export function memory(): { rssMb: number; peakRssMb: number; heapMb: number } {
  (globalThis as { gc?: () => void }).gc?.();
  const m = process.memoryUsage();
  return { rssMb: m.rss / 2 ** 20, peakRssMb: process.resourceUsage().maxRSS / 1024, heapMb: m.heapUsed / 2 ** 20 };
}

import type { Timed } from '../measure';

/** What one subject (our implementation or a peer) reports back from its own process. */
export interface SubjectResult {
  subject: string;
  search?: Timed & { totals: number[] };
  lookup?: Timed & { counts: number[] };
  /** ms: our first search (loads the in-memory facts) / MiniSearch's index build */
  warmupMs?: number;
  openMs?: number;
  memory: { rssMb: number; peakRssMb: number; heapMb: number };
  extra?: Record<string, number | string>;
}

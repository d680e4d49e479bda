import { create } from 'zustand';
import type { AppStatus } from '@shared/api/contract';
import type { AppErrorData } from '@shared/api/errors';
import { api } from '../api/client';
import { errorData } from '../common/errors';

interface StatusState {
  /** what the core said last time; null before the first answer */
  status: AppStatus | null;
  /** the core could not be asked at all (host gone, bad token) */
  failure: AppErrorData | null;
  checking: boolean;
  check(): Promise<AppStatus | null>;
  /** a quiet re-read while working (the date moves on); a failed one changes nothing on screen */
  refresh(): Promise<void>;
}

/** The workstation's state as the core sees it: database usable, first run, today's date. */
export const useStatusStore = create<StatusState>((set) => ({
  status: null,
  failure: null,
  checking: false,
  async check() {
    set({ checking: true });
    try {
      const status = await api.appStatus({});
      set({ status, failure: null, checking: false });
      return status;
    } catch (e) {
      set({ failure: errorData(e), checking: false });
      return null;
    }
  },
  async refresh() {
    try {
      const status = await api.appStatus({});
      if (status.state === 'ready') set({ status });
    } catch {
      // the next call the person makes will say what is wrong
    }
  },
}));

/** Today's business date (China time) as the core counts it. */
export const useToday = (): string => useStatusStore((s) => s.status?.today ?? '');

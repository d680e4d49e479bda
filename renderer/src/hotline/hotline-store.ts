import { create } from 'zustand';
import type { Consultation } from '@shared/consultations/schemas';
import { api } from '../api/client';
import { clearOnSignOut } from '../app/session-store';
import type { ConsultationFormValues } from '../consultations/form-values';

export type CallFormValues = ConsultationFormValues & { callerNumber: string };

export interface ActiveCall {
  id: string;
  /** when the core recorded the pick-up (its clock) */
  startedAt: string;
  /** the same moment on this PC's clock, so the running timer does not depend on the two agreeing */
  localStart: number;
}

interface HotlineState {
  /** the call in progress; kept here so switching pages mid-call loses nothing */
  call: ActiveCall | null;
  draft: Partial<CallFormValues>;
  /** the call just ended, to show its duration and ticket */
  lastEnded: Consultation | null;
  todayCalls: Consultation[];
  loadingToday: boolean;
  startCall(): Promise<void>;
  /** picks up the operator's unfinished call after a reload or sign-in */
  resumeCall(): Promise<void>;
  saveDraft(values: Partial<CallFormValues>): void;
  callEnded(saved: Consultation | null): void;
  loadToday(): Promise<void>;
}

export const useHotlineStore = create<HotlineState>((set) => ({
  call: null,
  draft: {},
  lastEnded: null,
  todayCalls: [],
  loadingToday: false,
  async startCall() {
    const call = await api.callStart({});
    set({ call: { ...call, localStart: Date.now() }, draft: {}, lastEnded: null });
  },
  async resumeCall() {
    const open = await api.callInProgress({});
    if (open && !useHotlineStore.getState().call) set({ call: { ...open, localStart: Date.parse(open.startedAt) }, lastEnded: null });
  },
  saveDraft(draft) {
    set({ draft });
  },
  callEnded(saved) {
    set({ call: null, draft: {}, lastEnded: saved });
  },
  async loadToday() {
    set({ loadingToday: true });
    try {
      set({ todayCalls: await api.consultationList({ channel: 'hotline' }) });
    } finally {
      set({ loadingToday: false });
    }
  },
}));

clearOnSignOut(() => useHotlineStore.setState({ call: null, draft: {}, lastEnded: null, todayCalls: [] }));

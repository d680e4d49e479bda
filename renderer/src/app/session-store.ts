import { create } from 'zustand';
import type { Session } from '@shared/accounts/schemas';
import type { MethodInput } from '@shared/api/contract';
import { api, ApiError } from '../api/client';

interface SessionState {
  /** undefined while we do not know yet (restoring after a reload) */
  session: Session | null | undefined;
  restore(): Promise<void>;
  signIn(input: MethodInput<'signIn'>): Promise<void>;
  setupAdmin(input: MethodInput<'setupAdmin'>): Promise<void>;
  signOut(): Promise<void>;
  /** the core no longer knows our session (restart, password reset, account disabled) */
  expire(): void;
}

export const useSessionStore = create<SessionState>((set) => ({
  session: undefined,
  async restore() {
    try {
      set({ session: await api.currentSession({}) });
    } catch (e) {
      if (e instanceof ApiError && e.data.code !== 'UNAUTHENTICATED' && e.data.code !== 'NOT_SET_UP') throw e;
      set({ session: null });
    }
  },
  async signIn(input) {
    set({ session: await api.signIn(input) });
  },
  async setupAdmin(input) {
    set({ session: await api.setupAdmin(input) });
  },
  async signOut() {
    try {
      await api.signOut({});
    } finally {
      set({ session: null });
    }
  },
  expire() {
    set({ session: null });
  },
}));

export const useStaff = () => useSessionStore((s) => s.session?.staff ?? null);

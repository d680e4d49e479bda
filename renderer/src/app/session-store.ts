import { create } from 'zustand';
import type { Session } from '@shared/accounts/schemas';
import type { MethodInput } from '@shared/api/contract';
import { api, ApiError } from '../api/client';

// What one person saw (their lists, a call in progress) must not be there for the next person.
const endOfSession: (() => void)[] = [];
/** A store forgets its contents when the person signs out or the session ends. */
export function clearOnSignOut(reset: () => void): void {
  endOfSession.push(reset);
}
const clearAll = () => endOfSession.forEach((reset) => reset());

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
    const session = await api.signIn(input);
    clearAll();
    set({ session });
  },
  async setupAdmin(input) {
    const session = await api.setupAdmin(input);
    clearAll();
    set({ session });
  },
  async signOut() {
    try {
      await api.signOut({});
    } finally {
      clearAll();
      set({ session: null });
    }
  },
  expire() {
    clearAll();
    set({ session: null });
  },
}));

export const useStaff = () => useSessionStore((s) => s.session?.staff ?? null);

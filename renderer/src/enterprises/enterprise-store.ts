import { create } from 'zustand';
import { clearOnSignOut } from '../app/session-store';

interface EnterpriseState {
  /** the company whose profile (or matching) is shown; kept while the clerk visits other pages */
  uscc: string | null;
  show(uscc: string | null): void;
}

export const useEnterpriseStore = create<EnterpriseState>((set) => ({
  uscc: null,
  show: (uscc) => set({ uscc }),
}));

/** 政策匹配 page: the company matched last. */
export const useMatchingStore = create<EnterpriseState>((set) => ({
  uscc: null,
  show: (uscc) => set({ uscc }),
}));

clearOnSignOut(() => {
  useEnterpriseStore.setState({ uscc: null });
  useMatchingStore.setState({ uscc: null });
});

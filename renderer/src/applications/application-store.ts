import { create } from 'zustand';
import type { ApplicationDetail, ApplicationSummary } from '@shared/applications/schemas';
import { api } from '../api/client';
import { clearOnSignOut } from '../app/session-store';

interface ApplicationsState {
  items: ApplicationSummary[];
  loading: boolean;
  query: string;
  /** the list for a search (办件编号 / 企业 / USCC / 查询码); a slower earlier answer never wins */
  load(query?: string): Promise<void>;
  /** the application open in the acceptance workspace (null: the list is shown) */
  detail: ApplicationDetail | null;
  open(id: string): Promise<void>;
  /** every action answers with the application as it now is */
  replace(detail: ApplicationDetail): void;
  close(): void;
}

let latest = 0;
const LIST_LIMIT = 200;

export const useApplicationStore = create<ApplicationsState>((set, get) => ({
  items: [],
  loading: false,
  query: '',
  async load(query = get().query) {
    const ticket = ++latest;
    set({ loading: true, query });
    try {
      const items = await api.applicationList({ query, limit: LIST_LIMIT });
      if (ticket === latest) set({ items });
    } finally {
      if (ticket === latest) set({ loading: false });
    }
  },
  detail: null,
  async open(id) {
    set({ detail: await api.applicationGet({ id }) });
  },
  replace(detail) {
    set((s) => ({ detail: s.detail && s.detail.id !== detail.id ? s.detail : detail }));
  },
  close() {
    set({ detail: null });
    void get().load().catch(() => undefined);
  },
}));

clearOnSignOut(() => useApplicationStore.setState({ items: [], query: '', loading: false, detail: null }));

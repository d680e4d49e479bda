import { create } from 'zustand';
import type { ApplicationDetail, ApplicationSummary } from '@shared/applications/schemas';
import { api } from '../api/client';
import { clearOnSignOut } from '../app/session-store';
import { emptyList, searchableList, type SearchableList } from '../common/searchable-list';

/** The list for a search (办件编号 / 企业 / USCC / 查询码), and the application open at the window. */
interface ApplicationsState extends SearchableList<ApplicationSummary> {
  /** the application open in the acceptance workspace (null: the list is shown) */
  detail: ApplicationDetail | null;
  open(id: string): Promise<void>;
  /** every action answers with the application as it now is */
  replace(detail: ApplicationDetail): void;
  close(): void;
}

const LIST_LIMIT = 200;

export const useApplicationStore = create<ApplicationsState>((set, get) => ({
  ...searchableList((query) => api.applicationList({ query, limit: LIST_LIMIT }), set, get),
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

clearOnSignOut(() => useApplicationStore.setState({ ...emptyList(), detail: null }));

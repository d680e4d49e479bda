import { create } from 'zustand';
import type { BackOfficeCaseDetail, BackOfficeCaseSummary, BackOfficeInboxInput } from '@shared/backoffice/api-schemas';
import { api } from '../api/client';
import { clearOnSignOut } from '../app/session-store';
import { emptyList, searchableList, type SearchableList } from '../common/searchable-list';

export type InboxFilter = BackOfficeInboxInput['filter'];

/** 业务审核: the department's inbox (open / done / all, with a search) and the case open now. */
interface BackOfficeState extends SearchableList<BackOfficeCaseSummary> {
  filter: InboxFilter;
  setFilter(filter: InboxFilter): Promise<void>;
  /** the case open in the case view (null: the inbox is shown) */
  detail: BackOfficeCaseDetail | null;
  open(id: string): Promise<void>;
  /** a decision answers with the case as it now is */
  replace(detail: BackOfficeCaseDetail): void;
  /** reads the open case again (after a sync round: its materials or its stage may have come) */
  refreshOpen(): Promise<void>;
  close(): void;
}

export const useBackOfficeStore = create<BackOfficeState>((set, get) => ({
  ...searchableList((query) => api.backOfficeInbox({ filter: get().filter, query }), set, get),
  filter: 'open',
  async setFilter(filter) {
    set({ filter });
    await get().load();
  },
  detail: null,
  async open(id) {
    set({ detail: await api.backOfficeCase({ id }) });
  },
  replace(detail) {
    set((s) => ({ detail: s.detail && s.detail.id !== detail.id ? s.detail : detail }));
  },
  async refreshOpen() {
    const id = get().detail?.id;
    if (!id) return;
    const fresh = await api.backOfficeCase({ id });
    // closed or another case opened meanwhile: leave it
    set((s) => ({ detail: s.detail?.id === id ? fresh : s.detail }));
  },
  close() {
    set({ detail: null });
    void get().load().catch(() => undefined);
  },
}));

clearOnSignOut(() => useBackOfficeStore.setState({ ...emptyList(), filter: 'open', detail: null }));

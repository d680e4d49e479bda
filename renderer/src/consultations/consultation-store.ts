import { create } from 'zustand';
import type { Consultation } from '@shared/consultations/schemas';
import { api } from '../api/client';
import { clearOnSignOut } from '../app/session-store';
import { emptyList, searchableList, type SearchableList } from '../common/searchable-list';

/** Today's consultations at the window matching the search. */
export const useConsultationStore = create<SearchableList<Consultation>>((set, get) =>
  searchableList((query) => api.consultationList({ query, channel: 'counter' }), set, get),
);

clearOnSignOut(() => useConsultationStore.setState(emptyList()));

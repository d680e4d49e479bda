import { create } from 'zustand';
import type { Consultation } from '@shared/consultations/schemas';
import { api } from '../api/client';
import { clearOnSignOut } from '../app/session-store';

interface ListState {
  items: Consultation[];
  loading: boolean;
  query: string;
  /** today's consultations at the window matching the query; a slower earlier answer never wins */
  load(query?: string): Promise<void>;
}

let latest = 0;

export const useConsultationStore = create<ListState>((set, get) => ({
  items: [],
  loading: false,
  query: '',
  async load(query = get().query) {
    const ticket = ++latest;
    set({ loading: true, query });
    try {
      const items = await api.consultationList({ query, channel: 'counter' });
      if (ticket === latest) set({ items });
    } finally {
      if (ticket === latest) set({ loading: false });
    }
  },
}));

clearOnSignOut(() => useConsultationStore.setState({ items: [], query: '', loading: false }));

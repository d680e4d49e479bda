import { create } from 'zustand';
import type { Ticket } from '@shared/hotline/schemas';
import { api } from '../api/client';
import { clearOnSignOut } from '../app/session-store';

interface TicketState {
  tickets: Ticket[];
  includeClosed: boolean;
  loading: boolean;
  selectedId: string | null;
  load(includeClosed?: boolean): Promise<void>;
  select(id: string | null): void;
  /** a ticket changed (return call): show its new state at once, then reload the list */
  replace(ticket: Ticket): void;
}

export const useTicketStore = create<TicketState>((set, get) => ({
  tickets: [],
  includeClosed: false,
  loading: false,
  selectedId: null,
  async load(includeClosed = get().includeClosed) {
    set({ loading: true, includeClosed });
    try {
      set({ tickets: await api.ticketList({ includeClosed }) });
    } finally {
      set({ loading: false });
    }
  },
  select(selectedId) {
    set({ selectedId });
  },
  replace(ticket) {
    set({ tickets: get().tickets.map((x) => (x.id === ticket.id ? ticket : x)) });
  },
}));

clearOnSignOut(() => useTicketStore.setState({ tickets: [], includeClosed: false, selectedId: null }));

export const useSelectedTicket = () => useTicketStore((s) => s.tickets.find((x) => x.id === s.selectedId) ?? null);

import { create } from 'zustand';
import type { PolicyFilters } from '@shared/policies/api-schemas';
import { clearOnSignOut } from '../app/session-store';

export const PAGE_SIZE = 20;

export const NO_FILTERS: PolicyFilters = { levels: [], categories: [], departments: [], statuses: [], openForApplication: false };

interface PolicySearchState {
  query: string;
  filters: PolicyFilters;
  page: number;
  /** the policy open in the detail drawer */
  openId: string | null;
  setQuery(query: string): void;
  setFilters(filters: Partial<PolicyFilters>): void;
  setPage(page: number): void;
  open(id: string | null): void;
}

/** 政策检索: what was searched, kept while the clerk visits other pages. */
export const usePolicySearchStore = create<PolicySearchState>((set) => ({
  query: '',
  filters: NO_FILTERS,
  page: 1,
  openId: null,
  setQuery: (query) => set({ query, page: 1 }),
  setFilters: (f) => set((s) => ({ filters: { ...s.filters, ...f }, page: 1 })),
  setPage: (page) => set({ page }),
  open: (openId) => set({ openId }),
}));

clearOnSignOut(() => usePolicySearchStore.setState({ query: '', filters: NO_FILTERS, page: 1, openId: null }));

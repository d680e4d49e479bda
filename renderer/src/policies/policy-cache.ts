import { create } from 'zustand';
import type { PolicyDetail } from '@shared/policies/api-schemas';
import { api } from '../api/client';
import { clearOnSignOut } from '../app/session-store';

interface PolicyCacheState {
  byId: Record<string, PolicyDetail>;
  /** a policy's detail, asked once per session (the library changes only by import) */
  get(id: string): Promise<PolicyDetail>;
  /** after an import: details may have changed */
  clear(): void;
}

const pending = new Map<string, Promise<PolicyDetail>>();

export const usePolicyCache = create<PolicyCacheState>((set, get) => ({
  byId: {},
  async get(id) {
    const known = get().byId[id];
    if (known) return known;
    let p = pending.get(id);
    if (!p) {
      p = api.policyGet({ id }).finally(() => pending.delete(id));
      pending.set(id, p);
    }
    const detail = await p;
    set((s) => ({ byId: { ...s.byId, [id]: detail } }));
    return detail;
  },
  clear() {
    pending.clear();
    set({ byId: {} });
  },
}));

clearOnSignOut(() => usePolicyCache.getState().clear());

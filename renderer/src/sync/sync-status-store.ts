import { create } from 'zustand';
import type { SyncStatus } from '@shared/sync/api-schemas';
import { api } from '../api/client';
import { clearOnSignOut } from '../app/session-store';

// The sync status every page shows (the status bar) and the sync page in full: asked of the core
// every few seconds (one cheap read) and right after the person syncs or enrols.

export const SYNC_POLL_MS = 3000;

interface SyncStatusState {
  status: SyncStatus | null;
  refresh(): Promise<void>;
  set(status: SyncStatus): void;
}

export const useSyncStatusStore = create<SyncStatusState>((set) => ({
  status: null,
  async refresh() {
    try {
      set({ status: await api.syncStatus({}) });
    } catch {
      // the next poll tries again; a lost session is the sign-in screen's business
    }
  },
  set: (status) => set({ status }),
}));

clearOnSignOut(() => useSyncStatusStore.setState({ status: null }));

/** 1.2 MB, 340 KB */
export function bytes(n: number): string {
  if (n >= 1024 * 1024) return `${(n / 1024 / 1024).toFixed(1)} MB`;
  if (n >= 1024) return `${Math.round(n / 1024)} KB`;
  return `${n} B`;
}

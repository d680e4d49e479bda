import { create } from 'zustand';
import { PAGES, type PageId } from './pages';
import { clearOnSignOut } from './session-store';

// The page is kept in the address (#/tickets) so a reload comes back to it.
const fromHash = (): PageId | null => {
  const id = window.location.hash.replace(/^#\/?/, '');
  return (PAGES as readonly string[]).includes(id) ? (id as PageId) : null;
};

interface NavState {
  page: PageId | null;
  go(page: PageId): void;
}

export const useNavStore = create<NavState>((set) => ({
  page: fromHash(),
  go(page) {
    if (window.location.hash !== `#/${page}`) window.history.replaceState(null, '', `#/${page}`);
    set({ page });
  },
}));

// the next person starts on their own landing page
clearOnSignOut(() => useNavStore.setState({ page: null }));

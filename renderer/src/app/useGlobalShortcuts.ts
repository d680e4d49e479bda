import { useEffect } from 'react';
import type { Role } from '@shared/accounts/roles';
import { isTyping } from '../common/keys';
import { useCommandsStore } from './commands-store';
import { useNavStore } from './nav-store';
import { NUMBERED_PAGES, pagesFor } from './pages';


/**
 * Every global key of the workstation, in one place:
 * F1 help · Alt+1…6 pages · Ctrl+N new · Ctrl+F search · R return call.
 * Enter, Ctrl+Enter and Esc belong to the forms and dialogs themselves.
 */
export function useGlobalShortcuts(roles: readonly Role[] | null): void {
  useEffect(() => {
    const onKeyDown = (e: KeyboardEvent) => {
      const { commands, overlays, setShortcutsOpen } = useCommandsStore.getState();
      const overlayOpen = () => overlays > 0;
      if (e.key === 'F1') {
        e.preventDefault();
        setShortcutsOpen(true);
        return;
      }
      if (!roles) return;
      const ctrl = e.ctrlKey || e.metaKey;
      const key = e.key.toLowerCase();
      if (e.altKey && !ctrl && /^Digit[1-9]$/.test(e.code) && Number(e.code.slice(5)) <= NUMBERED_PAGES.length) {
        const page = NUMBERED_PAGES[Number(e.code.slice(5)) - 1]!;
        e.preventDefault();
        if (!overlayOpen() && pagesFor(roles).includes(page)) useNavStore.getState().go(page);
        return;
      }
      if (ctrl && !e.altKey && !e.shiftKey && key === 'n') {
        e.preventDefault();
        if (!overlayOpen()) commands.create?.();
        return;
      }
      if (ctrl && !e.altKey && key === 'f') {
        if (!commands.focusSearch || overlayOpen()) return;
        e.preventDefault();
        commands.focusSearch();
        return;
      }
      if (key === 'r' && !ctrl && !e.altKey && !e.shiftKey && !isTyping(e.target) && !overlayOpen()) {
        if (!commands.returnCall) return;
        e.preventDefault();
        commands.returnCall();
      }
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [roles]);
}

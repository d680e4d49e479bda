import { useEffect, useRef } from 'react';
import { create } from 'zustand';

/** What the current page does when a global shortcut is pressed. */
export interface PageCommands {
  /** Ctrl+N: new consultation / take a new call */
  create?: () => void;
  /** Ctrl+F */
  focusSearch?: () => void;
  /** R: return call on the selected ticket */
  returnCall?: () => void;
}

interface CommandsState {
  commands: PageCommands;
  /** dialogs and drawers open now: page shortcuts wait until they are closed (Esc) */
  overlays: number;
  shortcutsOpen: boolean;
  setShortcutsOpen(open: boolean): void;
}

export const useCommandsStore = create<CommandsState>((set) => ({
  commands: {},
  overlays: 0,
  shortcutsOpen: false,
  setShortcutsOpen: (shortcutsOpen) => set({ shortcutsOpen }),
}));

/** A page registers its commands while it is shown; the latest closures are always used. */
export function usePageCommands(commands: PageCommands): void {
  const latest = useRef(commands);
  latest.current = commands;
  const has = { create: !!commands.create, focusSearch: !!commands.focusSearch, returnCall: !!commands.returnCall };
  useEffect(() => {
    const registered: PageCommands = {};
    if (has.create) registered.create = () => latest.current.create?.();
    if (has.focusSearch) registered.focusSearch = () => latest.current.focusSearch?.();
    if (has.returnCall) registered.returnCall = () => latest.current.returnCall?.();
    useCommandsStore.setState({ commands: registered });
    return () => useCommandsStore.setState({ commands: {} });
  }, [has.create, has.focusSearch, has.returnCall]);
}

/** A drawer or dialog says it is open, so Ctrl+N or Alt+2 cannot pull the page away from under it. */
export function useOverlay(open: boolean): void {
  useEffect(() => {
    if (!open) return;
    useCommandsStore.setState((s) => ({ overlays: s.overlays + 1 }));
    return () => useCommandsStore.setState((s) => ({ overlays: s.overlays - 1 }));
  }, [open]);
}

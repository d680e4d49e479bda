import { useState } from 'react';

/**
 * For an antd Select a clerk leaves with Tab right after Enter. rc-select closes its list one task
 * after the choice (a MessageChannel message); on a busy PC the Tab typed just after Enter is
 * handled first, by the list that is still open: it takes Tab as "choose" and cancels it, so the
 * cursor stays in the select and what is typed next lands in its search box. Closing the list in
 * the same event as the choice lets that Tab move on. Spread the result on the Select.
 */
export function useClosesOnChoice(): { open: boolean; onOpenChange(open: boolean): void; onSelect(): void } {
  const [open, setOpen] = useState(false);
  return { open, onOpenChange: setOpen, onSelect: () => setOpen(false) };
}

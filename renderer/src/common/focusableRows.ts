import type { HTMLAttributes, KeyboardEvent } from 'react';

/**
 * Table rows a keyboard can use: Tab reaches them, ↑/↓ move between them, Enter opens one.
 * With `select`, a click or focus selects the row (and only Enter opens); without it a click opens.
 */
export function focusableRows<T>({ open, select }: { open: (row: T) => void; select?: (row: T) => void }) {
  return (row: T): HTMLAttributes<HTMLElement> => ({
    tabIndex: 0,
    style: { cursor: 'pointer' },
    onClick: () => (select ? select(row) : open(row)),
    onFocus: () => select?.(row),
    onKeyDown: (e: KeyboardEvent<HTMLElement>) => {
      if (e.target !== e.currentTarget) return;
      if (e.key === 'Enter') {
        e.preventDefault();
        open(row);
      } else if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
        e.preventDefault();
        const next = e.key === 'ArrowDown' ? e.currentTarget.nextElementSibling : e.currentTarget.previousElementSibling;
        if (next instanceof HTMLElement && next.tabIndex >= 0) next.focus();
      }
    },
  });
}

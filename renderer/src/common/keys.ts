import type { KeyboardEvent } from 'react';

/** Ctrl+Enter (⌘+Enter on a Mac keyboard) — save from anywhere in a form, textareas included. */
export const isCtrlEnter = (e: { key: string; ctrlKey: boolean; metaKey: boolean }) => e.key === 'Enter' && (e.ctrlKey || e.metaKey);

/** onKeyDown for a form's wrapper: Ctrl+Enter submits it, even from a textarea. */
export function submitOnCtrlEnter(submit: () => void) {
  return (e: KeyboardEvent) => {
    if (!isCtrlEnter(e)) return;
    e.preventDefault();
    e.stopPropagation();
    submit();
  };
}

/** Whether a key press belongs to a text field, so single-letter shortcuts leave it alone. */
export function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  const tag = target.tagName;
  if (tag === 'TEXTAREA' || tag === 'SELECT') return true;
  if (tag !== 'INPUT') return false;
  const type = (target as HTMLInputElement).type;
  return !['radio', 'checkbox', 'button', 'submit', 'reset'].includes(type);
}

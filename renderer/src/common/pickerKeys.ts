import type { KeyboardEvent } from 'react';

// The keys of a two-step picker (search, then choose from what was found), shared by the policy
// link panel and the application's item picker.

/** The search box: Esc clears the query before anything else; Enter only searches, never submits the form. */
export const searchBoxKeys = (query: string, clear: () => void, results: (e: KeyboardEvent) => void) => (e: KeyboardEvent) => {
  if (e.key === 'Escape' && query) {
    e.preventDefault();
    e.stopPropagation();
    clear();
    return;
  }
  results(e);
  if (e.key === 'Enter' && !e.ctrlKey && !e.metaKey) e.preventDefault();
};

/** The second step's list: Esc or Backspace goes back to the search. */
export const backToSearchKeys = (back: () => void, list: (e: KeyboardEvent) => void) => (e: KeyboardEvent) => {
  if (e.key === 'Escape' || (e.key === 'Backspace' && !e.altKey)) {
    e.preventDefault();
    e.stopPropagation();
    back();
    return;
  }
  list(e);
};

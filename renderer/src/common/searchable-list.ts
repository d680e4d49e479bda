// A store's list that follows a search box: the items for the query last typed, where a slower
// answer to an earlier query never overwrites a newer one. Spread into a zustand store.

export interface SearchableList<T> {
  items: T[];
  loading: boolean;
  query: string;
  /** the list for this query (default: the current one again) */
  load(query?: string): Promise<void>;
}

/** The list as before the first search (and after sign-out). */
export const emptyList = <T>(): Pick<SearchableList<T>, 'items' | 'loading' | 'query'> => ({ items: [], loading: false, query: '' });

export function searchableList<T>(
  fetch: (query: string) => Promise<T[]>,
  set: (partial: Partial<SearchableList<T>>) => void,
  get: () => SearchableList<T>,
): SearchableList<T> {
  let latest = 0;
  return {
    ...emptyList<T>(),
    async load(query = get().query) {
      const ticket = ++latest;
      set({ loading: true, query });
      try {
        const items = await fetch(query);
        if (ticket === latest) set({ items });
      } finally {
        if (ticket === latest) set({ loading: false });
      }
    },
  };
}

import { useEffect, useRef, useState } from 'react';
import type { AppErrorData } from '@shared/api/errors';
import { errorData } from './errors';
import { useDebounced } from './useDebounced';

export interface LiveSearch<T> {
  /** the last answer for the latest settled key (an older, slower answer never replaces it) */
  data: T | undefined;
  loading: boolean;
  error: AppErrorData | null;
  /** the key `data` answers */
  answered: string | null;
}

/**
 * Search as you type: runs `fetch` once `key` has stopped changing for `delay` ms; a response to an
 * earlier key that arrives late is dropped. `key` is whatever identifies the request (query, filters,
 * page) as a string; with `enabled` false nothing is fetched and the last answer is cleared.
 */
export function useLiveSearch<T>(key: string, fetch: () => Promise<T>, { delay = 150, enabled = true } = {}): LiveSearch<T> & { refresh(): void } {
  const settled = useDebounced(key, delay);
  const latestFetch = useRef(fetch);
  latestFetch.current = fetch;
  const seq = useRef(0);
  const [state, setState] = useState<LiveSearch<T>>({ data: undefined, loading: false, error: null, answered: null });
  const [round, setRound] = useState(0);

  useEffect(() => {
    const mine = ++seq.current;
    if (!enabled) {
      setState({ data: undefined, loading: false, error: null, answered: null });
      return;
    }
    setState((s) => ({ ...s, loading: true }));
    latestFetch.current().then(
      (data) => {
        if (mine === seq.current) setState({ data, loading: false, error: null, answered: settled });
      },
      (e: unknown) => {
        if (mine === seq.current) setState((s) => ({ ...s, loading: false, error: errorData(e), answered: settled }));
      },
    );
  }, [settled, enabled, round]);

  // a key newer than the one being answered counts as loading (the list is about to change)
  return { ...state, loading: state.loading || (enabled && key !== settled), refresh: () => setRound((r) => r + 1) };
}

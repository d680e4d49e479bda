import { useCallback, useRef, useState } from 'react';

/**
 * One save at a time: a second Enter while the first is on its way is ignored. When the work
 * returns 'closed' (the form is going away), it stays locked so the closing form cannot save twice.
 */
export function useSubmitOnce(): { busy: boolean; run: (work: () => Promise<'closed' | void>) => Promise<void> } {
  const inFlight = useRef(false);
  const [busy, setBusy] = useState(false);
  const run = useCallback(async (work: () => Promise<'closed' | void>) => {
    if (inFlight.current) return;
    inFlight.current = true;
    setBusy(true);
    let closed = false;
    try {
      closed = (await work()) === 'closed';
    } finally {
      if (!closed) {
        inFlight.current = false;
        setBusy(false);
      }
    }
  }, []);
  return { busy, run };
}

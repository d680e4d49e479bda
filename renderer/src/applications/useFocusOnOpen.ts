import { useEffect, useRef } from 'react';

/**
 * The first field of a dialog gets the cursor once the dialog has opened (antd's dialog moves the
 * focus to itself as it opens, after the children's `autoFocus`).
 */
export function useFocusOnOpen<T extends { focus(): void }>() {
  const ref = useRef<T>(null);
  useEffect(() => {
    const timer = setTimeout(() => ref.current?.focus());
    return () => clearTimeout(timer);
  }, []);
  return ref;
}

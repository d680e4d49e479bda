import { useEffect, useState, type KeyboardEvent } from 'react';

/**
 * ↓/↑ through a list while the focus stays where it is (a search box, or the list itself):
 * Enter takes the active entry, or the first when none is active yet. `resetKey` changing (a new
 * query, a new page) starts again from nothing.
 */
export function useActiveIndex(count: number, onEnter: (index: number) => void, resetKey: unknown) {
  const [active, setActive] = useState(-1);
  useEffect(() => setActive(-1), [resetKey]);
  useEffect(() => {
    if (active >= count) setActive(count - 1);
  }, [active, count]);

  const onKeyDown = (e: KeyboardEvent) => {
    if (e.nativeEvent.isComposing || e.altKey || e.ctrlKey || e.metaKey) return;
    if (e.key === 'ArrowDown' && count > 0) {
      e.preventDefault();
      setActive((a) => Math.min(count - 1, a + 1));
    } else if (e.key === 'ArrowUp' && count > 0) {
      e.preventDefault();
      setActive((a) => Math.max(0, a - 1));
    } else if (e.key === 'Enter' && count > 0) {
      e.preventDefault();
      e.stopPropagation();
      const index = active >= 0 ? active : 0;
      if (active < 0) setActive(0);
      onEnter(index);
    }
  };
  return { active, setActive, onKeyDown };
}

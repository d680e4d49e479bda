import { useEffect, useState } from 'react';
import { clock } from '../common/format';

/** mm:ss since the call was picked up (`since`: Date.now() at pick-up). */
export function CallTimer({ since }: { since: number }) {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 500);
    return () => clearInterval(timer);
  }, []);
  return (
    <span role="timer" data-testid="call-timer" style={{ fontVariantNumeric: 'tabular-nums' }}>
      {clock((now - since) / 1000)}
    </span>
  );
}

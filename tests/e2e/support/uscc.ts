import { usccCheckChar } from '@shared/enterprise/uscc';

/** A code with a correct check character, and the same code with a wrong one. */
export function usccPair(first17 = '91330106MA2H3K4L5'): { valid: string; wrongCheck: string } {
  const check = usccCheckChar(first17);
  const wrong = check === '0' ? '1' : '0';
  return { valid: first17 + check, wrongCheck: first17 + wrong };
}

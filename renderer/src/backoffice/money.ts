// Amounts in 兑现: typed in yuan (元, at most 2 decimals, commas allowed), kept and sent in fen (分)
// as an integer, so no floating-point cent is ever lost. Shown with the shared formatYuan.

const YUAN = /^(\d{1,12})(?:\.(\d{1,2}))?$/;

/** "12,000.00" / "12000" / "¥0.5" → fen; null when it is not an amount in yuan. */
export function yuanToFen(input: string): number | null {
  const m = YUAN.exec(input.replace(/[,，\s]/g, '').replace(/^[¥￥]/, ''));
  if (!m) return null;
  return Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0'));
}

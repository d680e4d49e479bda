// 统一社会信用代码 (Unified Social Credit Code), GB 32100-2015.
// 18 characters: 登记管理部门 (1) + 机构类别 (1) + 行政区划 (6 digits) + 主体标识码 (9) + 校验码 (1).
// The alphabet leaves out I, O, Z, S, V so that they are never misread as 1, 0, 2, 5, U.

export const USCC_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

export type UsccCheck =
  | { ok: true; code: string }
  | { ok: false; reason: 'USCC_LENGTH'; n: number }
  | { ok: false; reason: 'USCC_CHAR'; pos: number; ch: string }
  | { ok: false; reason: 'USCC_CHECKSUM' };

/** The check character for the first 17 characters (which must be in the alphabet). */
export function usccCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += USCC_ALPHABET.indexOf(first17[i]!) * WEIGHTS[i]!;
  const c = 31 - (sum % 31);
  return USCC_ALPHABET[c === 31 ? 0 : c]!;
}

/** Normalises (trim, upper case) and checks a code, saying what is wrong. */
export function checkUscc(input: string): UsccCheck {
  const code = input.trim().toUpperCase();
  const chars = [...code];
  if (chars.length !== 18) return { ok: false, reason: 'USCC_LENGTH', n: chars.length };
  for (let i = 0; i < 18; i++) {
    const ch = chars[i]!;
    // positions 3–8 are the GB/T 2260 region code: digits only
    const allowed = i >= 2 && i <= 7 ? /[0-9]/.test(ch) : USCC_ALPHABET.includes(ch);
    if (!allowed) return { ok: false, reason: 'USCC_CHAR', pos: i + 1, ch };
  }
  if (usccCheckChar(code.slice(0, 17)) !== code[17]) return { ok: false, reason: 'USCC_CHECKSUM' };
  return { ok: true, code };
}

/** While typing: a prefix is fine if every character so far is allowed. */
export function checkUsccPrefix(input: string): UsccCheck | { ok: true; partial: true } {
  const code = input.trim().toUpperCase();
  if (code.length >= 18) return checkUscc(code);
  for (let i = 0; i < code.length; i++) {
    const ch = code[i]!;
    const allowed = i >= 2 && i <= 7 ? /[0-9]/.test(ch) : USCC_ALPHABET.includes(ch);
    if (!allowed) return { ok: false, reason: 'USCC_CHAR', pos: i + 1, ch };
  }
  return { ok: true, partial: true };
}

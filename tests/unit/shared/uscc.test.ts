import { describe, expect, it } from 'vitest';
import { checkUscc, checkUsccPrefix, usccCheckChar } from '@shared/enterprise/uscc';

// Codes printed on real business licences (public registrations), check characters included.
const VALID = ['91350100M000100Y43', '91110000802100433B', '91440300708461136T', '9144030071526726XG'];

describe('统一社会信用代码 (GB 32100-2015)', () => {
  it.each(VALID)('accepts the real code %s', (code) => {
    expect(checkUscc(code)).toEqual({ ok: true, code });
  });

  it('normalises lower case and spaces a clerk types', () => {
    expect(checkUscc(' 91350100m000100y43 ')).toEqual({ ok: true, code: '91350100M000100Y43' });
  });

  it('computes the check character from the first 17', () => {
    for (const code of VALID) expect(usccCheckChar(code.slice(0, 17))).toBe(code[17]);
  });

  it('refuses a single mistyped character by its checksum', () => {
    expect(checkUscc('91350100M000100Y44')).toEqual({ ok: false, reason: 'USCC_CHECKSUM' });
    expect(checkUscc('91350100M000101Y43')).toEqual({ ok: false, reason: 'USCC_CHECKSUM' });
  });

  it('says the length when it is not 18', () => {
    expect(checkUscc('91350100M000100Y4')).toEqual({ ok: false, reason: 'USCC_LENGTH', n: 17 });
    expect(checkUscc('')).toEqual({ ok: false, reason: 'USCC_LENGTH', n: 0 });
  });

  it('names the position of a letter the standard leaves out (I O Z S V)', () => {
    expect(checkUscc('91350100M0001O0Y43')).toEqual({ ok: false, reason: 'USCC_CHAR', pos: 14, ch: 'O' });
  });

  it('wants digits in the region code (positions 3–8)', () => {
    expect(checkUscc('9135A100M000100Y43')).toEqual({ ok: false, reason: 'USCC_CHAR', pos: 5, ch: 'A' });
  });

  it('accepts a valid prefix while typing and flags a bad character at once', () => {
    expect(checkUsccPrefix('913501')).toEqual({ ok: true, partial: true });
    expect(checkUsccPrefix('91I')).toEqual({ ok: false, reason: 'USCC_CHAR', pos: 3, ch: 'I' });
  });
});

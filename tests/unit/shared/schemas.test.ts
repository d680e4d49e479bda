import { describe, expect, it } from 'vitest';
import { ConsultationFields, LIMITS } from '@shared/consultations/schemas';
import { parseOrThrow } from '@shared/api/validation';
import { AppError } from '@shared/api/errors';
import { contract, METHOD_NAMES } from '@shared/api/contract';

const good = { question: '高新技术企业认定需要哪些材料？', category: 'qualification', result: 'answered', answer: '见认定办法第十一条。' };

function fieldErrors(input: unknown) {
  try {
    parseOrThrow(ConsultationFields, input);
  } catch (e) {
    expect(e).toBeInstanceOf(AppError);
    return (e as AppError).fields ?? [];
  }
  throw new Error('expected a validation error');
}

describe('consultation fields', () => {
  it('accepts a filled-in consultation and fills the optional fields', () => {
    const v = parseOrThrow(ConsultationFields, { ...good, uscc: '91350100m000100y43' });
    expect(v.uscc).toBe('91350100M000100Y43');
    expect(v.contactName).toBe('');
    expect(v.minutesSpent).toBe(0);
  });

  it('refuses a question over the limit and says the limit and the length in Chinese', () => {
    const [err] = fieldErrors({ ...good, question: '问'.repeat(LIMITS.question + 1) });
    expect(err).toEqual({ path: 'question', message: `“咨询问题”最多 2,000 字，现为 2,001 字。` });
  });

  it('accepts a question exactly at the limit', () => {
    expect(parseOrThrow(ConsultationFields, { ...good, question: '问'.repeat(LIMITS.question) }).question).toHaveLength(LIMITS.question);
  });

  it('gives the USCC reason, not a generic message', () => {
    const [err] = fieldErrors({ ...good, uscc: '91350100M000100Y44' });
    expect(err).toEqual({ path: 'uscc', message: '统一社会信用代码校验位错误，请核对营业执照后重新输入。' });
  });

  it('wants a question and says so', () => {
    expect(fieldErrors({ ...good, question: '  ' })).toContainEqual({ path: 'question', message: '请填写“咨询问题”。' });
  });

  it('wants the problem type for 需回复 and the unit for 转办', () => {
    expect(fieldErrors({ ...good, result: 'reply_needed' })).toContainEqual({ path: 'complexity', message: '请填写“问题类型”。' });
    expect(fieldErrors({ ...good, result: 'transferred', complexity: 'simple' })).toContainEqual({ path: 'transferTo', message: '请填写“转办单位”。' });
  });

  it('asks for a category left empty rather than calling it malformed', () => {
    expect(fieldErrors({ ...good, category: undefined })).toContainEqual({ path: 'category', message: '请填写“咨询类别”。' });
    expect(fieldErrors({ ...good, category: 'nonsense' })).toContainEqual({ path: 'category', message: '“咨询类别”格式不正确。' });
  });

  it('checks phone numbers the Chinese way', () => {
    expect(parseOrThrow(ConsultationFields, { ...good, contactPhone: '0571-88886666' }).contactPhone).toBe('0571-88886666');
    expect(parseOrThrow(ConsultationFields, { ...good, contactPhone: '13912345678' }).contactPhone).toBe('13912345678');
    expect(fieldErrors({ ...good, contactPhone: '12abc' })[0]?.message).toContain('联系电话');
  });

  it('refuses unknown keys (a malformed call), naming them', () => {
    expect(fieldErrors({ ...good, isAdmin: true })[0]?.message).toContain('isAdmin');
  });

  it('limits minutes spent to a working day', () => {
    expect(fieldErrors({ ...good, minutesSpent: 601 })[0]?.path).toBe('minutesSpent');
    expect(fieldErrors({ ...good, minutesSpent: 1.5 })[0]?.path).toBe('minutesSpent');
  });
});

describe('API contract', () => {
  it('says who may call every method, and only the sign-in steps are public', () => {
    const publicOnes = METHOD_NAMES.filter((m) => contract[m].access === 'public');
    expect(publicOnes.sort()).toEqual(['appStatus', 'setupAdmin', 'signIn']);
    for (const m of METHOD_NAMES) {
      const a = contract[m].access;
      expect(a === 'signed-in' || a === 'public' || (Array.isArray(a) && a.length > 0)).toBe(true);
    }
  });

  it('keeps staff management to administrators', () => {
    for (const m of ['staffList', 'staffCreate', 'staffUpdate', 'calendarSet'] as const) expect(contract[m].access).toEqual(['admin']);
  });
});

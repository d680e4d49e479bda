import { z } from 'zod';
import { t } from '../i18n';
import { checkUscc } from '../enterprise/uscc';
import { isIsoDate } from '../time/china-time';

// Field schemas shared by every feature, with the limits a clerk sees in the form.

/** Optional free text: trimmed, '' when empty, limited. */
export const text = (max: number) => z.string().trim().max(max);
/** Required free text. */
export const requiredText = (max: number) => z.string().trim().min(1).max(max);

export const Uscc = z
  .string()
  .trim()
  .toUpperCase()
  .superRefine((v, ctx) => {
    if (v === '') return;
    const r = checkUscc(v);
    if (r.ok) return;
    const message =
      r.reason === 'USCC_LENGTH' ? t('error.USCC_LENGTH', { n: r.n })
      : r.reason === 'USCC_CHAR' ? t('error.USCC_CHAR', { pos: r.pos, ch: r.ch })
      : t('error.USCC_CHECKSUM');
    ctx.addIssue({ code: 'custom', message, params: { reason: r.reason } });
  });

// 手机 1[3-9]xxxxxxxxx; 固话 0区号-号码(-分机); 400/800; 短号 12345 等
const PHONE = /^(\+?86[- ]?)?(1[3-9]\d{9}|0\d{2,3}-?\d{7,8}(-\d{1,6})?|[48]00-?\d{3}-?\d{4}|\d{3,8})$/;

export const Phone = z
  .string()
  .trim()
  .max(24)
  .superRefine((v, ctx) => {
    if (v !== '' && !PHONE.test(v.replace(/\s/g, ''))) ctx.addIssue({ code: 'custom', message: '', params: { key: 'error.PHONE_FORMAT' } });
  });

export const IsoDateField = z.string().refine(isIsoDate, { params: { key: 'error.DATE_FORMAT' } });

export const Id = z.uuid();

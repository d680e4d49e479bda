import { t } from '@shared/i18n';

const group = (n: number, digits = 2) => n.toLocaleString('zh-CN', { maximumFractionDigits: digits });

/** 1,234.5 万元 — the enterprise data is kept in 万元. */
export const wan = (v: number | null | undefined): string => (v === null || v === undefined ? t('profile.notRecorded') : t('unit.wan', { n: group(v) }));

/** 85 人 */
export const persons = (v: number | null | undefined): string => (v === null || v === undefined ? t('profile.notRecorded') : t('unit.persons', { n: group(v, 0) }));

/** 3.25% */
export const percent = (v: number | null | undefined): string => (v === null || v === undefined ? t('profile.notRecorded') : t('unit.percent', { n: group(v) }));

/** 5.2 年 */
export const years = (v: number | null | undefined): string => (v === null || v === undefined ? t('profile.notRecorded') : t('unit.years', { n: group(v, 1) }));

import { t } from '@shared/i18n';
import { dayOfWeek, formatChinaDateTime, formatChineseDate } from '@shared/time/china-time';

const WEEKDAY_KEYS = ['weekday.0', 'weekday.1', 'weekday.2', 'weekday.3', 'weekday.4', 'weekday.5', 'weekday.6'] as const;

/** 2026年11月27日 星期五 */
export const chineseDateWithWeekday = (d: string): string => `${formatChineseDate(d)} ${t(WEEKDAY_KEYS[dayOfWeek(d)]!)}`;

/** 14:05 in China time, for today's lists. */
export const chinaTime = (isoInstant: string): string => formatChinaDateTime(isoInstant).slice(11);

/** 2026年11月27日 14:05 */
export const chineseDateTime = (isoInstant: string): string => {
  const s = formatChinaDateTime(isoInstant);
  return `${formatChineseDate(s.slice(0, 10))} ${s.slice(11)}`;
};

/** 03:07 — a running call's clock. */
export function clock(seconds: number): string {
  const s = Math.max(0, Math.floor(seconds));
  const mm = Math.floor(s / 60);
  return `${String(mm).padStart(2, '0')}:${String(s % 60).padStart(2, '0')}`;
}

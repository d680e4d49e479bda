// Business dates are China Standard Time (UTC+8, no daylight saving) whatever the PC's zone is set to,
// so a due date never depends on the machine's clock settings.

/** 'YYYY-MM-DD' — the only date format stored and passed around. */
export type IsoDate = string;

const CST_OFFSET_MS = 8 * 3600 * 1000;

export function chinaDate(instant: Date = new Date()): IsoDate {
  return new Date(instant.getTime() + CST_OFFSET_MS).toISOString().slice(0, 10);
}

/** 2026年11月27日 — the form used on documents and in the UI. */
export function formatChineseDate(d: IsoDate): string {
  const [y, m, day] = d.split('-').map(Number);
  return `${y}年${m}月${day}日`;
}

/** 2026-11-27 14:05 in China time, for list columns. */
export function formatChinaDateTime(isoInstant: string): string {
  const shifted = new Date(new Date(isoInstant).getTime() + CST_OFFSET_MS).toISOString();
  return `${shifted.slice(0, 10)} ${shifted.slice(11, 16)}`;
}

export function formatDuration(seconds: number): string {
  const m = Math.floor(seconds / 60);
  const s = seconds % 60;
  return m > 0 ? `${m}分${String(s).padStart(2, '0')}秒` : `${s}秒`;
}

/** Calendar arithmetic on ISO dates, done in UTC so no zone can shift it. */
export function addDays(d: IsoDate, n: number): IsoDate {
  const t = Date.parse(`${d}T00:00:00Z`) + n * 86400000;
  return new Date(t).toISOString().slice(0, 10);
}

export function dayOfWeek(d: IsoDate): number {
  return new Date(`${d}T00:00:00Z`).getUTCDay();
}

export function isIsoDate(s: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  const t = Date.parse(`${s}T00:00:00Z`);
  return !Number.isNaN(t) && new Date(t).toISOString().slice(0, 10) === s;
}

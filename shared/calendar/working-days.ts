import { addDays, dayOfWeek, type IsoDate } from '../time/china-time';

// 工作日历: weekends are rest days, except the adjusted working days (调休上班) that the State
// Council's annual notice declares; the notice's holidays are rest days even on weekdays.

export type CalendarDayKind = 'holiday' | 'workday';
export interface CalendarDay {
  date: IsoDate;
  kind: CalendarDayKind;
  name: string;
}

/** The published notice format (resources/calendar/cn-YYYY.json). */
export interface HolidayNotice {
  source?: string;
  year: number;
  holidays: { name: string; from: IsoDate; to: IsoDate }[];
  adjustedWorkdays: IsoDate[];
}

export function daysOfNotice(notice: HolidayNotice): CalendarDay[] {
  const days: CalendarDay[] = [];
  for (const h of notice.holidays) {
    for (let d = h.from, guard = 0; d <= h.to && guard < 31; d = addDays(d, 1), guard++) {
      days.push({ date: d, kind: 'holiday', name: h.name });
    }
  }
  for (const d of notice.adjustedWorkdays) days.push({ date: d, kind: 'workday', name: '调休上班' });
  return days;
}

export class WorkingDayCalendar {
  private readonly byDate: Map<IsoDate, CalendarDay>;
  private readonly years: Set<number>;

  constructor(days: readonly CalendarDay[]) {
    this.byDate = new Map(days.map((d) => [d.date, d]));
    this.years = new Set(days.map((d) => Number(d.date.slice(0, 4))));
  }

  /** Whether the official holidays of that year were entered; if not, only weekends count. */
  knowsYear(year: number): boolean {
    return this.years.has(year);
  }

  isWorkingDay(d: IsoDate): boolean {
    const special = this.byDate.get(d);
    if (special) return special.kind === 'workday';
    const w = dayOfWeek(d);
    return w !== 0 && w !== 6;
  }

  /**
   * The n-th working day counted from the day after `from` (期限自受理次日起算).
   * n = 0 gives `from` itself.
   */
  addWorkingDays(from: IsoDate, n: number): IsoDate {
    let d = from;
    // 40 calendar days per 10 working days is far more than any Chinese holiday run needs.
    for (let left = n, guard = 0; left > 0 && guard < n * 4 + 40; guard++) {
      d = addDays(d, 1);
      if (this.isWorkingDay(d)) left--;
    }
    return d;
  }

  /**
   * Working days from `today` to a due date: 0 on the day itself, negative once past it (at least
   * -1 on the day after, even a weekend's: past the due date is 超期, never 今天到期).
   */
  workingDaysLeft(today: IsoDate, due: IsoDate): number {
    return due >= today ? this.workingDaysBetween(today, due) : -Math.max(1, this.workingDaysBetween(due, today));
  }

  /** Working days after `from` up to and including `to` (0 when to <= from). */
  workingDaysBetween(from: IsoDate, to: IsoDate): number {
    let count = 0;
    for (let d = addDays(from, 1), guard = 0; d <= to && guard < 3700; d = addDays(d, 1), guard++) {
      if (this.isWorkingDay(d)) count++;
    }
    return count;
  }
}

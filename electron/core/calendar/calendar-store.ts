import fs from 'node:fs';
import path from 'node:path';
import type Database from 'better-sqlite3';
import { WorkingDayCalendar, daysOfNotice, type CalendarDay, type HolidayNotice } from '@shared/calendar/working-days';
import { HolidayNoticeSchema } from '@shared/calendar/schemas';

/** Reads the calendar table; the WorkingDayCalendar is rebuilt only after an edit. */
export class CalendarStore {
  private cached: WorkingDayCalendar | null = null;
  constructor(private readonly db: Database.Database) {}

  days(): CalendarDay[] {
    return this.db.prepare('SELECT date, kind, name FROM calendar_days ORDER BY date').all() as CalendarDay[];
  }

  years(): number[] {
    return (this.db.prepare('SELECT DISTINCT substr(date, 1, 4) AS y FROM calendar_days ORDER BY y').all() as { y: string }[]).map((r) => Number(r.y));
  }

  calendar(): WorkingDayCalendar {
    return (this.cached ??= new WorkingDayCalendar(this.days()));
  }

  invalidate(): void {
    this.cached = null;
  }

  /** Replaces a year's entries with a notice's (inside the caller's transaction). */
  writeNotice(notice: HolidayNotice, staffId: string | null, at: string): void {
    this.db.prepare("DELETE FROM calendar_days WHERE date LIKE ? || '-%'").run(String(notice.year));
    const ins = this.db.prepare('INSERT OR REPLACE INTO calendar_days (date, kind, name, updated_at, updated_by) VALUES (?, ?, ?, ?, ?)');
    for (const d of daysOfNotice(notice)) ins.run(d.date, d.kind, d.name, at, staffId);
    this.invalidate();
  }
}

/** The State Council notices shipped in resources/calendar, loaded into an empty calendar on first start. */
export function shippedNotices(resourcesDir: string): HolidayNotice[] {
  const dir = path.join(resourcesDir, 'calendar');
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .filter((f) => /^cn-\d{4}\.json$/.test(f))
    .sort()
    .map((f) => HolidayNoticeSchema.parse(JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8'))));
}

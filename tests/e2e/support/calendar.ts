import fs from 'node:fs';
import path from 'node:path';
import { WorkingDayCalendar, daysOfNotice, type HolidayNotice } from '@shared/calendar/working-days';
import { chinaDate } from '@shared/time/china-time';

/** The calendar a fresh workstation starts with: the State Council notices shipped in resources/. */
export function shippedCalendar(): WorkingDayCalendar {
  const dir = path.resolve(import.meta.dirname, '../../../resources/calendar');
  const notices = fs.readdirSync(dir).filter((f) => /^cn-\d{4}\.json$/.test(f)).map((f) => JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8')) as HolidayNotice);
  return new WorkingDayCalendar(notices.flatMap(daysOfNotice));
}

/** A simple question's reply is due one working day after today (China time). */
export const simpleDueDate = () => shippedCalendar().addWorkingDays(chinaDate(), 1);

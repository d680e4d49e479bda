import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { WorkingDayCalendar, daysOfNotice, type HolidayNotice } from '@shared/calendar/working-days';

const notice = JSON.parse(fs.readFileSync(path.resolve(import.meta.dirname, '../../../resources/calendar/cn-2026.json'), 'utf8')) as HolidayNotice;
const cal = new WorkingDayCalendar(daysOfNotice(notice));

describe('工作日历 2026 (国务院办公厅通知)', () => {
  it('knows ordinary weekdays and weekends', () => {
    expect(cal.isWorkingDay('2026-11-27')).toBe(true); // Friday
    expect(cal.isWorkingDay('2026-11-28')).toBe(false); // Saturday
  });

  it('rests on the holidays and works on the adjusted Saturdays and Sundays', () => {
    expect(cal.isWorkingDay('2026-10-05')).toBe(false); // 国庆 Monday
    expect(cal.isWorkingDay('2026-10-10')).toBe(true); // 调休 Saturday
    expect(cal.isWorkingDay('2026-02-14')).toBe(true); // 调休 Saturday before 春节
    expect(cal.isWorkingDay('2026-01-04')).toBe(true); // 调休 Sunday after 元旦
    expect(cal.isWorkingDay('2026-02-16')).toBe(false); // 春节 Monday
  });

  it('counts from the day after receipt', () => {
    expect(cal.addWorkingDays('2026-11-27', 1)).toBe('2026-11-30'); // Fri → Mon
    expect(cal.addWorkingDays('2026-11-25', 3)).toBe('2026-11-30'); // Wed → Thu, Fri, Mon
    expect(cal.addWorkingDays('2026-11-27', 0)).toBe('2026-11-27');
  });

  it('jumps the National Day week and lands on the adjusted Saturday', () => {
    // received Wed 30 Sep: 1–7 Oct holiday, Sat 10 Oct is a working day
    expect(cal.addWorkingDays('2026-09-30', 1)).toBe('2026-10-08');
    expect(cal.addWorkingDays('2026-09-30', 3)).toBe('2026-10-10');
  });

  it('jumps 春节 (15–23 Feb) and counts the working Saturday before it', () => {
    expect(cal.addWorkingDays('2026-02-13', 1)).toBe('2026-02-14');
    expect(cal.addWorkingDays('2026-02-13', 2)).toBe('2026-02-24');
  });

  it('counts working days between two dates', () => {
    expect(cal.workingDaysBetween('2026-09-30', '2026-10-10')).toBe(3);
    expect(cal.workingDaysBetween('2026-11-27', '2026-11-27')).toBe(0);
  });

  it('counts the working days left to a due date: 0 on the day, 超期 from the next day on, weekend or not', () => {
    expect(cal.workingDaysLeft('2026-11-25', '2026-11-27')).toBe(2); // Wed → Fri
    expect(cal.workingDaysLeft('2026-11-27', '2026-11-27')).toBe(0);
    expect(cal.workingDaysLeft('2026-11-28', '2026-11-27')).toBe(-1); // the Saturday after
    expect(cal.workingDaysLeft('2026-11-30', '2026-11-27')).toBe(-1); // Monday
    expect(cal.workingDaysLeft('2026-12-01', '2026-11-27')).toBe(-2);
    expect(cal.workingDaysLeft('2026-10-08', '2026-09-30')).toBe(-1); // the National Day week does not count
  });

  it('without a year’s notice falls back to weekends and says it does not know the year', () => {
    expect(cal.knowsYear(2026)).toBe(true);
    expect(cal.knowsYear(2027)).toBe(false);
    expect(cal.addWorkingDays('2027-01-01', 1)).toBe('2027-01-04'); // Fri → Mon
  });
});

import { create } from 'zustand';
import { WorkingDayCalendar, type CalendarDay } from '@shared/calendar/working-days';
import type { MethodOutput } from '@shared/api/contract';
import { api } from '../api/client';
import { clearOnSignOut } from '../app/session-store';

interface CalendarState {
  days: CalendarDay[];
  years: number[];
  calendar: WorkingDayCalendar;
  loaded: boolean;
  /** fetched once per session; the calendar page replaces it after each edit */
  ensureLoaded(): Promise<void>;
  replace(out: MethodOutput<'calendarDays'>): void;
}

/** The holiday calendar, so the forms can show a due date before anything is saved. */
export const useCalendarStore = create<CalendarState>((set, get) => ({
  days: [],
  years: [],
  calendar: new WorkingDayCalendar([]),
  loaded: false,
  async ensureLoaded() {
    if (get().loaded) return;
    get().replace(await api.calendarDays({}));
  },
  replace(out) {
    set({ days: out.days, years: out.years, calendar: new WorkingDayCalendar(out.days), loaded: true });
  },
}));

clearOnSignOut(() => useCalendarStore.setState({ loaded: false }));

import { z } from 'zod';
import { IsoDateField, requiredText } from '../api/fields';

export const CalendarDaySchema = z.object({
  date: z.string(),
  kind: z.enum(['holiday', 'workday']),
  name: z.string(),
});
export const CalendarSetInput = z.strictObject({
  date: IsoDateField,
  kind: z.enum(['holiday', 'workday']),
  name: requiredText(20),
});
export const CalendarRemoveInput = z.strictObject({ date: IsoDateField });
export const HolidayNoticeSchema = z.strictObject({
  source: z.string().max(200).optional(),
  year: z.number().int().min(2000).max(2100),
  holidays: z.array(z.strictObject({ name: requiredText(20), from: IsoDateField, to: IsoDateField })).max(30),
  adjustedWorkdays: z.array(IsoDateField).max(30),
});
export const CalendarDaysOutput = z.object({ days: z.array(CalendarDaySchema), years: z.array(z.number()) });

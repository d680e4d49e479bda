import { AppError } from '@shared/api/errors';
import { WORKING_DAYS_BY_COMPLEXITY } from '@shared/consultations/schemas';
import type { WorkingDayCalendar } from '@shared/calendar/working-days';
import type { CoreEnv } from '../api/handler-types';
import type { Fields } from '../consultations/consultation-repo';
import { recordChange } from '../db/record-change';
import { newId } from '../ids';
import type { TicketRepo } from './ticket-repo';

/** 答复期限: the date the clerk set, or 1 / 3 working days after today by complexity. */
export function dueDateFor(f: Fields, today: string, cal: WorkingDayCalendar): string | null {
  if (f.result === 'answered') return null;
  if (f.dueDate) {
    if (f.dueDate < today) throw new AppError('DUE_BEFORE_TODAY');
    return f.dueDate;
  }
  return cal.addWorkingDays(today, WORKING_DAYS_BY_COMPLEXITY[f.complexity ?? 'simple']);
}

/**
 * A consultation that is not answered on the spot (需回复 / 转办) has a ticket (工单) that keeps
 * its deadline; when an edit turns it into 已解答 the open ticket is closed. Runs inside the write.
 */
export function keepTicketInStep(
  env: CoreEnv, tickets: TicketRepo,
  c: { id: string; day: string; result: Fields['result']; dueDate: string | null }, staffId: string,
): void {
  const at = env.now().toISOString();
  const existing = tickets.byConsultation(c.id);
  if (c.result !== 'answered' && c.dueDate) {
    if (!existing) {
      const id = newId();
      const ticketNo = tickets.nextTicketNo(c.day, env.deviceId);
      tickets.insert({ id, ticketNo, consultationId: c.id, ownerId: staffId, dueDate: c.dueDate, at });
      const event = { id: newId(), ticketId: id, kind: 'created', at, staffId, outcome: null, note: '' };
      tickets.addEvent(event);
      recordChange(env, { entity: 'ticket', entityId: id, action: 'create', staffId, payload: { id, ticketNo, consultationId: c.id, dueDate: c.dueDate, event } });
    } else if (existing.status === 'open') {
      tickets.setDueDate(existing.id, c.dueDate);
      recordChange(env, { entity: 'ticket', entityId: existing.id, action: 'set_due', staffId, payload: { id: existing.id, dueDate: c.dueDate } });
    }
  } else if (existing?.status === 'open') {
    const event = { id: newId(), ticketId: existing.id, kind: 'closed', at, staffId, outcome: null, note: '咨询已改为“已解答”' };
    tickets.addEvent(event);
    tickets.close(existing.id, at);
    recordChange(env, { entity: 'ticket', entityId: existing.id, action: 'close', staffId, payload: { id: existing.id, event } });
  }
}

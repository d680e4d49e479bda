import { AppError } from '@shared/api/errors';
import { chinaDate } from '@shared/time/china-time';
import type { CoreEnv, Handlers } from '../api/handler-types';
import { signedIn } from '../api/handler-types';
import type { CalendarStore } from '../calendar/calendar-store';
import { recordChange } from '../db/record-change';
import { newId } from '../ids';
import { TicketRepo } from '../tickets/ticket-repo';
import { dueDateFor, keepTicketInStep } from '../tickets/follow-up';
import { ConsultationRepo } from './consultation-repo';

export function consultationHandlers(env: CoreEnv, calendar: CalendarStore): Pick<Handlers, 'consultationCreate' | 'consultationUpdate' | 'consultationGet' | 'consultationList'> {
  const repo = new ConsultationRepo(env.db);
  const tickets = new TicketRepo(env.db);
  const today = () => chinaDate(env.now());

  return {
    consultationCreate(input, caller) {
      const staff = signedIn(caller);
      const day = today();
      const dueDate = dueDateFor(input, day, calendar.calendar());
      return env.db.transaction(() => {
        const id = newId();
        const at = env.now().toISOString();
        repo.insertStarted(id, 'counter', { status: 'done', createdBy: staff.id, day }, at, null);
        repo.writeFields(id, input, dueDate, staff.id, at);
        repo.writeLinks(id, input.policyLinks);
        keepTicketInStep(env, tickets, { id, day, result: input.result, dueDate }, staff.id);
        const saved = repo.get(id)!;
        recordChange(env, { entity: 'consultation', entityId: id, action: 'create', staffId: staff.id, payload: saved });
        return saved;
      }).immediate();
    },

    consultationUpdate({ id, fields }, caller) {
      const staff = signedIn(caller);
      const day = today();
      return env.db.transaction(() => {
        const before = repo.get(id);
        if (!before || before.status !== 'done') throw new AppError('NOT_FOUND');
        if (before.day !== day) throw new AppError('EDIT_WINDOW_CLOSED');
        if (before.createdBy.id !== staff.id) throw new AppError('NOT_OWNER');
        const dueDate = dueDateFor(fields, day, calendar.calendar());
        const at = env.now().toISOString();
        repo.writeFields(id, fields, dueDate, staff.id, at);
        repo.writeLinks(id, fields.policyLinks);
        keepTicketInStep(env, tickets, { id, day, result: fields.result, dueDate }, staff.id);
        const saved = repo.get(id)!;
        recordChange(env, { entity: 'consultation', entityId: id, action: 'update', staffId: staff.id, payload: saved });
        return saved;
      }).immediate();
    },

    consultationGet({ id }) {
      const c = repo.get(id);
      if (!c || c.status !== 'done') throw new AppError('NOT_FOUND');
      return c;
    },

    consultationList({ day, query, channel }) {
      return repo.listDay(day ?? today(), query, channel);
    },
  };
}

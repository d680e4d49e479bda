import { AppError } from '@shared/api/errors';
import { chinaDate } from '@shared/time/china-time';
import type { CoreEnv, Handlers } from '../api/handler-types';
import { signedIn } from '../api/handler-types';
import type { CalendarStore } from '../calendar/calendar-store';
import { ConsultationRepo } from '../consultations/consultation-repo';
import { recordChange } from '../db/record-change';
import { newId } from '../ids';
import { TicketRepo } from '../tickets/ticket-repo';
import { dueDateFor, keepTicketInStep } from '../tickets/follow-up';

// 热线来电: "new call" records the start at once, so a call is on file even if the PC dies
// mid-call; "end call" fills it in and fixes the duration from the two server-side times.

export function hotlineHandlers(env: CoreEnv, calendar: CalendarStore): Pick<Handlers, 'callStart' | 'callInProgress' | 'callEnd' | 'callsByNumber'> {
  const repo = new ConsultationRepo(env.db);
  const tickets = new TicketRepo(env.db);

  return {
    callStart(_input, caller) {
      const staff = signedIn(caller);
      const now = env.now();
      const id = newId();
      env.db.transaction(() => {
        repo.insertStarted(id, 'hotline', { status: 'in_call', createdBy: staff.id, day: chinaDate(now) }, now.toISOString(), now.toISOString());
        recordChange(env, { entity: 'consultation', entityId: id, action: 'start_call', staffId: staff.id });
      }).immediate();
      return { id, startedAt: now.toISOString() };
    },

    callInProgress(_input, caller) {
      return repo.openCallOf(signedIn(caller).id) ?? null;
    },

    callEnd({ id, callerNumber, fields }, caller) {
      const staff = signedIn(caller);
      return env.db.transaction(() => {
        const call = repo.get(id);
        if (!call || call.channel !== 'hotline') throw new AppError('NOT_FOUND');
        if (call.status !== 'in_call') throw new AppError('CALL_ALREADY_ENDED');
        if (call.createdBy.id !== staff.id) throw new AppError('NOT_OWNER');
        const now = env.now();
        const durationSeconds = Math.max(0, Math.round((now.getTime() - Date.parse(call.startedAt!)) / 1000));
        const dueDate = dueDateFor(fields, call.day, calendar.calendar());
        const minutes = fields.minutesSpent || Math.ceil(durationSeconds / 60);
        repo.writeFields(id, { ...fields, minutesSpent: Math.min(minutes, 600) }, dueDate, staff.id, now.toISOString(), {
          callerNumber, endedAt: now.toISOString(), durationSeconds,
        });
        repo.writeLinks(id, fields.policyLinks);
        keepTicketInStep(env, tickets, { id, day: call.day, result: fields.result, dueDate }, staff.id);
        const saved = repo.get(id)!;
        recordChange(env, { entity: 'consultation', entityId: id, action: 'end_call', staffId: staff.id, payload: saved });
        return saved;
      }).immediate();
    },

    callsByNumber({ callerNumber }) {
      return callerNumber ? repo.byCallerNumber(callerNumber) : [];
    },
  };
}

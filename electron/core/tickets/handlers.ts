import { AppError } from '@shared/api/errors';
import { chinaDate } from '@shared/time/china-time';
import type { CoreEnv, Handlers } from '../api/handler-types';
import { signedIn } from '../api/handler-types';
import type { CalendarStore } from '../calendar/calendar-store';
import { recordChange } from '../db/record-change';
import { newId } from '../ids';
import { TicketRepo } from './ticket-repo';

export function ticketHandlers(env: CoreEnv, calendar: CalendarStore): Pick<Handlers, 'ticketList' | 'ticketGet' | 'ticketReturnCall'> {
  const repo = new TicketRepo(env.db);
  const today = () => chinaDate(env.now());
  const load = (id: string) => {
    const t = repo.get(id, today(), calendar.calendar());
    if (!t) throw new AppError('NOT_FOUND');
    return t;
  };

  return {
    ticketList({ includeClosed }, caller) {
      const staff = signedIn(caller);
      // managers supervise everyone's tickets; the others see their own
      const owner = staff.roles.includes('manager') ? null : staff.id;
      return repo.list(owner, includeClosed, today(), calendar.calendar());
    },

    ticketGet({ id }) {
      return load(id);
    },

    ticketReturnCall({ ticketId, outcome, note }, caller) {
      const staff = signedIn(caller);
      env.db.transaction(() => {
        const t = load(ticketId);
        if (t.status === 'closed') throw new AppError('TICKET_CLOSED');
        const at = env.now().toISOString();
        const events = [{ id: newId(), ticketId, kind: 'return_call', at, staffId: staff.id, outcome, note }];
        if (outcome === 'resolved') events.push({ id: newId(), ticketId, kind: 'closed', at, staffId: staff.id, outcome: null as never, note: '' });
        for (const e of events) repo.addEvent(e);
        if (outcome === 'resolved') repo.close(ticketId, at);
        recordChange(env, { entity: 'ticket', entityId: ticketId, action: 'return_call', staffId: staff.id, payload: { id: ticketId, events } });
      }).immediate();
      return load(ticketId);
    },
  };
}

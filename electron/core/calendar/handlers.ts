import { AppError } from '@shared/api/errors';
import type { CoreEnv, Handlers } from '../api/handler-types';
import { signedIn } from '../api/handler-types';
import { recordChange } from '../db/record-change';
import type { CalendarStore } from './calendar-store';

export function calendarHandlers(env: CoreEnv, store: CalendarStore): Pick<Handlers, 'calendarDays' | 'calendarSet' | 'calendarRemove' | 'calendarImportNotice'> {
  const snapshot = () => ({ days: store.days(), years: store.years() });
  const write = (staffId: string, action: string, entityId: string, detail: Record<string, unknown>, fn: () => void) => {
    env.db.transaction(() => {
      fn();
      recordChange(env, { entity: 'calendar', entityId, action, staffId, detail });
    }).immediate();
    store.invalidate();
    return snapshot();
  };

  return {
    calendarDays: snapshot,

    calendarSet(input, caller) {
      const staff = signedIn(caller);
      return write(staff.id, 'set', input.date, input, () => {
        env.db
          .prepare('INSERT INTO calendar_days (date, kind, name, updated_at, updated_by) VALUES (?, ?, ?, ?, ?) ON CONFLICT (date) DO UPDATE SET kind = excluded.kind, name = excluded.name, updated_at = excluded.updated_at, updated_by = excluded.updated_by')
          .run(input.date, input.kind, input.name, env.now().toISOString(), staff.id);
      });
    },

    calendarRemove(input, caller) {
      const staff = signedIn(caller);
      return write(staff.id, 'remove', input.date, {}, () => {
        if (env.db.prepare('DELETE FROM calendar_days WHERE date = ?').run(input.date).changes === 0) throw new AppError('NOT_FOUND');
      });
    },

    calendarImportNotice(input, caller) {
      const staff = signedIn(caller);
      return write(staff.id, 'import_notice', String(input.year), { source: input.source ?? '' }, () =>
        store.writeNotice(input, staff.id, env.now().toISOString()),
      );
    },
  };
}

import type { Handlers } from '../api/handler-types';
import { signedIn } from '../api/handler-types';
import type { DayCloser } from './day-close';
import type { SyncEngine } from './sync-engine';

type SyncMethods = 'syncStatus' | 'syncNow' | 'syncEnrol' | 'syncRejected' | 'syncDayClose' | 'syncDayCloseLast' | 'syncDayReport' | 'syncDayReportPrint';

export function syncHandlers(engine: SyncEngine, closer: DayCloser): Pick<Handlers, SyncMethods> {
  return {
    syncStatus: () => engine.status(),
    syncNow: () => engine.syncNow(),
    syncEnrol: (input) => engine.enrol(input),
    syncRejected: () => engine.rejected(),
    syncDayClose: (input, caller) => closer.run(input, signedIn(caller)),
    syncDayCloseLast: () => closer.last(),
    syncDayReport: ({ id }) => closer.report(id),
    syncDayReportPrint: ({ id, printer }) => closer.print(id, printer),
  };
}

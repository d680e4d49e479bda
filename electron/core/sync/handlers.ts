import type { Handlers } from '../api/handler-types';
import type { SyncEngine } from './sync-engine';

export function syncHandlers(engine: SyncEngine): Pick<Handlers, 'syncStatus' | 'syncNow' | 'syncEnrol' | 'syncRejected'> {
  return {
    syncStatus: () => engine.status(),
    syncNow: () => engine.syncNow(),
    syncEnrol: (input) => engine.enrol(input),
    syncRejected: () => engine.rejected(),
  };
}

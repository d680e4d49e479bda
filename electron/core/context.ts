import type Database from 'better-sqlite3';
import type { StaffSummary } from '@shared/accounts/schemas';

/** Everything a service needs; one per core. `now` is injectable so tests can move the clock. */
export interface CoreDeps {
  db: Database.Database;
  deviceId: string;
  now: () => Date;
}

/** Who is asking: the signed-in staff member (null before sign-in). */
export interface Caller {
  staff: StaffSummary | null;
  sessionId: string | null;
}

export type SignedInCaller = Caller & { staff: StaffSummary };

import { createEnrolCode } from '../../../server/devices/enrolment';
import { publishRecords } from '../../../server/admin/publish';
import { startTestCentral as startCentre, type Backend, type TestCentral as Centre } from '../../helpers/central';

// The real centre for the sync engine's tests (tests/helpers/central.ts), with what these tests
// do to it: make enrolment codes, run admin commands (that must succeed), publish records.

export interface SyncTestCentre {
  centre: Centre;
  url: string;
  address: { host: string; port: number };
  db: Centre['central']['db'];
  /** a one-time enrolment code, as `enrol-code` makes it */
  enrolCode(departments?: string[]): Promise<string>;
  /** an admin command (`npm run central -- …`); throws with its output when it is refused */
  admin(...argv: string[]): Promise<string[]>;
  /** records published as the admin commands publish them (for kinds without a command: the calendar) */
  publish(kind: { entity: string; op: string }, records: { id: string; payload: unknown }[]): Promise<unknown>;
  close(): Promise<void>;
}

export async function startSyncCentre(kind: Backend): Promise<SyncTestCentre> {
  const centre = await startCentre(kind);
  const db = centre.central.db;
  return {
    centre,
    url: centre.url,
    address: { host: '127.0.0.1', port: centre.central.port },
    db,
    enrolCode: async (departments = []) => (await createEnrolCode(db, { departments, ttlHours: 1 })).code,
    async admin(...argv) {
      const r = await centre.admin(...argv);
      if (r.code !== 0) throw new Error(`central ${argv.join(' ')} refused: ${[...r.out, ...r.err].join('\n')}`);
      return r.out;
    },
    publish: (k, records) => publishRecords(db, k, records),
    close: () => centre.close(),
  };
}

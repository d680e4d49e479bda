import path from 'node:path';
import type Database from 'better-sqlite3';
import type { AppStatus } from '@shared/api/contract';
import { AppError, type AppErrorData } from '@shared/api/errors';
import { chinaDate } from '@shared/time/china-time';
import { accountHandlers, centreName } from '../accounts/handlers';
import { Sessions } from '../accounts/sessions';
import { staffById, staffCount, toSummary } from '../accounts/staff-repo';
import type { CoreEnv, Handlers } from '../api/handler-types';
import { createDispatch, type Dispatch } from '../api/dispatch';
import { CalendarStore, shippedNotices } from '../calendar/calendar-store';
import { calendarHandlers } from '../calendar/handlers';
import { consultationHandlers } from '../consultations/handlers';
import { openDatabase } from '../db/open-database';
import { hotlineHandlers } from '../hotline/handlers';
import { newId } from '../ids';
import { ticketHandlers } from '../tickets/handlers';
import { loadSampleLibrary, policyHandlers } from '../policies/handlers';
import { enterpriseHandlers } from '../enterprises/handlers';
import { matchingHandlers } from '../matching/handlers';
import { createApplicationPorts } from '../applications/core-ports';
import { applicationHandlers } from '../applications/handlers';
import { deskHandlers } from '../applications/desk-handlers';
import { ScanDesk, type ScanDeskOptions } from '../applications/scan-desk';
import { startHousekeeping, type Housekeeping } from '../applications/housekeeping';
import { EnterpriseProfiles } from '../matching/enterprise-profiles';
import { MatchIndex } from '../matching/match-index';
import { warmPolicySearch } from '../policies/search/policy-search';
import { cupsPrinter, type SystemPrinter } from '../print';
import { getMeta, setMeta } from './meta';
import { SyncEngine } from '../sync/sync-engine';
import { syncHandlers } from '../sync/handlers';
import { backOfficeHandlers } from '../backoffice/handlers';
import { BlobStore } from '../materials/blob-store';
import { DayCloser } from '../sync/day-close';
import type { SendBlob } from '../sync/blob-sender';
import { enrolIfNew, type EnrolAtStart } from '../sync/enrol-at-start';

export interface CoreOptions {
  dataDir: string;
  resourcesDir: string;
  nativeBinding?: string;
  now?: () => Date;
  version?: string;
  log?: (message: string, error?: unknown) => void;
  /** scanners (SANE) and the copier's hot folder on this PC */
  scanning?: Omit<ScanDeskOptions, 'log'>;
  /** the PC's printers: CUPS unless the host prints itself (Electron's print path) */
  printer?: SystemPrinter;
  /** sync with the centre: the background loop (default on), the blob sender, batch and page sizes (tests, benchmarks) */
  sync?: { background?: boolean; sendBlob?: SendBlob; pushBatch?: number; pullPage?: number; enrolAtStart?: EnrolAtStart;
    /** shorter waits after failures (the fault tests): the first backoff between rounds, the uploader's retries */
    backoffBaseMs?: number; uploadRetryDelaysMs?: readonly number[] };
}

export interface Core {
  dispatch: Dispatch;
  status(): AppStatus;
  /** for tests and tools: the open database, or null when it could not be opened */
  db: Database.Database | null;
  close(): void;
}

export const DATABASE_FILE = 'policydesk.sqlite';

function firstStart(db: Database.Database, resourcesDir: string, now: Date): string {
  return db.transaction(() => {
    let deviceId = getMeta(db, 'device_id');
    if (!deviceId) {
      deviceId = newId();
      setMeta(db, 'device_id', deviceId);
    }
    const calendar = new CalendarStore(db);
    if (calendar.years().length === 0) {
      for (const notice of shippedNotices(resourcesDir)) calendar.writeNotice(notice, null, now.toISOString());
    }
    return deviceId;
  }).immediate();
}

/** Opens the store and wires every feature's handlers. Never throws: a bad database becomes a status. */
export function createCore(opts: CoreOptions): Core {
  const now = opts.now ?? (() => new Date());
  const log = opts.log ?? ((m, e) => console.error(`[core] ${m}`, e ?? ''));
  const version = opts.version ?? '0.1.0';
  let db: Database.Database | null = null;
  let dbError: AppErrorData | null = null;
  let env: CoreEnv | null = null;
  let handlers: Handlers | null = null;
  let desk: ScanDesk | null = null;
  let housekeeping: Housekeeping | null = null;
  let sync: SyncEngine | null = null;

  try {
    db = openDatabase(path.join(opts.dataDir, DATABASE_FILE), { nativeBinding: opts.nativeBinding });
    const deviceId = firstStart(db, opts.resourcesDir, now());
    env = { db, deviceId, now, version, sessions: new Sessions(now) };
    loadSampleLibrary(env, opts.resourcesDir);
    const calendar = new CalendarStore(db);
    const matching = new MatchIndex(db);
    const profiles = new EnterpriseProfiles(db);
    const printer = opts.printer ?? cupsPrinter();
    const { service, ...applicationMethods } = applicationHandlers(env, calendar, createApplicationPorts({ db, dataDir: opts.dataDir, resourcesDir: opts.resourcesDir, printer, log }));
    // the copier's scan-to-folder: a folder of the data directory unless set (a network share)
    const hotFolder = opts.scanning?.hotFolder ?? path.join(opts.dataDir, 'hot-folder');
    const scanDesk = (desk = new ScanDesk(service, { ...opts.scanning, hotFolder, log }));
    // in the background: PDFs a stopped scan batch left unbuilt, then unnamed blobs removed
    housekeeping = startHousekeeping({ db, dataDir: opts.dataDir, service, log });
    sync = new SyncEngine({
      db, deviceId, dataDir: opts.dataDir, now, log, sendBlob: opts.sync?.sendBlob, pushBatch: opts.sync?.pushBatch, pullPage: opts.sync?.pullPage,
      backoffBaseMs: opts.sync?.backoffBaseMs, uploadRetryDelaysMs: opts.sync?.uploadRetryDelaysMs,
      onChanged: (entities) => {
        if (entities.has('policy')) matching.invalidate();
        if (entities.has('enterprise')) profiles.invalidate();
        if (entities.has('calendar')) calendar.invalidate();
      },
    });
    if (opts.sync?.background !== false) sync.start();
    if (opts.sync?.enrolAtStart) enrolIfNew(sync, opts.sync.enrolAtStart, log);
    const e = env;
    handlers = {
      appStatus: () => status(),
      ...accountHandlers(e),
      ...consultationHandlers(e, calendar),
      ...hotlineHandlers(e, calendar),
      ...ticketHandlers(e, calendar),
      ...calendarHandlers(e, calendar),
      ...policyHandlers(e, () => matching.invalidate()),
      ...enterpriseHandlers(e, () => profiles.invalidate()),
      ...matchingHandlers(e, { items: matching, profiles }, opts.resourcesDir),
      ...applicationMethods,
      ...deskHandlers(e, scanDesk, printer),
      ...backOfficeHandlers(e, calendar, BlobStore.inDataDir(opts.dataDir)),
      ...syncHandlers(sync, new DayCloser({ db, engine: sync, dataDir: opts.dataDir, resourcesDir: opts.resourcesDir, now, log, localCentreName: () => centreName(e), printer })),
    };
    // the first search and the first match would otherwise pay for loading their in-memory data
    // (about a second each for a library of 20,000 policies): load it once the host is up
    setImmediate(() => {
      try {
        if (!e.db.open) return;
        warmPolicySearch(e.db);
        matching.warm();
      } catch (err) {
        log('warming the search and matching caches failed', err);
      }
    });
  } catch (e) {
    dbError = e instanceof AppError ? e.toData() : new AppError('DB_OPEN_FAILED', { path: opts.dataDir, reason: String(e) }).toData();
    log('database unavailable', e);
  }

  function status(): AppStatus {
    const base = { today: chinaDate(now()), version };
    if (!env) return { ...base, state: 'db_error', error: dbError, centreName: '', deviceId: '' };
    return { ...base, state: staffCount(env.db) === 0 ? 'setup' : 'ready', error: null, centreName: centreName(env), deviceId: env.deviceId };
  }

  const dispatch = createDispatch(() => ({
    handlers: handlers ?? { appStatus: () => status() },
    resolveStaff: (sessionId) => {
      if (!env) return null;
      const staffId = env.sessions.resolve(sessionId);
      const row = staffId ? staffById(env.db, staffId) : undefined;
      return row && row.active === 1 ? toSummary(row) : null;
    },
    log,
  }));

  return {
    dispatch,
    status,
    db,
    close: () => {
      void desk?.close();
      void sync?.close();
      housekeeping?.stop();
      db?.close();
    },
  };
}

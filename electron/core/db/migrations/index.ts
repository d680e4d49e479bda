import m0001 from './0001-initial';
import m0002 from './0002-policies-enterprises';
import m0003 from './0003-applications';
import m0004 from './0004-sync';
import m0005 from './0005-day-close';
import m0006 from './0006-backoffice';

/** Numbered migrations; the position in this list + 1 is the schema version (PRAGMA user_version). */
export const MIGRATIONS: readonly { version: number; name: string; sql: string }[] = [
  { version: 1, name: 'initial', sql: m0001 },
  { version: 2, name: 'policies-enterprises', sql: m0002 },
  { version: 3, name: 'applications', sql: m0003 },
  { version: 4, name: 'sync', sql: m0004 },
  { version: 5, name: 'day-close', sql: m0005 },
  { version: 6, name: 'backoffice', sql: m0006 },
];
export const LATEST_VERSION = MIGRATIONS.length;

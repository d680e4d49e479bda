import m0001 from './0001-initial';
import m0002 from './0002-policies-enterprises';

/** Numbered migrations; the position in this list + 1 is the schema version (PRAGMA user_version). */
export const MIGRATIONS: readonly { version: number; name: string; sql: string }[] = [
  { version: 1, name: 'initial', sql: m0001 },
  { version: 2, name: 'policies-enterprises', sql: m0002 },
];
export const LATEST_VERSION = MIGRATIONS.length;

import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { AppError } from '@shared/api/errors';
import { migrate } from './migrate';

/** Stores up to this size get a full quick_check when opened (about 0.3 s at this size here). */
export const QUICK_CHECK_MAX_BYTES = 64 * 1024 * 1024;

function fileSize(file: string): number {
  try {
    return fs.statSync(file).size;
  } catch {
    return 0;
  }
}

export interface OpenOptions {
  /** Path of a better_sqlite3.node built for this runtime (Electron keeps its own build apart). */
  nativeBinding?: string;
}

/**
 * Opens (creating if new) the workstation's database and brings its schema up to date.
 * Never writes to a file it cannot read as SQLite: a corrupt file is reported, not replaced.
 */
export function openDatabase(file: string, options: OpenOptions = {}): Database.Database {
  const dir = path.dirname(file);
  try {
    fs.mkdirSync(dir, { recursive: true });
    fs.accessSync(dir, fs.constants.W_OK);
  } catch {
    throw new AppError('DB_READONLY', { path: dir });
  }
  let db: Database.Database | undefined;
  try {
    db = new Database(file, options.nativeBinding ? { nativeBinding: options.nativeBinding } : {});
    // Reading the header first: on a file that is not SQLite this throws before anything is written.
    db.pragma('schema_version', { simple: true });
    // A full page check reads the whole file: seconds for a store that holds the enterprise
    // register. It runs at start for small stores; a damaged page in a large one still fails the
    // statement that touches it, and the error reaches the person as any other.
    if (fileSize(file) <= QUICK_CHECK_MAX_BYTES) {
      const check = db.pragma('quick_check', { simple: true });
      if (check !== 'ok') throw Object.assign(new Error(String(check)), { code: 'SQLITE_CORRUPT' });
    }
    db.pragma('journal_mode = WAL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    db.pragma('synchronous = NORMAL');
    migrate(db);
    return db;
  } catch (e) {
    db?.close();
    throw classifyOpenError(e, file);
  }
}

function classifyOpenError(e: unknown, file: string): AppError {
  if (e instanceof AppError) return e;
  const code = (e as { code?: string }).code ?? '';
  if (code === 'SQLITE_NOTADB' || code.startsWith('SQLITE_CORRUPT')) return new AppError('DB_CORRUPT', { path: file });
  if (code.startsWith('SQLITE_READONLY') || code.startsWith('SQLITE_CANTOPEN') || code === 'SQLITE_PERM' || code.startsWith('SQLITE_IOERR')) {
    return new AppError('DB_READONLY', { path: file });
  }
  return new AppError('DB_OPEN_FAILED', { path: file, reason: e instanceof Error ? e.message : String(e) });
}

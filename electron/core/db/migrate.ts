import type Database from 'better-sqlite3';
import { AppError } from '@shared/api/errors';
import { LATEST_VERSION, MIGRATIONS } from './migrations';

/**
 * Brings the schema to `target` (default: latest), all pending steps in one transaction, so a
 * failure leaves the file exactly as it was. A database from a newer build is refused, not touched.
 */
export function migrate(db: Database.Database, target = LATEST_VERSION): void {
  const current = db.pragma('user_version', { simple: true }) as number;
  if (current > LATEST_VERSION) throw new AppError('DB_NEWER', { found: current, supported: LATEST_VERSION });
  if (current >= target) return;
  db.transaction(() => {
    for (const m of MIGRATIONS) {
      if (m.version <= current || m.version > target) continue;
      db.exec(m.sql);
    }
    db.pragma(`user_version = ${Number(target)}`);
  }).immediate();
}

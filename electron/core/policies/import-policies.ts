import type Database from 'better-sqlite3';
import type { ImportReport } from '@shared/policies/api-schemas';
import { checkPolicyFile } from '@shared/policies/check-file';
import { upsertPolicies } from './policy-store';

/**
 * Validates a policy file record by record (shared/policies/check-file.ts): a bad policy is named
 * (id and field) and skipped, the rest are stored together in one transaction. A file that is not a
 * policy file at all is refused whole.
 */
export function importPolicyFile(db: Database.Database, content: string, at: string): ImportReport {
  const check = checkPolicyFile(content);
  if (check.refused) return { created: 0, updated: 0, rejected: 0, problems: check.problems };
  const { created, updated } = db.transaction(() => upsertPolicies(db, check.good, at)).immediate();
  return { created, updated, rejected: check.rejected, problems: check.problems };
}

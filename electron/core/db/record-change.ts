import type { CoreDeps } from '../context';
import { newId } from '../ids';

export interface Change {
  entity: string;
  entityId: string;
  /** e.g. 'create', 'update', 'end_call', 'return_call' */
  action: string;
  staffId: string | null;
  /** the record as the centre should see it; omitted for changes that stay on this PC */
  payload?: unknown;
  /** extra facts for the audit trail (never passwords) */
  detail?: Record<string, unknown>;
}

/**
 * Writes the audit row and, for records that must reach the centre, the outbox entry.
 * Call inside the same transaction as the record's own write: all three land, or none.
 */
export function recordChange(deps: CoreDeps, change: Change): void {
  if (!deps.db.inTransaction) throw new Error('recordChange must run inside the write transaction');
  const at = deps.now().toISOString();
  if (change.payload !== undefined) {
    deps.db
      .prepare('INSERT INTO outbox (id, entity, entity_id, op, payload, staff_id, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)')
      .run(newId(), change.entity, change.entityId, change.action, JSON.stringify(change.payload), change.staffId, at);
  }
  deps.db
    .prepare('INSERT INTO audit_log (id, at, staff_id, device_id, action, entity, entity_id, detail) VALUES (?, ?, ?, ?, ?, ?, ?, ?)')
    .run(newId(), at, change.staffId, deps.deviceId, change.action, change.entity, change.entityId, JSON.stringify(change.detail ?? {}));
}

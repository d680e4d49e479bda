import type Database from 'better-sqlite3';

// The sync engine's SQL: the one row of sync state and the outbox's sync columns (migration 0004).

export interface SyncStateRow {
  centre_url: string | null;
  centre_name: string;
  device_id: string | null;
  device_secret: string | null;
  departments: string;
  enrolled_at: string | null;
  pull_cursor: number;
  last_success_at: string | null;
  last_error: string | null;
  last_error_at: string | null;
  last_error_detail: string | null;
  stopped: number;
  /** how the centre lists this workstation (as enrolled) */
  device_name: string;
}

export interface OutboxRow {
  seq: number;
  id: string;
  entity: string;
  entity_id: string;
  op: string;
  payload: string;
  staff_id: string | null;
  created_at: string;
}

export interface RejectedRow extends OutboxRow {
  rejected_at: string;
  reject_code: string;
  reject_message: string;
  staff_name: string | null;
}

/** The last failure: a catalogue key with its parameters (shown to the person) and English detail (for the log). */
export interface LastError {
  /** sync.error.* */
  key: string;
  params: Record<string, string | number>;
  detail: string;
}

export class SyncStore {
  constructor(private readonly db: Database.Database) {}

  state(): SyncStateRow {
    return this.db.prepare('SELECT * FROM sync_state WHERE id = 1').get() as SyncStateRow;
  }

  enrolled(e: { centreUrl: string; centreName: string; deviceId: string; deviceName: string; secret: string; departments: string[]; at: string }): void {
    const before = this.state();
    // another centre: its feed starts again from the beginning
    const cursor = before.centre_url === e.centreUrl ? before.pull_cursor : 0;
    this.db
      .prepare(
        `UPDATE sync_state SET centre_url = ?, centre_name = ?, device_id = ?, device_name = ?, device_secret = ?, departments = ?, enrolled_at = ?,
           pull_cursor = ?, stopped = 0, last_error = NULL, last_error_at = NULL, last_error_detail = NULL WHERE id = 1`,
      )
      .run(e.centreUrl, e.centreName, e.deviceId, e.deviceName, e.secret, JSON.stringify(e.departments), e.at, cursor);
  }

  setCursor(cursor: number): void {
    this.db.prepare('UPDATE sync_state SET pull_cursor = ? WHERE id = 1').run(cursor);
  }

  succeeded(at: string): void {
    // a success also ends a stop (the centre readmitted this device and the person pressed "sync now")
    this.db.prepare('UPDATE sync_state SET last_success_at = ?, last_error = NULL, last_error_at = NULL, last_error_detail = NULL, stopped = 0 WHERE id = 1').run(at);
  }

  failed(error: LastError, at: string, stop = false): void {
    this.db
      .prepare('UPDATE sync_state SET last_error = ?, last_error_at = ?, last_error_detail = ?, stopped = CASE WHEN ? THEN 1 ELSE stopped END WHERE id = 1')
      .run(JSON.stringify({ key: error.key, params: error.params }), at, error.detail.slice(0, 2000), stop ? 1 : 0);
  }

  lastError(): (LastError & { at: string }) | null {
    const s = this.state();
    if (!s.last_error || !s.last_error_at) return null;
    const { key, params } = JSON.parse(s.last_error) as { key: string; params: Record<string, string | number> };
    return { key, params, detail: s.last_error_detail ?? '', at: s.last_error_at };
  }

  // ---- outbox ----

  /** Entries to push: not pushed, not refused, after `afterSeq`, in seq order. */
  waiting(afterSeq: number, limit: number): OutboxRow[] {
    return this.db
      .prepare(
        `SELECT seq, id, entity, entity_id, op, payload, staff_id, created_at FROM outbox
          WHERE pushed_at IS NULL AND rejected_at IS NULL AND seq > ? ORDER BY seq LIMIT ?`,
      )
      .all(afterSeq, limit) as OutboxRow[];
  }

  markPushed(ids: readonly string[], at: string): void {
    const stmt = this.db.prepare('UPDATE outbox SET pushed_at = ? WHERE id = ? AND pushed_at IS NULL');
    for (const id of ids) stmt.run(at, id);
  }

  markRejected(rejects: readonly { id: string; code: string; message: string }[], at: string): void {
    const stmt = this.db.prepare('UPDATE outbox SET rejected_at = ?, reject_code = ?, reject_message = ? WHERE id = ? AND pushed_at IS NULL');
    for (const r of rejects) stmt.run(at, r.code.slice(0, 100), r.message.slice(0, 2000), r.id);
  }

  counts(): { waiting: number; rejected: number; lastSeq: number } {
    return this.db
      .prepare(
        `SELECT
           (SELECT count(*) FROM outbox WHERE pushed_at IS NULL AND rejected_at IS NULL) AS waiting,
           (SELECT count(*) FROM outbox WHERE rejected_at IS NOT NULL) AS rejected,
           (SELECT coalesce(max(seq), 0) FROM outbox) AS lastSeq`,
      )
      .get() as { waiting: number; rejected: number; lastSeq: number };
  }

  lastSeq(): number {
    return this.db.prepare('SELECT coalesce(max(seq), 0) FROM outbox').pluck().get() as number;
  }

  rejected(limit = 500): RejectedRow[] {
    return this.db
      .prepare(
        `SELECT o.seq, o.id, o.entity, o.entity_id, o.op, o.payload, o.staff_id, o.created_at, o.rejected_at, o.reject_code, o.reject_message,
                s.display_name AS staff_name
           FROM outbox o LEFT JOIN staff s ON s.id = o.staff_id
          WHERE o.rejected_at IS NOT NULL ORDER BY o.rejected_at DESC, o.seq DESC LIMIT ?`,
      )
      .all(limit) as RejectedRow[];
  }

  /**
   * The outbox entries made in [from, to) (ISO instants in UTC, as the outbox keeps created_at),
   * with the refusal where there is one: the day's records for 日结.
   */
  madeBetween(from: string, to: string): (OutboxRow & Partial<RejectedRow>)[] {
    return this.db
      .prepare(
        `SELECT o.seq, o.id, o.entity, o.entity_id, o.op, o.payload, o.staff_id, o.created_at, o.rejected_at, o.reject_code, o.reject_message,
                s.display_name AS staff_name
           FROM outbox o LEFT JOIN staff s ON s.id = o.staff_id
          WHERE o.created_at >= ? AND o.created_at < ? ORDER BY o.seq`,
      )
      .all(from, to) as (OutboxRow & Partial<RejectedRow>)[];
  }
}

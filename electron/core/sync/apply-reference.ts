import type Database from 'better-sqlite3';
import type { z } from 'zod';
import type { Policy } from '@shared/policies/schemas';
import type { EnterpriseData } from '@shared/enterprises/schemas';
import type { HolidayNotice } from '@shared/calendar/working-days';
import { REFERENCE_PAYLOADS, type ReferenceKey, type StaffPayload } from '@shared/sync/feed';
import { upsertPolicies } from '../policies/policy-store';
import { upsertEnterprise } from '../enterprises/enterprise-store';
import { CalendarStore } from '../calendar/calendar-store';

// The reference data the centre publishes (shared/sync/feed.ts), written with the same stores the
// workstation's own imports use, so the search indexes and caches stay in step. Runs inside the
// transaction of the pull page. Each applier takes a run of consecutive changes of its kind.

type Payload<K extends ReferenceKey> = z.output<(typeof REFERENCE_PAYLOADS)[K]>;

export interface ApplyContext {
  db: Database.Database;
  at: string;
  log: (message: string, error?: unknown) => void;
}

export const REFERENCE_APPLIERS: { [K in ReferenceKey]: (ctx: ApplyContext, payloads: Payload<K>[]) => void } = {
  'policy:upsert': (ctx, policies: Policy[]) => void upsertPolicies(ctx.db, policies, ctx.at),
  'enterprise:upsert': (ctx, enterprises: EnterpriseData[]) => {
    for (const e of enterprises) upsertEnterprise(ctx.db, e, ctx.at);
  },
  'staff:upsert': (ctx, staff: StaffPayload[]) => {
    for (const s of staff) upsertCentreStaff(ctx, s);
  },
  'calendar:notice': (ctx, notices: HolidayNotice[]) => {
    const calendar = new CalendarStore(ctx.db);
    for (const n of notices) calendar.writeNotice(n, null, ctx.at);
  },
};

/**
 * A staff account from the centre, for sign-in here (also offline). The centre's id is kept, so
 * records made here name the same person at the centre. A local account that already has the
 * username under another id (made on this PC before it was enrolled) is left as it is, and logged.
 */
function upsertCentreStaff(ctx: ApplyContext, s: StaffPayload): void {
  const clash = ctx.db.prepare('SELECT id FROM staff WHERE username = ? AND id <> ?').pluck().get(s.username, s.id) as string | undefined;
  if (clash) {
    ctx.log(`sync: staff ${s.username} from the centre not applied: the local account ${clash} has that username`);
    return;
  }
  ctx.db
    .prepare(
      `INSERT INTO staff (id, username, display_name, password_hash, roles, active, created_at, created_by, updated_at)
       VALUES (@id, @username, @displayName, @passwordHash, @roles, @active, @updatedAt, NULL, @updatedAt)
       ON CONFLICT (id) DO UPDATE SET username = excluded.username, display_name = excluded.display_name,
         password_hash = excluded.password_hash, roles = excluded.roles, active = excluded.active, updated_at = excluded.updated_at`,
    )
    .run({ ...s, roles: JSON.stringify(s.roles), active: s.active ? 1 : 0 });
}

import { newId } from '../ids';
import { FEED, StaffPayload } from '@shared/sync/feed';
import { ROLES, type Role } from '@shared/accounts/roles';
import { Username } from '@shared/accounts/schemas';
import type { Db, Queryable } from '../db/types';
import { hashPassword, strongEnough } from '../accounts/passwords';
import { publishInTx } from './publish';
import { AdminError } from './errors';

// The centre's staff accounts. Each change is published (staff:upsert, to every device) so the
// workstations sign the person in, also offline, with the hash made here.

interface StaffRow {
  id: string;
  username: string;
  display_name: string;
  password_hash: string;
  roles: string[];
  department: string;
  active: boolean;
  updated_at: Date;
}

const payloadOf = (r: StaffRow): StaffPayload => StaffPayload.parse({
  id: r.id, username: r.username, displayName: r.display_name, passwordHash: r.password_hash, roles: r.roles,
  active: r.active, department: r.department, updatedAt: new Date(r.updated_at).toISOString(),
});

async function publish(tx: Queryable, row: StaffRow): Promise<void> {
  await publishInTx(tx, FEED.staffUpsert, [{ id: row.id, payload: payloadOf(row) }]);
}

export function parseRoles(text: string): Role[] {
  const roles = [...new Set(text.split(/[,，\s]+/).filter(Boolean))];
  if (roles.length === 0 || !roles.every((r): r is Role => (ROLES as readonly string[]).includes(r))) {
    throw new AdminError('central.staff.badRoles', { roles: text, allowed: ROLES.join(', ') });
  }
  return roles;
}

function checkPassword(password: string): void {
  if (!strongEnough(password)) throw new AdminError('error.PASSWORD_WEAK');
}

export async function listStaff(db: Db): Promise<StaffRow[]> {
  return (await db.query<StaffRow>('SELECT * FROM staff ORDER BY username')).rows;
}

export async function addStaff(db: Db, s: { username: string; displayName: string; roles: Role[]; department: string; password: string }): Promise<StaffRow> {
  const username = Username.safeParse(s.username);
  if (!username.success) throw new AdminError('central.staff.badUsername');
  const displayName = s.displayName.trim();
  if (!displayName || displayName.length > 30) throw new AdminError('central.staff.badDisplayName');
  checkPassword(s.password);
  const hash = await hashPassword(s.password);
  return db.transaction(async (tx) => {
    const { rows } = await tx.query<StaffRow>(
      `INSERT INTO staff (id, username, display_name, password_hash, roles, department) VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (username) DO NOTHING RETURNING *`,
      [newId(), username.data, displayName, hash, s.roles, s.department.trim()],
    );
    if (!rows[0]) throw new AdminError('error.USERNAME_TAKEN', { username: username.data });
    await publish(tx, rows[0]);
    return rows[0];
  });
}

function update(db: Db, username: string, set: string, params: unknown[]): Promise<StaffRow> {
  return db.transaction(async (tx) => {
    const { rows } = await tx.query<StaffRow>(`UPDATE staff SET ${set}, updated_at = now() WHERE username = $1 RETURNING *`, [username, ...params]);
    if (!rows[0]) throw new AdminError('central.staff.notFound', { username });
    await publish(tx, rows[0]);
    return rows[0];
  });
}

export const setStaffActive = (db: Db, username: string, active: boolean) => update(db, username, 'active = $2', [active]);

export async function setStaffPassword(db: Db, username: string, password: string): Promise<StaffRow> {
  checkPassword(password);
  return update(db, username, 'password_hash = $2', [await hashPassword(password)]);
}

import type Database from 'better-sqlite3';
import type { Staff, StaffSummary } from '@shared/accounts/schemas';
import type { Role } from '@shared/accounts/roles';

export interface StaffRow {
  id: string;
  username: string;
  display_name: string;
  password_hash: string;
  roles: string;
  active: number;
  created_at: string;
}

export const toStaff = (r: StaffRow): Staff => ({
  id: r.id,
  username: r.username,
  displayName: r.display_name,
  roles: JSON.parse(r.roles) as Role[],
  active: r.active === 1,
  createdAt: r.created_at,
});

export const toSummary = (r: StaffRow): StaffSummary => {
  const { id, username, displayName, roles } = toStaff(r);
  return { id, username, displayName, roles };
};

export const staffById = (db: Database.Database, id: string) =>
  db.prepare('SELECT * FROM staff WHERE id = ?').get(id) as StaffRow | undefined;

export const staffByUsername = (db: Database.Database, username: string) =>
  db.prepare('SELECT * FROM staff WHERE username = ?').get(username) as StaffRow | undefined;

export const staffCount = (db: Database.Database) =>
  (db.prepare('SELECT count(*) AS n FROM staff').get() as { n: number }).n;

export const activeAdminCount = (db: Database.Database) =>
  (db.prepare(`SELECT count(*) AS n FROM staff WHERE active = 1 AND EXISTS (SELECT 1 FROM json_each(staff.roles) WHERE value = 'admin')`).get() as { n: number }).n;

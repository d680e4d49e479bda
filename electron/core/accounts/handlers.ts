import { AppError } from '@shared/api/errors';
import type { Staff } from '@shared/accounts/schemas';
import { newId } from '../ids';
import { recordChange } from '../db/record-change';
import { getMeta, setMeta } from '../app/meta';
import type { CoreEnv, Handlers } from '../api/handler-types';
import { signedIn } from '../api/handler-types';
import { assertStrongPassword, hashPassword, verifyPassword } from './passwords';
import { activeAdminCount, staffById, staffByUsername, staffCount, toStaff, toSummary } from './staff-repo';

// A hash to compare against when the username is unknown, so both paths take the same time.
const DUMMY_HASH = 'scrypt$32768$8$1$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=';

export function accountHandlers(env: CoreEnv): Pick<Handlers, 'setupAdmin' | 'signIn' | 'signOut' | 'currentSession' | 'staffList' | 'staffCreate' | 'staffUpdate'> {
  const { db } = env;

  function insertStaff(s: { username: string; displayName: string; roles: string[]; hash: string; createdBy: string | null }): Staff {
    const id = newId();
    const at = env.now().toISOString();
    db.prepare(
      'INSERT INTO staff (id, username, display_name, password_hash, roles, active, created_at, created_by, updated_at) VALUES (?, ?, ?, ?, ?, 1, ?, ?, ?)',
    ).run(id, s.username, s.displayName, s.hash, JSON.stringify(s.roles), at, s.createdBy, at);
    const row = staffById(db, id)!;
    recordChange(env, {
      entity: 'staff', entityId: id, action: 'create', staffId: s.createdBy ?? id,
      detail: { username: s.username, roles: s.roles },
    });
    return toStaff(row);
  }

  return {
    async setupAdmin(input) {
      assertStrongPassword(input.password);
      const hash = await hashPassword(input.password);
      const staff = db.transaction(() => {
        if (staffCount(db) > 0) throw new AppError('ALREADY_SET_UP');
        setMeta(db, 'centre_name', input.centreName);
        return insertStaff({ username: input.username, displayName: input.displayName, roles: ['admin'], hash, createdBy: null });
      }).immediate();
      const summary = { id: staff.id, username: staff.username, displayName: staff.displayName, roles: staff.roles };
      return { sessionId: env.sessions.open(summary), staff: summary };
    },

    async signIn(input) {
      if (staffCount(db) === 0) throw new AppError('NOT_SET_UP');
      const row = staffByUsername(db, input.username);
      const ok = await verifyPassword(input.password, row?.password_hash ?? DUMMY_HASH);
      db.transaction(() =>
        recordChange(env, {
          entity: 'staff', entityId: row?.id ?? '', action: ok && row?.active ? 'sign_in' : 'sign_in_failed',
          staffId: row?.id ?? null, detail: { username: input.username },
        }),
      )();
      if (!row || !ok) throw new AppError('SIGN_IN_FAILED');
      if (row.active !== 1) throw new AppError('ACCOUNT_DISABLED');
      const staff = toSummary(row);
      return { sessionId: env.sessions.open(staff), staff };
    },

    signOut(_input, caller) {
      if (caller.sessionId) env.sessions.close(caller.sessionId);
      return { ok: true as const };
    },

    currentSession(_input, caller) {
      return { sessionId: caller.sessionId!, staff: signedIn(caller) };
    },

    staffList() {
      return (db.prepare('SELECT * FROM staff ORDER BY created_at').all() as Parameters<typeof toStaff>[0][]).map(toStaff);
    },

    async staffCreate(input, caller) {
      const admin = signedIn(caller);
      assertStrongPassword(input.password);
      const hash = await hashPassword(input.password);
      return db.transaction(() => {
        if (staffByUsername(db, input.username)) throw new AppError('USERNAME_TAKEN', { username: input.username });
        return insertStaff({ username: input.username, displayName: input.displayName, roles: [...new Set(input.roles)], hash, createdBy: admin.id });
      }).immediate();
    },

    async staffUpdate(input, caller) {
      const admin = signedIn(caller);
      if (input.password !== undefined) assertStrongPassword(input.password);
      const hash = input.password !== undefined ? await hashPassword(input.password) : undefined;
      const updated = db.transaction(() => {
        const row = staffById(db, input.id);
        if (!row) throw new AppError('NOT_FOUND');
        const roles = input.roles ? [...new Set(input.roles)] : (JSON.parse(row.roles) as string[]);
        const active = input.active ?? row.active === 1;
        const wasAdmin = row.active === 1 && (JSON.parse(row.roles) as string[]).includes('admin');
        if (wasAdmin && (!active || !roles.includes('admin')) && activeAdminCount(db) <= 1) throw new AppError('LAST_ADMIN');
        db.prepare('UPDATE staff SET display_name = ?, roles = ?, active = ?, password_hash = ?, updated_at = ? WHERE id = ?').run(
          input.displayName ?? row.display_name, JSON.stringify(roles), active ? 1 : 0, hash ?? row.password_hash,
          env.now().toISOString(), row.id,
        );
        recordChange(env, {
          entity: 'staff', entityId: row.id, action: 'update', staffId: admin.id,
          detail: { roles, active, passwordReset: hash !== undefined, note: input.note ?? '' },
        });
        return toStaff(staffById(db, row.id)!);
      }).immediate();
      if (!updated.active || input.roles || hash) env.sessions.closeAllOf(updated.id);
      return updated;
    },
  };
}

export function centreName(env: CoreEnv): string {
  return getMeta(env.db, 'centre_name') ?? '';
}

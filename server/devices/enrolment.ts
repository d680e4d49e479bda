import type { z } from 'zod';
import type { EnrolRequest, EnrolResponse } from '@shared/sync/protocol';
import type { Db } from '../db/types';
import { SyncHttpError } from '../http/errors';
import { newEnrolCode, newSecret, normaliseCode, sha256Hex } from './credentials';
import { getSetting } from '../settings';

/** Makes a one-time code (admin command `enrol-code`); only its hash is stored. */
export async function createEnrolCode(db: Db, opts: { departments: string[]; ttlHours: number }): Promise<{ code: string; expiresAt: string }> {
  const code = newEnrolCode();
  const { rows } = await db.query<{ expires_at: Date }>(
    "INSERT INTO enrolment_codes (code_hash, departments, expires_at) VALUES ($1, $2, now() + $3 * interval '1 hour') RETURNING expires_at",
    [sha256Hex(normaliseCode(code)), opts.departments, opts.ttlHours],
  );
  return { code, expiresAt: new Date(rows[0]!.expires_at).toISOString() };
}

/**
 * Uses the code once and enrols the device: a new secret (returned once, kept hashed). A device
 * enrolling again (a reinstalled workstation) gets a new secret; a revoked one is refused.
 */
export async function enrol(db: Db, req: z.infer<typeof EnrolRequest>): Promise<z.infer<typeof EnrolResponse>> {
  const secret = newSecret();
  const codeHash = sha256Hex(normaliseCode(req.code));
  const departments = await db.transaction(async (tx) => {
    const { rows } = await tx.query<{ departments: string[]; used_by: string | null; expired: boolean }>(
      'SELECT departments, used_by, expires_at <= now() AS expired FROM enrolment_codes WHERE code_hash = $1 FOR UPDATE',
      [codeHash],
    );
    const code = rows[0];
    if (!code) throw new SyncHttpError('enrol_code_invalid', 'no such enrolment code');
    if (code.used_by) throw new SyncHttpError('enrol_code_used', `the enrolment code was used by device ${code.used_by}`);
    if (code.expired) throw new SyncHttpError('enrol_code_expired', 'the enrolment code has expired');
    const existing = await tx.query<{ revoked_at: Date | null }>('SELECT revoked_at FROM devices WHERE id = $1 FOR UPDATE', [req.deviceId]);
    if (existing.rows[0]?.revoked_at) throw new SyncHttpError('enrol_device_revoked', `device ${req.deviceId} was revoked`);
    await tx.query(
      `INSERT INTO devices (id, name, credential_hash, departments) VALUES ($1, $2, $3, $4)
       ON CONFLICT (id) DO UPDATE SET name = excluded.name, credential_hash = excluded.credential_hash, departments = excluded.departments, enrolled_at = now()`,
      [req.deviceId, req.deviceName, sha256Hex(secret), code.departments],
    );
    await tx.query('UPDATE enrolment_codes SET used_by = $1, used_at = now() WHERE code_hash = $2', [req.deviceId, codeHash]);
    return code.departments;
  });
  return { deviceId: req.deviceId, secret, centreName: (await getSetting(db, 'centre_name')) ?? '', departments };
}

/** Revokes a device (admin command `device revoke`): every later request of it gets 401. */
export async function revokeDevice(db: Db, deviceId: string): Promise<boolean> {
  const r = await db.query('UPDATE devices SET revoked_at = now() WHERE id = $1 AND revoked_at IS NULL', [deviceId]);
  return r.rowCount > 0;
}

export async function listDevices(db: Db) {
  const { rows } = await db.query<{ id: string; name: string; departments: string[]; enrolled_at: Date; revoked_at: Date | null; last_seen_at: Date | null }>(
    'SELECT id, name, departments, enrolled_at, revoked_at, last_seen_at FROM devices ORDER BY enrolled_at',
  );
  return rows;
}

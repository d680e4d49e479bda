import type { Db } from '../db/types';
import { SyncHttpError } from '../http/errors';
import { parseBearer, sameHash, sha256Hex } from './credentials';

export interface Device {
  id: string;
  name: string;
  departments: string[];
}

const lastSeenWritten = new Map<string, number>();

/** The enrolled, not revoked device whose credential the request carries; else a 401. */
export async function authenticate(db: Db, header: string | undefined): Promise<Device> {
  const bearer = parseBearer(header);
  if (!bearer) throw new SyncHttpError('unauthenticated', 'no device credential (Authorization: Bearer <deviceId>.<secret>)');
  const { rows } = await db.query<{ id: string; name: string; credential_hash: string; departments: string[]; revoked_at: Date | null }>(
    'SELECT id, name, credential_hash, departments, revoked_at FROM devices WHERE id = $1',
    [bearer.deviceId],
  );
  const row = rows[0];
  // the same work whether or not the device exists
  const ok = sameHash(sha256Hex(bearer.secret), row?.credential_hash ?? '0'.repeat(64));
  if (!row || !ok) throw new SyncHttpError('credential_invalid', `credential for device ${bearer.deviceId} does not match`);
  if (row.revoked_at) throw new SyncHttpError('device_revoked', `device ${row.id} was revoked at ${new Date(row.revoked_at).toISOString()}`);
  // last seen to the minute: one write a minute per device and process, not one per request
  if ((lastSeenWritten.get(row.id) ?? 0) < Date.now() - 60_000) {
    lastSeenWritten.set(row.id, Date.now());
    await db.query("UPDATE devices SET last_seen_at = now() WHERE id = $1 AND (last_seen_at IS NULL OR last_seen_at < now() - interval '1 minute')", [row.id]);
  }
  return { id: row.id, name: row.name, departments: row.departments };
}

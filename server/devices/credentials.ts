import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { Uuid } from '@shared/sync/protocol';

// A device credential is `<deviceId>.<secret>`: the secret is 32 random bytes (base64url), shown to
// the workstation once; the centre keeps only its SHA-256. Enrolment codes are kept hashed alike.

export const sha256Hex = (s: string | Uint8Array) => createHash('sha256').update(s).digest('hex');

export const newSecret = () => randomBytes(32).toString('base64url');

export function sameHash(a: string, b: string): boolean {
  const x = Buffer.from(a, 'hex');
  const y = Buffer.from(b, 'hex');
  return x.length === 32 && y.length === 32 && timingSafeEqual(x, y);
}

/** The device id and secret of an `Authorization: Bearer <deviceId>.<secret>` header, or null. */
export function parseBearer(header: string | undefined): { deviceId: string; secret: string } | null {
  const m = /^Bearer ([0-9a-f-]{36})\.([A-Za-z0-9_-]{32,128})$/.exec(header ?? '');
  if (!m || !Uuid.safeParse(m[1]).success) return null;
  return { deviceId: m[1]!, secret: m[2]! };
}

// Crockford's base32 without I L O U: easy to read out and type in.
const CODE_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** A one-time enrolment code, e.g. K7QM-3XPA-9HDR (60 bits). */
export function newEnrolCode(): string {
  const bytes = randomBytes(12);
  const chars = [...bytes].map((b) => CODE_ALPHABET[b & 31]).join('');
  return `${chars.slice(0, 4)}-${chars.slice(4, 8)}-${chars.slice(8, 12)}`;
}

/** The code as stored (hashed): upper case, without spaces and dashes. */
export const normaliseCode = (code: string) => code.toUpperCase().replace(/[\s-]/g, '');

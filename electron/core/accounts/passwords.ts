import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';
import { AppError } from '@shared/api/errors';

// scrypt (RFC 7914) from Node's crypto: a memory-hard KDF that needs no native add-on, so the
// same code runs under Node and Electron. Parameters are stored with each hash so they can grow.
export const SCRYPT_PARAMS = { N: 2 ** 15, r: 8, p: 1 } as const;
type ScryptParams = { N: number; r: number; p: number };
let cost: ScryptParams = SCRYPT_PARAMS;
const KEY_LENGTH = 32;

/**
 * For the test processes only (tests/setup/cheap-passwords.ts): new hashes made with a lower cost,
 * so the suite's many set-ups and sign-ins do not spend minutes in scrypt (~0.16 s each). A hash
 * carries its parameters, so verifying is the same; `null` goes back to SCRYPT_PARAMS.
 */
export function useScryptCostForTests(params: ScryptParams | null): void {
  cost = params ?? SCRYPT_PARAMS;
}

function scryptAsync(password: string, salt: Buffer, keylen: number, opts: ScryptOptions): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    scrypt(password, salt, keylen, opts, (err, key) => (err ? reject(err) : resolve(key))),
  );
}

const maxmem = (N: number, r: number) => 256 * N * r;

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await scryptAsync(password, salt, KEY_LENGTH, { ...cost, maxmem: maxmem(cost.N, cost.r) });
  return ['scrypt', cost.N, cost.r, cost.p, salt.toString('base64'), key.toString('base64')].join('$');
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [alg, n, r, p, saltB64, keyB64] = stored.split('$');
  if (alg !== 'scrypt' || !saltB64 || !keyB64) return false;
  const expected = Buffer.from(keyB64, 'base64');
  const key = await scryptAsync(password, Buffer.from(saltB64, 'base64'), expected.length, {
    N: Number(n), r: Number(r), p: Number(p), maxmem: maxmem(Number(n), Number(r)),
  });
  return timingSafeEqual(key, expected);
}

/** 至少 8 位，同时包含字母和数字 — the floor for GB/T 22239 "strong passwords"; policy hardening comes later. */
export function assertStrongPassword(password: string): void {
  if (password.length < 8 || !/[A-Za-z]/.test(password) || !/[0-9]/.test(password)) throw new AppError('PASSWORD_WEAK');
}

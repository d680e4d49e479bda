import { randomBytes, scrypt, type ScryptOptions } from 'node:crypto';

// The workstation's password hash format (electron/core/accounts/passwords.ts), made here with the
// same parameters, so a workstation verifies the centre's staff offline with its own code:
// scrypt$N$r$p$<salt base64>$<key base64>.
export const SCRYPT_PARAMS = { N: 2 ** 15, r: 8, p: 1 } as const;
type ScryptParams = { N: number; r: number; p: number };
let cost: ScryptParams = SCRYPT_PARAMS;
const KEY_LENGTH = 32;

/** For the test processes only, as the workstation's useScryptCostForTests. */
export function useScryptCostForTests(params: ScryptParams | null): void {
  cost = params ?? SCRYPT_PARAMS;
}

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const opts: ScryptOptions = { ...cost, maxmem: 256 * cost.N * cost.r };
  const key = await new Promise<Buffer>((resolve, reject) => scrypt(password, salt, KEY_LENGTH, opts, (e, k) => (e ? reject(e) : resolve(k))));
  return ['scrypt', cost.N, cost.r, cost.p, salt.toString('base64'), key.toString('base64')].join('$');
}

/** The workstation's floor (PASSWORD_WEAK): at least 8 characters, letters and digits. */
export const strongEnough = (password: string) => password.length >= 8 && /[A-Za-z]/.test(password) && /[0-9]/.test(password);

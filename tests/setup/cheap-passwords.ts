import { useScryptCostForTests as workstation } from '../../electron/core/accounts/passwords';
import { useScryptCostForTests as centre } from '../../server/accounts/passwords';

// Before each test file (vitest setupFiles): staff passwords hashed with scrypt at N = 2^10, not
// the product's 2^15. The suite sets up admins and signs staff in hundreds of times, at ~0.16 s a
// hash; the format and the code are the product's, and tests/integration/core/accounts.test.ts
// checks the product's own cost. Processes the tests start (web host, workstation children) hash
// at the product's cost.
const CHEAP = { N: 2 ** 10, r: 8, p: 1 };
workstation(CHEAP);
centre(CHEAP);

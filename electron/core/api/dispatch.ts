import { contract, isMethodName, type Access } from '@shared/api/contract';
import { AppError, type Result } from '@shared/api/errors';
import { parseOrThrow } from '@shared/api/validation';
import type { StaffSummary } from '@shared/accounts/schemas';
import { t } from '@shared/i18n';
import type { Caller } from '../context';
import type { Handlers } from './handler-types';

export type Dispatch = (method: string, input: unknown, sessionId: string | null) => Promise<Result<unknown>>;

export interface DispatchOptions {
  /** while the database is unavailable only appStatus is here; the rest answer DB_UNAVAILABLE */
  handlers: Partial<Handlers>;
  resolveStaff: (sessionId: string | null) => StaffSummary | null;
  log: (message: string, error?: unknown) => void;
}

function checkAccess(access: Access, staff: StaffSummary | null): void {
  if (access === 'public') return;
  if (!staff) throw new AppError('UNAUTHENTICATED');
  if (access === 'signed-in') return;
  if (!staff.roles.some((r) => access.includes(r))) {
    throw new AppError('FORBIDDEN', { roles: access.map((r) => t(`role.${r}`)).join('、') });
  }
}

/**
 * The one door into the core for every transport: unknown method → UNKNOWN_METHOD, bad input →
 * VALIDATION (the core never sees it), wrong caller → UNAUTHENTICATED / FORBIDDEN. Errors are values.
 */
export function createDispatch(opts: () => DispatchOptions): Dispatch {
  return async (method, input, sessionId) => {
    const { handlers, resolveStaff, log } = opts();
    try {
      if (!isMethodName(method)) throw new AppError('UNKNOWN_METHOD', { method: method.slice(0, 60) });
      const spec = contract[method];
      const handler = handlers[method] as ((i: unknown, c: Caller) => unknown) | undefined;
      if (!handler) throw new AppError('DB_UNAVAILABLE');
      const parsed = parseOrThrow(spec.input, input ?? {});
      const staff = resolveStaff(sessionId);
      checkAccess(spec.access, staff);
      const caller: Caller = { staff, sessionId: staff ? sessionId : null };
      const value = await handler(parsed, caller);
      const out = spec.output.safeParse(value);
      if (!out.success) {
        log(`output of ${method} does not match the contract`, out.error);
        throw new AppError('INTERNAL');
      }
      return { ok: true, value: out.data };
    } catch (e) {
      if (e instanceof AppError) return { ok: false, error: e.toData() };
      log(`method ${method} failed`, e);
      return { ok: false, error: new AppError('INTERNAL').toData() };
    }
  };
}

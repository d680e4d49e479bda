import { t, type MessageKey, type MessageParams } from '../i18n';

/** Every error a person can meet, by code. The message comes from the catalogue (error.CODE). */
export const ERROR_CODES = [
  'VALIDATION', 'BAD_REQUEST', 'UNKNOWN_METHOD', 'UNAUTHENTICATED', 'FORBIDDEN', 'HOST_TOKEN',
  'BAD_ORIGIN', 'SIGN_IN_FAILED', 'ACCOUNT_DISABLED', 'ALREADY_SET_UP', 'NOT_SET_UP',
  'PASSWORD_WEAK', 'USERNAME_TAKEN', 'NOT_FOUND', 'EDIT_WINDOW_CLOSED', 'NOT_OWNER',
  'TICKET_CLOSED', 'CALL_ALREADY_ENDED', 'DUE_BEFORE_TODAY', 'LAST_ADMIN', 'DB_CORRUPT',
  'DB_READONLY', 'DB_OPEN_FAILED', 'DB_NEWER', 'DB_UNAVAILABLE', 'INTERNAL', 'NETWORK',
  'CALENDAR_DUPLICATE', 'SCANNER_NOT_FOUND', 'SCANNER_LOST', 'SCAN_FAILED', 'FILE_UNREADABLE',
  'DISK_FULL', 'PRINTER_NOT_FOUND', 'PRINTER_STOPPED', 'PRINT_FAILED', 'APPLICATION_STATE',
  'MATERIALS_INCOMPLETE', 'CENTRE_UNREACHABLE', 'ENROL_REFUSED', 'MATERIAL_NOT_YET_HERE',
  'SYNC_NOT_ENROLLED', 'DAY_CLOSE_OFFLINE', 'DAY_CLOSE_FAILED',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export interface FieldError {
  /** Dotted path of the field in the input, e.g. "enterprise.uscc". */
  path: string;
  message: string;
}

export interface AppErrorData {
  code: ErrorCode;
  message: string;
  fields?: FieldError[];
}

/** An error meant for the person at the counter; crosses every transport as AppErrorData. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly fields: FieldError[] | undefined;
  constructor(code: ErrorCode, params?: MessageParams, fields?: FieldError[]) {
    super(t(`error.${code}` as MessageKey, params));
    this.name = 'AppError';
    this.code = code;
    this.fields = fields;
  }
  toData(): AppErrorData {
    return this.fields ? { code: this.code, message: this.message, fields: this.fields } : { code: this.code, message: this.message };
  }
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: AppErrorData };

/** HTTP status for each error, so the web host and any HTTP client agree. */
export function httpStatusOf(code: ErrorCode): number {
  switch (code) {
    case 'VALIDATION': case 'BAD_REQUEST': case 'PASSWORD_WEAK': case 'DUE_BEFORE_TODAY': return 400;
    case 'UNAUTHENTICATED': case 'SIGN_IN_FAILED': case 'HOST_TOKEN': return 401;
    case 'FORBIDDEN': case 'BAD_ORIGIN': case 'ACCOUNT_DISABLED': case 'NOT_OWNER': case 'EDIT_WINDOW_CLOSED': return 403;
    case 'UNKNOWN_METHOD': case 'NOT_FOUND': return 404;
    case 'ALREADY_SET_UP': case 'NOT_SET_UP': case 'USERNAME_TAKEN': case 'TICKET_CLOSED':
    case 'CALL_ALREADY_ENDED': case 'LAST_ADMIN': case 'CALENDAR_DUPLICATE': case 'APPLICATION_STATE':
    case 'MATERIALS_INCOMPLETE': case 'ENROL_REFUSED': case 'MATERIAL_NOT_YET_HERE': return 409;
    case 'CENTRE_UNREACHABLE': case 'DAY_CLOSE_OFFLINE': case 'DAY_CLOSE_FAILED': return 502;
    case 'SYNC_NOT_ENROLLED': return 409;
    case 'FILE_UNREADABLE': return 422;
    case 'SCANNER_NOT_FOUND': case 'SCANNER_LOST': case 'SCAN_FAILED': case 'PRINTER_NOT_FOUND':
    case 'PRINTER_STOPPED': case 'PRINT_FAILED': return 502;
    case 'DISK_FULL': return 507;
    case 'DB_CORRUPT': case 'DB_READONLY': case 'DB_OPEN_FAILED': case 'DB_NEWER': case 'DB_UNAVAILABLE': return 503;
    case 'INTERNAL': case 'NETWORK': return 500;
  }
}

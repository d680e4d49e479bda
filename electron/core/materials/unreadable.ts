import { AppError } from '@shared/api/errors';
import { t, type MessageParams } from '@shared/i18n';

type Reason = 'notImage' | 'damagedImage' | 'tooLarge' | 'damagedPdf' | 'encryptedPdf' | 'emptyPdf';

/** FILE_UNREADABLE naming the file, with the reason in the counter's words. */
export function unreadable(name: string, reason: Reason, params?: MessageParams): AppError {
  return new AppError('FILE_UNREADABLE', { name, reason: t(`materials.reason.${reason}`, params) });
}

export const isUnreadable = (e: unknown): e is AppError => e instanceof AppError && e.code === 'FILE_UNREADABLE';

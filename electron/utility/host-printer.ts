import { AppError, ERROR_CODES, type AppErrorData, type ErrorCode } from '@shared/api/errors';
import type { HostPrintReply, HostPrintRequest } from '@shared/print/host-print';
import { PrinterInfo } from '@shared/print/schemas';
import { t } from '@shared/i18n';
import type { SystemPrinter } from '../core/print';

// The core's printers in Electron: each call is a request to the main process, which lists the
// printers with Chromium and prints with its print path (electron/main/print), and answers by id.
// An answer that never comes (main busy or gone) ends as PRINT_FAILED, so a print never hangs.

/** Longer than the main process's own print timeout (60 s) plus loading the PDF. */
export const HOST_PRINT_TIMEOUT_MS = 90_000;

export interface HostPrinter {
  printer: SystemPrinter;
  /** Takes a host-reply message; false when it is not one. */
  receive(message: unknown): boolean;
}

const isCode = (c: unknown): c is ErrorCode => typeof c === 'string' && (ERROR_CODES as readonly string[]).includes(c);

/** The main process's error as an AppError of ours, with its message (already in Chinese). */
function toAppError(data: AppErrorData): AppError {
  const e = new AppError(isCode(data.code) ? data.code : 'PRINT_FAILED', { reason: t('print.reason.unknown') });
  if (typeof data.message === 'string' && data.message) e.message = data.message;
  return e;
}

export function hostPrinter(post: (request: HostPrintRequest) => void, timeoutMs = HOST_PRINT_TIMEOUT_MS): HostPrinter {
  let nextId = 1;
  const waiting = new Map<number, { resolve(v: unknown): void; reject(e: AppError): void; timer: ReturnType<typeof setTimeout> }>();

  function ask(request: { op: 'printers' } | { op: 'print'; job: Extract<HostPrintRequest, { op: 'print' }>['job'] }): Promise<unknown> {
    const id = nextId++;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        waiting.delete(id);
        reject(new AppError('PRINT_FAILED', { reason: t('print.reason.timeout', { seconds: timeoutMs / 1000 }) }));
      }, timeoutMs);
      waiting.set(id, { resolve, reject, timer });
      try {
        post({ type: 'host-request', id, ...request } as HostPrintRequest);
      } catch (e) {
        clearTimeout(timer);
        waiting.delete(id);
        reject(new AppError('PRINT_FAILED', { reason: String(e) }));
      }
    });
  }

  return {
    printer: {
      async printers() {
        const list = PrinterInfo.array().safeParse(await ask({ op: 'printers' }));
        if (!list.success) throw new AppError('PRINT_FAILED', { reason: t('print.reason.unknown') });
        return list.data;
      },
      async print(job) {
        await ask({ op: 'print', job: { pdf: job.pdf, printer: job.printer, paper: job.paper, copies: job.copies } });
        // Chromium's print path reports success when the system took the job; it has no job id
        return { printer: job.printer ?? t('printUi.systemDefault'), jobId: null };
      },
    },
    receive(message) {
      const m = message as Partial<HostPrintReply> | null;
      if (typeof m !== 'object' || m === null || m.type !== 'host-reply' || typeof m.id !== 'number') return false;
      const w = waiting.get(m.id);
      if (!w) return true; // answered after its timeout: already reported
      waiting.delete(m.id);
      clearTimeout(w.timer);
      const r = m.result;
      if (r?.ok === true) w.resolve(r.value);
      else w.reject(r?.ok === false ? toAppError(r.error) : new AppError('PRINT_FAILED', { reason: t('print.reason.unknown') }));
      return true;
    },
  };
}

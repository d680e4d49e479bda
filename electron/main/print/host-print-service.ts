import { AppError } from '@shared/api/errors';
import { HostPrintRequest, type HostPrintReply } from '@shared/print/host-print';
import { t } from '@shared/i18n';
import { printerInfoOf, type DeviceInfo } from './print-options';
import type { ElectronPrintJob } from './print-pdf-window';

// The main process's answer to the core's printing requests (shared/print/host-print.ts): the
// printers Chromium sees, and printing a PDF with Electron's print path. Every request is checked
// against its schema first; the Electron calls are injected so this is tested without the binary.

export interface HostPrintDeps {
  devices(): Promise<DeviceInfo[]>;
  print(job: ElectronPrintJob): Promise<void>;
}

const looksLikeRequest = (m: unknown): m is { type: 'host-request'; id: number } =>
  typeof m === 'object' && m !== null && (m as { type?: unknown }).type === 'host-request' && Number.isSafeInteger((m as { id?: unknown }).id);

/** The reply to a host-request, or null for a message that is not one (nobody to answer). */
export async function answerHostPrint(message: unknown, deps: HostPrintDeps): Promise<HostPrintReply | null> {
  if (!looksLikeRequest(message)) return null;
  const reply = (result: HostPrintReply['result']): HostPrintReply => ({ type: 'host-reply', id: message.id, result });
  const parsed = HostPrintRequest.safeParse(message);
  if (!parsed.success) return reply({ ok: false, error: new AppError('BAD_REQUEST').toData() });
  const request = parsed.data;
  try {
    if (request.op === 'printers') return reply({ ok: true, value: (await deps.devices()).map(printerInfoOf) });
    await deps.print(request.job);
    return reply({ ok: true, value: null });
  } catch (e) {
    const error = e instanceof AppError ? e : new AppError('PRINT_FAILED', { reason: t('print.reason.systemPrint', { detail: String(e) }) });
    return reply({ ok: false, error: error.toData() });
  }
}

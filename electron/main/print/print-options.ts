import type { BrowserWindowConstructorOptions, WebContentsPrintOptions } from 'electron';
import { AppError } from '@shared/api/errors';
import { t } from '@shared/i18n';
import { mediaFor, type PageSizePt, type PaperKind } from '@shared/print/paper';
import { stoppedReason } from '@shared/print/reasons';
import type { PrinterInfo } from '@shared/print/schemas';

// Every decision of Electron's print path, as data (tests check them without the Electron binary);
// print-pdf-window.ts only carries them out.

/** An in-memory session of its own for the print window (hardened like the app's). */
export const PRINT_PARTITION = 'policydesk-print';
/** Chromium's PDF viewer starts after the page load event; give it this long before printing. */
export const PDF_VIEWER_SETTLE_MS = 800;
/** How long a silent print may take before it is reported as failed. */
export const PRINT_TIMEOUT_MS = 60_000;

export interface ElectronPrintRequest {
  /** the system's printer name; null = the system's default printer */
  printer: string | null;
  paper: PaperKind;
  copies: number;
  /** the PDF's page sizes in points (pdf-lib) */
  pages: readonly PageSizePt[];
}

/** webContents.print options: silent, to the chosen printer, on the document's paper, no margins. */
export function electronPrintOptions(req: ElectronPrintRequest): WebContentsPrintOptions {
  const media = mediaFor(req.paper, req.pages);
  return {
    silent: true,
    ...(req.printer ? { deviceName: req.printer } : {}),
    // a custom size is in microns (A4 = 210000 × 297000); the PDF is scaled onto it by Chromium
    pageSize: { width: Math.round(media.widthMm * 1000), height: Math.round(media.heightMm * 1000) },
    margins: { marginType: 'none' },
    landscape: false,
    printBackground: true,
    color: req.paper !== 'thermal-80',
    copies: Math.max(1, Math.trunc(req.copies)),
    collate: true,
  };
}

/** The hidden window that loads the PDF: no Node, sandboxed, its own session, not throttled while hidden. */
export function printWindowOptions(): BrowserWindowConstructorOptions {
  return {
    show: false,
    width: 800,
    height: 1100,
    webPreferences: {
      partition: PRINT_PARTITION,
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      // Chromium's PDF viewer renders the document that is printed
      plugins: true,
      backgroundThrottling: false,
      spellcheck: false,
      devTools: false,
    },
  };
}

/** What Electron's getPrintersAsync() tells of a printer (options are CUPS's on Linux, fewer elsewhere). */
export interface DeviceInfo { name: string; displayName?: string; description?: string; options?: Record<string, string> | object }

/**
 * A printer as the core describes printers (shared/print/schemas.ts). CUPS's printer-state 5 is
 * stopped, 4 printing; a platform that tells nothing is taken as ready. Electron does not say which
 * printer is the system's default, so isDefault is left out (printerFor then prints to "the default").
 */
export function printerInfoOf(device: DeviceInfo): PrinterInfo {
  const o = (device.options ?? {}) as Record<string, string | undefined>;
  const state = o['printer-state'] === '5' ? 'stopped' : o['printer-state'] === '4' ? 'printing' : 'idle';
  const accepting = o['printer-is-accepting-jobs'] !== 'false';
  const alerts = (o['printer-state-reasons'] ?? '').split(',').map((s) => s.trim()).filter((s) => s && s !== 'none');
  const message = o['printer-state-message'] ?? '';
  const ok = state !== 'stopped' && accepting;
  return {
    name: device.name,
    description: device.displayName || device.description || device.name,
    location: o['printer-location'] ?? '',
    state,
    accepting,
    reason: ok ? null : stoppedReason({ state, message, alerts }, { accepting, message }),
  };
}

/**
 * Before printing: a named printer must exist (PRINTER_NOT_FOUND), and a printer CUPS reports as
 * stopped or refusing jobs is refused with its reason (PRINTER_STOPPED).
 */
export function checkDevice(printer: string | null, devices: readonly DeviceInfo[]): void {
  if (printer === null) return;
  const device = devices.find((d) => d.name === printer);
  if (!device) throw new AppError('PRINTER_NOT_FOUND', { printer });
  const info = printerInfoOf(device);
  if (info.reason !== null) throw new AppError('PRINTER_STOPPED', { printer, reason: info.reason });
}

/** The error for print()'s failureReason ("Print job canceled", "Print job failed", "Invalid printer settings" …). */
export function printFailure(failureReason: string): AppError {
  if (/cancel/i.test(failureReason)) return new AppError('PRINT_FAILED', { reason: t('print.reason.systemPrintCanceled') });
  return new AppError('PRINT_FAILED', { reason: t('print.reason.systemPrint', { detail: failureReason || t('print.reason.unknown') }) });
}

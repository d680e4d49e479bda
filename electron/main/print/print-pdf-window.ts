import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { pathToFileURL } from 'node:url';
import { BrowserWindow, session } from 'electron';
import { PDFDocument } from 'pdf-lib';
import { AppError } from '@shared/api/errors';
import { t } from '@shared/i18n';
import type { PaperKind } from '@shared/print/paper';
import { hardenSession } from '../hardening';
import {
  PDF_VIEWER_SETTLE_MS, PRINT_PARTITION, PRINT_TIMEOUT_MS, checkDevice, electronPrintOptions, type DeviceInfo, printFailure, printWindowOptions,
} from './print-options';

// Electron's print path (Windows counters, or any host without CUPS tools): the PDF is written to a
// private temp file, shown in a hidden sandboxed window by Chromium's PDF viewer and printed
// silently with webContents.print. Decisions live in print-options.ts. The caller's bytes are only
// read: after an error it still holds the document for a reprint.

export interface ElectronPrintJob {
  pdf: Uint8Array;
  /** null = the system's default printer */
  printer: string | null;
  paper: PaperKind;
  copies: number;
}

let sessionHardened = false;

function printSession() {
  const ses = session.fromPartition(PRINT_PARTITION);
  if (!sessionHardened) {
    hardenSession(ses);
    sessionHardened = true;
  }
  return ses;
}

/** The printers Chromium sees, asked through a short-lived hidden window (none may be open). */
export async function listDevicesWithElectron(): Promise<DeviceInfo[]> {
  printSession();
  const win = new BrowserWindow(printWindowOptions());
  try {
    return await win.webContents.getPrintersAsync();
  } finally {
    win.destroy();
  }
}

export async function printPdfWithElectron(job: ElectronPrintJob): Promise<void> {
  let pages;
  try {
    pages = (await PDFDocument.load(job.pdf, { updateMetadata: false, ignoreEncryption: true })).getPages().map((p) => p.getSize());
  } catch {
    throw new AppError('PRINT_FAILED', { reason: t('print.reason.badPdf') });
  }
  printSession();
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'policydesk-print-'));
  const win = new BrowserWindow(printWindowOptions());
  try {
    checkDevice(job.printer, await win.webContents.getPrintersAsync());
    const file = path.join(dir, 'document.pdf');
    await fs.writeFile(file, job.pdf, { mode: 0o600 });
    await win.loadURL(pathToFileURL(file).href);
    await sleep(PDF_VIEWER_SETTLE_MS);
    const options = electronPrintOptions({ printer: job.printer, paper: job.paper, copies: job.copies, pages });
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new AppError('PRINT_FAILED', { reason: t('print.reason.timeout', { seconds: PRINT_TIMEOUT_MS / 1000 }) })), PRINT_TIMEOUT_MS);
      win.webContents.print(options, (success, failureReason) => {
        clearTimeout(timer);
        if (success) resolve();
        else reject(printFailure(failureReason));
      });
    });
  } finally {
    if (!win.isDestroyed()) win.destroy();
    await fs.rm(dir, { recursive: true, force: true });
  }
}

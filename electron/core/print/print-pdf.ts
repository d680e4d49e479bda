import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { PDFDocument } from 'pdf-lib';
import { AppError } from '@shared/api/errors';
import { t } from '@shared/i18n';
import { mediaFor, type PageSizePt, type PaperKind } from '@shared/print/paper';
import type { PrintJob } from '@shared/print/schemas';
import { cupsFailure, runCups } from './cups-command';
import { parseLpRequestId } from './lpstat-parse';
import { getPrinter } from './printers';

// Prints a PDF through CUPS: check the queue, then `lp` on a private temp copy. The caller's bytes
// are only read, never changed or released, so after any error it still holds the document for a
// reprint. Returning means CUPS accepted the job; waitForJob (jobs.ts) follows it to the paper.

export interface PrintPdfRequest {
  pdf: Uint8Array;
  /** the CUPS queue name (printerFor in shared/print/settings.ts picks it) */
  printer: string;
  paper: PaperKind;
  /** the job's name in the queue, e.g. "受理通知书 2026-0012" */
  title: string;
  copies?: number;
}

/** Each page's size in PDF points; PRINT_FAILED if the bytes are not a readable PDF. */
export async function pdfPageSizes(pdf: Uint8Array): Promise<PageSizePt[]> {
  try {
    const doc = await PDFDocument.load(pdf, { updateMetadata: false, ignoreEncryption: true });
    const sizes = doc.getPages().map((p) => p.getSize());
    if (sizes.length === 0) throw new Error('no pages');
    return sizes;
  } catch {
    throw new AppError('PRINT_FAILED', { reason: t('print.reason.badPdf') });
  }
}

/** lp's own arguments for a job (exported for the unit test). */
export function lpArgs(req: { printer: string; title: string; copies: number; media: string; fitToPage: boolean }, file: string): string[] {
  const title = req.title.replace(/[\r\n\t]+/g, ' ').trim().slice(0, 200) || 'PolicyDesk';
  return [
    '-d', req.printer,
    '-t', title,
    '-n', String(req.copies),
    '-o', `media=${req.media}`,
    ...(req.fitToPage ? ['-o', 'fit-to-page'] : []),
    file,
  ];
}

export async function printPdf(req: PrintPdfRequest): Promise<PrintJob> {
  const copies = Math.max(1, Math.min(99, Math.trunc(req.copies ?? 1)));
  const media = mediaFor(req.paper, await pdfPageSizes(req.pdf));

  // A stopped or refusing queue would hold the job (or refuse it) silently: say so before sending.
  const printer = await getPrinter(req.printer);
  if (printer.state === 'stopped' || !printer.accepting) {
    throw new AppError('PRINTER_STOPPED', { printer: printer.name, reason: printer.reason ?? t('print.reason.paused') });
  }

  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'policydesk-print-'));
  try {
    const file = path.join(dir, 'document.pdf');
    await fs.writeFile(file, req.pdf, { mode: 0o600 });
    const out = await runCups('lp', lpArgs({ printer: printer.name, title: req.title, copies, media: media.cupsMedia, fitToPage: media.fitToPage }, file), { timeoutMs: 60_000 });
    if (out.code !== 0) {
      // the queue changed between the check and lp
      if (/does not exist/i.test(out.stderr)) throw new AppError('PRINTER_NOT_FOUND', { printer: printer.name });
      if (/not accepting/i.test(out.stderr)) throw new AppError('PRINTER_STOPPED', { printer: printer.name, reason: t('print.reason.notAccepting') });
      throw cupsFailure(out);
    }
    const jobId = parseLpRequestId(out.stdout);
    if (!jobId) throw cupsFailure(out);
    return { jobId, printer: printer.name, paper: req.paper, media: media.cupsMedia, copies };
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
}

import { AppError } from '@shared/api/errors';
import { t } from '@shared/i18n';
import type { PaperKind } from '@shared/print/paper';
import type { PrinterInfo } from '@shared/print/schemas';
import { listPrinters } from './printers';
import { printPdf } from './print-pdf';
import { waitForJob } from './jobs';

// The PC's printers as the core sees them, whoever drives them: CUPS here (the web host, and Linux
// counters), or the Electron main process's print path, relayed from the utility process
// (electron/utility/host-printer.ts). Both throw AppErrors a clerk can act on.

export interface SystemPrintJob {
  pdf: Uint8Array;
  /** null = the system's default printer (only for a host that cannot tell which it is) */
  printer: string | null;
  paper: PaperKind;
  copies: number;
  /** the job's name in the queue, e.g. "受理通知书 2026-0012" */
  title: string;
}

export interface SystemPrinter {
  printers(): Promise<PrinterInfo[]>;
  /** Returns once the document is printed (or handed to a printer that cannot report more). */
  print(job: SystemPrintJob): Promise<{ printer: string; jobId: string | null }>;
}

export function cupsPrinter(opts: { waitMs?: number } = {}): SystemPrinter {
  return {
    printers: async () => (await listPrinters()).printers,
    async print(job) {
      // CUPS always says which printer is its default, so printerFor has named one
      if (job.printer === null) throw new AppError('PRINTER_NOT_FOUND', { printer: t('print.defaultPrinterMissing') });
      const sent = await printPdf({ pdf: job.pdf, printer: job.printer, paper: job.paper, title: job.title, copies: job.copies });
      // followed for a while, so a queue that stops or holds the job is a failure, not "printed"
      await waitForJob(sent, { timeoutMs: opts.waitMs ?? 15_000 });
      return { printer: sent.printer, jobId: sent.jobId };
    },
  };
}

import type Database from 'better-sqlite3';
import type { DocumentKind } from '@shared/applications/schemas';
import { PrintSettings, printerFor, type PrintDocType } from '@shared/print/settings';
import { listPrinters, printPdf, waitForJob } from '../print';
import type { PrintPorts } from './ports';

// Printing an issued document through CUPS: the printer and paper of its kind come from the print
// settings (table `settings`, key `print`), unless the clerk picked a printer. The job is followed
// for a while so that a queue that stops or holds it is reported as a failure, not as printed.

const DOC_TYPE: Record<DocumentKind, PrintDocType> = {
  acceptance: 'acceptance-notice',
  acceptance_thermal: 'acceptance-receipt-thermal',
  correction: 'correction-notice',
  refusal: 'refusal-notice',
  handover: 'handover-sheet',
  delivery: 'delivery-receipt',
};

export function printSettings(db: Database.Database): PrintSettings {
  const stored = db.prepare("SELECT value FROM settings WHERE key = 'print'").pluck().get() as string | undefined;
  return PrintSettings.parse(stored ? JSON.parse(stored) : {});
}

export function cupsPrintPort(db: Database.Database, opts: { waitMs?: number } = {}): PrintPorts {
  return {
    async print(bytes, { kind, title, printer }) {
      const settings = printSettings(db);
      const { paper, copies } = settings.documents[DOC_TYPE[kind]];
      // CUPS always knows its default, so printerFor names a printer here
      const name = printer ?? printerFor(DOC_TYPE[kind], settings, (await listPrinters()).printers).printer!;
      const job = await printPdf({ pdf: bytes, printer: name, paper, title, copies });
      await waitForJob(job, { timeoutMs: opts.waitMs ?? 15_000 });
      return { printer: job.printer, jobId: job.jobId };
    },
  };
}

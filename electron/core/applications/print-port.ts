import type Database from 'better-sqlite3';
import { PRINT_DOC_TYPE_OF, PrintSettings, printerFor } from '@shared/print/settings';
import type { SystemPrinter } from '../print';
import type { PrintPorts } from './ports';

// Printing an issued document: the printer, paper and copies of its kind come from the print
// settings (table `settings`, key `print`), unless the clerk picked a printer. The PC's printers
// are CUPS's or the Electron host's (SystemPrinter).

export function printSettings(db: Database.Database): PrintSettings {
  const stored = db.prepare("SELECT value FROM settings WHERE key = 'print'").pluck().get() as string | undefined;
  return PrintSettings.parse(stored ? JSON.parse(stored) : {});
}

export function documentPrintPort(db: Database.Database, system: SystemPrinter): PrintPorts {
  return {
    async print(bytes, { kind, title, printer }) {
      const settings = printSettings(db);
      const { paper, copies } = settings.documents[PRINT_DOC_TYPE_OF[kind]];
      // the printer the clerk picked, else the one the settings name for this kind of document
      const name = printer ?? printerFor(PRINT_DOC_TYPE_OF[kind], settings, await system.printers()).printer;
      return system.print({ pdf: bytes, printer: name, paper, copies, title });
    },
  };
}

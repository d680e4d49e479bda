import { z } from 'zod';
import { AppError } from '../api/errors';
import { t } from '../i18n';
import type { DocumentKind } from '../applications/schemas';
import { PaperKind } from './paper';

// Which printer and paper each document goes to. The lead keeps these settings in the database and
// edits them on the settings screen; `printerFor` turns them into the printer to use right now.

/** The documents the counter prints (labels: catalogue key `print.doc.<type>`). */
export const PRINT_DOC_TYPES = [
  'acceptance-notice', //          受理通知书
  'acceptance-receipt-thermal', // 受理回执（热敏）
  'correction-notice', //          一次性告知书
  'refusal-notice', //             不予受理通知书
  'handover-sheet', //             材料交接单
  'delivery-receipt', //           送达回执
  'policy-match-list', //          政策匹配清单
  'day-report', //                 日结报表
] as const;
export const PrintDocType = z.enum(PRINT_DOC_TYPES);
export type PrintDocType = z.infer<typeof PrintDocType>;

/** The settings line each issued document of an application prints by. */
export const PRINT_DOC_TYPE_OF: Record<DocumentKind, PrintDocType> = {
  acceptance: 'acceptance-notice',
  acceptance_thermal: 'acceptance-receipt-thermal',
  correction: 'correction-notice',
  refusal: 'refusal-notice',
  handover: 'handover-sheet',
  delivery: 'delivery-receipt',
};

/** A CUPS queue or Windows printer name, as the system spells it. */
export const PrinterName = z.string().trim().min(1).max(127);

export const DocPrintSetting = z.strictObject({
  /** a printer by name; null = the system's default printer (A4) or the thermal printer (receipts) */
  printer: PrinterName.nullable().default(null),
  paper: PaperKind,
  copies: z.number().int().min(1).max(9).default(1),
});
export type DocPrintSetting = z.infer<typeof DocPrintSetting>;

const defaultFor = (type: PrintDocType): DocPrintSetting => ({
  printer: null,
  paper: type === 'acceptance-receipt-thermal' ? 'thermal-80' : 'A4',
  copies: 1,
});

/**
 * The printing settings. Parsing `{}` gives the defaults (A4 documents to the system's default
 * printer, the receipt to the thermal printer named here), and a stored value from an older build
 * gets the defaults for document types it does not know yet.
 */
export const PrintSettings = z.strictObject({
  /** the 80 mm thermal receipt printer; null until an administrator names it */
  thermalPrinter: PrinterName.nullable().default(null),
  documents: z
    .strictObject(Object.fromEntries(PRINT_DOC_TYPES.map((type) => [type, DocPrintSetting.default(defaultFor(type))])) as {
      [K in PrintDocType]: z.ZodDefault<typeof DocPrintSetting>;
    })
    .default(Object.fromEntries(PRINT_DOC_TYPES.map((type) => [type, defaultFor(type)])) as Record<PrintDocType, DocPrintSetting>),
});
export type PrintSettings = z.infer<typeof PrintSettings>;
export type PrintSettingsInput = z.input<typeof PrintSettings>;

export const DEFAULT_PRINT_SETTINGS: PrintSettings = PrintSettings.parse({});

/**
 * A printer the host can print to. `isDefault` is what the host knows of the system default:
 * CUPS says which one it is; Electron's printer list does not, and prints to the default when it is
 * given no printer name.
 */
export interface AvailablePrinter { name: string; isDefault?: boolean }

export interface PrintTarget {
  docType: PrintDocType;
  /** the printer to name; null = the system's default, for a host that cannot tell which it is */
  printer: string | null;
  paper: PaperKind;
  copies: number;
}

/**
 * The printer, paper and copies for one document now. Throws PRINTER_NOT_FOUND (with a message
 * that says what to set) when the chosen printer is not installed, no thermal printer is named,
 * or the system has no default printer.
 */
export function printerFor(docType: PrintDocType, settings: PrintSettings, available: readonly AvailablePrinter[]): PrintTarget {
  const doc = settings.documents[docType];
  const target = (printer: string | null): PrintTarget => ({ docType, printer, paper: doc.paper, copies: doc.copies });
  const installed = (name: string) => available.some((p) => p.name === name);

  const named = doc.printer ?? (doc.paper === 'thermal-80' ? settings.thermalPrinter : null);
  if (named !== null) {
    if (!installed(named)) throw new AppError('PRINTER_NOT_FOUND', { printer: named });
    return target(named);
  }
  if (doc.paper === 'thermal-80') throw new AppError('PRINTER_NOT_FOUND', { printer: t('print.thermalPrinterNotSet') });
  const systemDefault = available.find((p) => p.isDefault === true);
  if (systemDefault) return target(systemDefault.name);
  const hostKnowsDefault = available.some((p) => p.isDefault !== undefined);
  if (available.length === 0 || hostKnowsDefault) throw new AppError('PRINTER_NOT_FOUND', { printer: t('print.defaultPrinterMissing') });
  return target(null);
}

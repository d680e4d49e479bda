// Printing through CUPS (Linux): the printers and their state, printing a PDF, following the job;
// and the SystemPrinter the core prints through (CUPS, or the Electron host's print path).
export { listPrinters, getPrinter, printerMedia } from './printers';
export { printPdf, pdfPageSizes, type PrintPdfRequest } from './print-pdf';
export { jobStatus, waitForJob, cancelJob, type WaitOptions } from './jobs';
export { cupsPrinter, type SystemPrinter, type SystemPrintJob } from './system-printer';

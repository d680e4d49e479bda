// Printing through CUPS (Linux): the printers and their state, printing a PDF, following the job.
export { listPrinters, getPrinter, printerMedia } from './printers';
export { printPdf, pdfPageSizes, type PrintPdfRequest } from './print-pdf';
export { jobStatus, waitForJob, cancelJob, type WaitOptions } from './jobs';

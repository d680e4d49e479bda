import { z } from 'zod';
import { PaperKind } from './paper';

// What the printing module reports, as schemas the API contract can name (printer list for the
// settings screen, the job a print made, and that job's state).

/** idle / printing, or stopped (CUPS "disabled": paused by someone, or halted by an error). */
export const PRINTER_STATES = ['idle', 'printing', 'stopped'] as const;
export const PrinterState = z.enum(PRINTER_STATES);
export type PrinterState = z.infer<typeof PrinterState>;

export const PrinterInfo = z.object({
  /** the queue name to print to */
  name: z.string(),
  description: z.string(),
  location: z.string(),
  state: PrinterState,
  /** false: the queue refuses new jobs (CUPS "reject") */
  accepting: z.boolean(),
  /** why it is stopped or refusing, in words a clerk can act on; null when all is well */
  reason: z.string().nullable(),
  /** the system's default printer; absent where the host cannot tell (Electron's printer list) */
  isDefault: z.boolean().optional(),
  /** the paper sizes it offers (CUPS PageSize choices), when asked for */
  media: z.array(z.string()).optional(),
});
export type PrinterInfo = z.infer<typeof PrinterInfo>;

export const PrinterList = z.object({
  printers: z.array(PrinterInfo),
  defaultPrinter: z.string().nullable(),
});
export type PrinterList = z.infer<typeof PrinterList>;

export const PrintJob = z.object({
  /** the CUPS job id, e.g. "PolicyDesk-PDF-12" */
  jobId: z.string(),
  printer: z.string(),
  paper: PaperKind,
  /** the media asked for, e.g. "A4" or "Custom.80x200mm" */
  media: z.string(),
  copies: z.number().int(),
});
export type PrintJob = z.infer<typeof PrintJob>;

/** IPP job states (RFC 8011 §5.3.7) by name. */
export const JOB_STATES = ['pending', 'held', 'processing', 'stopped', 'canceled', 'aborted', 'completed'] as const;
export const JobState = z.enum(JOB_STATES);
export type JobState = z.infer<typeof JobState>;

export const JobStatus = z.object({
  jobId: z.string(),
  printer: z.string(),
  state: JobState,
  /** IPP job-state-reasons keywords, e.g. ["job-hold-until-specified"] */
  reasons: z.array(z.string()),
  /** the printer's last word on this job (job-printer-state-message), if any */
  message: z.string().nullable(),
});
export type JobStatus = z.infer<typeof JobStatus>;

import { z } from 'zod';
import type { Result } from '../api/errors';
import { PaperKind } from './paper';

// Printing done by the host rather than the core: in Electron the core (in its utility process)
// asks the main process, which owns the windows and prints with Chromium's print path. These are
// the two requests and the answer; the main process checks every request against them.

export const HostPrintRequest = z.discriminatedUnion('op', [
  z.strictObject({ type: z.literal('host-request'), id: z.number().int().nonnegative(), op: z.literal('printers') }),
  z.strictObject({
    type: z.literal('host-request'),
    id: z.number().int().nonnegative(),
    op: z.literal('print'),
    job: z.strictObject({
      pdf: z.custom<Uint8Array>((v) => v instanceof Uint8Array && v.byteLength > 0, 'not a PDF'),
      /** null = the system's default printer */
      printer: z.string().min(1).max(200).nullable(),
      paper: PaperKind,
      copies: z.number().int().min(1).max(9),
    }),
  }),
]);
export type HostPrintRequest = z.infer<typeof HostPrintRequest>;

/** The answer: PrinterInfo[] for 'printers', null for 'print', or the AppError's data. */
export interface HostPrintReply {
  type: 'host-reply';
  id: number;
  result: Result<unknown>;
}

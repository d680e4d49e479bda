import { z } from 'zod';

// Scanning, the hot folder and the printers as the renderer sees them (the Node side is
// electron/core/scan and electron/core/print).

export const COLOUR_MODES = ['color', 'gray', 'bw'] as const;
export const SOURCES = ['flatbed', 'feeder', 'feeder-duplex'] as const;

export const ScannerView = z.object({
  name: z.string(),
  label: z.string(),
  resolutions: z.array(z.number()),
  defaultResolution: z.number().nullable(),
  modes: z.array(z.enum(COLOUR_MODES)),
  sources: z.array(z.enum(SOURCES)),
  /** why the device cannot be used, when it cannot */
  problem: z.string().nullable(),
});
export type ScannerView = z.infer<typeof ScannerView>;

export const ScanStartInput = z.strictObject({
  applicationId: z.string().min(1).max(64),
  materialId: z.string().min(1).max(64),
  device: z.string().min(1).max(200),
  resolution: z.number().int().min(50).max(1200),
  mode: z.enum(COLOUR_MODES),
  source: z.enum(SOURCES),
  /** feeder: stop after this many pages (default: until the feeder is empty) */
  count: z.number().int().min(1).max(500).optional(),
});

export const ScanJobView = z.object({
  jobId: z.string(),
  state: z.enum(['scanning', 'saving', 'done', 'failed', 'cancelled']),
  /** pages delivered by the scanner so far */
  pagesScanned: z.number(),
  /** pages processed and attached to the material */
  pagesSaved: z.number(),
  /** what went wrong (the pages scanned before it are kept) */
  error: z.object({ code: z.string(), message: z.string() }).nullable(),
});
export type ScanJobView = z.infer<typeof ScanJobView>;

export const JobInput = z.strictObject({ jobId: z.string().min(1).max(64) });

export const HotFolderView = z.object({
  folder: z.string(),
  watching: z.boolean(),
  /** files arriving now are attached to this material */
  armedFor: z.object({ applicationId: z.string(), materialId: z.string(), materialName: z.string() }).nullable(),
  /** files taken since the clerk armed it */
  taken: z.number(),
  problem: z.string().nullable(),
});
export const HotFolderArmInput = z.strictObject({
  target: z.object({ applicationId: z.string().min(1).max(64), materialId: z.string().min(1).max(64) }).nullable(),
});

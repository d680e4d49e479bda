import type Database from 'better-sqlite3';
import { BlobStore, type SweepResult } from '../materials';
import type { ApplicationService } from './application-service';
import { collectBlobs } from './blob-collector';

// Background work of the applications after the core starts, never in its way (timers that do
// not keep the process alive; errors only logged):
// - at once: the PDFs of materials a scan batch left unbuilt when the program stopped mid-batch;
// - some minutes later, then daily: unnamed blobs removed (blob-collector.ts).

export const BLOB_GC_DELAY_MS = 10 * 60 * 1000;
const BLOB_GC_EVERY_MS = 24 * 60 * 60 * 1000;

export interface Housekeeping {
  /** Runs the blob collector now (grace: default 24 h). */
  collectBlobsNow(opts?: { graceMs?: number }): Promise<SweepResult>;
  stop(): void;
}

export function startHousekeeping(opts: {
  db: Database.Database; dataDir: string; service: ApplicationService; log: (m: string, e?: unknown) => void; blobGcDelayMs?: number;
}): Housekeeping {
  const store = BlobStore.inDataDir(opts.dataDir);
  let stopped = false;
  const live = () => !stopped && opts.db.open;
  const collectBlobsNow = (o?: { graceMs?: number }) => collectBlobs(opts.db, store, o);

  const pdfs = setTimeout(() => {
    if (live()) opts.service.finishPdfs().catch((e: unknown) => live() && opts.log('building the PDFs a scan batch left unbuilt failed', e));
  }, 0);
  const gc = () => {
    if (live()) collectBlobsNow().catch((e: unknown) => live() && opts.log('removing unnamed blobs failed', e));
  };
  const first = setTimeout(gc, opts.blobGcDelayMs ?? BLOB_GC_DELAY_MS);
  const daily = setInterval(gc, BLOB_GC_EVERY_MS);
  for (const timer of [pdfs, first, daily]) timer.unref();

  return {
    collectBlobsNow,
    stop() {
      stopped = true;
      clearTimeout(pdfs);
      clearTimeout(first);
      clearInterval(daily);
    },
  };
}

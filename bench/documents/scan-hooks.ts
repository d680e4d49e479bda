import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { BlobStore, storeScannedPage } from '../../electron/core/materials';
import { encode, scannedPage } from '../../tests/integration/materials/scan-fixtures';
import { measureFeederBatch } from './feeder-batch';
import { summarize } from '../policy/measure';

// The scan figures, through the real pipeline: a page as `scanimage --format=pnm` delivers it
// (a realistic 300-dpi A4 letter, grey, with scanner noise, drawn by the materials tests'
// generator) processed and stored in a blob folder; and a 50-page feeder batch of SANE's own
// test scanner at 300 dpi through the core's scan desk into a material (feeder-batch.ts).

export interface ScanFigures {
  /** processing of one 300-dpi A4 scan (decode, measure, compress, store), median ms */
  onePageMs: number | null;
  onePageP95Ms: number | null;
  onePageBytes: number | null;
  /** 50-page feeder batch: time from scanStart to the first page recorded in the material, ms */
  batchFirstPageMs: number | null;
  /** 50-page feeder batch: total time to the job done (all 50 pages recorded, the material PDF built), ms */
  batchTotalMs: number | null;
  /** 50-page feeder batch: how many saves recorded the 50 pages */
  batchSaves?: number | null;
  /** why a figure is missing (no scanimage) */
  note: string | null;
}

export async function measureOneScanPage(runs = 15): Promise<{ median: number; p95: number; bytes: number }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pd-bench-page-'));
  try {
    const store = new BlobStore(dir);
    const pnm = encode.pnm(await scannedPage('letter', { dpi: 300, noise: 6, specks: 20 }));
    let bytes = 0;
    await storeScannedPage(store, 'warm.pnm', pnm, { dpi: 300 });
    const times: number[] = [];
    for (let i = 0; i < runs; i++) {
      fs.rmSync(path.join(dir), { recursive: true, force: true }); // store anew each time
      const t = performance.now();
      const page = await storeScannedPage(store, `page${i}.pnm`, pnm, { dpi: 300 });
      times.push(performance.now() - t);
      bytes = page.bytes;
    }
    const s = summarize(times);
    return { median: s.p50, p95: s.p95, bytes };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

export async function scanFigures(): Promise<ScanFigures> {
  const one = await measureOneScanPage();
  let batch: { firstPageMs: number | null; totalMs: number | null; saves: number | null } = { firstPageMs: null, totalMs: null, saves: null };
  let note: string | null = null;
  try {
    batch = await measureFeederBatch();
  } catch (e) {
    note = `feeder batch not measured: ${e instanceof Error ? e.message : String(e)} (apt-get install sane-utils)`;
  }
  return {
    onePageMs: one.median, onePageP95Ms: one.p95, onePageBytes: one.bytes,
    batchFirstPageMs: batch.firstPageMs, batchTotalMs: batch.totalMs, batchSaves: batch.saves, note,
  };
}

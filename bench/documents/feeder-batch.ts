import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PDFDocument } from 'pdf-lib';
import { makeCore, RESOURCES, withStaff } from '../../tests/helpers/core';
import { testSane } from '../../tests/integration/scan/fixtures';

// A feeder batch as the clerk runs it: a core on a temporary data folder, an application, and
// `scanStart` on SANE's test scanner (full A4 at 300 dpi, its grey-bar test picture, so the pages
// are about as heavy as real letters), polled like the renderer polls it. "First page" is the
// moment the first page is recorded in the material (what applicationGet shows the clerk), "total"
// the moment the job reports done: every page recorded and the material PDF built.

const COMPANY = '91330108MA2BYF300E';
const ITEM = 'HZ-KJ-2024-03-01';

export interface FeederBatchFigures {
  firstPageMs: number;
  totalMs: number;
  /** how many saves recorded the pages (pages_added events) */
  saves: number;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function measureFeederBatch(pages = 50): Promise<FeederBatchFigures> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pd-bench-feeder-'));
  const sane = testSane(dir);
  // the test backend's scan area is 80 × 100 mm by default: make it A4, with grey bars instead of black
  fs.appendFileSync(path.join(sane.env!.SANE_CONFIG_DIR!, 'test.conf'), 'geometry_max 300.0\nbr_x 210.0\nbr_y 297.0\ntest-picture "Color pattern"\n');
  const tc = makeCore({ dataDir: path.join(dir, 'data'), scanning: { sane } });
  try {
    const s = await withStaff(tc, [
      { username: 'clerk', displayName: '李娜', roles: ['counter'] },
      { username: 'keeper', displayName: '后台小周', roles: ['backoffice'] },
    ]);
    const csv = fs.readFileSync(path.join(RESOURCES, 'enterprises', 'sample-enterprises.csv'));
    await tc.call('enterpriseImport', { fileName: 'sample-enterprises.csv', contentBase64: csv.toString('base64') }, s.keeper);
    const a = await tc.call('applicationCreate', { uscc: COMPANY, itemId: ITEM, contactName: '王佳', contactPhone: '13957101001' }, s.clerk);
    const material = a.materials[0]!;
    const recorded = tc.core.db!.prepare('SELECT count(*) FROM material_pages WHERE material_id = ?').pluck();

    const t = performance.now();
    let status = await tc.call('scanStart', { applicationId: a.id, materialId: material.id, device: 'test:0', resolution: 300, mode: 'gray', source: 'feeder', count: pages }, s.clerk);
    let firstPageMs = NaN;
    while (status.state === 'scanning' || status.state === 'saving') {
      if (Number.isNaN(firstPageMs) && (recorded.get(material.id) as number) > 0) firstPageMs = performance.now() - t;
      await sleep(5);
      status = await tc.call('scanStatus', { jobId: status.jobId }, s.clerk);
    }
    const totalMs = performance.now() - t;
    if (status.state !== 'done' || status.pagesSaved !== pages) throw new Error(`the batch ended ${status.state} with ${status.pagesSaved} pages: ${status.error?.message ?? ''}`);
    if (Number.isNaN(firstPageMs)) firstPageMs = totalMs;
    const pdf = await tc.call('materialPdf', { applicationId: a.id, materialId: material.id }, s.clerk);
    const inPdf = (await PDFDocument.load(Buffer.from(pdf.base64, 'base64'))).getPageCount();
    if (inPdf !== pages) throw new Error(`the material PDF has ${inPdf} pages, not ${pages}`);
    const saves = tc.core.db!.prepare("SELECT count(*) FROM application_events WHERE application_id = ? AND kind = 'pages_added'").pluck().get(a.id) as number;
    return { firstPageMs, totalMs, saves };
  } finally {
    tc.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

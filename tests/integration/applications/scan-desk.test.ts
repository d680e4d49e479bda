import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PDFDocument } from 'pdf-lib';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { ApplicationDetail } from '@shared/applications/schemas';
import type { ScanJobView } from '@shared/scan/api-schemas';
import { makeCore, type TestCore } from '../../helpers/core';
import { counterWithCompanies } from '../../helpers/counter';
import { missingTool, requireTool } from '../../helpers/tools';
import { testSane } from '../scan/fixtures';

// Scanning into a material through the scan desk (scanStart / scanStatus / scanCancel), with SANE's
// test scanner slowed to about 0.4 s a page, so a batch is seen while it runs: pages are in the
// material before the job ends, the material's PDF never lacks a recorded page, and a scanner pulled
// away or a cancel keeps what was scanned. The scanner is pulled away as in tests/integration/scan:
// its scanimage process is killed mid-page.


let tc: TestCore;
let s: Record<string, string>;
let work: string;
let conf: string;

beforeEach(() => {
  work = fs.mkdtempSync(path.join(os.tmpdir(), 'pd-scan-desk-'));
});
afterEach(() => {
  tc?.close();
  fs.rmSync(work, { recursive: true, force: true });
});

async function start(): Promise<ApplicationDetail> {
  const sane = testSane(work);
  conf = path.join(sane.env!.SANE_CONFIG_DIR!, 'test.conf');
  fs.appendFileSync(conf, 'read-delay true\nread-delay-duration 200000\n'); // ~0.4 s a page at 75 dpi
  const counter = await counterWithCompanies({ dataDir: path.join(work, 'data'), scanning: { sane } });
  ({ tc, s } = counter);
  return counter.create();
}

const material = async (a: ApplicationDetail) => (await tc.call('applicationGet', { id: a.id }, s.clerk)).materials[0]!;
const scan = (a: ApplicationDetail, count: number) =>
  tc.call('scanStart', { applicationId: a.id, materialId: a.materials[0]!.id, device: 'test:0', resolution: 75, mode: 'gray', source: 'feeder', count }, s.clerk);
const running = (v: ScanJobView) => v.state === 'scanning' || v.state === 'saving';
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The pages of the material's PDF, as the clerk downloads it. */
async function pdfPages(a: ApplicationDetail): Promise<number> {
  const pdf = await tc.call('materialPdf', { applicationId: a.id, materialId: a.materials[0]!.id }, s.clerk);
  return (await PDFDocument.load(Buffer.from(pdf.base64, 'base64'))).getPageCount();
}

/** The pages of a stored PDF, read straight from the blob folder (no build on the way). */
async function storedPdfPages(sha: string): Promise<number> {
  const bytes = fs.readFileSync(path.join(tc.dataDir, 'blobs', sha.slice(0, 2), sha));
  return (await PDFDocument.load(bytes)).getPageCount();
}

/** scanimage processes this test process started (the scanner's end of the cable). */
function scanimageChildren(): number[] {
  const out: number[] = [];
  for (const pid of fs.readdirSync('/proc').filter((n) => /^\d+$/.test(n))) {
    try {
      const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
      const comm = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (comm === 'scanimage' && ppid === process.pid) out.push(Number(pid));
    } catch {
      // the process ended meanwhile
    }
  }
  return out;
}

interface Seen { state: ScanJobView['state']; scanned: number; saved: number; pages: string[]; pdf: string | null }

/** Polls the job and the material like the renderer, until the job ends; `each` may act on the way. */
async function follow(a: ApplicationDetail, job: ScanJobView, each?: (seen: Seen) => Promise<void> | void): Promise<{ end: ScanJobView; seen: Seen[] }> {
  const seen: Seen[] = [];
  let status = job;
  for (let i = 0; i < 1200 && running(status); i++) {
    await sleep(50);
    status = await tc.call('scanStatus', { jobId: job.jobId }, s.clerk);
    const m = await material(a);
    const now = { state: status.state, scanned: status.pagesScanned, saved: status.pagesSaved, pages: m.pages.map((p) => p.sha256), pdf: m.pdfSha256 };
    seen.push(now);
    await each?.(now);
  }
  return { end: status, seen };
}

/** Whatever was seen on the way: a PDF named was never short of the pages recorded with it. */
async function expectPdfNeverShort(seen: Seen[]): Promise<void> {
  for (const x of seen.filter((x) => x.pdf !== null)) expect(await storedPdfPages(x.pdf!)).toBe(x.pages.length);
}

describe.skipIf(missingTool('scanimage', 'sane-utils'))('scanning into a material while the feeder runs', () => {
  beforeAll(() => requireTool('scanimage', 'sane-utils'));

  it('a 20-page feeder batch: pages are in the material while it runs, then 20 in order and a PDF of 20 pages', async () => {
    const a = await start();
    const job = await scan(a, 20);
    // the feeder holds 10 sheets; the second 10 come from a new scanimage run, which reads the
    // configuration again: from then on the test scanner draws a grid, so the order shows
    let switched = false;
    let midway: { before: number; inPdf: number; after: number } | null = null;
    const { end, seen } = await follow(a, job, async ({ state, scanned, pages }) => {
      if (!switched && scanned >= 1) {
        fs.appendFileSync(conf, 'test-picture "Grid"\n');
        switched = true;
      }
      // the clerk opens the material's PDF while the feeder runs: the pages saved so far
      if (!midway && state === 'scanning' && pages.length >= 2) {
        const inPdf = await pdfPages(a);
        midway = { before: pages.length, inPdf, after: (await material(a)).pages.length };
      }
    });

    expect(end).toMatchObject({ state: 'done', pagesScanned: 20, pagesSaved: 20, error: null });
    // while the scanner was still feeding, the clerk already saw pages in the material
    expect(seen.some((x) => x.state === 'scanning' && x.pages.length > 0)).toBe(true);
    // the count saved only grows, and never runs ahead of what the material shows
    const saved = seen.map((x) => x.saved);
    expect(saved).toEqual([...saved].sort((x, y) => x - y));
    for (const x of seen) expect(x.pages.length).toBeGreaterThanOrEqual(x.saved);
    await expectPdfNeverShort(seen);
    expect(midway).not.toBeNull();
    expect(midway!.inPdf).toBeGreaterThanOrEqual(midway!.before);
    expect(midway!.inPdf).toBeLessThanOrEqual(midway!.after);

    const m = await material(a);
    expect(m.pages.map((p) => p.position)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    const [black, grid] = [m.pages[0]!.sha256, m.pages[19]!.sha256];
    expect(black).not.toBe(grid);
    expect(m.pages.map((p) => (p.sha256 === black ? 'black' : p.sha256 === grid ? 'grid' : '?'))).toEqual([...Array(10).fill('black'), ...Array(10).fill('grid')]);
    expect(m.state).toBe('present');
    expect(m.pdfSha256).toMatch(/^[0-9a-f]{64}$/);
    expect(await storedPdfPages(m.pdfSha256!)).toBe(20);
    expect(await pdfPages(a)).toBe(20);
    // saved in a few saves, each recorded in the history; together the 20 pages
    const events = (await tc.call('applicationGet', { id: a.id }, s.clerk)).events.filter((e) => e.kind === 'pages_added');
    expect(events.length).toBeGreaterThan(1);
    expect(events.map((e) => Number(/加入 (\d+) 页/.exec(e.summary)![1])).reduce((x, y) => x + y, 0)).toBe(20);
  }, 120_000);

  it('the scanner pulled away mid-batch: every page scanned so far stays in the material, the job says SCANNER_LOST', async () => {
    const a = await start();
    const job = await scan(a, 10);
    let pulled = false;
    const { end, seen } = await follow(a, job, ({ scanned }) => {
      if (!pulled && scanned >= 3) {
        const pids = scanimageChildren();
        expect(pids).toHaveLength(1);
        process.kill(pids[0]!, 'SIGKILL'); // the cable is pulled while the next page is being read
        pulled = true;
      }
    });

    expect(end.state).toBe('failed');
    expect(end.error?.code).toBe('SCANNER_LOST');
    const kept = end.pagesScanned;
    expect(kept).toBeGreaterThanOrEqual(3);
    expect(kept).toBeLessThan(10);
    expect(end.pagesSaved).toBe(kept);
    expect(end.error?.message).toContain(`扫描到第 ${kept + 1} 页时扫描仪断开`);
    expect(end.error?.message).toContain(`已扫描的 ${kept} 页已保留`);
    await expectPdfNeverShort(seen);

    const m = await material(a);
    expect(m.pages).toHaveLength(kept);
    expect(m.pdfSha256).toMatch(/^[0-9a-f]{64}$/);
    expect(await storedPdfPages(m.pdfSha256!)).toBe(kept);
    expect(await pdfPages(a)).toBe(kept);
  }, 120_000);

  it('cancel mid-batch keeps the pages saved so far, and their PDF', async () => {
    const a = await start();
    const job = await scan(a, 20);
    let cancelled = false;
    const { end, seen } = await follow(a, job, async ({ pages }) => {
      if (!cancelled && pages.length >= 2) {
        await tc.call('scanCancel', { jobId: job.jobId }, s.clerk);
        cancelled = true;
      }
    });

    expect(end).toMatchObject({ state: 'cancelled', error: null });
    const atCancel = seen.find((x) => x.pages.length >= 2)!.pages.length;
    expect(end.pagesSaved).toBe(end.pagesScanned);
    expect(end.pagesSaved).toBeGreaterThanOrEqual(atCancel);
    expect(end.pagesSaved).toBeLessThan(20);
    await expectPdfNeverShort(seen);

    const m = await material(a);
    expect(m.pages).toHaveLength(end.pagesSaved);
    expect(await pdfPages(a)).toBe(end.pagesSaved);
    expect(await storedPdfPages(m.pdfSha256!)).toBe(end.pagesSaved);
  }, 120_000);

  it('the program stopped mid-batch: the pages saved stay, without a PDF short of them; the next start builds it', async () => {
    const a = await start();
    const job = await scan(a, 20);
    await follow(a, job, ({ pages }) => {
      if (pages.length >= 2 && tc.core.db!.open) tc.close(); // as if the PC went off: no save after this
    }).catch(() => undefined); // the closed core answers no more
    const dataDir = path.join(work, 'data');
    const stopped = makeCore({ dataDir });
    const kept = stopped.core.db!.prepare('SELECT count(*) FROM material_pages WHERE material_id = ?').pluck().get(a.materials[0]!.id) as number;
    const pdfThen = stopped.core.db!.prepare('SELECT pdf_sha256 FROM application_materials WHERE id = ?').pluck().get(a.materials[0]!.id) as string | null;
    stopped.close(); // before its background work begins
    expect(kept).toBeGreaterThanOrEqual(2);
    expect(kept).toBeLessThan(20);
    if (pdfThen !== null) expect(await storedPdfPages(pdfThen)).toBe(kept);

    // the next start: the PDF is built in the background, with every page kept
    tc = makeCore({ dataDir });
    s.clerk = (await tc.call('signIn', { username: 'clerk', password: 'Passw0rd1' })).sessionId;
    let m = await material(a);
    for (let i = 0; i < 200 && !m.pdfSha256; i++) {
      await sleep(50);
      m = await material(a);
    }
    expect(m.pages).toHaveLength(kept);
    expect(await storedPdfPages(m.pdfSha256!)).toBe(kept);
    expect(await pdfPages(a)).toBe(kept);
  }, 120_000);
});

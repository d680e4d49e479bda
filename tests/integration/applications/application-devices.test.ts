import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PDFDocument } from 'pdf-lib';
import sharp from 'sharp';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ApplicationDetail } from '@shared/applications/schemas';
import { BLOB_FOLDER } from '../../../electron/core/applications/core-ports';
import type { TestCore } from '../../helpers/core';
import { counterWithCompanies } from '../../helpers/counter';
import { missingTool, requireTool } from '../../helpers/tools';
import { testSane } from '../scan/fixtures';
import { CI_QUEUE, ensureCupsPdfQueue, pdftotext, waitForOutput, removeOutputs } from '../print/cups-fixture';

// The counter's devices through the API: the SANE test scanner's feeder into one material, the
// copier's hot folder, a full disk while saving, and printing to a real CUPS queue (CUPS-PDF).

let tc: TestCore;
let s: Record<string, string>;
let work: string;

async function start(opts: Parameters<typeof counterWithCompanies>[0] = {}) {
  const counter = await counterWithCompanies(opts);
  ({ tc, s } = counter);
  return counter.create();
}

beforeEach(() => {
  work = fs.mkdtempSync(path.join(os.tmpdir(), 'pd-dev-'));
});
afterEach(() => {
  tc?.close();
  fs.rmSync(work, { recursive: true, force: true });
});

const pagesOf = async (a: ApplicationDetail, k = 0) => (await tc.call('applicationGet', { id: a.id }, s.clerk)).materials[k]!;

describe.skipIf(missingTool('scanimage', 'sane-utils'))('scanning into a material', () => {
  it('a 20-page feeder batch of the SANE test scanner becomes one material PDF of 20 pages, with progress', async () => {
    requireTool('scanimage', 'sane-utils');
    const a = await start({ scanning: { sane: testSane(work) } });
    const devices = await tc.call('scanDevices', {}, s.clerk);
    expect(devices.map((d) => d.name)).toContain('test:0');
    const job = await tc.call('scanStart', { applicationId: a.id, materialId: a.materials[2]!.id, device: 'test:0', resolution: 75, mode: 'gray', source: 'feeder', count: 20 }, s.clerk);
    // the renderer polls the job: the count of pages scanned only grows (the page-by-page events
    // themselves are tested in tests/integration/scan)
    const counts: number[] = [];
    let status = job;
    for (let i = 0; i < 1200 && (status.state === 'scanning' || status.state === 'saving'); i++) {
      await new Promise((r) => setTimeout(r, 100));
      status = await tc.call('scanStatus', { jobId: job.jobId }, s.clerk);
      counts.push(status.pagesScanned);
    }
    expect(status).toMatchObject({ state: 'done', pagesScanned: 20, pagesSaved: 20, error: null });
    expect(counts).toEqual([...counts].sort((x, y) => x - y));
    const m = await pagesOf(a, 2);
    expect(m.pages).toHaveLength(20);
    const pdf = await tc.call('materialPdf', { applicationId: a.id, materialId: m.id }, s.clerk);
    expect((await PDFDocument.load(Buffer.from(pdf.base64, 'base64'))).getPageCount()).toBe(20);
  }, 180_000);
});

describe('the copier’s hot folder', () => {
  it('attaches a whole file to the armed material once, and nothing while disarmed', async () => {
    const folder = path.join(work, 'hot');
    const a = await start({ scanning: { hotFolder: folder, hotFolderStabilityMs: 300 } });
    const armed = await tc.call('hotFolderArm', { target: { applicationId: a.id, materialId: a.materials[0]!.id } }, s.clerk);
    expect(armed).toMatchObject({ watching: true, armedFor: { materialName: '营业执照副本复印件' } });
    const page = await sharp({ create: { width: 827, height: 1169, channels: 3, background: '#fff' } })
      .composite([{ input: Buffer.from('<svg width="827" height="1169"><rect x="80" y="100" width="600" height="30"/></svg>') }]).jpeg().toBuffer();
    fs.writeFileSync(path.join(folder, 'SCAN0001.JPG'), page);
    let m = await pagesOf(a);
    for (let i = 0; i < 100 && m.pages.length === 0; i++) {
      await new Promise((r) => setTimeout(r, 100));
      m = await pagesOf(a);
    }
    expect(m.pages).toHaveLength(1);
    expect((await tc.call('hotFolderStatus', {}, s.clerk)).taken).toBe(1);
    expect(fs.readdirSync(folder)).not.toContain('SCAN0001.JPG');
    await tc.call('hotFolderArm', { target: null }, s.clerk);
    fs.writeFileSync(path.join(folder, 'SCAN0002.JPG'), page);
    await new Promise((r) => setTimeout(r, 1500));
    expect((await pagesOf(a)).pages).toHaveLength(1);
    expect(fs.readdirSync(folder)).toContain('SCAN0002.JPG');
  }, 60_000);
});

describe('a full disk while saving pages', () => {
  const mountable = process.getuid?.() === 0 && process.platform === 'linux';
  it.skipIf(!mountable && process.env.CI !== 'true')('says so and leaves no half-recorded material (a real 1 MB tmpfs as the blob folder)', async () => {
    const a = await start({ dataDir: work });
    const blobs = path.join(work, BLOB_FOLDER);
    fs.mkdirSync(blobs, { recursive: true });
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=1m', 'tmpfs', blobs]);
    try {
      const noisy = await sharp({ create: { width: 1654, height: 2339, channels: 3, background: '#808080', noise: { type: 'gaussian', mean: 128, sigma: 60 } } }).png().toBuffer();
      const before = { events: tc.count('application_events'), outbox: tc.count('outbox') };
      const e = await tc.fail('applicationPagesAdd', { applicationId: a.id, materialId: a.materials[0]!.id, files: [1, 2, 3].map((n) => ({ name: `第${n}页.png`, base64: noisy.toString('base64') })) }, s.clerk);
      expect(e.code).toBe('DISK_FULL');
      expect(e.message).toContain('磁盘空间不足');
      const m = await pagesOf(a);
      expect(m).toMatchObject({ pages: [], pdfSha256: null, state: 'pending' });
      expect(tc.count('application_events')).toBe(before.events);
      expect(tc.count('outbox')).toBe(before.outbox);
      expect(fs.readdirSync(blobs, { recursive: true }).filter((f) => String(f).includes('.tmp-'))).toEqual([]);
    } finally {
      execFileSync('umount', [blobs]);
    }
  }, 60_000);
});

describe.skipIf(missingTool('lp', 'cups'))('printing to a real CUPS queue', () => {
  afterEach(() => removeOutputs());

  it('prints the 受理通知书 to the CUPS-PDF queue; a stopped queue says so, keeps the document, and the reprint works', async () => {
    requireTool('lp', 'cups');
    ensureCupsPdfQueue();
    let a = await start();
    for (const m of a.materials) a = await tc.call('applicationMaterialMark', { applicationId: a.id, materialId: m.id, state: 'present' }, s.clerk);
    a = await tc.call('applicationDecide', { id: a.id, decision: 'accept' }, s.clerk);
    const notice = a.documents.find((d) => d.kind === 'acceptance')!;

    execFileSync('cupsdisable', ['-r', '测试：打印机暂停', CI_QUEUE]);
    try {
      const e = await tc.fail('documentPrint', { documentId: notice.id, printer: CI_QUEUE }, s.clerk);
      expect(e.code).toBe('PRINTER_STOPPED');
      expect(e.message).toContain(CI_QUEUE);
    } finally {
      execFileSync('cupsenable', [CI_QUEUE]);
    }
    const failed = await tc.call('applicationGet', { id: a.id }, s.clerk);
    expect(failed.documents.find((d) => d.id === notice.id)).toMatchObject({ printedAt: null, printError: expect.stringContaining(CI_QUEUE) });

    const printed = await tc.call('documentPrint', { documentId: notice.id, printer: CI_QUEUE }, s.clerk);
    expect(printed.documents.find((d) => d.id === notice.id)).toMatchObject({ printer: CI_QUEUE, printError: null });
    const jobId = (tc.core.db!.prepare("SELECT payload FROM outbox WHERE op = 'printed' ORDER BY seq DESC LIMIT 1").pluck().get() as string).match(/"jobId":"([^"]+)"/)![1]!;
    const text = pdftotext(await waitForOutput(jobId)).replace(/\s+/g, '');
    expect(text).toContain('受理通知书');
    expect(text).toContain('杭州云栖智联科技有限公司');
  }, 90_000);

  it('prints each document type to the printer its settings name; only managers and admins change them', async () => {
    requireTool('lp', 'cups');
    ensureCupsPdfQueue();
    let a = await start();
    const defaults = await tc.call('printSettingsGet', {}, s.clerk);
    expect(defaults.documents['acceptance-notice']).toEqual({ printer: null, paper: 'A4', copies: 1 });
    const wanted = { ...defaults, documents: { ...defaults.documents, 'acceptance-notice': { printer: CI_QUEUE, paper: 'A4' as const, copies: 1 } } };
    expect((await tc.fail('printSettingsSet', wanted, s.clerk)).code).toBe('FORBIDDEN');
    expect((await tc.call('printSettingsSet', wanted, s.admin)).documents['acceptance-notice'].printer).toBe(CI_QUEUE);
    expect((await tc.fail('printSettingsSet', { ...wanted, documents: { 'acceptance-notice': { printer: CI_QUEUE, paper: 'A3', copies: 1 } } }, s.admin)).code).toBe('VALIDATION');

    for (const m of a.materials) a = await tc.call('applicationMaterialMark', { applicationId: a.id, materialId: m.id, state: 'present' }, s.clerk);
    a = await tc.call('applicationDecide', { id: a.id, decision: 'accept' }, s.clerk);
    const notice = a.documents.find((d) => d.kind === 'acceptance')!;
    const printed = await tc.call('documentPrint', { documentId: notice.id }, s.clerk);
    expect(printed.documents.find((d) => d.id === notice.id)).toMatchObject({ printer: CI_QUEUE, printError: null });
    // the thermal receipt has no printer named yet: a clear error, and the receipt stays for later
    const receipt = a.documents.find((d) => d.kind === 'acceptance_thermal')!;
    const e = await tc.fail('documentPrint', { documentId: receipt.id }, s.clerk);
    expect(e).toMatchObject({ code: 'PRINTER_NOT_FOUND', message: expect.stringContaining('热敏打印机') });
  }, 90_000);
});

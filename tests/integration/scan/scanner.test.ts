import fs from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { AppError } from '@shared/api/errors';
import { describeDevice, listDevices, scanBatch, scanPage, type SaneSetup, type ScannedPage } from '../../../electron/core/scan';
import { missingTool, requireTool } from '../../helpers/tools';
import { tempDir, testSane } from './fixtures';

// Real scanimage against SANE's test backend ("frontend-tester virtual device"): a flatbed and a
// document feeder that holds 10 sheets. Resolutions are kept low so each page takes milliseconds.

const px = (mm: number, dpi: number) => Math.floor((mm / 25.4) * dpi);

describe.skipIf(missingTool('scanimage', 'sane-utils'))('scanning with SANE (scanimage -d test)', () => {
  let tmp: ReturnType<typeof tempDir>;
  let sane: SaneSetup;
  let out: string;
  beforeAll(() => requireTool('scanimage', 'sane-utils'));
  beforeEach(() => {
    tmp = tempDir('pd-scan-');
    sane = testSane(tmp.dir);
    out = path.join(tmp.dir, 'out');
  });
  afterEach(() => tmp.remove());

  it('lists the test scanner with the resolutions, colour modes and sources read from its options', async () => {
    const devices = await listDevices({ sane });
    expect(devices.map((d) => d.name)).toEqual(['test:0', 'test:1']);
    const caps = devices[0]!.capabilities!;
    expect(devices[0]).toMatchObject({ vendor: 'Noname', model: 'frontend-tester', type: 'virtual device' });
    expect(caps.resolutions).toEqual({ kind: 'range', min: 1, max: 1200, step: 1 });
    expect(caps.defaultResolution).toBe(75);
    expect(caps.modes.map((m) => m.mode).sort()).toEqual(['bw', 'color', 'gray']);
    expect(caps.modes.find((m) => m.mode === 'bw')).toEqual({ mode: 'bw', saneMode: 'Gray', depth: 1 });
    expect(caps.sources).toEqual([
      { kind: 'flatbed', saneSource: 'Flatbed' },
      { kind: 'feeder', saneSource: 'Automatic Document Feeder' },
    ]);
    expect(caps.maxAreaMm).toEqual({ width: 200, height: 200 });
  });

  it('scans one flatbed page at the chosen resolution and mode, with the right pixel size', async () => {
    const gray = await scanPage({ device: 'test', outDir: out, sane, source: 'flatbed', mode: 'gray', resolution: 100 });
    expect(gray).toMatchObject({ endedBy: 'done', resolution: 100, mode: 'gray', source: 'flatbed' });
    expect(gray.pages).toHaveLength(1);
    const meta = await sharp(gray.pages[0]!.path).metadata();
    // the test scanner's default area is 80 × 100 mm
    expect([meta.width, meta.height, meta.channels, meta.format]).toEqual([px(80, 100), px(100, 100), 1, 'png']);
    expect([gray.pages[0]!.width, gray.pages[0]!.height]).toEqual([px(80, 100), px(100, 100)]);

    const colour = await scanPage({ device: 'test', outDir: out, sane, mode: 'color', resolution: 150, areaMm: { width: 50, height: 60 }, deviceOptions: { 'test-picture': 'Color pattern' } });
    const cm = await sharp(colour.pages[0]!.path).metadata();
    expect([cm.width, cm.height, cm.channels]).toEqual([px(50, 150), px(60, 150), 3]);

    const bw = await scanPage({ device: 'test', outDir: out, sane, mode: 'bw', resolution: 75 });
    const png = fs.readFileSync(bw.pages[0]!.path);
    // IHDR: width, height, bit depth 1, colour type 0 (gray) — black and white, not gray
    expect([png.readUInt32BE(16), png.readUInt32BE(20), png[24], png[25]]).toEqual([px(80, 75), px(100, 75), 1, 0]);
    expect(fs.readFileSync(gray.pages[0]!.path)[24]).toBe(8);

    const tiff = await scanPage({ device: 'test', outDir: out, sane, mode: 'color', resolution: 60, format: 'tiff' });
    const tm = await sharp(tiff.pages[0]!.path).metadata();
    expect([tm.width, tm.height, tm.channels, tm.format]).toEqual([px(80, 60), px(100, 60), 3, 'tiff']);
    expect([tiff.pages[0]!.width, tiff.pages[0]!.height]).toEqual([px(80, 60), px(100, 60)]);
  });

  it('a feeder batch of 20 pages delivers 20 pages in order, each as soon as it is whole', async () => {
    const events: string[] = [];
    const refills: number[] = [];
    let laterPageExistedAtFirst = true;
    const result = await scanBatch({
      device: 'test', outDir: out, sane, source: 'feeder', count: 20, resolution: 75,
      onPageStarted: (n) => events.push(`start ${n}`),
      onPage: (p: ScannedPage) => {
        events.push(`page ${p.page}`);
        // the page is complete on disk when reported (no .part), and later pages are not there yet
        expect(fs.existsSync(p.path) && !fs.existsSync(`${p.path}.part`)).toBe(true);
        if (p.page === 1) laterPageExistedAtFirst = fs.existsSync(path.join(path.dirname(p.path), 'page-0011.png'));
      },
      // SANE's test feeder holds 10 sheets: the clerk puts in the other 10
      onFeederEmpty: ({ pagesSoFar }) => {
        refills.push(pagesSoFar);
        return true;
      },
    });
    expect(result.endedBy).toBe('done');
    expect(result.error).toBeUndefined();
    expect(result.pages.map((p) => p.page)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    expect(result.pages.map((p) => path.basename(p.path))).toEqual(Array.from({ length: 20 }, (_, i) => `page-${String(i + 1).padStart(4, '0')}.png`));
    expect(refills).toEqual([10]);
    expect(laterPageExistedAtFirst).toBe(false);
    // every page started before it was delivered, and pages were delivered in order
    for (let n = 1; n <= 20; n++) expect(events.indexOf(`start ${n}`)).toBeLessThan(events.indexOf(`page ${n}`));
    expect(events.filter((e) => e.startsWith('page'))).toEqual(Array.from({ length: 20 }, (_, i) => `page ${i + 1}`));
    for (const p of result.pages) expect([p.width, p.height, p.bytes > 0]).toEqual([px(80, 75), px(100, 75), true]);
    expect(fs.readdirSync(result.folder).sort()).toEqual(result.pages.map((p) => path.basename(p.path)));
    expect(result.timings.firstPageMs).toBeLessThan(result.timings.totalMs);
  });

  it('a stack with no count ends when the feeder is empty, unless the clerk refills it', async () => {
    const result = await scanBatch({ device: 'test', outDir: out, sane, source: 'feeder', resolution: 50 });
    expect(result.endedBy).toBe('feeder-empty');
    expect(result.pages).toHaveLength(10);
    expect(result.error).toBeUndefined();
  });

  it('cancel stops the scanner, keeps the whole pages and leaves no half page behind', async () => {
    const controller = new AbortController();
    let pid = 0;
    const result = await scanBatch({
      device: 'test', outDir: out, sane, source: 'feeder', count: 10, resolution: 75,
      // slow pages (~0.4 s each), so the cancel lands in the middle of page 3
      deviceOptions: { 'read-delay': 'yes', 'read-delay-duration': 200000 },
      signal: controller.signal,
      onProcess: (p) => (pid = p),
      onPage: (p) => {
        if (p.page === 2) controller.abort();
      },
    });
    expect(result.endedBy).toBe('cancelled');
    expect(result.pages.length).toBe(2);
    expect(fs.readdirSync(result.folder).sort()).toEqual(['page-0001.png', 'page-0002.png']);
    expect(() => process.kill(pid, 0)).toThrow(); // the scanimage process is gone
  });

  it('an unknown device is SCANNER_NOT_FOUND; a source or mode the device lacks is SCAN_FAILED', async () => {
    await expect(scanPage({ device: 'test:7', outDir: out, sane })).rejects.toMatchObject({ code: 'SCANNER_NOT_FOUND', message: expect.stringContaining('test:7') });
    await expect(describeDevice('nosuch', sane)).rejects.toMatchObject({ code: 'SCANNER_NOT_FOUND' });
    await expect(scanPage({ device: 'test', outDir: out, sane, source: 'feeder-duplex' })).rejects.toMatchObject({ code: 'SCAN_FAILED', message: expect.stringContaining('自动进纸器（双面）') });
    expect(fs.existsSync(out) ? fs.readdirSync(out) : []).toEqual([]);
  });

  it('a paper jam is SCAN_FAILED saying so', async () => {
    const result = await scanPage({ device: 'test', outDir: out, sane, resolution: 50, deviceOptions: { 'read-return-value': 'SANE_STATUS_JAMMED' } });
    expect(result.endedBy).toBe('error');
    expect(result.error).toBeInstanceOf(AppError);
    expect(result.error).toMatchObject({ code: 'SCAN_FAILED', message: expect.stringContaining('卡纸') });
    expect(result.pages).toEqual([]);
  });

  it('a missing scanimage is SCAN_FAILED saying it is not installed', async () => {
    const caps = await describeDevice('test', sane);
    await expect(scanPage({ device: 'test', outDir: out, capabilities: caps, sane: { scanimage: path.join(tmp.dir, 'no-scanimage') } }))
      .rejects.toMatchObject({ code: 'SCAN_FAILED', message: expect.stringContaining('scanimage') });
  });
});

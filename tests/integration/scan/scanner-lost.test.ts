import fs from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { scanBatch, type SaneSetup } from '../../../electron/core/scan';
import { missingTool, requireTool } from '../../helpers/tools';
import { tempDir, testSane } from './fixtures';

// The scanner vanishing mid-batch. To us a pulled USB cable looks like one of two things: the
// backend reports an I/O error (scanimage exits with SANE_STATUS_IO_ERROR), or the process that
// owns the device dies. Both are made real here: the test backend's --read-return-value, and
// killing the scanimage process after page 3.

describe.skipIf(missingTool('scanimage', 'sane-utils'))('the scanner vanishing mid-batch', () => {
  let tmp: ReturnType<typeof tempDir>;
  let sane: SaneSetup;
  let out: string;
  beforeAll(() => requireTool('scanimage', 'sane-utils'));
  beforeEach(() => {
    tmp = tempDir('pd-scan-lost-');
    sane = testSane(tmp.dir);
    out = path.join(tmp.dir, 'out');
  });
  afterEach(() => tmp.remove());

  it('keeps the pages scanned so far and reports SCANNER_LOST with the page and the count', async () => {
    let pid = 0;
    const delivered: number[] = [];
    const result = await scanBatch({
      device: 'test', outDir: out, sane, source: 'feeder', count: 10, resolution: 75,
      deviceOptions: { 'read-delay': 'yes', 'read-delay-duration': 200000 }, // ~0.4 s a page
      onProcess: (p) => (pid = p),
      onPage: (p) => {
        delivered.push(p.page);
        if (p.page === 3) process.kill(pid, 'SIGKILL'); // the cable is pulled while page 4 is being read
      },
    });
    expect(result.endedBy).toBe('error');
    expect(result.error?.code).toBe('SCANNER_LOST');
    expect(delivered).toEqual([1, 2, 3]);
    expect(result.pages.map((p) => p.page)).toEqual([1, 2, 3]);
    expect(result.error?.message).toBe('扫描到第 4 页时扫描仪断开（扫描程序被意外终止，信号 SIGKILL）。已扫描的 3 页已保留；请检查扫描仪后继续扫描剩余材料。');
    // the kept pages are whole images; the half-read page 4 is gone
    for (const p of result.pages) expect((await sharp(p.path).metadata()).height).toBe(295);
    expect(fs.readdirSync(result.folder).sort()).toEqual(['page-0001.png', 'page-0002.png', 'page-0003.png']);
  });

  it('an I/O error from the backend is SCANNER_LOST too, also on the first page', async () => {
    const result = await scanBatch({
      device: 'test', outDir: out, sane, source: 'feeder', count: 5, resolution: 75,
      deviceOptions: { 'read-return-value': 'SANE_STATUS_IO_ERROR' },
    });
    expect(result.endedBy).toBe('error');
    expect(result.pages).toEqual([]);
    expect(result.error?.code).toBe('SCANNER_LOST');
    expect(result.error?.message).toContain('扫描到第 1 页时扫描仪断开（与扫描仪的连接中断）。已扫描的 0 页已保留');
  });

  it('a scanner that stops answering is SCANNER_LOST after the page timeout', async () => {
    const started = Date.now();
    const result = await scanBatch({
      device: 'test', outDir: out, sane, source: 'feeder', count: 10, resolution: 75,
      deviceOptions: { 'read-delay': 'yes', 'read-delay-duration': 200000 }, // a page takes ~0.4 s
      pageTimeoutMs: 150,
    });
    expect(result.pages).toEqual([]);
    expect(result.error?.code).toBe('SCANNER_LOST');
    expect(result.error?.message).toContain('扫描到第 1 页时扫描仪断开（扫描仪 1 秒没有响应）');
    expect(Date.now() - started).toBeLessThan(5000);
    expect(fs.existsSync(result.folder)).toBe(false); // nothing scanned: no empty folder left behind
  });
});

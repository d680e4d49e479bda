import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { importFiles } from '../../../electron/core/scan';
import { sampleJpeg, samplePdf, samplePng, sampleTiff, tempDir } from './fixtures';

// Files chosen in a dialog or dropped on the window (the Node side): recognised by their bytes,
// anything else refused by name, the rest kept in order.

describe('file import and drag-and-drop', () => {
  let tmp: ReturnType<typeof tempDir>;
  beforeEach(() => {
    tmp = tempDir('pd-import-');
  });
  afterEach(() => tmp.remove());

  const put = (name: string, bytes: Uint8Array | string) => {
    const p = path.join(tmp.dir, name);
    fs.writeFileSync(p, bytes);
    return p;
  };

  it('keeps the good files by their bytes and refuses each bad one by name, saying why', async () => {
    const pdf = await samplePdf();
    const png = await samplePng();
    const jpeg = await sampleJpeg();
    const tiff = await sampleTiff();
    const report = await importFiles([
      { path: put('营业执照.pdf', pdf) },
      { path: put('photo.png', jpeg) }, // a JPEG named .png
      { name: '拖入的截图.png', bytes: png },
      { path: put('申请表.docx', 'PK\u0003\u0004 not really a document') },
      { path: put('scan.tif', tiff) },
      { name: '半截.pdf', bytes: pdf.subarray(0, Math.floor(pdf.length / 2)) },
      { path: put('cut.tif', tiff.subarray(0, tiff.length - 1000)) },
      { name: 'empty.jpg', bytes: new Uint8Array() },
      { path: path.join(tmp.dir, 'gone.pdf') },
      { path: put('cut.jpg', jpeg.subarray(0, jpeg.length - 2)) },
    ]);

    expect(report.accepted.map((f) => [f.name, f.kind, f.mime])).toEqual([
      ['营业执照.pdf', 'pdf', 'application/pdf'],
      ['photo.png', 'jpeg', 'image/jpeg'],
      ['拖入的截图.png', 'png', 'image/png'],
      ['scan.tif', 'tiff', 'image/tiff'],
    ]);
    expect(Buffer.from(report.accepted[0]!.bytes).equals(pdf)).toBe(true);
    expect(report.accepted[0]!.path).toBe(path.join(tmp.dir, '营业执照.pdf'));
    expect(report.accepted[2]!.path).toBeUndefined();

    expect(report.refused.map((r) => [r.name, r.error.code])).toEqual([
      ['申请表.docx', 'FILE_UNREADABLE'],
      ['半截.pdf', 'FILE_UNREADABLE'],
      ['cut.tif', 'FILE_UNREADABLE'],
      ['empty.jpg', 'FILE_UNREADABLE'],
      ['gone.pdf', 'FILE_UNREADABLE'],
      ['cut.jpg', 'FILE_UNREADABLE'],
    ]);
    const messages = report.refused.map((r) => r.error.message);
    expect(messages[0]).toBe('文件“申请表.docx”无法读取（不是 PDF、JPEG、PNG 或 TIFF 文件），未加入材料；其他页面已保留。请重新扫描或换一个文件。');
    expect(messages[1]).toContain('“半截.pdf”无法读取（文件不完整，可能没有传输完）');
    expect(messages[2]).toContain('“cut.tif”无法读取（文件不完整');
    expect(messages[3]).toContain('“empty.jpg”无法读取（文件是空的）');
    expect(messages[4]).toContain('“gone.pdf”无法读取（无法打开文件：ENOENT）');
    expect(messages[5]).toContain('“cut.jpg”无法读取（文件不完整');
  });

  it('refuses a file over the size limit before reading it', async () => {
    const report = await importFiles([{ name: 'big.pdf', bytes: await samplePdf() }], { maxBytes: 100 });
    expect(report.accepted).toEqual([]);
    expect(report.refused[0]!.error.message).toContain('“big.pdf”无法读取（文件超过');
  });
});

import fs from 'node:fs';
import { PDFDocument } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addFiles, BlobStore, readPdfPages } from '../../../electron/core/materials';
import { tempDir } from './helpers';
import { copierPdf, emptyPdf, encryptedPdf, truncated, vectorPdf } from './pdf-fixtures';
import { encode, scannedPage } from './scan-fixtures';

// PDFs from the copier or picked by the clerk: their pages become pages of the material, copied as
// PDF pages; broken files are refused by name and the rest of the batch is kept.

let dir: string;
let store: BlobStore;

beforeAll(() => {
  dir = tempDir();
  store = BlobStore.inDataDir(dir);
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('pages of a PDF', () => {
  it("a copier's scan-to-PDF: one stored one-page PDF per page, blank pages measured and flagged", async () => {
    const pages = await readPdfPages('复印件.pdf', await copierPdf(['letter', 'blank', 'statement']));
    expect(pages.map((p) => p.blank)).toEqual([false, true, false]);
    expect(pages[0]!.ink).toBeGreaterThan(0.01);
    expect(pages[1]!.ink).toBeLessThan(0.0002);
    for (const p of pages) {
      const one = await PDFDocument.load(p.bytes);
      expect(one.getPageCount()).toBe(1);
      expect([Math.round(p.width), Math.round(p.height)]).toEqual([595, 842]);
    }
  });

  it('a page that draws nothing is blank; a page of vector text cannot be measured and is not flagged', async () => {
    const [empty] = await readPdfPages('空白.pdf', await vectorPdf({ empty: true }));
    const [text] = await readPdfPages('文字.pdf', await vectorPdf());
    expect(empty).toMatchObject({ ink: 0, blank: true });
    expect(text).toMatchObject({ ink: null, blank: false });
  });
});

describe('broken PDFs are refused by name; the other files of the batch are kept', () => {
  it('truncated, cut at the end, encrypted and empty PDFs are refused with the reason; good files become pages', async () => {
    const good = await copierPdf(['letter', 'statement']);
    const r = await addFiles(store, [
      { name: '营业执照.pdf', bytes: good },
      { name: '传了一半.pdf', bytes: truncated(good, 0.5) },
      { name: '少了结尾.pdf', bytes: good.slice(0, good.length - 40) },
      { name: '加密.pdf', bytes: await encryptedPdf() },
      { name: '无页面.pdf', bytes: await emptyPdf() },
      { name: '身份证.png', bytes: await encode.png(await scannedPage('letter', { dpi: 100 })) },
    ]);
    expect(r.pages.map((p) => [p.fileName, p.kind])).toEqual([
      ['营业执照.pdf', 'pdf'], ['营业执照.pdf', 'pdf'], ['身份证.png', 'image'],
    ]);
    expect(r.refused.map((x) => [x.name, x.error.code])).toEqual([
      ['传了一半.pdf', 'FILE_UNREADABLE'], ['少了结尾.pdf', 'FILE_UNREADABLE'], ['加密.pdf', 'FILE_UNREADABLE'], ['无页面.pdf', 'FILE_UNREADABLE'],
    ]);
    const messages = Object.fromEntries(r.refused.map((x) => [x.name, x.error.message]));
    expect(messages['传了一半.pdf']).toContain('文件“传了一半.pdf”无法读取（PDF 文件已损坏或不完整）');
    expect(messages['少了结尾.pdf']).toContain('PDF 文件已损坏或不完整');
    expect(messages['加密.pdf']).toContain('PDF 文件已加密');
    expect(messages['无页面.pdf']).toContain('PDF 文件里没有页面');
    for (const p of r.pages) expect(await store.verify(p.sha256)).toBe(true);
  });

  it('a PDF cut anywhere is refused, never half-read', async () => {
    const good = await copierPdf(['letter', 'statement', 'blank'], 100);
    for (const share of [0.05, 0.3, 0.6, 0.9, 0.99]) {
      const r = await addFiles(store, [{ name: `cut-${share}.pdf`, bytes: truncated(good, share) }]);
      expect({ share, pages: r.pages.length, refused: r.refused.length }).toEqual({ share, pages: 0, refused: 1 });
    }
  });
});

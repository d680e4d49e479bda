import fs from 'node:fs';
import path from 'node:path';
import { PDFDocument } from 'pdf-lib';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addFiles, BlobStore, buildMaterialPdf, buildMaterialPdfFromStore, type MaterialPage } from '../../../electron/core/materials';
import { missingTool, requireTool } from '../../helpers/tools';
import { inkBands, pdfinfo, pdftotext, renderPdf, tempDir } from './helpers';
import { A4_PT, barPage, copierPdf, vectorPdf } from './pdf-fixtures';
import { encode, scannedPage } from './scan-fixtures';

// One PDF per material: every page on A4, image pages fitted portrait or landscape by their
// aspect, PDF pages copied, the title = the material's name; poppler reads and renders it cleanly.

let dir: string;
let store: BlobStore;

beforeAll(() => {
  dir = tempDir();
  store = BlobStore.inDataDir(dir);
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const save = (name: string, bytes: Uint8Array) => {
  const file = path.join(dir, name);
  fs.writeFileSync(file, bytes);
  return file;
};

const a4 = (w: number, h: number) => {
  const near = (a: number, b: number) => Math.abs(a - b) < 0.5;
  return near(w, A4_PT.width) && near(h, A4_PT.height) ? 'portrait' : near(w, A4_PT.height) && near(h, A4_PT.width) ? 'landscape' : `${w}×${h}`;
};

describe.skipIf(missingTool('pdftoppm', 'poppler-utils'))('the material PDF', () => {
  it('has one A4 page per page — scans, a landscape scan, copier pages, a vector page and a US-Letter page — titled with the material', async () => {
    requireTool('pdftoppm');
    const portrait = await scannedPage('letter', { dpi: 100 });
    const landscape = await sharp(await encode.png(portrait)).rotate(90).png().withMetadata({ density: 100 }).toBuffer();
    const r = await addFiles(store, [
      { name: '申请书.png', bytes: await encode.png(portrait) },
      { name: '横向表格.png', bytes: landscape },
      { name: '复印件.pdf', bytes: await copierPdf(['statement', 'blank'], 100) },
      { name: '电子版.pdf', bytes: await vectorPdf({ text: 'Financial statement 2025' }) },
      { name: 'letter.pdf', bytes: await vectorPdf({ size: [612, 792], text: 'US Letter page' }) },
    ]);
    expect(r.refused).toEqual([]);
    expect(r.pages).toHaveLength(6);

    const bytes = await buildMaterialPdfFromStore(store, '财务报表（2025年度）', r.pages, { author: '窗口小王', createdAt: new Date('2026-11-27T02:00:00Z') });
    const doc = await PDFDocument.load(bytes);
    expect(doc.getPages().map((p) => a4(p.getWidth(), p.getHeight()))).toEqual(['portrait', 'landscape', 'portrait', 'portrait', 'portrait', 'portrait']);
    expect(doc.getTitle()).toBe('财务报表（2025年度）');

    const file = save('material.pdf', bytes);
    const info = pdfinfo(file);
    expect(info.stderr).toBe('');
    expect(info.fields).toMatchObject({ Title: '财务报表（2025年度）', Author: '窗口小王', Pages: '6' });
    expect(info.fields['Page size']).toMatch(/^595\.2\d? x 841\.8\d? pts \(A4\)/);

    const rendered = renderPdf(file, 20);
    expect(rendered.stderr).toBe('');
    expect(rendered.pages).toHaveLength(6);
    const sizes = await Promise.all(rendered.pages.map(async (f) => (await sharp(f).metadata()).width > (await sharp(f).metadata()).height));
    expect(sizes).toEqual([false, true, false, false, false, false]);
    // the copied vector page keeps its text; the scanned US-Letter page was scaled onto A4
    const text = pdftotext(file);
    expect(text).toContain('Financial statement 2025 1');
    expect(text).toContain('US Letter page 1');
  });

  it('the same pages and date give the same bytes (the material PDF is content-addressed too)', async () => {
    const src = [{ kind: 'image' as const, bytes: await sharp(await barPage()).jpeg().toBuffer(), rotation: 0 }];
    const at = new Date('2026-11-27T02:00:00Z');
    expect(Buffer.from(await buildMaterialPdf('营业执照复印件', src, { createdAt: at })).equals(Buffer.from(await buildMaterialPdf('营业执照复印件', src, { createdAt: at })))).toBe(true);
  });

  it('turned pages are drawn turned clockwise: the top bar goes right (90), bottom (180), left (270)', async () => {
    requireTool('pdftoppm');
    const bar = await barPage();
    const img = await addFiles(store, [{ name: 'bar.png', bytes: bar }]);
    const pdf = await addFiles(store, [{ name: 'bar.pdf', bytes: await vectorPdf() }, { name: 'letter-bar.pdf', bytes: await vectorPdf({ size: [612, 792] }) }]);
    const pages: MaterialPage[] = [];
    for (const base of [img.pages[0]!, pdf.pages[0]!, pdf.pages[1]!]) for (const rotation of [0, 90, 180, 270] as const) pages.push({ ...base, rotation });
    const file = save('turned.pdf', await buildMaterialPdfFromStore(store, '旋转', pages));
    const { pages: pngs, stderr } = renderPdf(file, 20);
    expect(stderr).toBe('');
    const where = async (png: string) => {
      const b = await inkBands(png);
      return (Object.entries(b) as [string, number][]).sort((x, y) => y[1] - x[1])[0]![0];
    };
    const seen = await Promise.all(pngs.map(where));
    expect(seen).toEqual(['top', 'right', 'bottom', 'left', 'top', 'right', 'bottom', 'left', 'top', 'right', 'bottom', 'left']);
    const doc = await PDFDocument.load(fs.readFileSync(file));
    // an A4 PDF page is copied and only its /Rotate changes; a Letter page is placed on A4
    expect(doc.getPages().slice(4, 8).map((p) => p.getRotation().angle)).toEqual([0, 90, 180, 270]);
    expect(doc.getPages().slice(8).map((p) => a4(p.getWidth(), p.getHeight()))).toEqual(['portrait', 'landscape', 'portrait', 'landscape']);
  });
});

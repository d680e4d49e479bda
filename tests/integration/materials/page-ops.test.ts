import fs from 'node:fs';
import path from 'node:path';
import { PDFDocument } from 'pdf-lib';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '@shared/api/errors';
import {
  addFiles, bakeRotation, BlobStore, buildMaterialPdfFromStore, deletePages, movePage, reorderPages, rotatePages, type MaterialPage,
} from '../../../electron/core/materials';
import { missingTool, requireTool } from '../../helpers/tools';
import { inkBands, renderPdf, tempDir } from './helpers';
import { barPage, vectorPdf } from './pdf-fixtures';

// Rotate, reorder and delete on a material's page list: pure functions over page descriptors, and
// an image page re-rendered upright after a turn. Checked by order, pixel sizes and where the
// page's top ends up.

let dir: string;
let store: BlobStore;
let pages: MaterialPage[];

beforeAll(async () => {
  dir = tempDir();
  store = BlobStore.inDataDir(dir);
  const r = await addFiles(store, [
    { name: 'a.png', bytes: await barPage(827, 1170) },
    { name: 'b.png', bytes: await barPage(600, 850) },
    { name: 'c.pdf', bytes: await vectorPdf() },
  ]);
  pages = r.pages;
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const names = (list: readonly MaterialPage[]) => list.map((p) => p.fileName);

describe('page list operations (pure)', () => {
  it('rotate turns only the named pages, clockwise, wrapping at 360°; the input list is untouched', () => {
    const before = structuredClone(pages);
    const once = rotatePages(pages, [pages[0]!.id, pages[2]!.id], 90);
    expect(once.map((p) => p.rotation)).toEqual([90, 0, 90]);
    expect(rotatePages(once, [pages[0]!.id], -90).map((p) => p.rotation)).toEqual([0, 0, 90]);
    expect(rotatePages(once, [pages[0]!.id], 270 + 360).map((p) => p.rotation)).toEqual([0, 0, 90]);
    expect(pages).toEqual(before);
    expect(() => rotatePages(pages, [pages[0]!.id], 45)).toThrow(RangeError);
  });

  it('reorder takes a full order; move puts one page at a position; delete removes the named pages', () => {
    const [a, b, c] = pages.map((p) => p.id) as [string, string, string];
    expect(names(reorderPages(pages, [c, a, b]))).toEqual(['c.pdf', 'a.png', 'b.png']);
    expect(names(movePage(pages, a, 2))).toEqual(['b.png', 'c.pdf', 'a.png']);
    expect(names(movePage(pages, c, 0))).toEqual(['c.pdf', 'a.png', 'b.png']);
    expect(names(movePage(pages, c, 99))).toEqual(['a.png', 'b.png', 'c.pdf']);
    expect(names(deletePages(pages, [b]))).toEqual(['a.png', 'c.pdf']);
    expect(names(pages)).toEqual(['a.png', 'b.png', 'c.pdf']);
  });

  it('an order that misses, repeats or invents a page is refused with a message; an unknown page is NOT_FOUND', () => {
    const [a, b, c] = pages.map((p) => p.id) as [string, string, string];
    for (const bad of [[a, b], [a, b, b], [a, b, c, 'x'], [a, b, 'x']]) {
      const e = (() => { try { reorderPages(pages, bad); } catch (err) { return err; } })() as AppError;
      expect(e).toBeInstanceOf(AppError);
      expect(e.code).toBe('VALIDATION');
      expect(e.fields).toEqual([{ path: 'order', message: '新的页面顺序必须包含本材料的每一页，且每页只出现一次。' }]);
    }
    expect(() => deletePages(pages, ['nope'])).toThrow(expect.objectContaining({ code: 'NOT_FOUND' }));
    expect(() => rotatePages(pages, ['nope'], 90)).toThrow(expect.objectContaining({ code: 'NOT_FOUND' }));
    expect(() => movePage(pages, 'nope', 0)).toThrow(expect.objectContaining({ code: 'NOT_FOUND' }));
  });
});

describe('re-rendering a turned image page', () => {
  it('turned 90°: new blob, width and height swapped, the top bar now on the right, rotation reset to 0', async () => {
    const [turned] = rotatePages(pages, [pages[0]!.id], 90);
    const baked = await bakeRotation(store, turned!);
    const meta = await sharp(await store.get(baked.sha256)).metadata();
    expect([meta.width, meta.height]).toEqual([pages[0]!.height, pages[0]!.width]);
    expect(baked).toMatchObject({ id: pages[0]!.id, rotation: 0, width: pages[0]!.height, height: pages[0]!.width });
    expect(baked.sha256).not.toBe(pages[0]!.sha256);
    expect(await store.verify(baked.sha256)).toBe(true);
    const bands = await inkBands(Buffer.from(await store.get(baked.sha256)));
    expect(bands.right).toBeGreaterThan(0.9);
    expect(bands.left).toBeLessThan(0.05);
  });

  it('turned 180° and 270°: sizes and where the top goes; a PDF page keeps its bytes and its rotation', async () => {
    const b180 = await bakeRotation(store, rotatePages(pages, [pages[0]!.id], 180)[0]!);
    const b270 = await bakeRotation(store, rotatePages(pages, [pages[0]!.id], 270)[0]!);
    expect([b180.width, b180.height, b270.width, b270.height]).toEqual([pages[0]!.width, pages[0]!.height, pages[0]!.height, pages[0]!.width]);
    expect((await inkBands(Buffer.from(await store.get(b180.sha256)))).bottom).toBeGreaterThan(0.9);
    expect((await inkBands(Buffer.from(await store.get(b270.sha256)))).left).toBeGreaterThan(0.9);
    const pdfTurned = rotatePages(pages, [pages[2]!.id], 90)[2]!;
    expect(await bakeRotation(store, pdfTurned)).toBe(pdfTurned);
  });

  it('turning four times brings back the same picture without fading the page', async () => {
    let p = pages[1]!;
    for (let i = 0; i < 4; i++) p = await bakeRotation(store, { ...p, rotation: 90 });
    const a = await sharp(await store.get(pages[1]!.sha256)).raw().toBuffer();
    const b = await sharp(await store.get(p.sha256)).raw().toBuffer();
    let diff = 0;
    for (let i = 0; i < a.length; i++) diff += Math.abs(a[i]! - b[i]!);
    expect([p.width, p.height]).toEqual([pages[1]!.width, pages[1]!.height]);
    expect(diff / a.length).toBeLessThan(2);
  });
});

describe.skipIf(missingTool('pdftoppm', 'poppler-utils'))('operations then the material PDF', () => {
  it('rotate b, reorder to c, b, a, delete a: a 2-page PDF in that order and orientation', async () => {
    requireTool('pdftoppm');
    const [a, b, c] = pages.map((p) => p.id) as [string, string, string];
    let list = rotatePages(pages, [b], 90);
    list = reorderPages(list, [c, b, a]);
    list = deletePages(list, [a]);
    list = await Promise.all(list.map((p) => bakeRotation(store, p)));
    const bytes = await buildMaterialPdfFromStore(store, '营业执照复印件', list);
    expect((await PDFDocument.load(bytes)).getPageCount()).toBe(2);
    const file = path.join(dir, 'ops.pdf');
    fs.writeFileSync(file, bytes);
    const { pages: pngs, stderr } = renderPdf(file, 20);
    expect(stderr).toBe('');
    const first = await sharp(pngs[0]!).metadata();
    const second = await sharp(pngs[1]!).metadata();
    expect(first.width < first.height).toBe(true); // c: the vector page, portrait
    expect(second.width > second.height).toBe(true); // b turned: landscape, bar on the right
    expect((await inkBands(pngs[1]!)).right).toBeGreaterThan(0.9);
  });
});

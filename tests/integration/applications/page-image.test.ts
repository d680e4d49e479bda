import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { degrees, PDFDocument, rgb, StandardFonts } from 'pdf-lib';
import sharp from 'sharp';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ApplicationDetail } from '@shared/applications/schemas';
import type { TestCore } from '../../helpers/core';
import { counterWithCompanies, type Counter } from '../../helpers/counter';
import { requireTool } from '../../helpers/tools';

// applicationPageImage: the page strip's thumbnails, on a real store and blob folder. An image
// page comes back as a small JPEG, upright as the clerk turned it; a PDF page as its one-page PDF
// with the turn in /Rotate (sharp's libvips has no PDF loader; the renderer draws it with pdf.js).

let tc: TestCore;
let s: Record<string, string>;
let create: Counter['create'];
beforeEach(async () => {
  ({ tc, s, create } = await counterWithCompanies());
});
afterEach(() => tc?.close());

/** A portrait page (A5-ish at 100 dpi): white with a black bar across the top third. */
async function portraitPng(): Promise<Buffer> {
  const width = 420;
  const height = 594;
  const px = Buffer.alloc(width * height, 255);
  for (let y = 40; y < 200; y++) px.fill(0, y * width + 40, y * width + width - 40);
  return sharp(px, { raw: { width, height, channels: 1 } }).png().toBuffer();
}

/** A one-page A4 portrait PDF with text at the top (a word processor's page, not a scan). */
async function textPdf(ownRotate = 0): Promise<Buffer> {
  const doc = await PDFDocument.create();
  const page = doc.addPage([595.28, 841.89]);
  const font = await doc.embedFont(StandardFonts.Helvetica);
  page.drawRectangle({ x: 50, y: 700, width: 495, height: 100, color: rgb(0, 0, 0) });
  page.drawText('Audit report', { x: 60, y: 650, size: 24, font });
  if (ownRotate) page.setRotation(degrees(ownRotate));
  return Buffer.from(await doc.save());
}

async function addPage(a: ApplicationDetail, name: string, bytes: Buffer): Promise<ApplicationDetail> {
  const r = await tc.call('applicationPagesAdd', { applicationId: a.id, materialId: a.materials[0]!.id, files: [{ name, base64: bytes.toString('base64') }] }, s.clerk);
  expect(r.refused).toEqual([]);
  return r.application;
}

const thumb = (a: ApplicationDetail, pageId: string, session = s.clerk, width?: number) =>
  tc.call('applicationPageImage', { applicationId: a.id, materialId: a.materials[0]!.id, pageId, ...(width ? { width } : {}) }, session);

/** Where the dark bar is in a thumbnail: the mean darkness of its top, right, bottom and left bands. */
async function darkSide(jpeg: Buffer): Promise<'top' | 'right' | 'bottom' | 'left'> {
  const { data, info } = await sharp(jpeg).greyscale().raw().toBuffer({ resolveWithObject: true });
  const band = (x0: number, y0: number, x1: number, y1: number) => {
    let sum = 0;
    let n = 0;
    for (let y = Math.floor(y0); y < y1; y++) {
      for (let x = Math.floor(x0); x < x1; x++) {
        sum += 255 - data[y * info.width + x]!;
        n++;
      }
    }
    return sum / n;
  };
  const w = info.width;
  const h = info.height;
  const sides = { top: band(0, 0, w, h / 4), right: band((3 * w) / 4, 0, w, h), bottom: band(0, (3 * h) / 4, w, h), left: band(0, 0, w / 4, h) };
  return (Object.entries(sides).sort((x, y) => y[1] - x[1])[0]![0]) as 'top' | 'right' | 'bottom' | 'left';
}

describe('applicationPageImage', () => {
  it('gives an image page as a small JPEG of the asked width, and turned after a turn', async () => {
    let a = await addPage(await create(), 'licence.png', await portraitPng());
    const page = a.materials[0]!.pages[0]!;

    const t1 = await thumb(a, page.id);
    expect(t1.mimeType).toBe('image/jpeg');
    expect(t1.fileName).toBe('page-1.jpg');
    const jpeg = Buffer.from(t1.base64, 'base64');
    const meta = await sharp(jpeg).metadata();
    expect(meta.format).toBe('jpeg');
    // 200 px across by default, the page's proportions kept (594/420 × 200 ≈ 283)
    expect(meta.width).toBe(200);
    expect(meta.height).toBeGreaterThanOrEqual(280);
    expect(meta.height).toBeLessThanOrEqual(286);
    // much smaller than the stored page
    expect(jpeg.length).toBeLessThan(page.bytes);
    expect(await darkSide(jpeg)).toBe('top');

    const small = await sharp(Buffer.from((await thumb(a, page.id, s.clerk, 96)).base64, 'base64')).metadata();
    expect(small.width).toBe(96);

    // turned right: landscape, the top of the page now on the right
    a = await tc.call('applicationPageOp', { applicationId: a.id, materialId: a.materials[0]!.id, pageId: page.id, op: 'rotate_right' }, s.clerk);
    const turned = Buffer.from((await thumb(a, page.id)).base64, 'base64');
    const tm = await sharp(turned).metadata();
    expect(tm.width).toBe(200);
    expect(tm.height).toBeLessThan(tm.width);
    expect(await darkSide(turned)).toBe('right');
  });

  it('gives a PDF page as its one-page PDF with the clerk’s turn added to the page’s own /Rotate', async () => {
    requireTool('pdftoppm', 'poppler-utils');
    let a = await create();
    a = await addPage(a, 'audit.pdf', await textPdf());
    a = await addPage(a, 'scan-turned.pdf', await textPdf(90));
    const [plain, ownTurn] = a.materials[0]!.pages;
    expect(plain!.kind).toBe('pdf');

    const rotationOf = async (pageId: string) => {
      const f = await thumb(a, pageId);
      expect(f.mimeType).toBe('application/pdf');
      const doc = await PDFDocument.load(Buffer.from(f.base64, 'base64'));
      expect(doc.getPageCount()).toBe(1);
      return { rotate: doc.getPage(0).getRotation().angle, file: f };
    };
    expect((await rotationOf(plain!.id)).rotate).toBe(0);
    expect((await rotationOf(ownTurn!.id)).rotate).toBe(90);

    a = await tc.call('applicationPageOp', { applicationId: a.id, materialId: a.materials[0]!.id, pageId: plain!.id, op: 'rotate_right' }, s.clerk);
    a = await tc.call('applicationPageOp', { applicationId: a.id, materialId: a.materials[0]!.id, pageId: ownTurn!.id, op: 'rotate_left' }, s.clerk);
    // a PDF page keeps its bytes: the turn is the page's rotation, added when it is shown
    expect(a.materials[0]!.pages.map((p) => p.rotation)).toEqual([90, 270]);
    const right = await rotationOf(plain!.id);
    expect(right.rotate).toBe(90);
    expect((await rotationOf(ownTurn!.id)).rotate).toBe(0);

    // drawn as a reader draws it: landscape, the top of the page (the black bar) on the right
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pd-thumb-'));
    fs.writeFileSync(path.join(dir, 'p.pdf'), Buffer.from(right.file.base64, 'base64'));
    execFileSync('pdftoppm', ['-r', '20', '-png', '-singlefile', path.join(dir, 'p.pdf'), path.join(dir, 'p')]);
    const png = fs.readFileSync(path.join(dir, 'p.png'));
    const m = await sharp(png).metadata();
    expect(m.width).toBeGreaterThan(m.height);
    expect(await darkSide(png)).toBe('right');
  });

  it('is NOT_FOUND for an unknown application, material or page, or a page of another material', async () => {
    const a = await addPage(await create(), 'licence.png', await portraitPng());
    const other = await create();
    const page = a.materials[0]!.pages[0]!;
    const base = { applicationId: a.id, materialId: a.materials[0]!.id, pageId: page.id };
    for (const input of [
      { ...base, applicationId: other.id },
      { ...base, materialId: a.materials[1]!.id },
      { ...base, materialId: other.materials[0]!.id },
      { ...base, pageId: 'no-such-page' },
    ]) {
      expect((await tc.fail('applicationPageImage', input, s.clerk)).code, JSON.stringify(input)).toBe('NOT_FOUND');
    }
    // a width out of bounds is refused at the door
    expect((await tc.fail('applicationPageImage', { ...base, width: 2000 }, s.clerk)).code).toBe('VALIDATION');
    expect((await tc.fail('applicationPageImage', { ...base, width: 10 }, s.clerk)).code).toBe('VALIDATION');
  });

  it('is for the readers of applications only', async () => {
    const a = await addPage(await create(), 'licence.png', await portraitPng());
    const input = { applicationId: a.id, materialId: a.materials[0]!.id, pageId: a.materials[0]!.pages[0]!.id };
    expect((await tc.fail('applicationPageImage', input, s.phone)).code).toBe('FORBIDDEN');
    expect((await tc.fail('applicationPageImage', input, s.admin)).code).toBe('FORBIDDEN');
    expect((await tc.fail('applicationPageImage', input, null)).code).toBe('UNAUTHENTICATED');
    // the back office reads applications: it sees the thumbnail
    expect((await tc.call('applicationPageImage', input, s.keeper)).mimeType).toBe('image/jpeg');
  });
});

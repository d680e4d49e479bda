import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { requireTool } from '../../helpers/tools';

export function tempDir(prefix = 'pd-materials-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

/** Mean absolute difference (0–255) of two images shrunk to a 40 × 56 grey thumbnail: ≈ 0 for
 *  the same page, large for a page turned or a different page. Images of different shapes: 255. */
export async function difference(a: Uint8Array, b: Uint8Array): Promise<number> {
  const [ma, mb] = [await sharp(a).metadata(), await sharp(b).metadata()];
  if ((ma.width > ma.height) !== (mb.width > mb.height)) return 255;
  const thumb = (x: Uint8Array, w: number, h: number) => sharp(x).resize(w, h, { fit: 'fill' }).toColourspace('b-w').raw().toBuffer();
  const [w, h] = ma.width > ma.height ? [56, 40] : [40, 56];
  const [ta, tb] = [await thumb(a, w, h), await thumb(b, w, h)];
  let sum = 0;
  for (let i = 0; i < ta.length; i++) sum += Math.abs(ta[i]! - tb[i]!);
  return sum / ta.length;
}

/** `pdfinfo` of a PDF: its fields, and its stderr (empty for a clean file). */
export function pdfinfo(file: string): { fields: Record<string, string>; stderr: string } {
  requireTool('pdfinfo');
  const r = spawnSync('pdfinfo', ['-enc', 'UTF-8', file], { encoding: 'utf8', timeout: 30_000 });
  const fields: Record<string, string> = {};
  for (const line of r.stdout.split('\n')) {
    const m = /^([^:]+):\s*(.*)$/.exec(line);
    if (m) fields[m[1]!.trim()] = m[2]!;
  }
  return { fields, stderr: r.stderr };
}

/** Renders every page with pdftoppm at `dpi` into a folder beside the PDF (removed with it);
 *  returns the PNG files and pdftoppm's stderr. */
export function renderPdf(file: string, dpi = 30): { pages: string[]; stderr: string } {
  requireTool('pdftoppm');
  const out = fs.mkdtempSync(path.join(path.dirname(file), 'render-'));
  const r = spawnSync('pdftoppm', ['-r', String(dpi), '-png', file, path.join(out, 'p')], { encoding: 'utf8', timeout: 60_000 });
  if (r.status !== 0) throw new Error(`pdftoppm failed (${r.status}): ${r.stderr}`);
  const pages = fs.readdirSync(out).filter((f) => f.endsWith('.png')).sort().map((f) => path.join(out, f));
  return { pages, stderr: r.stderr };
}

export function pdftotext(file: string): string {
  requireTool('pdftotext');
  return execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8', timeout: 30_000 });
}

/** Where the dark pixels of an image are: the share of ink in its top, bottom, left and right thirds. */
export async function inkBands(image: Uint8Array | string): Promise<{ top: number; bottom: number; left: number; right: number }> {
  const { data, info } = await sharp(image).toColourspace('b-w').raw().toBuffer({ resolveWithObject: true });
  const band = (x0: number, y0: number, x1: number, y1: number) => {
    let n = 0;
    for (let y = Math.floor(y0); y < y1; y++) for (let x = Math.floor(x0); x < x1; x++) if (data[y * info.width + x]! < 128) n++;
    return n / ((x1 - x0) * (y1 - y0));
  };
  const { width: w, height: h } = info;
  return { top: band(0, 0, w, h / 3), bottom: band(0, (2 * h) / 3, w, h), left: band(0, 0, w / 3, h), right: band((2 * w) / 3, 0, w, h) };
}

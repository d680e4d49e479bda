import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PDFDocument } from 'pdf-lib';
import sharp from 'sharp';
import type { SaneSetup } from '../../../electron/core/scan';

/** A temporary folder, removed by the returned function. */
export function tempDir(prefix: string): { dir: string; remove: () => void } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  return { dir, remove: () => fs.rmSync(dir, { recursive: true, force: true }) };
}

/**
 * A SANE configuration that enables only SANE's own test backend. Debian ships it disabled in
 * /etc/sane.d/dll.conf (`#test`), so `scanimage -L` would not list it; `-d test` works either way.
 * Only this folder is searched (no trailing ':'), which also keeps the network backends from
 * spending seconds looking for scanners.
 */
export function testSane(dir: string): SaneSetup {
  const conf = path.join(dir, 'sane.d');
  fs.mkdirSync(conf, { recursive: true });
  fs.writeFileSync(path.join(conf, 'dll.conf'), 'test\n');
  fs.writeFileSync(path.join(conf, 'test.conf'), 'number_of_devices 2\nresolution 75.0\n');
  return { env: { SANE_CONFIG_DIR: conf } };
}

/** Real files of each kind the counter accepts. */
export async function samplePng(width = 120, height = 160): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background: { r: 250, g: 250, b: 250 } } })
    .composite([{ input: Buffer.from(`<svg width="${width}" height="${height}"><rect x="10" y="10" width="60" height="20" fill="black"/></svg>`) }])
    .png()
    .toBuffer();
}
export async function sampleJpeg(): Promise<Buffer> {
  return sharp(await samplePng()).jpeg({ quality: 80 }).toBuffer();
}
export async function sampleTiff(): Promise<Buffer> {
  return sharp(await samplePng(400, 300)).tiff({ compression: 'none' }).toBuffer();
}
export async function samplePdf(): Promise<Buffer> {
  const doc = await PDFDocument.create();
  const page = doc.addPage([595, 842]);
  page.drawText('Scan to folder test', { x: 50, y: 780, size: 18 });
  return Buffer.from(await doc.save());
}

/** Waits until `check` is true, polling; fails after `ms`. */
export async function until(check: () => boolean, ms = 10_000, what = 'condition'): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

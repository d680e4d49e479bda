import { open, stat } from 'node:fs/promises';
import { loadSharp } from '../lazy-libs';
import type { ScanFormat, ScannedPage } from './types';

// Size and pixel dimensions of a page scanimage just finished. PNG and PNM headers are read
// directly (cheap, and the first page shows sooner); TIFF and JPEG through sharp's header read.

async function head(path: string, length: number): Promise<Buffer> {
  const fh = await open(path, 'r');
  try {
    const buf = Buffer.alloc(length);
    const { bytesRead } = await fh.read(buf, 0, length, 0);
    return buf.subarray(0, bytesRead);
  } finally {
    await fh.close();
  }
}

async function dimensions(path: string, format: ScanFormat): Promise<{ width: number; height: number } | null> {
  if (format === 'png') {
    const b = await head(path, 24);
    // signature (8) + IHDR length (4) + "IHDR" (4) + width (4) + height (4)
    return b.length === 24 && b.toString('latin1', 12, 16) === 'IHDR' ? { width: b.readUInt32BE(16), height: b.readUInt32BE(20) } : null;
  }
  if (format === 'pnm') {
    // "P5\n# comment\n472 590\n255\n": magic, then width and height, comments allowed between
    const text = (await head(path, 512)).toString('latin1').replace(/#[^\n]*\n/g, ' ');
    const m = /^P[1-6]\s+(\d+)\s+(\d+)/.exec(text);
    return m ? { width: Number(m[1]), height: Number(m[2]) } : null;
  }
  const meta = await (await loadSharp())(path).metadata();
  return meta.width && meta.height ? { width: meta.width, height: meta.height } : null;
}

export async function pageInfo(page: number, path: string, format: ScanFormat, resolution: number | null): Promise<ScannedPage> {
  const [st, dims] = await Promise.all([stat(path), dimensions(path, format).catch(() => null)]);
  return { page, path, format, bytes: st.size, width: dims?.width ?? null, height: dims?.height ?? null, resolution };
}

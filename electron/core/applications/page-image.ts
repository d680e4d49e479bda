import { degrees, PDFDocument } from 'pdf-lib';
import { loadSharp } from '../lazy-libs';
import type { BlobPorts } from './ports';

// A page's thumbnail for the clerk's page strip, as the page is shown (its rotation applied).
// Image pages: a small JPEG made with sharp from the stored page (already upright: a turn re-renders
// it, but any rotation left on it is applied too). PDF pages: the libvips bundled with sharp has no
// PDF loader, so the page goes out as its one-page PDF with the clerk's turn added to its /Rotate,
// and the renderer draws it (pdf.js). Results are kept in a small LRU by content, turn and width.

export interface PageImage {
  mimeType: 'image/jpeg' | 'application/pdf';
  bytes: Uint8Array;
}

export interface ThumbnailPage {
  kind: 'image' | 'pdf';
  sha256: string;
  /** degrees clockwise */
  rotation: number;
}

/** what the LRU may hold in all, and the largest result it keeps (a copier's PDF page can be 1 MB) */
const CACHE_BYTES = 8 * 1024 * 1024;
const CACHE_ENTRY_MAX = 512 * 1024;
const JPEG_QUALITY = 75;

const quarter = (deg: number) => (((Math.round(deg / 90) * 90) % 360) + 360) % 360;

async function imageThumbnail(stored: Uint8Array, rotation: number, width: number): Promise<PageImage> {
  // width as asked; a very tall page (a receipt strip) stops at twice the width
  const sharp = await loadSharp();
  const bytes = await sharp(stored)
    .rotate(quarter(rotation))
    .resize({ width, height: width * 2, fit: 'inside', withoutEnlargement: true, kernel: 'linear' })
    .jpeg({ quality: JPEG_QUALITY })
    .toBuffer();
  return { mimeType: 'image/jpeg', bytes };
}

async function pdfPage(stored: Uint8Array, rotation: number): Promise<PageImage> {
  const turn = quarter(rotation);
  if (turn === 0) return { mimeType: 'application/pdf', bytes: stored };
  const doc = await PDFDocument.load(stored, { updateMetadata: false });
  const page = doc.getPage(0);
  page.setRotation(degrees((page.getRotation().angle + turn) % 360));
  return { mimeType: 'application/pdf', bytes: await doc.save({ updateFieldAppearances: false }) };
}

/** The thumbnail maker over the blob folder, with its cache. */
export function pageImages(blobs: Pick<BlobPorts, 'get'>) {
  const cache = new Map<string, PageImage>(); // in order of use, oldest first
  let held = 0;

  const remember = (key: string, img: PageImage) => {
    if (img.bytes.byteLength > CACHE_ENTRY_MAX) return;
    cache.set(key, img);
    held += img.bytes.byteLength;
    for (const [k, v] of cache) {
      if (held <= CACHE_BYTES) break;
      cache.delete(k);
      held -= v.bytes.byteLength;
    }
  };

  /** `width` in pixels, bounded by the contract (80–800) */
  return async function pageImage(page: ThumbnailPage, width: number): Promise<PageImage> {
    const w = Math.round(width);
    // a PDF page's result does not depend on the width: the renderer draws it to size
    const key = `${page.sha256}:${quarter(page.rotation)}:${page.kind === 'pdf' ? 'pdf' : w}`;
    const hit = cache.get(key);
    if (hit) {
      cache.delete(key);
      cache.set(key, hit);
      return hit;
    }
    const stored = await blobs.get(page.sha256);
    const img = page.kind === 'pdf' ? await pdfPage(stored, page.rotation) : await imageThumbnail(stored, page.rotation, w);
    remember(key, img);
    return img;
  };
}

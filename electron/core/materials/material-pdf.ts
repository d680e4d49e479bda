import { degrees, PDFDocument, type PDFEmbeddedPage, type PDFImage, type PDFPage } from 'pdf-lib';
import { t } from '@shared/i18n';
import type { BlobStore } from './blob-store';
import type { MaterialPage } from './page-types';

// The one PDF of a material, built with pdf-lib: every page on A4. An image page is fitted to an
// A4 page turned to match it (portrait or landscape by its aspect), centred, its JPEG bytes embedded
// as they are. A PDF page that is already A4 is copied whole (text layer, links and all) and only
// its /Rotate changes; any other size is placed, scaled, on an A4 page. The document's title is the
// material's name. With a fixed `createdAt` the bytes — and so the SHA-256 — repeat exactly.

export const A4 = { width: 595.28, height: 841.89 } as const;
/** Pages within 2 % of A4 count as A4 (copiers write 595 × 842). */
const A4_TOLERANCE = 0.02;

export interface PdfPageSource {
  kind: 'image' | 'pdf';
  /** a JPEG (or PNG) for an image page; a PDF for a PDF page */
  bytes: Uint8Array;
  /** degrees clockwise to show the page turned */
  rotation: number;
  /** which page of `bytes` (PDF pages; default 0: stored PDF pages are one-page PDFs) */
  pageIndex?: number;
}

export interface MaterialPdfOptions {
  author?: string;
  createdAt?: Date;
}

const isA4 = (w: number, h: number) => {
  const near = (a: number, b: number) => Math.abs(a - b) / b <= A4_TOLERANCE;
  return (near(w, A4.width) && near(h, A4.height)) || (near(w, A4.height) && near(h, A4.width));
};

/** An A4 page in the orientation that suits content shown `w` × `h`. */
const a4For = (w: number, h: number): [number, number] => (w > h ? [A4.height, A4.width] : [A4.width, A4.height]);

/**
 * Where to draw something of natural size w × h turned `rotation` clockwise so that it fills the
 * page (keeping its aspect, centred). pdf-lib turns about the drawing's lower-left corner,
 * anticlockwise, so the anchor moves with the turn.
 */
export function placeTurned(w: number, h: number, rotation: number, pageW: number, pageH: number) {
  const r = ((rotation % 360) + 360) % 360;
  const shownW = r % 180 ? h : w;
  const shownH = r % 180 ? w : h;
  const s = Math.min(pageW / shownW, pageH / shownH);
  const dw = w * s;
  const dh = h * s;
  const bx = (pageW - shownW * s) / 2;
  const by = (pageH - shownH * s) / 2;
  const anchor = r === 90 ? { x: bx, y: by + dw } : r === 180 ? { x: bx + dw, y: by + dh } : r === 270 ? { x: bx + dh, y: by } : { x: bx, y: by };
  return { ...anchor, width: dw, height: dh, rotate: degrees(-r) };
}

const isPng = (b: Uint8Array) => b[0] === 0x89 && b[1] === 0x50 && b[2] === 0x4e && b[3] === 0x47;

async function addImagePage(doc: PDFDocument, src: PdfPageSource): Promise<void> {
  const img: PDFImage = isPng(src.bytes) ? await doc.embedPng(src.bytes) : await doc.embedJpg(src.bytes);
  const turned = src.rotation % 180 !== 0;
  const [pw, ph] = a4For(turned ? img.height : img.width, turned ? img.width : img.height);
  const page = doc.addPage([pw, ph]);
  page.drawImage(img, placeTurned(img.width, img.height, src.rotation, pw, ph));
}

async function addPdfPage(doc: PDFDocument, src: PdfPageSource): Promise<void> {
  const from = await PDFDocument.load(src.bytes, { updateMetadata: false });
  const index = src.pageIndex ?? 0;
  const original: PDFPage = from.getPage(index);
  const { width, height } = original.getSize();
  const total = original.getRotation().angle + src.rotation;
  if (isA4(width, height)) {
    const [copy] = await doc.copyPages(from, [index]);
    copy!.setRotation(degrees(((total % 360) + 360) % 360));
    doc.addPage(copy!);
    return;
  }
  const embedded: PDFEmbeddedPage = await doc.embedPage(original);
  const turned = ((total % 360) + 360) % 360 % 180 !== 0;
  const [pw, ph] = a4For(turned ? height : width, turned ? width : height);
  doc.addPage([pw, ph]).drawPage(embedded, placeTurned(embedded.width, embedded.height, total, pw, ph));
}

/** One A4 PDF of the pages, titled with the material's name. */
export async function buildMaterialPdf(title: string, pages: readonly PdfPageSource[], opts: MaterialPdfOptions = {}): Promise<Uint8Array> {
  const doc = await PDFDocument.create({ updateMetadata: false });
  const at = opts.createdAt ?? new Date();
  doc.setTitle(title, { showInWindowTitleBar: true });
  doc.setSubject(t('materials.pdf.subject'));
  doc.setLanguage('zh-CN');
  doc.setCreator('PolicyDesk');
  doc.setProducer('PolicyDesk (pdf-lib)');
  if (opts.author) doc.setAuthor(opts.author);
  doc.setCreationDate(at);
  doc.setModificationDate(at);
  for (const p of pages) {
    if (p.kind === 'pdf') await addPdfPage(doc, p);
    else await addImagePage(doc, p);
  }
  return doc.save();
}

/** The material's PDF from its stored pages, read from the blob folder. */
export async function buildMaterialPdfFromStore(store: BlobStore, title: string, pages: readonly MaterialPage[], opts?: MaterialPdfOptions): Promise<Uint8Array> {
  const sources: PdfPageSource[] = [];
  for (const p of pages) sources.push({ kind: p.kind, bytes: await store.get(p.sha256), rotation: p.rotation });
  return buildMaterialPdf(title, sources, opts);
}

import { PDFDict, PDFDocument, PDFName, rgb, StandardFonts } from 'pdf-lib';
import sharp from 'sharp';
import { encode, scannedPage } from './scan-fixtures';

// PDFs as they reach the counter: a copier's scan-to-PDF (one JPEG per A4 page), a PDF made by
// software (vector text), a US-Letter page, and broken ones (cut off, encrypted, empty).

export const A4_PT = { width: 595.28, height: 841.89 } as const;

/** A copier's PDF: each page one JPEG filling an A4 page (`q … cm /Im Do Q`). */
export async function copierPdf(kinds: ('letter' | 'blank' | 'statement')[], dpi = 150): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  for (const kind of kinds) {
    const jpeg = await encode.jpeg(await scannedPage(kind, { dpi }));
    const img = await doc.embedJpg(jpeg);
    doc.addPage([A4_PT.width, A4_PT.height]).drawImage(img, { x: 0, y: 0, width: A4_PT.width, height: A4_PT.height });
  }
  return doc.save();
}

/** A page with a black bar across its top third and a line of text: its orientation shows when rendered. */
export async function vectorPdf(opts: { size?: [number, number]; pages?: number; text?: string; empty?: boolean } = {}): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const [w, h] = opts.size ?? [A4_PT.width, A4_PT.height];
  for (let i = 0; i < (opts.pages ?? 1); i++) {
    const page = doc.addPage([w, h]);
    if (opts.empty) continue;
    page.drawRectangle({ x: 0, y: (h * 2) / 3, width: w, height: h / 3, color: rgb(0, 0, 0) });
    page.drawText(`${opts.text ?? 'Vector page'} ${i + 1}`, { x: 50, y: h / 3, size: 18, font });
  }
  return doc.save();
}

/** The same file cut off at `share` of its length (an interrupted transfer). */
export const truncated = (bytes: Uint8Array, share: number): Uint8Array => bytes.slice(0, Math.floor(bytes.length * share));

/** A PDF whose trailer says it is encrypted (pdf-lib refuses to take pages out of those). */
export async function encryptedPdf(): Promise<Uint8Array> {
  const doc = await PDFDocument.load(await vectorPdf());
  const encrypt = doc.context.obj({ Filter: PDFName.of('Standard'), V: 2, R: 3, Length: 128, P: -3904 });
  doc.context.trailerInfo.Encrypt = doc.context.register(encrypt as PDFDict);
  return doc.save({ useObjectStreams: false });
}

export async function emptyPdf(): Promise<Uint8Array> {
  return (await PDFDocument.create()).save({ addDefaultPage: false });
}

/** An image page with a black bar across its top third (orientation visible at any size). */
export async function barPage(width = 827, height = 1170): Promise<Buffer> {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}"><rect width="${width}" height="${height}" fill="#f0f0f0"/><rect width="${width}" height="${Math.round(height / 3)}" fill="#000"/></svg>`;
  return sharp(Buffer.from(svg)).toColourspace('b-w').png().withMetadata({ density: 100 }).toBuffer();
}

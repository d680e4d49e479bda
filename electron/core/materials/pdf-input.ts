import {
  decodePDFRawStream, EncryptedPDFError, PDFArray, PDFDict, PDFDocument, PDFName, PDFRawStream, PDFRef, PDFStream,
  type PDFObject, type PDFPage,
} from 'pdf-lib';
import { measureImageOfPage } from './page-image';
import { BLANK_INK } from './page-analysis';
import { unreadable } from './unreadable';

// PDFs from the copier or chosen by the clerk. Each page becomes a page of the material, copied as
// a PDF page (the libvips in sharp has no PDF loader, so nothing is rasterised) and stored as a
// one-page PDF of its own. A damaged, truncated or encrypted file is refused by name.
//
// Blank pages: a page that draws nothing is blank (ink 0). A page that is one JPEG image — what a
// copier's "scan to PDF" makes — is measured like a scanned image. Any other page (text, vector
// drawing, CCITT/JBIG2 images) cannot be measured here: its ink is null and it is never flagged.

export interface PdfInputPage {
  /** the page as a one-page PDF */
  bytes: Uint8Array;
  /** shown size in points, after the page's own /Rotate */
  width: number;
  height: number;
  /** share of the page with ink, or null when it cannot be measured */
  ink: number | null;
  blank: boolean;
}

const PDF_HEADER = Buffer.from('%PDF-', 'latin1');
const PDF_EOF = Buffer.from('%%EOF', 'latin1');

/** Loads and checks a PDF; FILE_UNREADABLE naming the file when it cannot be used. */
export async function loadPdf(name: string, bytes: Uint8Array): Promise<PDFDocument> {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (buf.subarray(0, 1024).indexOf(PDF_HEADER) < 0) throw unreadable(name, 'damagedPdf');
  // A cut-off transfer loses the end marker that readers look for in the last 1 KB.
  if (buf.subarray(Math.max(0, buf.length - 1024)).indexOf(PDF_EOF) < 0) throw unreadable(name, 'damagedPdf');
  let doc: PDFDocument;
  try {
    doc = await PDFDocument.load(bytes, { updateMetadata: false, throwOnInvalidObject: true });
  } catch (e) {
    // pdf-lib is compiled to ES5, where `instanceof EncryptedPDFError` is false: match its message
    throw unreadable(name, e instanceof EncryptedPDFError || /\bis encrypted\b/.test(String(e)) ? 'encryptedPdf' : 'damagedPdf');
  }
  let pages: PDFPage[];
  try {
    pages = doc.getPages();
  } catch {
    throw unreadable(name, 'damagedPdf');
  }
  if (pages.length === 0) throw unreadable(name, 'emptyPdf');
  for (const page of pages) if (!pageIsWhole(page)) throw unreadable(name, 'damagedPdf');
  return doc;
}

/** Every object the page needs resolves, and its drawing instructions decode. */
function pageIsWhole(page: PDFPage): boolean {
  const ctx = page.doc.context;
  const seen = new Set<string>();
  const walk = (obj: PDFObject | undefined, depth: number): boolean => {
    if (depth > 64) return true;
    if (obj instanceof PDFRef) {
      const key = obj.toString();
      if (seen.has(key)) return true;
      seen.add(key);
      const target = ctx.lookup(obj);
      return target !== undefined && walk(target, depth + 1);
    }
    if (obj instanceof PDFStream) return walk(obj.dict, depth + 1);
    if (obj instanceof PDFArray) return obj.asArray().every((o) => walk(o, depth + 1));
    if (obj instanceof PDFDict) {
      return obj.entries().every(([k, v]) => k === PDFName.of('Parent') || k === PDFName.of('P') || walk(v, depth + 1));
    }
    return true;
  };
  try {
    if (!walk(page.node, 0)) return false;
    contentOf(page);
    return true;
  } catch {
    return false;
  }
}

/** The page's drawing instructions, decoded (they are usually Flate-compressed). */
function contentOf(page: PDFPage): string {
  const ctx = page.doc.context;
  const contents = page.node.get(PDFName.of('Contents'));
  const streams: PDFObject[] = [];
  const resolved = contents instanceof PDFRef ? ctx.lookup(contents) : contents;
  if (resolved instanceof PDFArray) for (const o of resolved.asArray()) streams.push(o instanceof PDFRef ? ctx.lookup(o)! : o);
  else if (resolved) streams.push(resolved);
  let text = '';
  for (const s of streams) {
    if (!(s instanceof PDFRawStream)) continue;
    text += Buffer.from(decodePDFRawStream(s).decode()).toString('latin1') + '\n';
  }
  return text;
}

/** A page that only paints one image: `q a b c d e f cm … /Im0 Do Q`. */
const ONE_IMAGE = /^\s*(q\s+)?((-?[\d.]+\s+){6}cm\s+)+\/\S+\s+Do\s*(Q\s*)?$/;

/** The share of the page that the one image covers: its `cm` matrices multiplied out. */
function imageCover(content: string, pageW: number, pageH: number): number {
  let m = [1, 0, 0, 1, 0, 0];
  for (const match of content.matchAll(/((?:-?[\d.]+\s+){6})cm/g)) {
    const [a, b, c, d, e, f] = match[1]!.trim().split(/\s+/).map(Number) as [number, number, number, number, number, number];
    // new = [a b c d e f] × m (PDF concatenates on the left)
    m = [a * m[0]! + b * m[2]!, a * m[1]! + b * m[3]!, c * m[0]! + d * m[2]!, c * m[1]! + d * m[3]!, e * m[0]! + f * m[2]! + m[4]!, e * m[1]! + f * m[3]! + m[5]!];
  }
  return Math.abs(m[0]! * m[3]! - m[1]! * m[2]!) / (pageW * pageH);
}

/** Ink of a PDF page where it can be measured (see the note at the top). */
async function pageInk(page: PDFPage): Promise<number | null> {
  const content = contentOf(page);
  const annots = page.node.get(PDFName.of('Annots'));
  if (!/\S/.test(content) && !annots) return 0;
  const { width, height } = page.getSize();
  // only a page that is one image covering (nearly) all of it is a scanned page
  if (!ONE_IMAGE.test(content) || imageCover(content, width, height) < 0.8) return null;
  const xobjects = page.node.Resources()?.lookupMaybe(PDFName.of('XObject'), PDFDict);
  const images = (xobjects?.values() ?? []).map((v) => (v instanceof PDFRef ? page.doc.context.lookup(v) : v)).filter((v): v is PDFRawStream => v instanceof PDFRawStream);
  if (images.length !== 1) return null;
  const image = images[0]!;
  const filter = image.dict.get(PDFName.of('Filter'));
  const filters = filter instanceof PDFArray ? filter.asArray() : [filter];
  if (filters.length !== 1 || filters[0] !== PDFName.of('DCTDecode')) return null;
  try {
    return (await measureImageOfPage(image.getContents(), Math.max(width, height) / 72)).ink;
  } catch {
    return null; // an image sharp cannot read (e.g. CMYK with odd markers): not measured
  }
}

/** The PDF's pages, each as a one-page PDF with its size and blank check. */
export async function readPdfPages(name: string, bytes: Uint8Array): Promise<PdfInputPage[]> {
  const src = await loadPdf(name, bytes);
  const out: PdfInputPage[] = [];
  for (const [i, page] of src.getPages().entries()) {
    let one: Uint8Array;
    try {
      const doc = await PDFDocument.create({ updateMetadata: false });
      const [copy] = await doc.copyPages(src, [i]);
      doc.addPage(copy!);
      one = await doc.save();
    } catch {
      throw unreadable(name, 'damagedPdf');
    }
    const { width, height } = page.getSize();
    const turned = page.getRotation().angle % 180 !== 0;
    const ink = await pageInk(page).catch(() => null);
    out.push({ bytes: one, width: turned ? height : width, height: turned ? width : height, ink, blank: ink !== null && ink < BLANK_INK });
  }
  return out;
}

/** The pages as one-page PDFs (the stopgap call of the application ports). */
export async function splitPdf(name: string, bytes: Uint8Array): Promise<Uint8Array[]> {
  return (await readPdfPages(name, bytes)).map((p) => p.bytes);
}

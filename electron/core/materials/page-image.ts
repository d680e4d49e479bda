import type { Metadata, Sharp } from 'sharp';
import { loadSharp } from '../lazy-libs';
import { ANALYSIS_DPI, BLANK_INK, COLOUR_SHARE, measurePage, type PageMeasure, type Pixels } from './page-analysis';
import { encodePage, STORED_DPI } from './page-encode';
import { toRotation } from './page-types';
import { decodePnm, isPnm, PnmError } from './pnm';
import { unreadable } from './unreadable';

// One scanned or photographed page (PNG/TIFF/PNM/JPEG from SANE, a copier or the document camera)
// made fit to keep: turned upright by its EXIF orientation and then by the clerk's quarter turns,
// scaled to at most 200 dpi, grey unless it has colour worth keeping, whitened paper, JPEG within
// the size target, and measured for ink so a blank page can be flagged. Rules: docs/materials.md.

/** Larger images are refused before decoding (A4 at 600 dpi is 35 MP, A3 at 600 dpi 70 MP). */
export const MAX_MEGAPIXELS = 100;
/** Stored pages are at most A3 at 200 dpi on their long side. */
const MAX_LONG_PX = 3307;
const A4_LONG_INCH = 297 / 25.4;

export type ColourChoice = 'auto' | 'grey' | 'colour';

export interface PageOptions {
  /** The scan's resolution when the caller knows it (SANE's --resolution); else the file's own if
   *  it is plausible, else the image is taken to be an A4 page filling the frame. */
  dpi?: number;
  /** The clerk's extra turn, clockwise, applied after the EXIF orientation. */
  rotate?: number;
  /** 'auto' (default) keeps colour only when the page has colour worth keeping. */
  colour?: ColourChoice;
  /** Which page of a multi-page TIFF (0-based). */
  page?: number;
}

export interface ProcessedPage {
  /** the stored JPEG */
  bytes: Buffer;
  width: number;
  height: number;
  /** resolution of the stored image */
  dpi: number;
  colour: boolean;
  /** share (0–1) of the inner page with ink */
  ink: number;
  /** probably blank (ink < BLANK_INK): flagged, never dropped */
  blank: boolean;
  /** share (0–1) of the inner page that is clearly coloured (0 for grey input) */
  colourShare: number;
  quality: number;
  /** the size budget of this page and whether it was met */
  target: number;
  withinTarget: boolean;
  /** the source's resolution and where it came from */
  sourceDpi: number;
  sourceDpiFrom: 'caller' | 'file' | 'assumed-a4';
}

/** @deprecated name kept for the application ports; same as ProcessedPage. */
export type ProcessedImage = ProcessedPage;

interface Opened {
  /** a fresh pipeline over the decoded input, EXIF orientation applied */
  pipeline: () => Sharp;
  width: number;
  height: number;
  density: number | undefined;
  grey: boolean;
}

async function open(name: string, input: Uint8Array, page: number | undefined): Promise<Opened> {
  const sharp = await loadSharp();
  if (isPnm(input)) {
    let raw;
    try {
      raw = decodePnm(input);
    } catch (e) {
      if (e instanceof PnmError) throw unreadable(name, 'damagedImage');
      throw e;
    }
    checkSize(name, raw.width, raw.height);
    const opts = { raw: { width: raw.width, height: raw.height, channels: raw.channels } } as const;
    return { pipeline: () => sharp(raw.data, opts), width: raw.width, height: raw.height, density: undefined, grey: raw.channels === 1 };
  }
  const options = { failOn: 'truncated' as const, limitInputPixels: false as const, autoOrient: true, ...(page !== undefined ? { page } : {}) };
  let meta: Metadata;
  try {
    meta = await sharp(input, options).metadata();
  } catch {
    throw unreadable(name, 'notImage');
  }
  if (meta.format === 'svg' || !meta.width || !meta.height) throw unreadable(name, 'notImage');
  const { width, height } = meta.autoOrient;
  checkSize(name, width, height);
  const grey = meta.space === 'b-w' || meta.space === 'grey16' || (meta.channels ?? 3) <= 2;
  // JFIF/EXIF density is in pixels per inch once sharp has read it (PNG's pHYs is converted too)
  return { pipeline: () => sharp(input, options), width, height, density: meta.density, grey };
}

function checkSize(name: string, width: number, height: number): void {
  const mp = (width * height) / 1e6;
  if (mp > MAX_MEGAPIXELS) throw unreadable(name, 'tooLarge', { megapixels: Math.round(mp), limit: MAX_MEGAPIXELS });
}

/** The source's resolution (documented rule, docs/materials.md). */
function sourceDpi(callerDpi: number | undefined, density: number | undefined, longPx: number): Pick<ProcessedPage, 'sourceDpi' | 'sourceDpiFrom'> {
  if (callerDpi && callerDpi > 0) return { sourceDpi: callerDpi, sourceDpiFrom: 'caller' };
  // A density is believed when it is a scanner's and the page it implies is paper-sized
  // (≤ A3 + margin); cameras write 72 or 96 for any photo.
  if (density && density >= 75 && density <= 2400) {
    const longMm = (longPx / density) * 25.4;
    if (longMm >= 50 && longMm <= 450) return { sourceDpi: density, sourceDpiFrom: 'file' };
  }
  return { sourceDpi: longPx / A4_LONG_INCH, sourceDpiFrom: 'assumed-a4' };
}

/** Processes one scanned image into the page to store; FILE_UNREADABLE (by name) if it cannot. */
export async function processPage(name: string, input: Uint8Array, opts: PageOptions = {}): Promise<ProcessedPage> {
  const turn = toRotation(opts.rotate ?? 0);
  const src = await open(name, input, opts.page);
  const turned = turn % 180 !== 0;
  const w0 = turned ? src.height : src.width;
  const h0 = turned ? src.width : src.height;
  const from = sourceDpi(opts.dpi, src.density, Math.max(w0, h0));
  const scale = Math.min(1, STORED_DPI / from.sourceDpi, MAX_LONG_PX / Math.max(w0, h0));
  const width = Math.max(1, Math.round(w0 * scale));
  const height = Math.max(1, Math.round(h0 * scale));
  const dpi = Math.round(from.sourceDpi * scale);
  const wantGrey = src.grey || opts.colour === 'grey';

  let page: Pixels;
  try {
    let s = src.pipeline();
    if (turn) s = s.rotate(turn);
    // a triangle filter over the shrink: as sharp for text as lanczos3 at 300 → 200 dpi (no
    // ringing, JPEG 4 % smaller) at half the time
    if (scale < 1) s = s.resize(width, height, { fit: 'fill', kernel: 'linear' });
    const { data, info } = await s.flatten({ background: '#ffffff' }).toColourspace(wantGrey ? 'b-w' : 'srgb').raw({ depth: 'uchar' }).toBuffer({ resolveWithObject: true });
    page = { data, width: info.width, height: info.height, channels: info.channels };
  } catch {
    throw unreadable(name, 'damagedImage');
  }

  const m = measurePage(await smallCopy(page, dpi));
  const colour = opts.colour === 'colour' ? page.channels >= 3 : opts.colour === 'grey' ? false : m.colourShare >= COLOUR_SHARE;
  const enc = await encodePage(page, { colour, paper: m.paper, dpi });
  return {
    bytes: enc.bytes, width: enc.width, height: enc.height, dpi, colour, ink: m.ink, blank: m.ink < BLANK_INK,
    colourShare: m.colourShare, quality: enc.quality, target: enc.target, withinTarget: enc.withinTarget, ...from,
  };
}

/** The measuring copy at ANALYSIS_DPI (averaging shrink: dust and noise fade, strokes stay). */
async function smallCopy(page: Pixels, dpi: number): Promise<Pixels> {
  const f = Math.min(1, ANALYSIS_DPI / dpi);
  if (f >= 1) return page;
  const sharp = await loadSharp();
  const { data, info } = await sharp(page.data, { raw: { width: page.width, height: page.height, channels: page.channels as 1 | 3 } })
    .resize(Math.max(1, Math.round(page.width * f)), Math.max(1, Math.round(page.height * f)), { fit: 'fill', kernel: 'linear' })
    .toColourspace(page.channels === 1 ? 'b-w' : 'srgb')
    .raw()
    .toBuffer({ resolveWithObject: true });
  return { data, width: info.width, height: info.height, channels: info.channels };
}

/** Measures an image that fills a page whose long side is `longInches` (a copier's page image
 *  inside a PDF), at the same resolution and by the same rules as a scanned page. */
export async function measureImageOfPage(image: Uint8Array, longInches: number): Promise<PageMeasure> {
  const sharp = await loadSharp();
  const meta = await sharp(image).metadata();
  const f = Math.min(1, ANALYSIS_DPI / (Math.max(meta.width, meta.height) / longInches));
  const grey = meta.space === 'b-w' || (meta.channels ?? 3) <= 2;
  const { data, info } = await sharp(image, { failOn: 'truncated' })
    .resize(Math.max(1, Math.round(meta.width * f)), Math.max(1, Math.round(meta.height * f)), { fit: 'fill', kernel: 'linear' })
    .flatten({ background: '#ffffff' })
    .toColourspace(grey ? 'b-w' : 'srgb')
    .raw({ depth: 'uchar' })
    .toBuffer({ resolveWithObject: true });
  return measurePage({ data, width: info.width, height: info.height, channels: info.channels });
}

/** How many pages an image file holds (a multi-page TIFF from a copier); 1 for the others. */
export async function imagePageCount(input: Uint8Array): Promise<number> {
  if (isPnm(input)) return 1;
  const sharp = await loadSharp();
  try {
    const meta = await sharp(input).metadata();
    return meta.format === 'tiff' ? (meta.pages ?? 1) : 1; // an animated GIF/WebP is one page
  } catch {
    return 1; // processPage will refuse it by name
  }
}

/** The page re-rendered turned by `degrees` clockwise (a stored JPEG in, a stored JPEG out). */
export async function rotateImage(name: string, stored: Uint8Array, degrees: number): Promise<ProcessedPage> {
  const meta = await (await loadSharp())(stored).metadata().catch(() => null);
  return processPage(name, stored, { rotate: degrees, dpi: meta?.density, colour: meta && meta.channels === 1 ? 'grey' : 'auto' });
}

/** The stopgap call of the application ports: `quarterTurns` clockwise (negative = anticlockwise). */
export function processImage(name: string, input: Uint8Array, quarterTurns = 0): Promise<ProcessedPage> {
  return processPage(name, input, { rotate: quarterTurns * 90 });
}

import { loadSharp } from '../lazy-libs';
import type { Pixels } from './page-analysis';

// A stored page is a baseline JPEG (pdf-lib embeds JPEG bytes as they are, and every viewer reads
// them), with the Robidoux quantisation table (libjpeg's table 3: smaller for the same sharpness of
// text). Size targets per A4 page at 200 dpi, scaled by the page's area (docs/materials.md): grey
// ≤ 200 KB, colour ≤ 400 KB. Quality 50 suits ordinary pages; for a denser page the next quality is
// predicted from the measured size curve and tried, then the lower ones in turn, and the last step
// is kept whatever its size (text stays legible at 20; the page is never dropped).

export const STORED_DPI = 200;
/** A4 at 200 dpi, the page the targets are set for */
const A4_PIXELS = 1654 * 2339;
export const TARGET_BYTES = { grey: 200 * 1024, colour: 400 * 1024 } as const;
/** Qualities tried, and the size at each relative to quality 50, measured on grey and colour text
 *  pages (letter, balance sheet, page with seal: within ±3 % of these). */
export const QUALITY_STEPS: readonly { quality: number; size: number }[] = [
  { quality: 50, size: 1 }, { quality: 44, size: 0.95 }, { quality: 38, size: 0.89 },
  { quality: 33, size: 0.83 }, { quality: 28, size: 0.77 }, { quality: 20, size: 0.645 },
];
/** the paper is lifted to white from this far below its own level (0–255), so noise and tint vanish */
export const WHITEN_BELOW_PAPER = 32;

export interface EncodedPage {
  bytes: Buffer;
  width: number;
  height: number;
  quality: number;
  /** the budget this page was held to (bytes) */
  target: number;
  withinTarget: boolean;
}

/** Every sample times `gain`, clipped (a table lookup: sharp's linear() would work in floats). */
function whiten(data: Uint8Array, gain: number): Uint8Array {
  const lut = new Uint8Array(256);
  for (let v = 0; v < 256; v++) lut[v] = Math.min(255, Math.round(v * gain));
  const out = new Uint8Array(data.length);
  for (let i = 0; i < data.length; i++) out[i] = lut[data[i]!]!;
  return out;
}

export function targetBytes(colour: boolean, width: number, height: number): number {
  const share = Math.max(0.25, (width * height) / A4_PIXELS);
  return Math.round((colour ? TARGET_BYTES.colour : TARGET_BYTES.grey) * share);
}

/**
 * Encodes raw pixels as the stored JPEG: grey (one channel) unless `colour`, the paper whitened
 * when it is not white already (`paper` from measurePage), within the size target if it can be.
 */
export async function encodePage(px: Pixels, opts: { colour: boolean; paper: number; dpi: number }): Promise<EncodedPage> {
  const target = targetBytes(opts.colour, px.width, px.height);
  // Lifting an already white page again would brighten its greys on every re-encode (rotation).
  const white = opts.paper - WHITEN_BELOW_PAPER;
  const gain = opts.paper < 250 && white >= 128 ? 255 / white : 1;
  const pixels = gain !== 1 ? whiten(px.data, gain) : px.data;
  const sharp = await loadSharp();
  const encode = async (quality: number): Promise<EncodedPage> => {
    const { data, info } = await sharp(pixels, { raw: { width: px.width, height: px.height, channels: px.channels as 1 | 3 } })
      .toColourspace(opts.colour ? 'srgb' : 'b-w')
      .jpeg({ quality, quantisationTable: 3, optimiseCoding: true, chromaSubsampling: '4:2:0' })
      .withDensity(opts.dpi)
      .toBuffer({ resolveWithObject: true });
    return { bytes: data, width: info.width, height: info.height, quality, target, withinTarget: data.length <= target };
  };
  let last = await encode(QUALITY_STEPS[0]!.quality);
  if (last.withinTarget) return last;
  const atFifty = last.bytes.length;
  // the first step predicted to fit (or the last), then lower ones until one fits
  let k = QUALITY_STEPS.findIndex((q) => atFifty * q.size <= target * 0.97);
  if (k < 1) k = QUALITY_STEPS.length - 1;
  for (; k < QUALITY_STEPS.length && !last.withinTarget; k++) last = await encode(QUALITY_STEPS[k]!.quality);
  return last;
}

// What a page holds, measured on a small copy of it (100 dpi for an A4 page): the paper's own
// brightness, how much of it carries ink, and whether it has colour worth keeping. Pure functions
// over raw pixels; the rules and the measured numbers behind them are in docs/materials.md.

/** The measuring copy is made at this resolution (dpi) from the stored page. */
export const ANALYSIS_DPI = 100;

/** Edges ignored by every measurement (share of width and height on each side): scanner lids,
 *  shadows and punched holes live there, and documents keep their margins wider than this. */
export const EDGE_MARGIN = 0.07;

/** A pixel is ink when it is this much darker than the paper (0–255 scale). */
export const INK_CONTRAST = 64;

/** Marks smaller than this many pixels of the measuring copy (≈ 0.8 mm² at 100 dpi) are dust. */
export const MIN_MARK = 12;

/** A page with less ink than this share of its inner area is flagged as probably blank.
 *  Measured (docs/materials.md): white pages with scanner noise and up to 2000 dust specks 0,
 *  SANE's solid white 0, one short line of text (「（此页无正文）」, 10.5 pt) 0.00057, text pages
 *  0.08–0.11. */
export const BLANK_INK = 0.0002;

/** A pixel is coloured when its strongest and weakest channel differ by at least this. */
export const COLOUR_CHROMA = 60;

/** A page is kept in colour when at least this share of its inner area is coloured: a red seal
 *  (公章, 42 mm) alone measures 0.53 % of an A4 page; tinted paper, grey text scanned in colour
 *  and sensor noise measure 0. */
export const COLOUR_SHARE = 0.001;

export interface Pixels {
  data: Uint8Array;
  width: number;
  height: number;
  channels: number;
}

export interface PageMeasure {
  /** the paper's grey level (0–255): the most common bright value */
  paper: number;
  /** share (0–1) of the inner page that carries ink */
  ink: number;
  /** share (0–1) of the inner page that is clearly coloured; 0 for grey input */
  colourShare: number;
}

/** Measures a small RGB or grey copy of the page. */
export function measurePage(px: Pixels): PageMeasure {
  const { width: w, height: h, channels: ch, data } = px;
  const grey = new Uint8Array(w * h);
  const x0 = Math.floor(w * EDGE_MARGIN);
  const y0 = Math.floor(h * EDGE_MARGIN);
  const x1 = w - x0;
  const y1 = h - y0;
  let coloured = 0;
  for (let i = 0, p = 0; i < w * h; i++, p += ch) {
    if (ch >= 3) {
      const r = data[p]!;
      const g = data[p + 1]!;
      const b = data[p + 2]!;
      grey[i] = (r * 77 + g * 150 + b * 29) >> 8; // Rec. 601 luma
      const x = i % w;
      const y = (i - x) / w;
      if (x >= x0 && x < x1 && y >= y0 && y < y1 && Math.max(r, g, b) - Math.min(r, g, b) >= COLOUR_CHROMA) coloured++;
    } else grey[i] = data[p]!;
  }
  const inner = Math.max(1, (x1 - x0) * (y1 - y0));
  const paper = paperLevel(grey, w, x0, y0, x1, y1);
  return { paper, ink: inkShare(grey, w, x0, y0, x1, y1, paper) / inner, colourShare: coloured / inner };
}

/** The most common value in the bright half of the inner page (the paper); 255 if there is none. */
function paperLevel(grey: Uint8Array, w: number, x0: number, y0: number, x1: number, y1: number): number {
  const hist = new Uint32Array(256);
  for (let y = y0; y < y1; y++) for (let x = x0; x < x1; x++) hist[grey[y * w + x]!]!++;
  let mode = -1;
  for (let v = 128; v < 256; v++) if (hist[v]! > 0 && (mode < 0 || hist[v]! >= hist[mode]!)) mode = v;
  return mode < 0 ? 255 : mode;
}

/** Ink pixels of the inner page in marks of at least MIN_MARK pixels (8-connected): dust, toner
 *  specks and sensor noise make smaller marks and are not counted. */
function inkShare(grey: Uint8Array, w: number, x0: number, y0: number, x1: number, y1: number, paper: number): number {
  const limit = paper - INK_CONTRAST;
  const seen = new Uint8Array(grey.length);
  const stack = new Int32Array(grey.length);
  let ink = 0;
  for (let y = y0; y < y1; y++) {
    for (let x = x0; x < x1; x++) {
      const start = y * w + x;
      if (seen[start] || grey[start]! >= limit) continue;
      // flood the mark, counting its pixels
      let size = 0;
      let top = 0;
      stack[top++] = start;
      seen[start] = 1;
      while (top > 0) {
        const i = stack[--top]!;
        size++;
        const cx = i % w;
        const cy = (i - cx) / w;
        for (let dy = -1; dy <= 1; dy++) {
          const ny = cy + dy;
          if (ny < y0 || ny >= y1) continue;
          for (let dx = -1; dx <= 1; dx++) {
            const nx = cx + dx;
            if (nx < x0 || nx >= x1) continue;
            const j = ny * w + nx;
            if (!seen[j] && grey[j]! < limit) {
              seen[j] = 1;
              stack[top++] = j;
            }
          }
        }
      }
      if (size >= MIN_MARK) ink += size;
    }
  }
  return ink;
}

import { z } from 'zod';

// The two papers the counter prints on, and how a document's pages are put on them. Pure: the
// CUPS path (lp -o media=…) and Electron's path (pageSize in microns) both start from `mediaFor`.

/** A4 sheets, or an 80 mm thermal receipt roll (cut to the receipt's length). */
export const PAPER_KINDS = ['A4', 'thermal-80'] as const;
export const PaperKind = z.enum(PAPER_KINDS);
export type PaperKind = z.infer<typeof PaperKind>;

export const MM_PER_PT = 25.4 / 72;
export const A4_MM = { width: 210, height: 297 } as const;
export const THERMAL_WIDTH_MM = 80;
/** The shortest sheet asked of a thermal printer (a shorter receipt leaves blank paper). */
export const THERMAL_MIN_LENGTH_MM = 20;
/** A page within this much of the paper counts as that paper (pdf-lib's A4 is 595.28 × 841.89 pt). */
const SAME_SIZE_MM = 1;

/** A PDF page's size in PDF points (1/72 inch), as pdf-lib's page.getSize() gives it. */
export interface PageSizePt { width: number; height: number }

export interface Media {
  paper: PaperKind;
  /** the sheet: A4, or 80 mm × the receipt's length */
  widthMm: number;
  heightMm: number;
  /** the CUPS media name: 'A4' or 'Custom.80x200mm' */
  cupsMedia: string;
  /** the pages are not the sheet's size, so the print path must scale them onto it */
  fitToPage: boolean;
}

const mm = (pt: number) => pt * MM_PER_PT;
const near = (a: number, b: number) => Math.abs(a - b) <= SAME_SIZE_MM;

/** A page's length once scaled to the 80 mm roll, in whole millimetres (float noise rounded off first). */
function thermalLengthMm(p: PageSizePt): number {
  return Math.ceil(Math.round(mm(p.height) * (THERMAL_WIDTH_MM / mm(p.width)) * 100) / 100);
}

/**
 * The sheet for a document. A4 documents print on A4 (scaled only if a page is not A4). A thermal
 * receipt prints 80 mm wide and as long as its longest page once scaled to that width, rounded up
 * to whole millimetres — so a receipt drawn 80 mm wide keeps its own length exactly.
 */
export function mediaFor(paper: PaperKind, pages: readonly PageSizePt[]): Media {
  const real = pages.filter((p) => p.width > 0 && p.height > 0);
  if (paper === 'A4') {
    const allA4 = real.every((p) => {
      const [w, h] = [mm(p.width), mm(p.height)];
      return (near(w, A4_MM.width) && near(h, A4_MM.height)) || (near(w, A4_MM.height) && near(h, A4_MM.width));
    });
    return { paper, widthMm: A4_MM.width, heightMm: A4_MM.height, cupsMedia: 'A4', fitToPage: !allA4 };
  }
  const length = Math.max(THERMAL_MIN_LENGTH_MM, ...real.map(thermalLengthMm));
  const fitToPage = real.some((p) => !near(mm(p.width), THERMAL_WIDTH_MM));
  return { paper, widthMm: THERMAL_WIDTH_MM, heightMm: length, cupsMedia: `Custom.${THERMAL_WIDTH_MM}x${length}mm`, fitToPage };
}

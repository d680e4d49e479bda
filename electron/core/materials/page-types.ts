// The small descriptor of one page of a material, as kept in the database and shown in the UI.
// The page's bytes live in the blob folder under `sha256`: a processed JPEG for a scanned image,
// a one-page PDF for a page that came in a PDF.

/** Quarter turns, clockwise. */
export type Rotation = 0 | 90 | 180 | 270;

export interface MaterialPage {
  /** stable within the material (UUIDv7), so operations name pages, not positions */
  id: string;
  kind: 'image' | 'pdf';
  sha256: string;
  /** stored size in bytes */
  bytes: number;
  /** the file it came from, for the clerk */
  fileName: string;
  /** pixels for an image page (as stored, before `rotation`); points for a PDF page */
  width: number;
  height: number;
  /** shown turned by this much; image pages are re-rendered upright by `bakeRotation` */
  rotation: Rotation;
  /** image pages: kept in colour (else grey); PDF pages: null */
  colour: boolean | null;
  /** share of the page with ink (0–1), or null where it cannot be measured (see docs/materials.md) */
  ink: number | null;
  /** probably blank: flagged for the clerk, never dropped */
  blank: boolean;
}

export const ROTATIONS: readonly Rotation[] = [0, 90, 180, 270];

/** Normalises any multiple of 90° (negative = anticlockwise) to a Rotation. */
export function toRotation(degrees: number): Rotation {
  if (!Number.isInteger(degrees / 90)) throw new RangeError(`rotation must be a multiple of 90°, got ${degrees}`);
  return ((((degrees % 360) + 360) % 360) as Rotation);
}

/** Width and height as the page is shown (after its rotation). */
export function shownSize(p: Pick<MaterialPage, 'width' | 'height' | 'rotation'>): { width: number; height: number } {
  return p.rotation % 180 === 0 ? { width: p.width, height: p.height } : { width: p.height, height: p.width };
}

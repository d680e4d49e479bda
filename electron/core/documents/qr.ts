import QRCode from 'qrcode';
import type { DocumentWriter } from './pdf-kit';

// QR codes as vector shapes: each row's run of dark modules is one rectangle of a single filled
// path, so the code is sharp at any printer resolution and costs a few hundred bytes (a PNG of the
// same code costs kilobytes and blurs when the printer scales it).

export interface QrShape {
  /** modules per side (21 for version 1, +4 per version) */
  size: number;
  /** SVG path in module units, y down */
  path: string;
  /** dark modules, row by row (for checks) */
  dark: (row: number, col: number) => boolean;
}

/** Error correction M (15 %): survives a smudge on a thermal print and keeps the code small. */
export function qrShape(text: string): QrShape {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const n = modules.size;
  const dark = (r: number, c: number) => modules.get(r, c) === 1;
  const parts: string[] = [];
  for (let r = 0; r < n; r++) {
    for (let c = 0; c < n; ) {
      if (!dark(r, c)) {
        c++;
        continue;
      }
      const start = c;
      while (c < n && dark(r, c)) c++;
      parts.push(`M${start} ${r}h${c - start}v1h${start - c}z`);
    }
  }
  return { size: n, path: parts.join(''), dark };
}

/**
 * Draws the code with its top left corner at (x, yTop), `side` points wide. Leave a quiet zone of
 * 4 modules of white around it (side / size × 4) — readers need it.
 */
export function drawQr(w: DocumentWriter, text: string, x: number, yTop: number, side: number): QrShape {
  const shape = qrShape(text);
  w.path(shape.path, x, yTop, side / shape.size, side);
  return shape;
}

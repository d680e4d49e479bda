import fs from 'node:fs';
import type { QrShape } from '../../../electron/core/documents/qr';

// No QR decoder is installed, so the test does what a decoder's first half does: find the three
// finder patterns (dark:light:dark:light:dark runs of 1:1:3:1:1) on the rendered page, lay the
// module grid over them, and read every module — then compares what it read with the modules the
// expected text encodes. All modules equal means any reader decodes exactly that text.

export interface Gray { width: number; height: number; data: Uint8Array }

/** Reads the binary PGM (P5) that `pdftoppm -gray` writes. */
export function readPgm(file: string): Gray {
  const buf = fs.readFileSync(file);
  const header = /^P5\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(buf.subarray(0, 64).toString('latin1'));
  if (!header) throw new Error(`${file} is not a binary PGM`);
  const [whole, w, h] = header;
  return { width: Number(w), height: Number(h), data: buf.subarray(whole!.length) };
}

interface Finder { x: number; y: number; unit: number; hits: number }

const dark = (img: Gray, x: number, y: number) => img.data[Math.round(y) * img.width + Math.round(x)]! < 128;

/** Run lengths of one line of pixels, starting with the colour of the first pixel. */
function runs(get: (i: number) => boolean, n: number): { start: number; len: number; dark: boolean }[] {
  const out: { start: number; len: number; dark: boolean }[] = [];
  for (let i = 0; i < n; i++) {
    const d = get(i);
    const last = out[out.length - 1];
    if (last && last.dark === d) last.len++;
    else out.push({ start: i, len: 1, dark: d });
  }
  return out;
}

/** 1:1:3:1:1 within half a module; returns the centre of the middle run and the module size. */
function finderAt(r: { start: number; len: number; dark: boolean }[], k: number): { centre: number; unit: number } | null {
  const five = r.slice(k, k + 5);
  if (five.length < 5 || !five[0]!.dark) return null;
  const total = five.reduce((s, x) => s + x.len, 0);
  const unit = total / 7;
  if (unit < 2) return null;
  const want = [1, 1, 3, 1, 1];
  if (!five.every((x, i) => Math.abs(x.len - want[i]! * unit) <= unit * (i === 2 ? 0.9 : 0.6))) return null;
  return { centre: five[2]!.start + five[2]!.len / 2, unit };
}

function findFinders(img: Gray): Finder[] {
  const found: Finder[] = [];
  for (let y = 0; y < img.height; y++) {
    const row = runs((x) => dark(img, x, y), img.width);
    for (let k = 0; k + 5 <= row.length; k++) {
      const h = finderAt(row, k);
      if (!h) continue;
      // the same pattern must cross it vertically, centred on this row
      const col = runs((yy) => dark(img, h.centre, yy), img.height);
      const idx = col.findIndex((r) => r.start <= y && y < r.start + r.len);
      const v = idx >= 2 ? finderAt(col, idx - 2) : null;
      if (!v || Math.abs(v.unit - h.unit) > h.unit * 0.4) continue;
      const near = found.find((f) => Math.abs(f.x - h.centre) < f.unit * 2 && Math.abs(f.y - v.centre) < f.unit * 2);
      if (near) {
        near.x = (near.x * near.hits + h.centre) / (near.hits + 1);
        near.y = (near.y * near.hits + v.centre) / (near.hits + 1);
        near.hits++;
      } else found.push({ x: h.centre, y: v.centre, unit: (h.unit + v.unit) / 2, hits: 1 });
    }
  }
  return found.filter((f) => f.hits >= 3);
}

/**
 * Looks for the expected code anywhere on the page; returns the number of modules read differently
 * from the expected ones at the best placement (0 = the code is there, exactly), or null when no
 * three finder patterns form a code of that size.
 */
export function qrMismatches(img: Gray, expected: QrShape): number | null {
  const finders = findFinders(img);
  let best: number | null = null;
  for (const tl of finders) {
    for (const tr of finders) {
      if (tr === tl || Math.abs(tr.y - tl.y) > tl.unit || tr.x <= tl.x) continue;
      for (const bl of finders) {
        if (bl === tl || bl === tr || Math.abs(bl.x - tl.x) > tl.unit || bl.y <= tl.y) continue;
        const mx = (tr.x - tl.x) / (expected.size - 7);
        const my = (bl.y - tl.y) / (expected.size - 7);
        if (Math.abs(mx - tl.unit) > tl.unit * 0.25 || Math.abs(my - tl.unit) > tl.unit * 0.25) continue;
        const ox = tl.x - 3.5 * mx;
        const oy = tl.y - 3.5 * my;
        let wrong = 0;
        for (let r = 0; r < expected.size; r++) {
          for (let c = 0; c < expected.size; c++) {
            if (dark(img, ox + (c + 0.5) * mx, oy + (r + 0.5) * my) !== expected.dark(r, c)) wrong++;
          }
        }
        if (best === null || wrong < best) best = wrong;
      }
    }
  }
  return best;
}

import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { requireTool } from '../../helpers/tools';

// What a person checks on a printed document, through poppler: the text on it, the size of its
// pages, and that every page renders as pictures with no font warning or error.

export interface CheckedPdf {
  dir: string;
  file: string;
  /** the text, as pdftotext reads it */
  text: string;
  /** the text with all white space removed (table cells and wrapped lines break words apart) */
  flat: string;
  /** page sizes in points */
  pages: { width: number; height: number }[];
  /** the PNGs pdftoppm made, one a page */
  pngs: string[];
}

const flatten = (s: string) => s.replace(/\s+/g, '');
export const flat = flatten;

/** Writes the PDF, reads it back with pdfinfo and pdftotext, renders every page (stderr must stay empty). */
export function checkPdf(bytes: Uint8Array, name: string): CheckedPdf {
  requireTool('pdftotext');
  requireTool('pdftoppm');
  requireTool('pdfinfo');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pd-doc-'));
  const file = path.join(dir, `${name}.pdf`);
  fs.writeFileSync(file, bytes);
  if (process.env.KEEP_DOCS) {
    fs.mkdirSync(process.env.KEEP_DOCS, { recursive: true });
    fs.copyFileSync(file, path.join(process.env.KEEP_DOCS, `${name}.pdf`)); // to look at them
  }
  const info = execFileSync('pdfinfo', ['-f', '1', '-l', '999', file], { encoding: 'utf8' });
  const pages = [...info.matchAll(/^Page\s+\d+ size:\s+([\d.]+) x ([\d.]+) pts/gm)].map((m) => ({ width: Number(m[1]), height: Number(m[2]) }));
  const text = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' });
  // the font must render: poppler prints any font trouble on stderr ("Syntax Error", "Couldn't find a font…")
  const r = spawnSync('pdftoppm', ['-r', '50', '-png', file, path.join(dir, 'page')], { encoding: 'utf8' });
  if (r.status !== 0 || r.stderr !== '') throw new Error(`pdftoppm on ${name}: exit ${r.status}, stderr: ${r.stderr}`);
  const pngs = fs.readdirSync(dir).filter((f) => f.endsWith('.png')).sort().map((f) => path.join(dir, f));
  return { dir, file, text, flat: flatten(text), pages, pngs };
}

/** Renders one page in grey at `dpi` (for reading the QR code); stderr must stay empty. */
export function renderGray(pdf: CheckedPdf, page: number, dpi: number): string {
  const out = path.join(pdf.dir, `gray-${page}`);
  const r = spawnSync('pdftoppm', ['-r', String(dpi), '-gray', '-f', String(page), '-l', String(page), '-singlefile', pdf.file, out], { encoding: 'utf8' });
  if (r.status !== 0 || r.stderr !== '') throw new Error(`pdftoppm -gray: exit ${r.status}, stderr: ${r.stderr}`);
  return `${out}.pgm`;
}

/** Words with their boxes (pdftotext -bbox), in points from the top left. */
export function words(pdf: CheckedPdf): { page: number; text: string; xMin: number; xMax: number; yMin: number; yMax: number }[] {
  const html = execFileSync('pdftotext', ['-bbox', pdf.file, '-'], { encoding: 'utf8' });
  const out: { page: number; text: string; xMin: number; xMax: number; yMin: number; yMax: number }[] = [];
  let page = 0;
  for (const line of html.split('\n')) {
    if (line.includes('<page ')) page++;
    const m = /<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*)<\/word>/.exec(line);
    if (m) out.push({ page, xMin: Number(m[1]), yMin: Number(m[2]), xMax: Number(m[3]), yMax: Number(m[4]), text: m[5]! });
  }
  return out;
}

export function cleanUp(pdf: CheckedPdf): void {
  fs.rmSync(pdf.dir, { recursive: true, force: true });
}

import fs from 'node:fs';
import path from 'node:path';
import fontkit from '@pdf-lib/fontkit';
import { PDFDocument, rgb, type PDFFont } from 'pdf-lib';
import subsetFont from 'subset-font';

// Drawing for the counter's documents: A4 pages with the embedded Chinese font.
//
// Why the font is cut per document: pdf-lib's own subsetting (fontkit) drops the outlines of many
// CJK glyphs — the page shows gaps while pdftotext still reads every character. So a document is
// laid out first (measured with the full font), then the font is cut with harfbuzz (subset-font) to
// exactly the characters used and embedded whole, and the recorded drawing is replayed.

export const A4 = { width: 595.28, height: 841.89 } as const;
export const MARGIN = 56;

type Weight = 'regular' | 'bold';
const FONT_FILES: Record<Weight, string> = { regular: 'NotoSansSC-Regular.ttf', bold: 'NotoSansSC-Bold.ttf' };
type Colour = [number, number, number];

interface TextOp { kind: 'text'; page: number; text: string; x: number; y: number; size: number; weight: Weight; colour: Colour }
interface LineOp { kind: 'line'; page: number; x1: number; y1: number; x2: number; y2: number; width: number }
type Op = TextOp | LineOp;

interface Metrics { bytes: Record<Weight, Buffer>; fonts: Record<Weight, PDFFont> }
const metricsCache = new Map<string, Promise<Metrics>>();

/** The full fonts, parsed once per resources folder, for measuring text while laying out. */
function metrics(resourcesDir: string): Promise<Metrics> {
  let m = metricsCache.get(resourcesDir);
  if (!m) {
    m = (async () => {
      const bytes = {
        regular: fs.readFileSync(path.join(resourcesDir, 'fonts', FONT_FILES.regular)),
        bold: fs.readFileSync(path.join(resourcesDir, 'fonts', FONT_FILES.bold)),
      };
      const scratch = await PDFDocument.create();
      scratch.registerFontkit(fontkit);
      return { bytes, fonts: { regular: await scratch.embedFont(bytes.regular, { subset: true }), bold: await scratch.embedFont(bytes.bold, { subset: true }) } };
    })();
    metricsCache.set(resourcesDir, m);
  }
  return m;
}

/** Punctuation that must not begin a line (避头点): it takes the previous character along. */
const NO_LINE_START = new Set('，。、：；！？）》」』】〕％%,.:;!?)]');

/** Breaks text into lines that fit `width` (character by character: Chinese has no spaces). */
export function wrap(text: string, font: PDFFont, size: number, width: number): string[] {
  const lines: string[] = [];
  for (const para of text.split('\n')) {
    let line = '';
    for (const ch of para) {
      if (line && font.widthOfTextAtSize(line + ch, size) > width) {
        const chars = [...line];
        const carried = NO_LINE_START.has(ch) && chars.length > 1 ? chars.pop()! : '';
        lines.push(chars.join(''));
        line = carried;
      }
      line += ch;
    }
    lines.push(line);
  }
  return lines;
}

export interface TextOptions { size?: number; bold?: boolean; indent?: number; color?: Colour; gap?: number }

/** A cursor that writes down A4 pages, starting a new page (with its footer) when one is full. */
export class DocumentWriter {
  private readonly ops: Op[] = [];
  private pages = 0;
  y = 0;

  private constructor(private readonly m: Metrics, private readonly footer: (w: DocumentWriter, pageNo: number) => void) {
    this.newPage();
  }

  static async create(resourcesDir: string, footer: (w: DocumentWriter, pageNo: number) => void = () => {}): Promise<DocumentWriter> {
    return new DocumentWriter(await metrics(resourcesDir), footer);
  }

  width(text: string, size: number, bold = false): number {
    return this.m.fonts[bold ? 'bold' : 'regular'].widthOfTextAtSize(text, size);
  }

  private newPage(): void {
    this.pages++;
    this.y = A4.height - MARGIN;
    this.footer(this, this.pages);
  }

  /** Draws at an exact place on the current page (footers, headers). */
  drawAt(text: string, x: number, y: number, size: number, opts: { bold?: boolean; color?: Colour } = {}): void {
    this.ops.push({ kind: 'text', page: this.pages, text, x, y, size, weight: opts.bold ? 'bold' : 'regular', colour: opts.color ?? [0, 0, 0] });
  }

  ensure(height: number): void {
    if (this.y - height < MARGIN + 20) this.newPage();
  }

  text(text: string, opts: TextOptions = {}): void {
    const size = opts.size ?? 10.5;
    const font = this.m.fonts[opts.bold ? 'bold' : 'regular'];
    const x = MARGIN + (opts.indent ?? 0);
    for (const line of wrap(text, font, size, A4.width - MARGIN - x)) {
      this.ensure(size * 1.6);
      this.y -= size * 1.5;
      this.drawAt(line, x, this.y, size, { bold: opts.bold, color: opts.color });
    }
    this.y -= opts.gap ?? 2;
  }

  centred(text: string, size: number, bold = true): void {
    this.ensure(size * 2);
    this.y -= size * 1.6;
    this.drawAt(text, (A4.width - this.width(text, size, bold)) / 2, this.y, size, { bold });
    this.y -= size * 0.6;
  }

  rule(): void {
    this.ensure(8);
    this.y -= 4;
    this.ops.push({ kind: 'line', page: this.pages, x1: MARGIN, y1: this.y, x2: A4.width - MARGIN, y2: this.y, width: 0.6 });
    this.y -= 4;
  }

  /** Cuts the fonts to the characters used, embeds them whole and draws everything. */
  async save(meta: { title: string }): Promise<Uint8Array> {
    const doc = await PDFDocument.create();
    doc.registerFontkit(fontkit);
    doc.setTitle(meta.title);
    doc.setLanguage('zh-CN');
    doc.setProducer('PolicyDesk 惠企政策窗口工作台');
    doc.setCreator('PolicyDesk');
    const used: Record<Weight, Set<string>> = { regular: new Set(), bold: new Set() };
    for (const op of this.ops) if (op.kind === 'text') for (const ch of op.text) used[op.weight].add(ch);
    const fonts: Partial<Record<Weight, PDFFont>> = {};
    for (const w of ['regular', 'bold'] as const) {
      if (used[w].size === 0) continue;
      const cut = await subsetFont(this.m.bytes[w], [...used[w]].join(''), { targetFormat: 'truetype' });
      fonts[w] = await doc.embedFont(cut, { subset: false });
    }
    const pages = Array.from({ length: this.pages }, () => doc.addPage([A4.width, A4.height]));
    for (const op of this.ops) {
      const page = pages[op.page - 1]!;
      if (op.kind === 'text') page.drawText(op.text, { x: op.x, y: op.y, size: op.size, font: fonts[op.weight]!, color: rgb(...op.colour) });
      else page.drawLine({ start: { x: op.x1, y: op.y1 }, end: { x: op.x2, y: op.y2 }, thickness: op.width, color: rgb(0.3, 0.3, 0.3) });
    }
    return doc.save();
  }
}

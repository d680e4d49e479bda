import fs from 'node:fs';
import path from 'node:path';
import { PDFDocument, rgb, type PDFFont } from 'pdf-lib';
import { loadFontkit, loadSubsetFont } from '../lazy-libs';

// Drawing for the counter's documents: A4 pages (or an 80 mm receipt roll) with the embedded Chinese font.
//
// Why the font is cut per document: pdf-lib's own subsetting (fontkit) drops the outlines of many
// CJK glyphs — the page shows gaps while pdftotext still reads every character. So a document is
// laid out first (measured with the full font), then the font is cut with harfbuzz (subset-font) to
// exactly the characters used and embedded whole, and the recorded drawing is replayed.

export interface PageSize { width: number; height: number }
/** millimetres → PDF points */
export const mm = (x: number): number => (x * 72) / 25.4;
export const A4: PageSize = { width: 595.28, height: 841.89 };
export const MARGIN = 56;
/** Width of an 80 mm thermal receipt roll; its height grows to fit (see `roll`). */
export const THERMAL_80_WIDTH = mm(80);

/**
 * Layout options. `roll`: one page whose height is cut to what was drawn (receipt printers);
 * `footerSpace`: room kept free above the bottom margin for the footer.
 */
export interface WriterOptions { page?: PageSize; margin?: number; roll?: boolean; footerSpace?: number }

// A roll is laid out on one very tall page (the largest a PDF page may be) and cut at save time.
const ROLL_LAYOUT_HEIGHT = 14400;

type Weight = 'regular' | 'bold';
const FONT_FILES: Record<Weight, string> = { regular: 'NotoSansSC-Regular.ttf', bold: 'NotoSansSC-Bold.ttf' };
export type Colour = [number, number, number];

interface TextOp { kind: 'text'; page: number; text: string; x: number; y: number; size: number; weight: Weight; colour: Colour }
interface LineOp { kind: 'line'; page: number; x1: number; y1: number; x2: number; y2: number; width: number; colour: Colour }
interface RectOp { kind: 'rect'; page: number; x: number; y: number; w: number; h: number; fill?: Colour; stroke?: Colour; width: number }
/** An SVG path (y down) drawn with its origin at (x, y) — used for QR codes. */
interface PathOp { kind: 'path'; page: number; d: string; x: number; y: number; scale: number; height: number; colour: Colour }
type Op = TextOp | LineOp | RectOp | PathOp;

// fontkit shapes a run of Latin letters and digits (a USCC, 91330108MA2T…) with the font's 'latn'
// script, whose 'locl' lookup in Noto Sans SC swaps the digits for alternates that are not in the
// cmap: pdf-lib then writes no width (they print 1000 units wide) and no ToUnicode (pdftotext and
// copy-paste lose them). The font is Simplified Chinese only, so 'locl' has nothing to choose.
const FEATURES = { locl: false };

// The cut keeps the outlines and metrics a PDF viewer needs, and only the glyphs of the text: the
// layout tables (GSUB/GPOS/BASE) and their closure, vertical metrics and the STAT table are of no
// use in a PDF, whose text is already laid out (a third of the bytes of a receipt).
const CUT = { targetFormat: 'truetype', noLayoutClosure: true, dropTables: ['GSUB', 'GPOS', 'BASE', 'vhea', 'vmtx', 'STAT'] } as const;

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
      scratch.registerFontkit(await loadFontkit());
      return { bytes, fonts: { regular: await scratch.embedFont(bytes.regular, { subset: true, features: FEATURES }), bold: await scratch.embedFont(bytes.bold, { subset: true, features: FEATURES }) } };
    })();
    metricsCache.set(resourcesDir, m);
  }
  return m;
}

/** Punctuation that must not begin a line (避头点): it takes the previous character along. */
const NO_LINE_START = new Set('，。、：；！？）》」』】〕％%,.:;!?)]');

/** Opening brackets and quotes that must not end a line. */
const NO_LINE_END = new Set('（《「『【〔“‘([');

// Advance widths per character, at size 1 — measured once per font. A line's width is the sum of
// its characters' advances, which is what the PDF shows (drawText writes glyphs without kerning);
// measuring whole strings with fontkit's shaper costs it a full layout per call, O(n²) per line.
const advances = new WeakMap<PDFFont, Map<string, number>>();
function advance(font: PDFFont, ch: string): number {
  let cache = advances.get(font);
  if (!cache) advances.set(font, (cache = new Map()));
  let a = cache.get(ch);
  if (a === undefined) cache.set(ch, (a = font.widthOfTextAtSize(ch, 1)));
  return a;
}

/** Width of a string in points. */
export function textWidth(font: PDFFont, text: string, size: number): number {
  let w = 0;
  for (const ch of text) w += advance(font, ch);
  return w * size;
}

/** Breaks text into lines that fit `width` (character by character: Chinese has no spaces). */
export function wrap(text: string, font: PDFFont, size: number, width: number, restWidth = width): string[] {
  const lines: string[] = [];
  for (const para of text.split('\n')) {
    let line: string[] = [];
    let used = 0;
    for (const ch of para) {
      const a = advance(font, ch) * size;
      if (line.length && used + a > (lines.length ? restWidth : width)) {
        const carried: string[] = [];
        if (NO_LINE_START.has(ch) && line.length > 1) carried.unshift(line.pop()!);
        // an opening bracket or quote never ends a line (避尾点): it goes down with what it opens
        while (line.length > 1 && NO_LINE_END.has(line[line.length - 1]!)) carried.unshift(line.pop()!);
        lines.push(line.join(''));
        line = carried;
        used = carried.reduce((sum, c) => sum + advance(font, c) * size, 0);
      }
      line.push(ch);
      used += a;
    }
    lines.push(line.join(''));
  }
  return lines;
}

export interface TextOptions {
  size?: number; bold?: boolean; indent?: number; color?: Colour; gap?: number;
  /** right edge, from the left of the page (default: page width − margin) */
  right?: number;
  /** line height as a multiple of the size (default 1.5) */
  leading?: number;
  /** indent of the second and later lines, relative to the first (hanging numbers) */
  hang?: number;
}

/** A cursor that writes down the pages, starting a new page (with its footer) when one is full. */
export class DocumentWriter {
  private readonly ops: Op[] = [];
  private pages = 0;
  /** the page that drawAt & co. draw on (the current one, or one chosen by forEachPage) */
  private target = 0;
  readonly pageWidth: number;
  readonly margin: number;
  readonly roll: boolean;
  private readonly layoutHeight: number;
  private readonly footerSpace: number;
  y = 0;

  private constructor(private readonly m: Metrics, private readonly footer: (w: DocumentWriter, pageNo: number) => void, opts: WriterOptions) {
    const page = opts.page ?? A4;
    this.pageWidth = page.width;
    this.roll = opts.roll ?? false;
    this.layoutHeight = this.roll ? ROLL_LAYOUT_HEIGHT : page.height;
    this.margin = opts.margin ?? MARGIN;
    this.footerSpace = opts.footerSpace ?? (this.roll ? 0 : 20);
    this.newPage();
  }

  static async create(resourcesDir: string, footer: (w: DocumentWriter, pageNo: number) => void = () => {}, opts: WriterOptions = {}): Promise<DocumentWriter> {
    return new DocumentWriter(await metrics(resourcesDir), footer, opts);
  }

  /** left and right edges of the text area */
  get left(): number { return this.margin; }
  get right(): number { return this.pageWidth - this.margin; }
  get pageCount(): number { return this.pages; }
  /** y of the top of the text area (on a roll: of the laid-out strip, cut at save) */
  get top(): number { return this.layoutHeight - this.margin; }

  width(text: string, size: number, bold = false): number {
    return textWidth(this.m.fonts[bold ? 'bold' : 'regular'], text, size);
  }

  wrapText(text: string, size: number, width: number, bold = false, restWidth = width): string[] {
    return wrap(text, this.m.fonts[bold ? 'bold' : 'regular'], size, width, restWidth);
  }

  private newPage(): void {
    this.pages++;
    this.target = this.pages;
    this.y = this.top;
    this.footer(this, this.pages);
  }

  /** Draws at an exact place on the current page (footers, headers). */
  drawAt(text: string, x: number, y: number, size: number, opts: { bold?: boolean; color?: Colour } = {}): void {
    this.ops.push({ kind: 'text', page: this.target, text, x, y, size, weight: opts.bold ? 'bold' : 'regular', colour: opts.color ?? [0, 0, 0] });
  }

  line(x1: number, y1: number, x2: number, y2: number, width = 0.6, colour: Colour = [0.3, 0.3, 0.3]): void {
    this.ops.push({ kind: 'line', page: this.target, x1, y1, x2, y2, width, colour });
  }

  /** A rectangle with its lower left corner at (x, y). */
  rect(x: number, y: number, w: number, h: number, opts: { fill?: Colour; stroke?: Colour; width?: number } = {}): void {
    this.ops.push({ kind: 'rect', page: this.target, x, y, w, h, fill: opts.fill, stroke: opts.stroke, width: opts.width ?? 0.6 });
  }

  /** Fills an SVG path (y pointing down, in units of `scale` points) whose origin is its top left at (x, y); `height` in points. */
  path(d: string, x: number, y: number, scale: number, height: number, colour: Colour = [0, 0, 0]): void {
    this.ops.push({ kind: 'path', page: this.target, d, x, y, scale, height, colour });
  }

  /** Room left on the page below the cursor (a roll never runs out). */
  get room(): number {
    return this.roll ? Infinity : this.y - (this.margin + this.footerSpace);
  }

  ensure(height: number): void {
    if (!this.roll && this.y - height < this.margin + this.footerSpace) this.newPage();
  }

  /** Starts a new page now (not on a roll). */
  pageBreak(): void {
    if (!this.roll) this.newPage();
  }

  text(text: string, opts: TextOptions = {}): void {
    const size = opts.size ?? 10.5;
    const leading = opts.leading ?? 1.5;
    const x = this.margin + (opts.indent ?? 0);
    const right = opts.right ?? this.right;
    const hang = opts.hang ?? 0;
    const lines = this.wrapText(text, size, right - x, opts.bold, right - x - hang);
    lines.forEach((line, i) => {
      this.ensure(size * (leading + 0.1));
      this.y -= size * leading;
      this.drawAt(line, i === 0 ? x : x + hang, this.y, size, { bold: opts.bold, color: opts.color });
    });
    this.y -= opts.gap ?? 2;
  }

  centred(text: string, size: number, bold = true): void {
    this.ensure(size * 2);
    this.y -= size * 1.6;
    this.drawAt(text, (this.pageWidth - this.width(text, size, bold)) / 2, this.y, size, { bold });
    this.y -= size * 0.6;
  }

  rule(): void {
    this.ensure(8);
    this.y -= 4;
    this.line(this.left, this.y, this.right, this.y);
    this.y -= 4;
  }

  /** Draws on every page once the layout is done (e.g. "第 1 页 共 3 页"). */
  forEachPage(draw: (pageNo: number, pageCount: number) => void): void {
    const current = this.target;
    for (let p = 1; p <= this.pages; p++) {
      this.target = p;
      draw(p, this.pages);
    }
    this.target = current;
  }

  /** Lowest point drawn (text descenders included), to cut a roll just below it. */
  private lowest(): number {
    let low = this.y;
    for (const op of this.ops) {
      const bottom = op.kind === 'text' ? op.y - op.size * 0.3 : op.kind === 'line' ? Math.min(op.y1, op.y2) : op.kind === 'rect' ? op.y : op.y - op.height;
      if (bottom < low) low = bottom;
    }
    return low;
  }

  /** Cuts the fonts to the characters used, embeds them whole and draws everything. */
  async save(meta: { title: string }): Promise<Uint8Array> {
    const doc = await PDFDocument.create();
    doc.registerFontkit(await loadFontkit());
    const subsetFont = await loadSubsetFont();
    doc.setTitle(meta.title);
    doc.setLanguage('zh-CN');
    doc.setProducer('PolicyDesk 惠企政策窗口工作台');
    doc.setCreator('PolicyDesk');
    const used: Record<Weight, Set<string>> = { regular: new Set(), bold: new Set() };
    for (const op of this.ops) if (op.kind === 'text') for (const ch of op.text) used[op.weight].add(ch);
    const fonts: Partial<Record<Weight, PDFFont>> = {};
    for (const w of ['regular', 'bold'] as const) {
      if (used[w].size === 0) continue;
      const cut = await subsetFont(this.m.bytes[w], [...used[w]].join(''), CUT);
      fonts[w] = await doc.embedFont(cut, { subset: false, features: FEATURES });
    }
    // a roll is cut just below the last thing drawn, with the bottom margin kept
    const height = this.roll ? this.layoutHeight - this.lowest() + this.margin : this.layoutHeight;
    const dy = height - this.layoutHeight;
    const pages = Array.from({ length: this.pages }, () => doc.addPage([this.pageWidth, height]));
    for (const op of this.ops) {
      const page = pages[op.page - 1]!;
      if (op.kind === 'text') page.drawText(op.text, { x: op.x, y: op.y + dy, size: op.size, font: fonts[op.weight]!, color: rgb(...op.colour) });
      else if (op.kind === 'line') page.drawLine({ start: { x: op.x1, y: op.y1 + dy }, end: { x: op.x2, y: op.y2 + dy }, thickness: op.width, color: rgb(...op.colour) });
      else if (op.kind === 'rect') {
        page.drawRectangle({
          x: op.x, y: op.y + dy, width: op.w, height: op.h,
          color: op.fill ? rgb(...op.fill) : undefined,
          borderColor: op.stroke ? rgb(...op.stroke) : undefined, borderWidth: op.stroke ? op.width : 0,
        });
      } else page.drawSvgPath(op.d, { x: op.x, y: op.y + dy, scale: op.scale, color: rgb(...op.colour) });
    }
    return doc.save();
  }
}

import { chinaDate, formatChinaDateTime, formatChineseDate } from '@shared/time/china-time';
import { t } from '@shared/i18n';
import { DocumentWriter, type Colour } from './pdf-kit';
import { drawQr } from './qr';
import type { CaseDocumentBase, MaterialForm, MaterialLine } from './document-types';

// The look shared by the A4 application documents: centre name and title centred (no red header),
// case number on the right, numbered sections (一、二、), ruled tables, the issuer and date at the
// bottom right, and a footer with the centre, case number and "第 n 页 共 N 页" on every page.

export const BODY = 11;
const GREY: Colour = [0.35, 0.35, 0.35];
const RULE: Colour = [0.45, 0.45, 0.45];
const HEAD_FILL: Colour = [0.92, 0.92, 0.92];

const CN_DIGITS = ['〇', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];
/** 1 → 一, 12 → 十二 (section numbers) */
export function cnNumber(n: number): string {
  if (n <= 10) return CN_DIGITS[n]!;
  if (n < 20) return `十${CN_DIGITS[n - 10]}`;
  return `${CN_DIGITS[Math.floor(n / 10)]}十${n % 10 ? CN_DIGITS[n % 10] : ''}`;
}

/** 2026年11月27日 14:05 (China time) */
export function chineseDateTime(isoInstant: string): string {
  return `${formatChineseDate(chinaDate(new Date(isoInstant)))} ${formatChinaDateTime(isoInstant).slice(11)}`;
}

export const formLabel = (form: MaterialForm): string => t(`materialForm.${form}`);

/** An A4 writer whose pages get the footer once the page count is known (call finish()). */
export async function a4Writer(resourcesDir: string): Promise<DocumentWriter> {
  return DocumentWriter.create(resourcesDir, () => {}, { footerSpace: 24 });
}

/** Footer on every page, then the PDF. */
export async function finish(w: DocumentWriter, base: CaseDocumentBase, title: string): Promise<Uint8Array> {
  w.forEachPage((n, total) => {
    const text = t('doc.app.footer', { centre: base.centre.name, caseNo: base.caseNo, n: String(n), total: String(total) });
    w.line(w.left, w.margin - 8, w.right, w.margin - 8, 0.4, RULE);
    w.drawAt(text, (w.pageWidth - w.width(text, 8)) / 2, w.margin - 22, 8, { color: GREY });
  });
  return w.save({ title: `${title} ${base.caseNo} ${base.company.name}` });
}

/**
 * Centre name and title centred, the progress query's QR code (when the case has one) at the top
 * right with its code under it, the case number on the right, a heavy rule.
 */
export function header(w: DocumentWriter, base: CaseDocumentBase, title: string, subtitle?: string): void {
  const top = w.y;
  w.centred(base.centre.name, 13, false);
  w.y -= 2;
  w.centred(title, 22);
  if (subtitle) w.centred(subtitle, 12, false);
  if (base.progress) {
    const side = 62;
    drawQr(w, base.progress.url, w.right - side, top + 6, side);
    const caption = t('doc.app.progressCode', { code: base.progress.code });
    w.drawAt(caption, w.right - side / 2 - w.width(caption, 7.5) / 2, top + 6 - side - 9, 7.5, { color: GREY });
    w.y = Math.min(w.y, top + 6 - side - 12);
  }
  const caseNo = t('doc.app.caseNo', { caseNo: base.caseNo });
  w.y -= 16;
  w.drawAt(caseNo, w.right - w.width(caseNo, 10), w.y, 10);
  w.y -= 6;
  w.line(w.left, w.y, w.right, w.y, 1.2, [0, 0, 0]);
  w.y -= 8;
}

/** 一、申请信息 */
export function section(w: DocumentWriter, no: number, title: string): void {
  w.ensure(60); // never a heading alone at the bottom of a page
  w.y -= 4;
  w.text(`${cnNumber(no)}、${title}`, { bold: true, size: 12, gap: 4 });
}

/** Height of the issuer block (落款), for keeping the last paragraph on its page. */
export const ISSUER_HEIGHT = 44;
/** Height of the signature block for n parties. */
export const signaturesHeight = (n: number): number => n * 44 + 10;

/**
 * A paragraph with the first line indented two characters, as letters are written. `keepWith`:
 * the height of what must follow on the same page (the 落款 never stands alone on a page).
 */
export function paragraph(w: DocumentWriter, text: string, opts: { size?: number; indent?: boolean; color?: Colour; keepWith?: number } = {}): void {
  const size = opts.size ?? BODY;
  const first = opts.indent === false ? 0 : size * 2;
  const lines = w.wrapText(text, size, w.right - w.left - first, false, w.right - w.left);
  if (opts.keepWith) w.ensure(lines.length * size * 1.65 + 4 + opts.keepWith);
  lines.forEach((line, i) => {
    w.ensure(size * 1.75);
    w.y -= size * 1.65;
    w.drawAt(line, w.left + (i === 0 ? first : 0), w.y, size, { color: opts.color });
  });
  w.y -= 4;
}

/** "1. …" items whose second lines align under the text, not under the number. */
export function numbered(w: DocumentWriter, items: string[], opts: { size?: number; start?: number } = {}): void {
  const size = opts.size ?? BODY;
  items.forEach((item, i) => {
    const no = `${(opts.start ?? 1) + i}. `;
    const hang = w.width(no, size);
    w.text(`${no}${item}`, { size, hang, leading: 1.6, indent: size, gap: 1 });
  });
}

export interface Column { title: string; share: number; align?: 'left' | 'center' }

/**
 * A ruled table: header row shaded and repeated on each new page, cells wrapped, rows never split.
 * `shares` of the columns add up to 1 (of the text width).
 */
export function table(w: DocumentWriter, columns: Column[], rows: string[][], opts: { size?: number } = {}): void {
  const size = opts.size ?? 10;
  const padX = 5;
  const padY = 3.6;
  const step = size * 1.38;
  const total = w.right - w.left;
  const widths = columns.map((c) => c.share * total);
  const draw = (cells: string[], shaded: boolean, bold: boolean) => {
    const lines = cells.map((cell, i) => w.wrapText(cell, size, widths[i]! - 2 * padX, bold));
    const height = 2 * padY + Math.max(...lines.map((l) => l.length)) * step;
    return { lines, height, shaded, bold };
  };
  const put = (row: ReturnType<typeof draw>) => {
    const top = w.y;
    let x = w.left;
    row.lines.forEach((cellLines, i) => {
      const width = widths[i]!;
      w.rect(x, top - row.height, width, row.height, { fill: row.shaded ? HEAD_FILL : undefined, stroke: RULE, width: 0.5 });
      cellLines.forEach((line, k) => {
        const lx = columns[i]!.align === 'center' ? x + (width - w.width(line, size, row.bold)) / 2 : x + padX;
        w.drawAt(line, lx, top - padY - size * 1.08 - k * step, size, { bold: row.bold });
      });
      x += width;
    });
    w.y -= row.height;
  };
  const head = draw(columns.map((c) => c.title), true, true);
  w.ensure(head.height + 2 * step + 2 * padY);
  put(head);
  for (const cells of rows) {
    const row = draw(cells, false, false);
    if (w.room < row.height) {
      w.pageBreak();
      put(head);
    }
    put(row);
  }
  w.y -= 6;
}

/** A row of the facts grid: one label and value across the width, or two side by side. */
export type FieldRow = [string, string] | [string, string, string, string];

/** Label/value facts in a ruled grid (labels shaded); a row holds one pair or two. */
export function fields(w: DocumentWriter, rows: FieldRow[], opts: { size?: number } = {}): void {
  const size = opts.size ?? 10;
  const padX = 5;
  const padY = 3.6;
  const step = size * 1.38;
  const labelW = 96;
  const full = w.right - w.left;
  for (const row of rows) {
    const pairs: [string, string][] = row.length === 2 ? [[row[0], row[1]]] : [[row[0], row[1]], [row[2], row[3]]];
    const valueW = (full - labelW * pairs.length) / pairs.length;
    const cells = pairs.map(([label, value]) => ({ label, lines: w.wrapText(value || '—', size, valueW - 2 * padX) }));
    const height = 2 * padY + Math.max(...cells.map((c) => c.lines.length)) * step;
    w.ensure(height);
    const top = w.y;
    cells.forEach((c, i) => {
      const x = w.left + i * (labelW + valueW);
      w.rect(x, top - height, labelW, height, { fill: HEAD_FILL, stroke: RULE, width: 0.5 });
      w.rect(x + labelW, top - height, valueW, height, { stroke: RULE, width: 0.5 });
      w.drawAt(c.label, x + padX, top - padY - size * 1.08, size, { bold: true });
      c.lines.forEach((line, k) => w.drawAt(line, x + labelW + padX, top - padY - size * 1.08 - k * step, size));
    });
    w.y -= height;
  }
  w.y -= 6;
}

/** The issuer and the date at the bottom right (落款), with room for the seal. */
export function issuer(w: DocumentWriter, name: string, isoDate: string): void {
  w.ensure(ISSUER_HEIGHT);
  w.y -= 18;
  const date = formatChineseDate(isoDate);
  const seal = `${name}${t('doc.app.seal')}`;
  const right = w.right - BODY * 2;
  w.drawAt(seal, right - w.width(seal, BODY), w.y, BODY);
  w.y -= BODY * 2;
  w.drawAt(date, right - w.width(seal, BODY) / 2 - w.width(date, BODY) / 2, w.y, BODY);
  w.y -= 10;
}

/** Signature lines: "移交人（签字）：________　日期：　年　月　日", one per party. */
export function signatures(w: DocumentWriter, labels: string[]): void {
  w.ensure(signaturesHeight(labels.length));
  w.y -= 10;
  const date = t('doc.app.signDate');
  for (const label of labels) {
    w.y -= 34;
    w.drawAt(label, w.left, w.y, BODY);
    const lineStart = w.left + w.width(label, BODY) + 4;
    const dateX = w.right - w.width(date, BODY);
    w.line(lineStart, w.y - 3, dateX - 24, w.y - 3, 0.6, [0, 0, 0]);
    w.drawAt(date, dateX, w.y, BODY);
  }
  w.y -= 10;
}

/** An address in lines that fit `width`, broken before its query or after a '/' rather than anywhere. */
export function urlLines(w: DocumentWriter, url: string, size: number, width: number): string[] {
  if (w.width(url, size) <= width) return [url];
  for (const at of [url.indexOf('?'), url.lastIndexOf('/') + 1]) {
    if (at > 0 && w.width(url.slice(0, at), size) <= width && w.width(url.slice(at), size) <= width) return [url.slice(0, at), url.slice(at)];
  }
  return w.wrapText(url, size, width);
}

/** An address on lines of its own under a paragraph (never broken inside a sentence). */
export function urlLine(w: DocumentWriter, url: string): void {
  const x = BODY * 2;
  for (const line of urlLines(w, url, 10, w.right - w.left - x)) w.text(line, { size: 10, indent: x, leading: 1.5, gap: 0 });
  w.y -= 4;
}

/** The case's company and item, as the first rows of a facts grid. */
export function caseRows(base: CaseDocumentBase): FieldRow[] {
  const c = base.company;
  return [
    [t('doc.app.company'), c.name],
    c.contactName ? [t('doc.app.uscc'), c.uscc, t('doc.app.contact'), [c.contactName, c.contactPhone].filter(Boolean).join(' ')] : [t('doc.app.uscc'), c.uscc],
    [t('doc.app.item'), base.item.name, t('doc.app.department'), base.item.department],
  ];
}

/** 《政策名称》（文号）, or nothing */
export function policyRows(base: CaseDocumentBase): FieldRow[] {
  const { policyTitle, docNo } = base.item;
  return policyTitle ? [[t('doc.app.policy'), `《${policyTitle}》${docNo ? `（${docNo}）` : ''}`]] : [];
}

/** 序号 | 材料名称 | 原件/复印件 | 份数 | 页数 */
export const materialColumns = (): Column[] => [
  { title: t('doc.app.col.no'), share: 0.08, align: 'center' },
  { title: t('doc.app.col.material'), share: 0.52 },
  { title: t('doc.app.col.form'), share: 0.16, align: 'center' },
  { title: t('doc.app.col.copies'), share: 0.12, align: 'center' },
  { title: t('doc.app.col.pages'), share: 0.12, align: 'center' },
];

export const materialRows = (list: MaterialLine[]): string[][] =>
  list.map((m, i) => [String(i + 1), m.note ? `${m.name}（${m.note}）` : m.name, formLabel(m.form), String(m.copies), m.pages > 0 ? String(m.pages) : '—']);

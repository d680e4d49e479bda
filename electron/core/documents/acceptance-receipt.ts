import { formatChineseDate } from '@shared/time/china-time';
import { t } from '@shared/i18n';
import type { AcceptanceNoticeInput } from './document-types';
import { chineseDateTime, formLabel, urlLines } from './doc-layout';
import { DocumentWriter, mm, THERMAL_80_WIDTH } from './pdf-kit';
import { drawQr } from './qr';

// 受理回执 on 80 mm thermal paper: the same facts as the A4 受理通知书, in small type on one strip
// whose height is cut to fit (receipt printers feed as far as the page is long).

const SIZE = 8.5;
const GREY = [0.25, 0.25, 0.25] as [number, number, number];

export async function renderAcceptanceReceipt(resourcesDir: string, input: AcceptanceNoticeInput): Promise<Uint8Array> {
  const deferred = input.deferred.length > 0;
  const title = t(deferred ? 'doc.receipt.titleDeferred' : 'doc.receipt.title');
  const w = await DocumentWriter.create(resourcesDir, () => {}, { page: { width: THERMAL_80_WIDTH, height: 0 }, margin: mm(4), roll: true });
  const centred = (text: string, size: number, bold = false, color?: [number, number, number]) => {
    for (const line of w.wrapText(text, size, w.right - w.left, bold)) {
      w.y -= size * 1.45;
      w.drawAt(line, (w.pageWidth - w.width(line, size, bold)) / 2, w.y, size, { bold, color });
    }
  };
  const rule = () => {
    w.y -= 5;
    w.line(w.left, w.y, w.right, w.y, 0.5, [0, 0, 0]);
    w.y -= 1;
  };
  /** "label：value", wrapped lines aligned under the value */
  const field = (label: string, value: string, bold = false) => {
    const head = `${label}：`;
    w.text(`${head}${value}`, { size: SIZE, leading: 1.4, hang: w.width(head, SIZE), gap: 0.5, bold });
  };

  /** a numbered line with its facts ("原件 1 份 4 页") right-aligned on its last line, or under it */
  const item = (text: string, hang: number, facts: string) => {
    const lines = w.wrapText(text, SIZE, w.right - w.left, false, w.right - w.left - hang);
    const factsW = w.width(facts, SIZE);
    const lastW = w.width(lines[lines.length - 1]!, SIZE) + (lines.length > 1 ? hang : 0);
    if (lastW + w.width('　', SIZE) + factsW > w.right - w.left) lines.push('');
    lines.forEach((line, i) => {
      w.y -= SIZE * 1.4;
      if (line) w.drawAt(line, w.left + (i ? hang : 0), w.y, SIZE);
    });
    w.drawAt(facts, w.right - factsW, w.y, SIZE);
    w.y -= 0.5;
  };

  centred(input.centre.name, 9);
  w.y -= 2;
  centred(title, 14, true);
  w.y -= 1;
  centred(t('doc.app.caseNo', { caseNo: input.caseNo }), SIZE);
  rule();
  field(t('doc.receipt.company'), input.company.name);
  field(t('doc.receipt.uscc'), input.company.uscc);
  field(t('doc.receipt.item'), input.item.name);
  field(t('doc.receipt.department'), input.item.department);
  field(t('doc.receipt.receivedAt'), chineseDateTime(input.receivedAt));
  field(t('doc.app.clerk'), input.counter ? `${input.clerk}（${input.counter}）` : input.clerk);
  field(t('doc.app.phone'), input.contactPhone);
  rule();

  w.text(t('doc.receipt.materials', { n: input.received.length }), { size: SIZE + 0.5, bold: true, leading: 1.5, gap: 1 });
  input.received.forEach((m, i) => {
    const no = `${i + 1}. `;
    const facts = [formLabel(m.form), t('doc.app.copiesN', { n: m.copies }), ...(m.pages > 0 ? [t('doc.app.pagesN', { n: m.pages })] : [])].join(' ');
    item(`${no}${m.name}`, w.width(no, SIZE), facts);
  });
  if (deferred) {
    w.y -= 2;
    w.text(t('doc.receipt.deferred'), { size: SIZE + 0.5, bold: true, leading: 1.5, gap: 1 });
    input.deferred.forEach((m, i) => {
      const no = `${i + 1}. `;
      w.text(`${no}${m.name}（${formLabel(m.form)} ${t('doc.app.copiesN', { n: m.copies })}）`, { size: SIZE, leading: 1.4, hang: w.width(no, SIZE), gap: 0 });
      w.text(t('doc.receipt.dueBy', { date: formatChineseDate(m.dueDate) }), { size: SIZE, leading: 1.4, indent: w.width(no, SIZE), bold: true, gap: 0.5 });
    });
  }
  rule();
  w.y -= 2;
  w.text(t('doc.receipt.promise', { date: formatChineseDate(input.promisedDate), days: input.promisedDays }), { size: SIZE + 0.5, bold: true, leading: 1.5 });
  rule();

  // the QR code, centred, with its quiet zone
  const side = mm(32);
  w.y -= 10;
  drawQr(w, input.progress.url, (w.pageWidth - side) / 2, w.y, side);
  w.y -= side + 4;
  centred(t('doc.app.progressCode', { code: input.progress.code }), 12, true);
  centred(t('doc.receipt.scan'), SIZE, false, GREY);
  for (const line of urlLines(w, input.progress.url, 7, w.right - w.left)) centred(line, 7, false, GREY);
  rule();
  centred(t('doc.receipt.keep'), 8, false, GREY);
  centred(`${input.centre.name}　${formatChineseDate(input.issuedOn)}`, 8, false, GREY);
  return w.save({ title: `${title} ${input.caseNo} ${input.company.name}` });
}

import { afterEach, describe, expect, it } from 'vitest';
import { renderAcceptanceNotice } from '../../../electron/core/documents/acceptance-notice';
import { renderAcceptanceReceipt } from '../../../electron/core/documents/acceptance-receipt';
import { renderDeliveryRecord } from '../../../electron/core/documents/delivery-record';
import { renderHandoverSheet } from '../../../electron/core/documents/handover-sheet';
import { qrShape } from '../../../electron/core/documents/qr';
import { renderRefusalNotice } from '../../../electron/core/documents/refusal-notice';
import { renderSupplementNotice } from '../../../electron/core/documents/supplement-notice';
import { missingTool } from '../../helpers/tools';
import * as f from './fixtures';
import { checkPdf, cleanUp, flat, renderGray, words, type CheckedPdf } from './pdf-tools';
import { qrMismatches, readPgm } from './qr-check';

// The counter's application documents, read back the way a person checks a printout: the text on
// the page (pdftotext), the paper size (pdfinfo), pages that render with no font trouble
// (pdftoppm, stderr empty) and a QR code that reads as the progress address.

const A4 = { width: 595.28, height: 841.89 };
const MM80 = (80 * 72) / 25.4;
const opened: CheckedPdf[] = [];
afterEach(() => opened.splice(0).forEach(cleanUp));
const check = (bytes: Uint8Array, name: string) => {
  const pdf = checkPdf(bytes, name);
  opened.push(pdf);
  return pdf;
};

/** The text holds each of these (white space ignored: table cells and line wraps split words). */
const expectText = (pdf: CheckedPdf, ...parts: string[]) => {
  for (const p of parts) expect(pdf.flat, `missing on the page: ${p}`).toContain(flat(p));
};
const expectA4 = (pdf: CheckedPdf) => {
  expect(pdf.pages.length).toBeGreaterThan(0);
  for (const p of pdf.pages) expect(p).toEqual({ width: A4.width, height: A4.height });
  expect(pdf.pngs).toHaveLength(pdf.pages.length);
};
/** Footer on every page: the centre, the case number and 第 n 页 共 N 页. */
const expectFooters = (pdf: CheckedPdf) => {
  const n = pdf.pages.length;
  for (let i = 1; i <= n; i++) expectText(pdf, `第 ${i} 页 共 ${n} 页`);
  expect(pdf.text.split(f.base.centre.name).length - 1).toBeGreaterThanOrEqual(n);
};
/** The QR code on the page reads, module for module, as the progress address. */
const expectQr = (pdf: CheckedPdf, page: number, dpi: number) => {
  const img = readPgm(renderGray(pdf, page, dpi));
  expect(qrMismatches(img, qrShape(f.PROGRESS_URL))).toBe(0);
  // and the check can tell: another code of the same size does not read from this page
  const other = qrShape(f.PROGRESS_URL.replace('K7M2Q9XA', 'K7M2Q9XB'));
  expect(other.size).toBe(qrShape(f.PROGRESS_URL).size);
  expect(qrMismatches(img, other)).toBeGreaterThan(10);
};

describe.skipIf(missingTool('pdftotext', 'poppler-utils'))('application documents', () => {
  it('the fixture case: promised date and 容缺 due dates come from the holiday calendar', () => {
    // received Tue 2026-09-22; 中秋 9/25–27 and 国庆 10/1–7 are not counted, Sat 10/10 is worked
    expect(f.PROMISED_DATE).toBe('2026-10-27');
    expect(f.DEFERRED_DUE).toBe('2026-09-30');
  });

  it('受理通知书 (A4): company, item, every material received, promised date, clerk, query code and QR', async () => {
    const pdf = check(await renderAcceptanceNotice(f.RESOURCES, f.acceptance), 'acceptance');
    expectA4(pdf);
    expect(pdf.pages).toHaveLength(1);
    expectText(pdf, '受理通知书', f.base.centre.name, `办件编号：${f.base.caseNo}`, f.base.company.name, f.COMPANY_USCC);
    expectText(pdf, '研发投入补助', '滨江区科学技术局', '杭滨政办〔2026〕1号', '决定予以受理');
    for (const m of f.received) expectText(pdf, m.name);
    expectText(pdf, '2026年9月22日 14:05', '李娜', '3 号窗口', '0571-87702345');
    expectText(pdf, '20 个工作日', '2026年10月27日前办结');
    expectText(pdf, '查询码：K7M2Q9XA', f.PROGRESS_URL);
    expect(pdf.text).not.toContain('容缺');
    expectFooters(pdf);
    expectQr(pdf, 1, 300);
  });

  it('容缺受理通知书: each deferred material with the date it is due', async () => {
    const pdf = check(await renderAcceptanceNotice(f.RESOURCES, f.deferredAcceptance), 'acceptance-deferred');
    expectA4(pdf);
    expectText(pdf, '容缺受理通知书', '予以容缺受理', '容缺材料及补交期限（2 项）');
    expectText(pdf, '研发项目立项文件及研发人员名单', '2026年9月30日前', '高新技术企业证书', '2026年10月13日前');
    expectText(pdf, '2026年10月27日前办结');
    expectFooters(pdf);
  });

  it('受理回执 on 80 mm thermal paper: one strip, 80 mm wide, nothing off the paper, QR reads', async () => {
    const pdf = check(await renderAcceptanceReceipt(f.RESOURCES, f.deferredAcceptance), 'receipt');
    expect(pdf.pages).toHaveLength(1);
    const page = pdf.pages[0]!;
    expect(page.width).toBeCloseTo(MM80, 1);
    expect(page.height).toBeGreaterThan(300); // grown to fit …
    expect(page.height).toBeLessThan(1400); // … and cut, not the 5 m layout strip
    expectText(pdf, '容缺受理回执', f.base.caseNo, f.base.company.name, f.COMPANY_USCC, '研发投入补助', '滨江区科学技术局');
    for (const m of f.deferredAcceptance.received) expectText(pdf, m.name);
    expectText(pdf, '研发项目立项文件及研发人员名单', '2026年9月30日前补交', '高新技术企业证书', '2026年10月13日前补交');
    expectText(pdf, '承诺办结：2026年10月27日前', '查询码：K7M2Q9XA', '李娜');
    // every word within the 4 mm margins and above the cut
    const margin = (4 * 72) / 25.4;
    for (const wd of words(pdf)) {
      expect(wd.xMin, wd.text).toBeGreaterThanOrEqual(margin - 0.5);
      expect(wd.xMax, wd.text).toBeLessThanOrEqual(page.width - margin + 0.5);
      expect(wd.yMax, wd.text).toBeLessThan(page.height - 3);
    }
    expectQr(pdf, 1, 300);
  });

  it('一次性告知书: every missing or defective material with what is wrong, all at once, and the restart of the clock', async () => {
    const pdf = check(await renderSupplementNotice(f.RESOURCES, f.supplement), 'supplement');
    expectA4(pdf);
    expectText(pdf, '一次性告知书', f.base.company.name, f.COMPANY_USCC, '研发投入补助', '有 4 项材料不齐全或不符合要求', '一次性告知如下');
    for (const p of f.supplement.problems) {
      expectText(pdf, p.name);
      if (p.defect) expectText(pdf, p.defect);
    }
    expectText(pdf, '缺少。请提交原件 1 份。', '缺少。请补交此项材料。');
    expectText(pdf, '一次性补齐、补正全部材料', '不再另行要求补正其他材料');
    expectText(pdf, '杭州市滨江区江南大道 3850 号企业综合服务中心一楼 3 号窗口', '申报空间');
    expectText(pdf, '办理时限自本中心收到全部补正材料之日起重新计算');
    expectText(pdf, '查询码：K7M2Q9XA');
    expectFooters(pdf);
  });

  it('不予受理通知书: the reason and the rights to 行政复议 (60 days) and 行政诉讼 (6 months)', async () => {
    const pdf = check(await renderRefusalNotice(f.RESOURCES, f.refusal), 'refusal');
    expectA4(pdf);
    expectText(pdf, '不予受理通知书', f.base.company.name, '研发投入补助', '决定不予受理', f.refusal.reason, f.refusal.basis!);
    expectText(pdf, '自收到本通知书之日起六十日内向杭州市滨江区人民政府申请行政复议');
    expectText(pdf, '自收到本通知书之日起六个月内向杭州市滨江区人民法院提起行政诉讼');
    expectFooters(pdf);
    // without a named review body or court, the standard wording still stands
    const plain = check(await renderRefusalNotice(f.RESOURCES, { ...f.refusal, reviewBody: undefined, court: undefined, basis: undefined }), 'refusal-default');
    expectText(plain, '六十日内向有管辖权的行政复议机关申请行政复议', '六个月内向有管辖权的人民法院提起行政诉讼');
    expect(plain.text).not.toContain('依据：');
  });

  it('材料交接单: from the counter to the department, each material with form, copies and pages, and the signature lines', async () => {
    const pdf = check(await renderHandoverSheet(f.RESOURCES, f.handover), 'handover');
    expectA4(pdf);
    expectText(pdf, '材料交接单', f.base.caseNo, f.base.company.name, '研发投入补助');
    expectText(pdf, '企业综合服务中心 3 号窗口', '李娜', '滨江区科学技术局', '2026年9月23日 09:30');
    for (const m of f.received) expectText(pdf, m.name);
    expectText(pdf, '共 7 项材料，其中原件 3 项；合计 8 份、60 页。');
    expectText(pdf, '移交人（签字）：', '接收人（签字）：');
    expectFooters(pdf);
  });

  it('送达回执: how, when, to whom and by whom the result went, with the signature line', async () => {
    const pdf = check(await renderDeliveryRecord(f.RESOURCES, f.delivery), 'delivery');
    expectA4(pdf);
    expectText(pdf, '送达回执', f.base.company.name, '研发投入补助', f.delivery.result);
    expectText(pdf, '邮寄送达', '2026年10月26日 10:40', '王晓燕', f.delivery.address!, f.delivery.trackingNo!, '李娜');
    expectText(pdf, '受送达人（签收）：', '送达人（签字）：');
    const atWindow = check(await renderDeliveryRecord(f.RESOURCES, { ...f.delivery, method: 'window', address: undefined, trackingNo: undefined }), 'delivery-window');
    expectText(atWindow, '窗口领取', '送达地点', f.base.centre.address!);
    expect(atWindow.text).not.toContain('邮件号');
    const online = check(await renderDeliveryRecord(f.RESOURCES, { ...f.delivery, method: 'electronic', address: 'yunqi-test@example.com' }), 'delivery-electronic');
    expectText(online, '电子送达', '电子送达地址', 'yunqi-test@example.com');
  });

  it('a long list runs onto more pages: header row repeated, every material listed, footers numbered', async () => {
    const many = Array.from({ length: 45 }, (_, i) => ({ name: `附件材料第${i + 1}号（项目合同及验收报告）`, form: 'copy' as const, copies: 1, pages: i + 1 }));
    const pdf = check(await renderHandoverSheet(f.RESOURCES, { ...f.handover, materials: many }), 'handover-long');
    expectA4(pdf);
    expect(pdf.pages.length).toBeGreaterThanOrEqual(2);
    for (const m of many) expectText(pdf, m.name);
    expect(pdf.text.split('原件/复印件').length - 1).toBe(pdf.pages.length); // the header row on each page
    expectFooters(pdf);
    // the signature lines are never alone on a page: the check note goes with them
    const last = words(pdf).filter((wd) => wd.page === pdf.pages.length).map((wd) => wd.text).join('');
    expect(last).toContain('接收人请当面核对');
  });
});

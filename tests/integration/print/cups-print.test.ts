import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppError } from '@shared/api/errors';
import { getPrinter, jobStatus, listPrinters, printPdf, waitForJob } from '../../../electron/core/print';
import { missingTool, requireTool } from '../../helpers/tools';
import {
  CI_QUEUE, a4Pdf, ensureCupsPdfQueue, makeQueue, pageSizesPt, pdftotext, receiptPdf, removeOutputs, removeQueue, sh, waitForOutput,
} from './cups-fixture';

// Printing through a real CUPS: the PolicyDesk-PDF queue writes every job as a PDF file, so what
// the counter would get on paper is read back with pdftotext and pdfinfo.

const MM = 72 / 25.4;
const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');
const appError = async (p: Promise<unknown>) => p.then(() => { throw new Error('expected an error'); }, (e: unknown) => e as AppError);

describe.skipIf(missingTool('lp', 'cups'))('printing through CUPS', () => {
  const stoppedQueue = `PDTest-Stopped-${process.pid}`;

  beforeAll(() => {
    requireTool('lp', 'cups');
    requireTool('lpadmin', 'cups');
    requireTool('pdftotext');
    ensureCupsPdfQueue();
    makeQueue(stoppedQueue);
  }, 120_000);
  afterAll(() => {
    removeQueue(stoppedQueue);
    removeOutputs();
  });

  it('lists the CUPS-PDF queue, ready, with its paper sizes', async () => {
    const list = await listPrinters({ media: true });
    const q = list.printers.find((p) => p.name === CI_QUEUE);
    expect(q).toMatchObject({ name: CI_QUEUE, state: 'idle', accepting: true, reason: null, description: 'PolicyDesk PDF printer (tests)' });
    expect(q!.media).toContain('A4');
    expect(q!.isDefault).toBe(list.defaultPrinter === CI_QUEUE);
    expect(await getPrinter(CI_QUEUE)).toMatchObject({ name: CI_QUEUE, state: 'idle' });
  });

  it('prints an A4 document: the job arrives as a PDF on A4 that says what was sent', async () => {
    const pdf = await a4Pdf('受理通知书', ['惠企政策窗口工作台 打印测试', '案件编号：SL-2026-0012']);
    const job = await printPdf({ pdf, printer: CI_QUEUE, paper: 'A4', title: '受理通知书 SL-2026-0012' });
    expect(job).toMatchObject({ printer: CI_QUEUE, paper: 'A4', media: 'A4', copies: 1 });
    expect(job.jobId).toMatch(new RegExp(`^${CI_QUEUE}-\\d+$`));

    expect((await waitForJob(job, { timeoutMs: 45_000 })).state).toBe('completed');
    const file = await waitForOutput(job.jobId);
    const text = pdftotext(file);
    expect(text).toContain('受理通知书');
    expect(text).toContain('惠企政策窗口工作台 打印测试');
    expect(text).toContain('SL-2026-0012');
    const [page] = pageSizesPt(file);
    expect(Math.abs(page!.width - 210 * MM)).toBeLessThan(1.5);
    expect(Math.abs(page!.height - 297 * MM)).toBeLessThan(1.5);
    expect((await jobStatus(job.jobId)).state).toBe('completed');
  }, 90_000);

  it('prints a receipt on 80 mm paper cut to the receipt’s length', async () => {
    const pdf = await receiptPdf(['受理回执', '企业：某某科技有限公司', '查询码：7KQ2-M9'], 150);
    const job = await printPdf({ pdf, printer: CI_QUEUE, paper: 'thermal-80', title: '受理回执' });
    expect(job.media).toBe('Custom.80x150mm');

    await waitForJob(job, { timeoutMs: 45_000 });
    const file = await waitForOutput(job.jobId);
    const [page] = pageSizesPt(file);
    expect(Math.abs(page!.width - 80 * MM)).toBeLessThan(1.5);
    expect(Math.abs(page!.height - 150 * MM)).toBeLessThan(1.5);
    const text = pdftotext(file);
    expect(text).toContain('受理回执');
    expect(text).toContain('查询码：7KQ2-M9');
  }, 90_000);

  it('refuses an unknown printer with PRINTER_NOT_FOUND', async () => {
    const pdf = await a4Pdf('送达回执', ['测试']);
    const e = await appError(printPdf({ pdf, printer: `No-Such-Printer-${process.pid}`, paper: 'A4', title: '送达回执' }));
    expect(e.code).toBe('PRINTER_NOT_FOUND');
    expect(e.message).toBe(`找不到打印机“No-Such-Printer-${process.pid}”。请在“设置 → 打印”中重新选择打印机；文书已保留，可稍后重新打印。`);
  });

  it('refuses a stopped queue before sending, says why in Chinese, and loses nothing', async () => {
    sh('cupsdisable', ['-r', '缺纸，请补纸', stoppedQueue]);
    try {
      const listed = (await listPrinters()).printers.find((p) => p.name === stoppedQueue);
      expect(listed).toMatchObject({ state: 'stopped', reason: '缺纸，请补纸' });

      const pdf = await a4Pdf('一次性告知书', ['请补正以下材料：营业执照复印件']);
      const before = sha(pdf);
      const e = await appError(printPdf({ pdf, printer: stoppedQueue, paper: 'A4', title: '一次性告知书' }));
      expect(e.code).toBe('PRINTER_STOPPED');
      expect(e.message).toBe(`打印机“${stoppedQueue}”已暂停或停用（缺纸，请补纸），文书未打印。请恢复打印机后点“重新打印”。`);
      // the document is still the caller's, untouched, and nothing waits in the queue to come out later
      expect(sha(pdf)).toBe(before);
      expect(sh('lpstat', ['-o', stoppedQueue]).trim()).toBe('');

      // the printer is put right: the same bytes print
      sh('cupsenable', [stoppedQueue]);
      const job = await printPdf({ pdf, printer: stoppedQueue, paper: 'A4', title: '一次性告知书 重新打印' });
      await waitForJob(job, { timeoutMs: 45_000 });
      expect(pdftotext(await waitForOutput(job.jobId))).toContain('营业执照复印件');
    } finally {
      sh('cupsenable', [stoppedQueue]);
    }
  }, 90_000);

  it('refuses a queue that rejects jobs', async () => {
    sh('cupsreject', [stoppedQueue]);
    try {
      const e = await appError(printPdf({ pdf: await a4Pdf('材料交接单', ['测试']), printer: stoppedQueue, paper: 'A4', title: '材料交接单' }));
      expect(e.code).toBe('PRINTER_STOPPED');
      expect(e.message).toContain('不接受新的打印任务');
    } finally {
      sh('cupsaccept', [stoppedQueue]);
    }
  });

  it('reports bytes that are not a PDF as PRINT_FAILED, and sends nothing', async () => {
    const jobs = () => sh('lpstat', ['-W', 'all', '-o', CI_QUEUE]).trim().split('\n').filter(Boolean).length;
    const before = jobs();
    const e = await appError(printPdf({ pdf: new TextEncoder().encode('not a pdf'), printer: CI_QUEUE, paper: 'A4', title: 'x' }));
    expect(e.code).toBe('PRINT_FAILED');
    expect(e.message).toBe('打印失败：文书文件无法读取。文书已保留，可在办件记录中重新打印。');
    expect(jobs()).toBe(before);
  });

  it('says so plainly when the print service is not there to answer', async () => {
    const saved = process.env.CUPS_SERVER;
    process.env.CUPS_SERVER = `/tmp/policydesk-no-cupsd-${process.pid}.sock`;
    try {
      const pdf = await a4Pdf('受理通知书', ['测试']);
      for (const attempt of [() => listPrinters(), () => printPdf({ pdf, printer: CI_QUEUE, paper: 'A4', title: 'x' }), () => jobStatus(`${CI_QUEUE}-1`)]) {
        const e = await appError(attempt());
        expect(e.code).toBe('PRINT_FAILED');
        expect(e.message).toBe('打印失败：打印服务（CUPS）没有运行，请联系管理员。文书已保留，可在办件记录中重新打印。');
      }
    } finally {
      if (saved === undefined) delete process.env.CUPS_SERVER;
      else process.env.CUPS_SERVER = saved;
    }
  });
});

import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { AppError } from '@shared/api/errors';
import type { HostPrintRequest } from '@shared/print/host-print';
import { answerHostPrint, type HostPrintDeps } from '../../../electron/main/print/host-print-service';
import { checkDevice, type DeviceInfo } from '../../../electron/main/print/print-options';
import type { ElectronPrintJob } from '../../../electron/main/print/print-pdf-window';
import { hostPrinter } from '../../../electron/utility/host-printer';
import type { TestCore } from '../../helpers/core';
import { counterWithCompanies } from '../../helpers/counter';
import { requireTool } from '../../helpers/tools';

// In Electron the core prints through the main process: the utility process's relay
// (electron/utility/host-printer.ts) asks, the main process answers (electron/main/print/
// host-print-service.ts). Both ends are real here, around a real core; only the Electron window
// that lists printers and prints is stood in for (no Electron binary runs on this machine), and
// it applies the same checks as the real one (checkDevice).

/** What Chromium would report: CUPS options on Linux (printer-state 3 idle, 5 stopped). */
const chromiumDevices = (): DeviceInfo[] => [
  { name: 'Counter-A4', displayName: '窗口激光打印机', options: { 'printer-state': '3', 'printer-location': '3号窗口' } },
  { name: 'Receipt-80', displayName: '小票打印机', options: { 'printer-state': '5', 'printer-state-reasons': 'media-empty-error', 'printer-state-message': '' } },
];

function electronStandIn() {
  const devices = chromiumDevices();
  const printed: ElectronPrintJob[] = [];
  const deps: HostPrintDeps = {
    devices: async () => structuredClone(devices),
    async print(job) {
      checkDevice(job.printer, devices);
      printed.push(job);
    },
  };
  return { printed, deps, devices };
}

/** The relay wired to the main side as Electron's parentPort would (messages cloned on the way). */
function relay(deps: HostPrintDeps, timeoutMs?: number) {
  const sent: HostPrintRequest[] = [];
  const host = hostPrinter((request) => {
    sent.push(request);
    void answerHostPrint(structuredClone(request), deps).then((reply) => reply && host.receive(structuredClone(reply)));
  }, timeoutMs);
  return { host, sent };
}

let tc: TestCore | undefined;
const temps: string[] = [];
afterEach(() => {
  tc?.close();
  tc = undefined;
  for (const d of temps.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

async function acceptedApplication(printer: ReturnType<typeof hostPrinter>['printer']) {
  const counter = await counterWithCompanies({ printer });
  const { tc: t, s } = counter;
  tc = t;
  let a = await counter.create();
  for (const m of a.materials) a = await t.call('applicationMaterialMark', { applicationId: a.id, materialId: m.id, state: 'present' }, s.clerk);
  a = await t.call('applicationDecide', { id: a.id, decision: 'accept' }, s.clerk);
  return { t, s, a };
}

describe('printing through the Electron main process', () => {
  it('lists the printers Chromium sees, with a stopped one and its reason in Chinese', async () => {
    const { deps } = electronStandIn();
    const { host } = relay(deps);
    const { t, s } = await acceptedApplication(host.printer);
    const list = await t.call('printerList', {}, s.clerk);
    expect(list).toEqual([
      { name: 'Counter-A4', description: '窗口激光打印机', location: '3号窗口', state: 'idle', accepting: true, reason: null },
      { name: 'Receipt-80', description: '小票打印机', location: '', state: 'stopped', accepting: true, reason: '缺纸' },
    ]);
  }, 60_000);

  it('prints the 受理通知书 on A4 to the default printer and the receipt on 80 mm to its printer; a stopped one keeps the receipt for a reprint', async () => {
    requireTool('pdftotext', 'poppler-utils');
    const electron = electronStandIn();
    const { host } = relay(electron.deps);
    const { t, s, a } = await acceptedApplication(host.printer);
    const notice = a.documents.find((d) => d.kind === 'acceptance')!;
    const receipt = a.documents.find((d) => d.kind === 'acceptance_thermal')!;

    // no printer named for A4: Electron prints to the system's default (it cannot say which that is)
    const afterNotice = await t.call('documentPrint', { documentId: notice.id }, s.clerk);
    expect(afterNotice.documents.find((d) => d.id === notice.id)).toMatchObject({ printedAt: expect.any(String), printError: null });
    expect(electron.printed).toHaveLength(1);
    expect(electron.printed[0]).toMatchObject({ printer: null, paper: 'A4', copies: 1 });
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pd-relay-'));
    temps.push(dir);
    fs.writeFileSync(path.join(dir, 'notice.pdf'), electron.printed[0]!.pdf);
    const text = execFileSync('pdftotext', [path.join(dir, 'notice.pdf'), '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
    expect(text).toContain('受理通知书');
    expect(text).toContain('杭州云栖智联科技有限公司');

    // the receipt goes to the thermal printer of the settings, which has run out of paper
    const settings = await t.call('printSettingsGet', {}, s.admin);
    await t.call('printSettingsSet', { ...settings, thermalPrinter: 'Receipt-80' }, s.admin);
    const e = await t.fail('documentPrint', { documentId: receipt.id }, s.clerk);
    expect(e).toMatchObject({ code: 'PRINTER_STOPPED', message: expect.stringContaining('Receipt-80') });
    expect(e.message).toContain('缺纸');
    const kept = await t.call('applicationGet', { id: a.id }, s.clerk);
    expect(kept.documents.find((d) => d.id === receipt.id)).toMatchObject({ printedAt: null, printError: expect.stringContaining('缺纸') });

    // paper loaded: the reprint goes out on 80 mm
    electron.devices[1]!.options = { 'printer-state': '3' };
    const reprinted = await t.call('documentPrint', { documentId: receipt.id }, s.clerk);
    expect(reprinted.documents.find((d) => d.id === receipt.id)).toMatchObject({ printer: 'Receipt-80', printError: null });
    expect(electron.printed[1]).toMatchObject({ printer: 'Receipt-80', paper: 'thermal-80' });
  }, 60_000);

  it('a main process that never answers ends the print as failed, and the document stays', async () => {
    const host = hostPrinter(() => {}, 200);
    const { t, s, a } = await acceptedApplication(host.printer);
    const notice = a.documents.find((d) => d.kind === 'acceptance')!;
    const e = await t.fail('documentPrint', { documentId: notice.id, printer: 'Counter-A4' }, s.clerk);
    expect(e.code).toBe('PRINT_FAILED');
    const kept = await t.call('applicationGet', { id: a.id }, s.clerk);
    expect(kept.documents.find((d) => d.id === notice.id)).toMatchObject({ printedAt: null, printError: expect.any(String) });
  }, 60_000);
});

describe('the main process’s answer to the core', () => {
  const deps: HostPrintDeps = { devices: async () => [], print: async () => {} };

  it('ignores what is not a host request, and refuses a malformed one by id', async () => {
    for (const m of [null, 'print', { type: 'request', id: 1 }, { type: 'host-request' }, { type: 'host-request', id: 'x', op: 'printers' }]) {
      expect(await answerHostPrint(m, deps)).toBeNull();
    }
    const bad = [
      { type: 'host-request', id: 7, op: 'format-disk' },
      { type: 'host-request', id: 7, op: 'print', job: { pdf: 'JVBERi0=', printer: null, paper: 'A4', copies: 1 } },
      { type: 'host-request', id: 7, op: 'print', job: { pdf: new Uint8Array([37]), printer: null, paper: 'A3', copies: 1 } },
      { type: 'host-request', id: 7, op: 'print', job: { pdf: new Uint8Array([37]), printer: null, paper: 'A4', copies: 50 } },
    ];
    for (const m of bad) expect(await answerHostPrint(m, deps)).toMatchObject({ type: 'host-reply', id: 7, result: { ok: false, error: { code: 'BAD_REQUEST' } } });
  });

  it('passes on the print path’s own error, and words anything else as a failed print', async () => {
    const job = { type: 'host-request', id: 3, op: 'print', job: { pdf: new Uint8Array([37, 80, 68, 70]), printer: 'X', paper: 'A4', copies: 1 } };
    const notFound = await answerHostPrint(job, { ...deps, print: async () => checkDevice('X', []) });
    expect(notFound).toMatchObject({ id: 3, result: { ok: false, error: { code: 'PRINTER_NOT_FOUND' } } });
    const crashed = await answerHostPrint(job, { ...deps, print: async () => Promise.reject(new Error('GPU process gone')) });
    expect(crashed).toMatchObject({ id: 3, result: { ok: false, error: { code: 'PRINT_FAILED', message: expect.stringContaining('GPU process gone') } } });
    expect(new AppError('PRINT_FAILED', { reason: 'x' }).message).toMatch(/打印失败/);
  });
});

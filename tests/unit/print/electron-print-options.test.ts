import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { AppError } from '@shared/api/errors';
import {
  PRINT_PARTITION, checkDevice, electronPrintOptions, printFailure, printWindowOptions,
} from '../../../electron/main/print/print-options';

// Electron's print path is decided by pure functions (electron/main/print/print-options.ts), proved
// here without the Electron binary; print-pdf-window.ts only carries them out.

const PT = 72 / 25.4;
const A4 = { width: 595.28, height: 841.89 };
const receipt150 = { width: 80 * PT, height: 150 * PT };

const caught = (fn: () => void) => {
  try {
    fn();
  } catch (e) {
    return e as AppError;
  }
  return null;
};

describe('webContents.print options', () => {
  it('print an A4 document silently to the chosen printer, on A4 in microns, with no margins', () => {
    expect(electronPrintOptions({ printer: 'HP-M1136', paper: 'A4', copies: 2, pages: [A4] })).toEqual({
      silent: true,
      deviceName: 'HP-M1136',
      pageSize: { width: 210_000, height: 297_000 },
      margins: { marginType: 'none' },
      landscape: false,
      printBackground: true,
      color: true,
      copies: 2,
      collate: true,
    });
  });

  it('print a receipt on 80 mm paper as long as the receipt, in black only', () => {
    const o = electronPrintOptions({ printer: 'XP-80C', paper: 'thermal-80', copies: 1, pages: [receipt150] });
    expect(o.pageSize).toEqual({ width: 80_000, height: 150_000 });
    expect(o.color).toBe(false);
    expect(o.deviceName).toBe('XP-80C');
  });

  it('leave the printer name out for the system default printer', () => {
    const o = electronPrintOptions({ printer: null, paper: 'A4', copies: 1, pages: [A4] });
    expect('deviceName' in o).toBe(false);
    expect(o.silent).toBe(true);
  });
});

describe('the hidden print window', () => {
  const web = printWindowOptions().webPreferences!;
  it('is hidden, sandboxed, without Node, in its own session, with the PDF viewer', () => {
    expect(printWindowOptions().show).toBe(false);
    expect(web.sandbox).toBe(true);
    expect(web.contextIsolation).toBe(true);
    expect(web.nodeIntegration).toBe(false);
    expect(web.preload).toBeUndefined();
    expect(web.partition).toBe(PRINT_PARTITION);
    expect(web.partition!.startsWith('persist:')).toBe(false); // nothing of it stays on disk
    expect(web.plugins).toBe(true);
    expect(web.backgroundThrottling).toBe(false);
    expect(web.devTools).toBe(false);
  });

  it('only the thin file imports electron; the decisions do not', () => {
    const dir = path.resolve(import.meta.dirname, '../../../electron/main/print');
    const options = fs.readFileSync(path.join(dir, 'print-options.ts'), 'utf8');
    expect(options).not.toMatch(/^import (?!type)[^;]*from 'electron'/m);
    expect(fs.readFileSync(path.join(dir, 'print-pdf-window.ts'), 'utf8')).toMatch(/from 'electron'/);
  });
});

describe('before printing', () => {
  // what getPrintersAsync() gives on Linux: CUPS's destination options
  const devices = [
    { name: 'HP-M1136', options: { 'printer-state': '3', 'printer-is-accepting-jobs': 'true', 'printer-state-reasons': 'none' } },
    { name: 'XP-80C', options: { 'printer-state': '5', 'printer-is-accepting-jobs': 'true', 'printer-state-reasons': 'media-empty-error,paused', 'printer-state-message': '' } },
    { name: 'Counter-2', options: { 'printer-state': '3', 'printer-is-accepting-jobs': 'false', 'printer-state-message': 'Rejecting Jobs' } },
    { name: 'Microsoft Print to PDF', options: {} }, // Windows gives no state
  ];

  it('accept a printer that is there and ready, or the default', () => {
    expect(() => checkDevice('HP-M1136', devices)).not.toThrow();
    expect(() => checkDevice('Microsoft Print to PDF', devices)).not.toThrow();
    expect(() => checkDevice(null, devices)).not.toThrow();
  });

  it('refuse a printer that is not installed', () => {
    const e = caught(() => checkDevice('Old-Printer', devices));
    expect(e?.code).toBe('PRINTER_NOT_FOUND');
    expect(e?.message).toContain('Old-Printer');
  });

  it('refuse a stopped or refusing printer, saying why', () => {
    const stopped = caught(() => checkDevice('XP-80C', devices));
    expect(stopped?.code).toBe('PRINTER_STOPPED');
    expect(stopped?.message).toBe('打印机“XP-80C”已暂停或停用（缺纸），文书未打印。请恢复打印机后点“重新打印”。');
    expect(caught(() => checkDevice('Counter-2', devices))?.message).toContain('不接受新的打印任务');
  });

  it('turn print() failures into PRINT_FAILED in Chinese', () => {
    expect(printFailure('Print job canceled').message).toContain('打印被取消');
    const failed = printFailure('Print job failed');
    expect(failed.code).toBe('PRINT_FAILED');
    expect(failed.message).toContain('系统打印出错（Print job failed）');
  });
});

import { describe, expect, it } from 'vitest';
import { AppError } from '@shared/api/errors';
import { mediaFor } from '@shared/print/paper';
import { DEFAULT_PRINT_SETTINGS, PRINT_DOC_TYPES, PrintSettings, printerFor } from '@shared/print/settings';

const PT = 72 / 25.4;
const A4 = { width: 595.28, height: 841.89 }; // pdf-lib's A4
const receipt = (lengthMm: number, widthMm = 80) => ({ width: widthMm * PT, height: lengthMm * PT });

describe('paper for a document (mediaFor)', () => {
  it('prints A4 documents on A4 as they are', () => {
    expect(mediaFor('A4', [A4, A4])).toEqual({ paper: 'A4', widthMm: 210, heightMm: 297, cupsMedia: 'A4', fitToPage: false });
    expect(mediaFor('A4', [{ width: A4.height, height: A4.width }]).fitToPage).toBe(false); // a landscape A4 page
  });

  it('scales a page that is not A4 onto A4', () => {
    expect(mediaFor('A4', [A4, { width: 612, height: 792 }]).fitToPage).toBe(true); // US Letter
  });

  it('cuts an 80 mm receipt to its own length, in whole millimetres', () => {
    expect(mediaFor('thermal-80', [receipt(200)])).toEqual({ paper: 'thermal-80', widthMm: 80, heightMm: 200, cupsMedia: 'Custom.80x200mm', fitToPage: false });
    expect(mediaFor('thermal-80', [receipt(123.4)]).cupsMedia).toBe('Custom.80x124mm');
    // the longest page decides when a receipt runs over several pages
    expect(mediaFor('thermal-80', [receipt(90), receipt(150)]).heightMm).toBe(150);
  });

  it('scales a page of another width to 80 mm and lengthens the sheet in proportion', () => {
    const m = mediaFor('thermal-80', [A4]); // 297 × 80/210 = 113.1 mm
    expect(m).toMatchObject({ widthMm: 80, heightMm: 114, cupsMedia: 'Custom.80x114mm', fitToPage: true });
    expect(mediaFor('thermal-80', [receipt(100, 58)]).heightMm).toBe(138); // 100 × 80/58 = 137.9
  });

  it('never asks for a sheet shorter than 20 mm', () => {
    expect(mediaFor('thermal-80', [receipt(5)]).heightMm).toBe(20);
  });
});

describe('printing settings', () => {
  it('default to A4 on the system default printer, and the receipt on the thermal printer', () => {
    const s = PrintSettings.parse({});
    expect(s).toEqual(DEFAULT_PRINT_SETTINGS);
    expect(s.thermalPrinter).toBeNull();
    expect(Object.keys(s.documents).sort()).toEqual([...PRINT_DOC_TYPES].sort());
    for (const type of PRINT_DOC_TYPES) {
      expect(s.documents[type]).toEqual({ printer: null, paper: type === 'acceptance-receipt-thermal' ? 'thermal-80' : 'A4', copies: 1 });
    }
  });

  it('fill in document types a stored value does not have yet, keeping what it has', () => {
    const s = PrintSettings.parse({ thermalPrinter: 'XP-80C', documents: { 'handover-sheet': { printer: 'HP-M1136', paper: 'A4', copies: 2 } } });
    expect(s.documents['handover-sheet']).toEqual({ printer: 'HP-M1136', paper: 'A4', copies: 2 });
    expect(s.documents['refusal-notice']).toEqual({ printer: null, paper: 'A4', copies: 1 });
    expect(s.thermalPrinter).toBe('XP-80C');
  });

  it('refuse nonsense: an unknown paper, 0 or 10 copies, an empty printer name, unknown keys', () => {
    const bad = [
      { documents: { 'refusal-notice': { paper: 'A3' } } },
      { documents: { 'refusal-notice': { paper: 'A4', copies: 0 } } },
      { documents: { 'refusal-notice': { paper: 'A4', copies: 10 } } },
      { documents: { 'refusal-notice': { paper: 'A4', printer: '  ' } } },
      { documents: { 'no-such-doc': { paper: 'A4' } } },
      { printers: [] },
    ];
    for (const input of bad) expect(PrintSettings.safeParse(input).success, JSON.stringify(input)).toBe(false);
  });
});

describe('printerFor', () => {
  const cups = [
    { name: 'HP-M1136', isDefault: true },
    { name: 'XP-80C', isDefault: false },
    { name: 'PolicyDesk-PDF', isDefault: false },
  ];
  const settings = (over: object = {}) => PrintSettings.parse(over);
  const code = (fn: () => unknown) => {
    try {
      fn();
    } catch (e) {
      return { code: (e as AppError).code, message: (e as AppError).message };
    }
    return null;
  };

  it('sends A4 documents to the system default printer', () => {
    expect(printerFor('acceptance-notice', settings(), cups)).toEqual({ docType: 'acceptance-notice', printer: 'HP-M1136', paper: 'A4', copies: 1 });
  });

  it('sends the receipt to the thermal printer named in the settings, on 80 mm paper', () => {
    expect(printerFor('acceptance-receipt-thermal', settings({ thermalPrinter: 'XP-80C' }), cups)).toMatchObject({ printer: 'XP-80C', paper: 'thermal-80' });
  });

  it('uses the printer chosen for a document over the defaults', () => {
    const s = settings({ thermalPrinter: 'XP-80C', documents: { 'acceptance-receipt-thermal': { printer: 'PolicyDesk-PDF', paper: 'thermal-80' }, 'handover-sheet': { printer: 'PolicyDesk-PDF', paper: 'A4', copies: 2 } } });
    expect(printerFor('acceptance-receipt-thermal', s, cups).printer).toBe('PolicyDesk-PDF');
    expect(printerFor('handover-sheet', s, cups)).toMatchObject({ printer: 'PolicyDesk-PDF', copies: 2 });
  });

  it('says which printer is missing, in Chinese, when a chosen printer is not installed', () => {
    const s = settings({ documents: { 'refusal-notice': { printer: 'Old-Printer', paper: 'A4' } } });
    const e = code(() => printerFor('refusal-notice', s, cups));
    expect(e?.code).toBe('PRINTER_NOT_FOUND');
    expect(e?.message).toContain('找不到打印机“Old-Printer”');
    expect(e?.message).toContain('设置 → 打印');
  });

  it('asks for a thermal printer when none is named', () => {
    const e = code(() => printerFor('acceptance-receipt-thermal', settings(), cups));
    expect(e?.code).toBe('PRINTER_NOT_FOUND');
    expect(e?.message).toContain('热敏打印机（尚未设置）');
  });

  it('reports a PC with no default printer, or no printer at all', () => {
    const noDefault = cups.map((p) => ({ ...p, isDefault: false }));
    expect(code(() => printerFor('acceptance-notice', settings(), noDefault))?.message).toContain('系统默认打印机');
    expect(code(() => printerFor('acceptance-notice', settings(), []))?.code).toBe('PRINTER_NOT_FOUND');
  });

  it('leaves the default to the host when the host cannot tell which printer it is (Electron)', () => {
    const electron = [{ name: 'HP-M1136' }, { name: 'XP-80C' }];
    expect(printerFor('policy-match-list', settings(), electron)).toMatchObject({ printer: null, paper: 'A4' });
  });
});

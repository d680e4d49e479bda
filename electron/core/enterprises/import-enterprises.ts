import type ExcelJS from 'exceljs';
import { loadExcel } from '../lazy-libs';
import { t, type MessageKey } from '@shared/i18n';
import type { ImportReport } from '@shared/policies/api-schemas';
import { checkTable, headerIndex, decodeText, parseCsv, type Cell, type Table } from '@shared/enterprises/import-table';
import { chinaDate } from '@shared/time/china-time';
import type { CoreDeps } from '../context';
import { recordChange } from '../db/record-change';
import { upsertEnterprise } from './enterprise-store';

// 企业导入: CSV (UTF-8 with or without BOM, UTF-16 with BOM, or GBK as Excel saves it on a Chinese
// Windows) or XLSX, with the header of resources/enterprises/sample-enterprises.csv. Every row is
// checked on its own: a bad one is reported by row number, column and reason and left out, the rest
// are stored together in one transaction. A file that cannot be read, or lacks a column of the
// template, is refused whole and nothing is stored. docs/enterprise-profile.md describes the format.

const MAX_LISTED_PROBLEMS = 500;

// ---- reading the file -------------------------------------------------------------------------------

class Refused extends Error {}
const refuse = (key: MessageKey, params?: Record<string, string>) => new Refused(t(key, params));

function cellOf(v: ExcelJS.CellValue): Cell {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' || v instanceof Date) return v;
  if ('richText' in v) return v.richText.map((r) => r.text).join('');
  if ('formula' in v || 'sharedFormula' in v) return cellOf((v as ExcelJS.CellFormulaValue).result as ExcelJS.CellValue);
  if ('text' in v) return typeof v.text === 'string' ? v.text : cellOf(v.text as ExcelJS.CellValue);
  if ('error' in v) return String(v.error);
  return null;
}

async function readXlsx(bytes: Buffer): Promise<Table> {
  const wb = new (await loadExcel()).Workbook();
  try {
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch (e) {
    throw refuse('enterpriseImport.badXlsx', { reason: e instanceof Error ? e.message.slice(0, 100) : '' });
  }
  // the first sheet that has the header; else the first sheet (to say what is missing)
  const sheets = wb.worksheets.map((ws) => {
    const rows: Table['rows'] = [];
    ws.eachRow({ includeEmpty: false }, (row, n) => {
      const values = row.values as ExcelJS.CellValue[];
      rows.push({ n, cells: values.slice(1).map(cellOf) });
    });
    return { rows };
  });
  return sheets.find((s) => headerIndex(s) >= 0) ?? sheets[0] ?? { rows: [] };
}

function readCsv(bytes: Buffer): Table {
  return { rows: parseCsv(decodeText(bytes)).map((cells, i) => ({ n: i + 1, cells })) };
}

async function readTable(fileName: string, bytes: Buffer): Promise<Table> {
  if (bytes.length === 0) throw refuse('enterpriseImport.empty');
  if (bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0) throw refuse('enterpriseImport.xls');
  const zip = bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
  if (zip || /\.xlsx$/i.test(fileName)) return readXlsx(bytes);
  return readCsv(bytes);
}

// ---- the whole import -----------------------------------------------------------------------------

export interface ImportOutcome extends ImportReport {
  /** true when the file was refused whole (nothing stored) */
  refused: boolean;
}

/** Reads and checks the file, stores the good rows in one transaction with one audit row. */
export async function importEnterpriseFile(
  deps: CoreDeps,
  file: { fileName: string; bytes: Buffer },
  staffId: string,
): Promise<ImportOutcome> {
  const today = chinaDate(deps.now());
  let table: Table;
  try {
    table = await readTable(file.fileName, file.bytes);
  } catch (e) {
    if (e instanceof Refused) return refusedWhole(deps, file.fileName, staffId, e.message);
    throw e;
  }

  const check = checkTable(table, today);
  if ('refused' in check) return refusedWhole(deps, file.fileName, staffId, check.refused);
  const { good, problems, rejected } = check;

  const at = deps.now().toISOString();
  let created = 0;
  let updated = 0;
  deps.db.transaction(() => {
    for (const { data } of good.values()) {
      if (upsertEnterprise(deps.db, data, at) === 'created') created++;
      else updated++;
    }
    recordChange(deps, {
      entity: 'enterprise', entityId: '', action: 'import', staffId,
      detail: { fileName: file.fileName, created, updated, rejected },
    });
  }).immediate();

  const listed = problems.slice(0, MAX_LISTED_PROBLEMS);
  if (problems.length > listed.length) {
    listed.push({ record: t('enterpriseImport.wholeFile'), field: '', message: t('enterpriseImport.moreProblems', { n: problems.length - listed.length }) });
  }
  return { created, updated, rejected, problems: listed, refused: false };
}

function refusedWhole(deps: CoreDeps, fileName: string, staffId: string, message: string): ImportOutcome {
  deps.db.transaction(() =>
    recordChange(deps, { entity: 'enterprise', entityId: '', action: 'import_refused', staffId, detail: { fileName, reason: message } }),
  ).immediate();
  return { created: 0, updated: 0, rejected: 0, problems: [{ record: t('enterpriseImport.wholeFile'), field: '', message }], refused: true };
}

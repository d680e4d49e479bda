import ExcelJS from 'exceljs';
import type { z } from 'zod';
import { t, type MessageKey } from '@shared/i18n';
import { isMessageKey } from '@shared/i18n';
import type { ImportReport } from '@shared/policies/api-schemas';
import { EnterpriseSchema, type CertificateType, type EnterpriseData, type EnterpriseInput } from '@shared/enterprises/schemas';
import { chinaDate, isIsoDate } from '@shared/time/china-time';
import type { CoreDeps } from '../context';
import { recordChange } from '../db/record-change';
import { upsertEnterprise } from './enterprise-store';

// 企业导入: CSV (UTF-8 with or without BOM, UTF-16 with BOM, or GBK as Excel saves it on a Chinese
// Windows) or XLSX, with the header of resources/enterprises/sample-enterprises.csv. Every row is
// checked on its own: a bad one is reported by row number, column and reason and left out, the rest
// are stored together in one transaction. A file that cannot be read, or lacks a column of the
// template, is refused whole and nothing is stored. docs/enterprise-profile.md describes the format.

type Cell = string | number | boolean | Date | null;
interface Table {
  /** the file's row number (1-based, as Excel shows it) of each row, header first */
  rows: { n: number; cells: Cell[] }[];
}

type Kind = 'text' | 'code' | 'date' | 'number' | 'integer' | 'year';
interface Column {
  header: string;
  kind: Kind;
  /** the EnterpriseInput field it fills, or the certificate whose end (or year) it gives */
  field?: keyof EnterpriseInput;
  cert?: CertificateType;
  optional?: true;
}

/** The template's columns in its order; every one is required unless marked optional. */
export const IMPORT_COLUMNS: readonly Column[] = [
  { header: '统一社会信用代码', kind: 'text', field: 'uscc' },
  { header: '企业名称', kind: 'text', field: 'name' },
  { header: '法定代表人', kind: 'text', field: 'legalRep' },
  { header: '行政区划代码', kind: 'code', field: 'regionCode' },
  { header: '行业代码', kind: 'code', field: 'industryCode' },
  { header: '成立日期', kind: 'date', field: 'registrationDate' },
  { header: '注册资本（万元）', kind: 'number', field: 'registeredCapital' },
  { header: '从业人员', kind: 'integer', field: 'employees' },
  { header: '营业收入（万元）', kind: 'number', field: 'revenue' },
  { header: '资产总额（万元）', kind: 'number', field: 'totalAssets' },
  { header: '研发费用（万元）', kind: 'number', field: 'rndExpense' },
  { header: '纳税额（万元）', kind: 'number', field: 'taxPaid' },
  { header: '联系人', kind: 'text', field: 'contactName' },
  { header: '联系电话', kind: 'text', field: 'contactPhone' },
  { header: '高新技术企业证书有效期至', kind: 'date', cert: 'hnte' },
  { header: '专精特新有效期至', kind: 'date', cert: 'srdi' },
  { header: '科技型中小企业入库年度', kind: 'year', cert: 'tsme' },
  { header: '专精特新“小巨人”有效期至', kind: 'date', cert: 'little_giant', optional: true },
  { header: '创新型中小企业有效期至', kind: 'date', cert: 'innovative_sme', optional: true },
];

/** Headers compare without spaces, quotes or the width of parentheses. */
const normHeader = (h: string) =>
  h.replace(/^\uFEFF/, '').replace(/[\s"'“”‘’「」]/g, '').replace(/（/g, '(').replace(/）/g, ')');

const MAX_LISTED_PROBLEMS = 500;

// ---- reading the file -------------------------------------------------------------------------------

class Refused extends Error {}
const refuse = (key: MessageKey, params?: Record<string, string>) => new Refused(t(key, params));

/** Text of a CSV file: BOM first, then strict UTF-8, else GBK (GB18030). */
export function decodeText(bytes: Uint8Array): string {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return new TextDecoder('utf-8').decode(bytes.subarray(3));
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('gbk').decode(bytes);
  }
}

/** RFC 4180 records (quoted fields may hold the delimiter, "" and line breaks); comma or tab. */
export function parseCsv(text: string): string[][] {
  const firstLine = text.slice(0, text.search(/\r|\n|$/));
  const delim = (firstLine.match(/\t/g)?.length ?? 0) > (firstLine.match(/,/g)?.length ?? 0) ? '\t' : ',';
  const records: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  let i = 0;
  const endField = () => {
    row.push(field);
    field = '';
  };
  const endRow = () => {
    endField();
    records.push(row);
    row = [];
  };
  while (i < text.length) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        quoted = false;
      } else field += ch;
      i++;
      continue;
    }
    if (ch === '"' && field === '') quoted = true;
    else if (ch === delim) endField();
    else if (ch === '\r' || ch === '\n') {
      endRow();
      if (ch === '\r' && text[i + 1] === '\n') i++;
    } else field += ch;
    i++;
  }
  if (field !== '' || row.length > 0) endRow();
  return records;
}

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
  const wb = new ExcelJS.Workbook();
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

const isBlank = (c: Cell) => c === null || (typeof c === 'string' && c.trim() === '');

/** The header is the first row (of the first ten) that names the USCC column. */
function headerIndex(table: Table): number {
  return table.rows.slice(0, 10).findIndex((r) => r.cells.some((c) => typeof c === 'string' && normHeader(c) === normHeader(IMPORT_COLUMNS[0]!.header)));
}

// ---- one cell, one row ----------------------------------------------------------------------------

type Problem = ImportReport['problems'][number];
type CellResult = { ok: true; value: string | number | null } | { ok: false; message: string };

const shown = (c: Cell) => (c instanceof Date ? c.toISOString().slice(0, 10) : String(c).trim().slice(0, 40));
const bad = (key: MessageKey, col: Column, c: Cell): CellResult => ({ ok: false, message: t(key, { field: col.header, value: shown(c) }) });

/** 2021-03-15, 2021/3/15, 2021.3.15, 2021年3月15日, 20210315, an Excel date or date serial → YYYY-MM-DD. */
export function parseDateCell(c: Cell): string | null {
  if (c instanceof Date) return Number.isNaN(c.getTime()) ? null : c.toISOString().slice(0, 10);
  if (typeof c === 'number') {
    if (/^\d{8}$/.test(String(c))) return parseDateCell(String(c));
    // an Excel serial (1900 system) left without a date format
    if (Number.isInteger(c) && c > 0 && c < 2958466) return new Date(Date.UTC(1899, 11, 30) + c * 86400000).toISOString().slice(0, 10);
    return null;
  }
  const s = String(c).trim();
  const m = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?(?:[ T]\d{1,2}:\d{2}(?::\d{2})?)?$/.exec(s) ?? /^(\d{4})(\d{2})(\d{2})$/.exec(s);
  if (!m) return null;
  const iso = `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}`;
  return isIsoDate(iso) ? iso : null;
}

function parseCell(col: Column, c: Cell, today: string): CellResult {
  if (isBlank(c)) return { ok: true, value: null };
  switch (col.kind) {
    case 'text':
      return { ok: true, value: (c instanceof Date ? shown(c) : String(c)).trim() };
    case 'code': {
      const s = String(c).replace(/\s/g, '').toUpperCase();
      if (col.field === 'regionCode' && !/^\d{6}$/.test(s)) return bad('enterpriseImport.badRegion', col, c);
      if (col.field === 'industryCode' && !/^[A-T](\d{2,4})?$/.test(s)) return bad('enterpriseImport.badIndustry', col, c);
      return { ok: true, value: s };
    }
    case 'date': {
      const d = parseDateCell(c);
      if (!d) return bad('enterpriseImport.badDate', col, c);
      if (col.field === 'registrationDate' && d > today) return bad('enterpriseImport.futureDate', col, d);
      return { ok: true, value: d };
    }
    case 'year': {
      const s = c instanceof Date ? String(c.getUTCFullYear()) : String(c).trim().replace(/年$/, '');
      if (!/^\d{4}$/.test(s) || Number(s) < 2000 || Number(s) > Number(today.slice(0, 4)) + 1) return bad('enterpriseImport.badYear', col, c);
      return { ok: true, value: Number(s) };
    }
    case 'number':
    case 'integer': {
      const s = typeof c === 'number' ? String(c) : String(c).trim().replace(/[,，\s]/g, '');
      if (typeof c !== 'number' && !/^[+-]?(\d+\.?\d*|\.\d+)$/.test(s)) return bad('enterpriseImport.notNumber', col, c);
      const n = Number(s);
      if (!Number.isFinite(n)) return bad('enterpriseImport.notNumber', col, c);
      if (n < 0) return bad('enterpriseImport.negative', col, c);
      if (col.kind === 'integer' && !Number.isInteger(n)) return bad('enterpriseImport.notInteger', col, c);
      return { ok: true, value: n };
    }
  }
}

/** A zod issue on an enterprise field, in words, naming the column. */
function issueMessage(issue: z.core.$ZodIssue, header: string, input: Record<string, unknown>): string {
  const value = input[String(issue.path[0])];
  switch (issue.code) {
    case 'custom': {
      const key = (issue.params as { key?: string } | undefined)?.key;
      if (key && isMessageKey(key)) return t(key, { field: header });
      return issue.message || t('error.FIELD_INVALID', { field: header });
    }
    case 'too_big':
      if (issue.origin === 'string') return t('error.FIELD_TOO_LONG', { field: header, max: Number(issue.maximum), n: String(value ?? '').length });
      return t('error.NUMBER_RANGE', { field: header, min: 0, max: Number(issue.maximum) });
    case 'too_small':
      if (issue.origin === 'string') return t('error.FIELD_REQUIRED', { field: header });
      return t('error.NUMBER_RANGE', { field: header, min: Number(issue.minimum), max: '—' });
    default:
      return value === undefined || value === null || value === '' ? t('error.FIELD_REQUIRED', { field: header }) : t('error.FIELD_INVALID', { field: header });
  }
}

function rowToEnterprise(columns: (Column | undefined)[], cells: Cell[], today: string): { data: EnterpriseData } | { problems: { field: string; message: string }[] } {
  const problems: { field: string; message: string }[] = [];
  const input: Record<string, unknown> = { certificates: [] };
  const certificates: { type: CertificateType; validFrom: string | null; validTo: string }[] = [];
  columns.forEach((col, i) => {
    if (!col) return;
    const r = parseCell(col, cells[i] ?? null, today);
    if (!r.ok) return void problems.push({ field: col.header, message: r.message });
    if (col.field) {
      // empty text stays ''; empty numbers, dates and codes become null
      input[col.field] = r.value ?? (col.kind === 'text' ? '' : null);
    } else if (col.cert && r.value !== null) {
      certificates.push(col.kind === 'year'
        ? { type: col.cert, validFrom: `${r.value}-01-01`, validTo: `${r.value}-12-31` }
        : { type: col.cert, validFrom: null, validTo: String(r.value) });
    }
  });
  input.certificates = certificates;
  const parsed = EnterpriseSchema.safeParse(input);
  if (!parsed.success) {
    const headerOf = (field: PropertyKey) => IMPORT_COLUMNS.find((c) => c.field === field)?.header ?? String(field);
    for (const issue of parsed.error.issues) {
      const header = headerOf(issue.path[0] ?? '');
      // a cell already reported keeps its first reason
      if (!problems.some((p) => p.field === header)) problems.push({ field: header, message: issueMessage(issue, header, input) });
    }
  }
  if (problems.length > 0 || !parsed.success) {
    const order = (field: string) => IMPORT_COLUMNS.findIndex((c) => c.header === field);
    return { problems: problems.sort((a, b) => order(a.field) - order(b.field)) };
  }
  return { data: parsed.data };
}

// ---- the whole import -----------------------------------------------------------------------------

export interface ImportOutcome extends ImportReport {
  /** true when the file was refused whole (nothing stored) */
  refused: boolean;
}

const row = (n: number) => t('enterpriseImport.row', { n: String(n) });

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

  const h = headerIndex(table);
  if (h < 0) return refusedWhole(deps, file.fileName, staffId, t('enterpriseImport.noHeader', { column: IMPORT_COLUMNS[0]!.header }));
  const header = table.rows[h]!.cells.map((c) => (typeof c === 'string' ? normHeader(c) : ''));
  const columns = header.map((name) => IMPORT_COLUMNS.find((col) => normHeader(col.header) === name));
  const missing = IMPORT_COLUMNS.filter((col) => !col.optional && !columns.includes(col));
  if (missing.length > 0) {
    return refusedWhole(deps, file.fileName, staffId, t('enterpriseImport.missingColumns', { columns: missing.map((c) => `“${c.header}”`).join('、') }));
  }
  // a column named twice: only the first counts
  const used = columns.map((col, i) => (col && columns.indexOf(col) === i ? col : undefined));

  const problems: Problem[] = [];
  const good = new Map<string, { n: number; data: EnterpriseData }>();
  let rejected = 0;
  for (const r of table.rows.slice(h + 1)) {
    if (r.cells.every(isBlank)) continue;
    const result = rowToEnterprise(used, r.cells, today);
    if ('problems' in result) {
      rejected++;
      for (const p of result.problems) problems.push({ record: row(r.n), ...p });
      continue;
    }
    const first = good.get(result.data.uscc);
    if (first) {
      rejected++;
      problems.push({ record: row(r.n), field: IMPORT_COLUMNS[0]!.header, message: t('enterpriseImport.duplicate', { n: String(first.n) }) });
      continue;
    }
    good.set(result.data.uscc, { n: r.n, data: result.data });
  }
  if (good.size === 0 && rejected === 0) return refusedWhole(deps, file.fileName, staffId, t('enterpriseImport.noRows'));

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

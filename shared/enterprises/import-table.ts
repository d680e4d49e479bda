import type { z } from 'zod';
import { t, isMessageKey, type MessageKey } from '../i18n';
import type { ImportReport } from '../policies/api-schemas';
import { EnterpriseSchema, type CertificateType, type EnterpriseData, type EnterpriseInput } from './schemas';
import { isIsoDate } from '../time/china-time';

// 企业导入, the part with no files and no database: the template's columns, CSV text, and the check
// of every row of a table (header found, cells parsed, EnterpriseSchema). Used by the workstation's
// import (electron/core/enterprises/import-enterprises.ts, which also reads XLSX) and the centre's
// `publish enterprises` (server/admin). docs/enterprise-profile.md describes the format.

export type Cell = string | number | boolean | Date | null;
export interface Table {
  /** the file's row number (1-based, as Excel shows it) of each row, header first */
  rows: { n: number; cells: Cell[] }[];
}

type Kind = 'text' | 'code' | 'date' | 'number' | 'integer' | 'year';
export interface Column {
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
export const normHeader = (h: string) =>
  h.replace(/^\uFEFF/, '').replace(/[\s"'“”‘’「」]/g, '').replace(/（/g, '(').replace(/）/g, ')');

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

export const isBlank = (c: Cell) => c === null || (typeof c === 'string' && c.trim() === '');

/** The header is the first row (of the first ten) that names the USCC column. */
export function headerIndex(table: Table): number {
  return table.rows.slice(0, 10).findIndex((r) => r.cells.some((c) => typeof c === 'string' && normHeader(c) === normHeader(IMPORT_COLUMNS[0]!.header)));
}

// ---- one cell, one row ----------------------------------------------------------------------------

export type Problem = ImportReport['problems'][number];
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

// ---- a whole table ---------------------------------------------------------------------------------

export type TableCheck =
  | { refused: string }
  | { good: Map<string, { n: number; data: EnterpriseData }>; problems: Problem[]; rejected: number };

const row = (n: number) => t('enterpriseImport.row', { n: String(n) });

/** Every row of the table checked on its own; refused whole without the header or any row. */
export function checkTable(table: Table, today: string): TableCheck {
  const h = headerIndex(table);
  if (h < 0) return { refused: t('enterpriseImport.noHeader', { column: IMPORT_COLUMNS[0]!.header }) };
  const header = table.rows[h]!.cells.map((c) => (typeof c === 'string' ? normHeader(c) : ''));
  const columns = header.map((name) => IMPORT_COLUMNS.find((col) => normHeader(col.header) === name));
  const missing = IMPORT_COLUMNS.filter((col) => !col.optional && !columns.includes(col));
  if (missing.length > 0) {
    return { refused: t('enterpriseImport.missingColumns', { columns: missing.map((c) => `“${c.header}”`).join('、') }) };
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
  if (good.size === 0 && rejected === 0) return { refused: t('enterpriseImport.noRows') };

  return { good, problems, rejected };
}

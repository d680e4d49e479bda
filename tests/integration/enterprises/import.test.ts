import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeCore, RESOURCES, withStaff, type TestCore } from '../../helpers/core';
import { b64, badUscc, csv, encodeGbk, GOOD, HEADER, uscc, type Row } from './fixtures';

let tc: TestCore;
let s: Record<string, string>;

beforeEach(async () => {
  tc = makeCore();
  s = await withStaff(tc, [
    { username: 'back', displayName: '后台小吴', roles: ['backoffice'] },
    { username: 'hot', displayName: '热线小陈', roles: ['hotline'] },
  ]);
});
afterEach(() => tc.close());

const importCsv = (text: string | Uint8Array, fileName = 'enterprises.csv') =>
  tc.call('enterpriseImport', { fileName, contentBase64: b64(text) }, s.back);

const auditRows = (action: string) =>
  tc.core.db!.prepare("SELECT * FROM audit_log WHERE action = ? AND entity = 'enterprise' ORDER BY at").all(action) as { staff_id: string; entity: string; entity_id: string; detail: string }[];

describe('CSV import', () => {
  const BAD: Row[] = [
    { ...GOOD[0], 统一社会信用代码: badUscc(11), 企业名称: '校验位错误有限公司' },
    { ...GOOD[0], 统一社会信用代码: uscc(12), 企业名称: '日期错误有限公司', 成立日期: '2021-02-30' },
    { ...GOOD[0], 统一社会信用代码: uscc(13), 企业名称: '人数为负有限公司', 从业人员: '-5' },
    { ...GOOD[0], 统一社会信用代码: uscc(14), 企业名称: '' },
  ];

  it('stores the good rows, names each bad one by row and column with the reason, and lookup finds them', async () => {
    // rows 2, 3 good; 4–7 bad; 8, 9 good (row numbers as Excel shows them, header = row 1)
    const report = await importCsv(csv([GOOD[0]!, GOOD[1]!, ...BAD, GOOD[2]!, GOOD[3]!]));
    expect(report).toMatchObject({ created: 4, updated: 0, rejected: 4 });
    expect(report.problems).toEqual([
      { record: '第 4 行', field: '统一社会信用代码', message: '统一社会信用代码校验位错误，请核对营业执照后重新输入。' },
      { record: '第 5 行', field: '成立日期', message: '“成立日期”不是有效日期：“2021-02-30”（应为 年-月-日，如 2021-03-15）。' },
      { record: '第 6 行', field: '从业人员', message: '“从业人员”不能为负数，现为 -5。' },
      { record: '第 7 行', field: '企业名称', message: '请填写“企业名称”。' },
    ]);
    expect(tc.count('enterprises')).toBe(4);
    expect(tc.count('enterprise_search')).toBe(4);
    expect(tc.count('enterprise_search_short')).toBe(4);

    // the values as stored (thousands separators, 2010/3/8, 2026年12月31日, 20150101, empty → null)
    const p = await tc.call('enterpriseGet', { uscc: uscc(1) }, s.hot);
    expect(p).toMatchObject({ name: '杭州云栖智能科技有限公司', registeredCapital: 1000, employees: 85, revenue: 4200, contactPhone: '13800001111', size: 'small' });
    expect(p.certificates).toEqual([
      { type: 'hnte', number: '', validFrom: null, validTo: '2027-12-31' },
      { type: 'tsme', number: '', validFrom: '2026-01-01', validTo: '2026-12-31' },
    ]);
    const machine = await tc.call('enterpriseGet', { uscc: uscc(2) }, s.hot);
    expect(machine.registrationDate).toBe('2010-03-08');
    expect(machine.certificates).toEqual([{ type: 'srdi', number: '', validFrom: null, validTo: '2026-12-31' }]);
    const bio = await tc.call('enterpriseGet', { uscc: uscc(3) }, s.hot);
    expect(bio).toMatchObject({ name: '浙江之江生物医药有限公司（滨江,研发中心）', employees: null, registeredCapital: null, contactName: '', size: null });
    expect((await tc.call('enterpriseGet', { uscc: uscc(4) }, s.hot)).registrationDate).toBe('2015-01-01');

    // lookup through both indexes: 2 characters, 3+ characters, a USCC prefix
    const names = async (query: string) => (await tc.call('enterpriseLookup', { query, limit: 20 }, s.hot)).map((e) => e.name);
    expect(await names('云栖')).toEqual(['杭州云栖智能科技有限公司']);
    expect(await names('精密机械')).toEqual(['杭州西湖精密机械制造有限公司']);
    expect(await names('生物医药')).toContain('浙江之江生物医药有限公司（滨江,研发中心）');
    expect(await names(uscc(4).slice(0, 14))).toContain('杭州“小城”餐饮管理有限公司');
  });

  it('lists every bad cell of a row', async () => {
    const report = await importCsv(csv([{ ...GOOD[0], 从业人员: '八十五', '营业收入（万元）': '-1', 行政区划代码: '3301', 行业代码: '软件', 联系电话: 'abc', 科技型中小企业入库年度: '26' }]));
    expect(report.rejected).toBe(1);
    expect(report.problems.map((p) => p.field)).toEqual(['行政区划代码', '行业代码', '从业人员', '营业收入（万元）', '联系电话', '科技型中小企业入库年度']);
    expect(report.problems.every((p) => p.record === '第 2 行')).toBe(true);
    expect(report.problems[4]!.message).toContain('手机号或固定电话');
  });

  it('counts a second import of the same companies as updates, and the index follows a new name', async () => {
    await importCsv(csv(GOOD));
    const renamed = { ...GOOD[0], 企业名称: '杭州云栖数智科技有限公司', 从业人员: '120' };
    const report = await importCsv(csv([renamed, ...GOOD.slice(1)]));
    expect(report).toMatchObject({ created: 0, updated: 4, rejected: 0, problems: [] });
    expect(tc.count('enterprises')).toBe(4);
    expect(tc.count('enterprise_search')).toBe(4);
    expect(tc.count('enterprise_search_short')).toBe(4);
    const names = async (query: string) => (await tc.call('enterpriseLookup', { query, limit: 20 }, s.hot)).map((e) => e.name);
    expect(await names('数智')).toEqual(['杭州云栖数智科技有限公司']);
    expect(await names('云栖智能')).toEqual([]);
    expect((await tc.call('enterpriseGet', { uscc: uscc(1) }, s.hot)).employees).toBe(120);
  });

  it('rejects a USCC repeated within the file, naming the first row', async () => {
    const report = await importCsv(csv([GOOD[0]!, GOOD[1]!, { ...GOOD[0], 企业名称: '重复的公司' }]));
    expect(report).toMatchObject({ created: 2, rejected: 1 });
    expect(report.problems).toEqual([{ record: '第 4 行', field: '统一社会信用代码', message: '统一社会信用代码与第 2 行重复，本行未导入。' }]);
  });

  it('reads GBK (as Excel saves CSV on a Chinese Windows), with a BOM-less header', async () => {
    const report = await importCsv(encodeGbk(csv(GOOD)));
    expect(report).toMatchObject({ created: 4, rejected: 0 });
    expect((await tc.call('enterpriseGet', { uscc: uscc(2) }, s.hot)).name).toBe('杭州西湖精密机械制造有限公司');
    expect((await tc.call('enterpriseLookup', { query: '餐饮', limit: 5 }, s.hot)).map((e) => e.uscc)).toEqual([uscc(4)]);
  });

  it('reads UTF-8 with a BOM, ASCII parentheses in the header, columns in another order and a blank line', async () => {
    const header = [...HEADER].reverse().map((h) => h.replace('（', '(').replace('）', ')'));
    const rows = GOOD.map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k.replace('（', '(').replace('）', ')'), v])));
    const text = '\uFEFF' + csv(rows, header).replace('\r\n', '\r\n\r\n');
    const report = await importCsv(text);
    expect(report).toMatchObject({ created: 4, rejected: 0, problems: [] });
    expect((await tc.call('enterpriseGet', { uscc: uscc(1) }, s.hot)).revenue).toBe(4200);
  });

  it('refuses a file missing a required column whole: nothing stored, the column named', async () => {
    const header = HEADER.filter((h) => h !== '营业收入（万元）' && h !== '联系电话');
    const report = await importCsv(csv(GOOD, header));
    expect(report).toEqual({
      created: 0, updated: 0, rejected: 0,
      problems: [{ record: '整个文件', field: '', message: '缺少必需的列：“营业收入（万元）”、“联系电话”，未导入任何内容。请使用企业导入模板的表头（括号全角、半角均可）。' }],
    });
    expect(tc.count('enterprises')).toBe(0);
    expect(tc.count('enterprise_search')).toBe(0);
    expect(JSON.parse(auditRows('import_refused')[0]!.detail)).toMatchObject({ fileName: 'enterprises.csv' });
  });

  it('refuses files that are not enterprise tables', async () => {
    const msg = async (content: Uint8Array | string, name = 'x.csv') => (await importCsv(content, name)).problems[0]!.message;
    expect(await msg('名称,地址\r\n甲,乙\r\n')).toContain('找不到表头');
    expect(await msg(csv([]))).toBe('文件中只有表头，没有企业数据。');
    expect(await msg(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), 'old.xls')).toContain('.xls');
    expect(await msg(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]), 'broken.xlsx')).toContain('无法读取该 Excel 文件');
    expect(tc.count('enterprises')).toBe(0);
  });

  it('audits the import with the file name and counts', async () => {
    await importCsv(csv([GOOD[0]!, { ...GOOD[1], 成立日期: '明年' }]), '2026年企业名录.csv');
    const [row] = auditRows('import');
    expect(row).toMatchObject({ entity: 'enterprise' });
    expect(JSON.parse(row!.detail)).toEqual({ fileName: '2026年企业名录.csv', created: 1, updated: 0, rejected: 1 });
    // enterprise data comes from the centre: an import sends nothing back
    expect(tc.count('outbox')).toBe(0);
  });
});

describe('XLSX import', () => {
  async function xlsx(build: (ws: ExcelJS.Worksheet) => void): Promise<Uint8Array> {
    const wb = new ExcelJS.Workbook();
    build(wb.addWorksheet('企业名录'));
    return new Uint8Array(await wb.xlsx.writeBuffer());
  }

  it('reads a workbook with a title row, date cells, number cells and rich text', async () => {
    const file = await xlsx((ws) => {
      ws.addRow(['2026 年度辖区企业名录']);
      ws.addRow(HEADER);
      ws.addRow([
        uscc(21), '杭州钱塘新材料股份有限公司', '吴强', 330114, 'C2651', new Date(Date.UTC(2016, 8, 12)), 5000, 450, 38000, 42000,
        1500, 900, '陈工', '0571-86001234', new Date(Date.UTC(2027, 10, 30)), null, 2026,
      ]);
      ws.addRow([uscc(22), '杭州拱墅文化传媒有限公司', '', '330105', 'R8710', '2023/12/01', '120', '15', '600', '', '', '', '', '', '', '', '']);
      ws.addRow([uscc(23), '坏日期有限公司', '', '330105', 'R8710', 'not a date', '', '', '', '', '', '', '', '', '', '', '']);
      ws.getCell('B4').value = { richText: [{ text: '杭州拱墅' }, { text: '文化传媒有限公司', font: { bold: true } }] };
    });
    const report = await importCsv(file, '名录.xlsx');
    expect(report).toMatchObject({ created: 2, rejected: 1 });
    expect(report.problems).toEqual([{ record: '第 5 行', field: '成立日期', message: '“成立日期”不是有效日期：“not a date”（应为 年-月-日，如 2021-03-15）。' }]);

    const p = await tc.call('enterpriseGet', { uscc: uscc(21) }, s.hot);
    expect(p).toMatchObject({ regionCode: '330114', registrationDate: '2016-09-12', employees: 450, revenue: 38000, size: 'medium' });
    expect(p.certificates.map((c) => [c.type, c.validTo])).toEqual([['hnte', '2027-11-30'], ['tsme', '2026-12-31']]);
    expect(p.tags.map((t) => t.tag)).toEqual(expect.arrayContaining(['高新技术企业', '规上工业企业', '中型企业', '行政区划 330114', '行业 C26']));
    expect((await tc.call('enterpriseGet', { uscc: uscc(22) }, s.hot)).name).toBe('杭州拱墅文化传媒有限公司');
    expect((await tc.call('enterpriseLookup', { query: '钱塘', limit: 5 }, s.hot)).map((e) => e.uscc)).toEqual([uscc(21)]);
  });

  it('refuses a workbook missing a required column', async () => {
    const file = await xlsx((ws) => {
      ws.addRow(HEADER.slice(0, 10));
      ws.addRow([uscc(31), '缺列公司']);
    });
    const report = await importCsv(file, 'short.xlsx');
    expect(report.problems[0]!.message).toContain('缺少必需的列：“研发费用（万元）”');
    expect(tc.count('enterprises')).toBe(0);
  });
});

describe('the sample file', () => {
  it('resources/enterprises/sample-enterprises.csv imports without a problem', async () => {
    const file = fs.readFileSync(path.join(RESOURCES, 'enterprises/sample-enterprises.csv'));
    const report = await importCsv(file, 'sample-enterprises.csv');
    expect(report.problems).toEqual([]);
    expect(report.rejected).toBe(0);
    expect(report.created).toBeGreaterThan(0);
    expect(tc.count('enterprise_search')).toBe(report.created);
  });
});

import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { POLICY_FORMAT, type PolicyInput } from '@shared/policies/schemas';
import { EnterpriseSchema, type EnterpriseInput } from '@shared/enterprises/schemas';
import { usccCheckChar } from '@shared/enterprise/uscc';
import { upsertEnterprise } from '../../../electron/core/enterprises/enterprise-store';
import { makeCore, withStaff, type TestCore } from '../../helpers/core';
import { requireTool } from '../../helpers/tools';

let tc: TestCore;
let s: Record<string, string>;
afterEach(() => tc?.close());

const uscc = (body: string) => `91${body}${usccCheckChar(`91${body}`)}`;
const TECH = uscc('330108MA2T00001'); // small software firm, high-tech, R&D 5 %
const NO_DATA = uscc('330108MA2T00002'); // no revenue on file
const FACTORY = uscc('330108MA2T00003'); // manufacturer, R&D 2 %
const ELSEWHERE = uscc('330106MA2T00004'); // another district

const material = { name: '营业执照副本复印件', form: 'copy' as const, copies: 1, required: true };
const policy = (id: string, items: PolicyInput['items']): PolicyInput => ({
  id, title: `测试政策${id}`, docNo: '杭滨政办〔2026〕1号', issuer: '滨江区人民政府办公室', level: 'district', regionCode: '330108',
  category: 'award', publishDate: '2026-01-01', status: 'active', fullText: '为支持企业研发创新，制定本办法。', items,
});
const RND_ITEM = {
  id: 'T-RND', name: '研发投入补助', department: '区科技局', deliveryMode: 'commitment' as const, promisedDays: 20, amount: '最高 50 万元', amountMax: 50,
  materials: [material], keyPoints: '按上年研发费用的 10% 补助。',
  conditions: { all: [
    { field: 'regionCode' as const, prefix: '330108', label: '注册地在滨江区' },
    { field: 'size' as const, in: ['small', 'micro'] },
    { field: 'rndRatio' as const, op: '>=' as const, value: 3, label: '研发投入强度不低于 3%' },
  ] },
  freeConditions: ['近三年无重大违法失信记录'],
};
const SOFTWARE_ITEM = {
  id: 'T-SW', name: '软件企业首次认定奖励', department: '区经信局', deliveryMode: 'no_application' as const, promisedDays: 10, materials: [material],
  conditions: { all: [{ field: 'regionCode' as const, prefix: '330108' }, { field: 'industryCode' as const, prefix: 'I65', label: '软件和信息技术服务业' }] },
};

const company = (over: EnterpriseInput): EnterpriseInput => ({ legalRep: '张三', registrationDate: '2019-05-01', ...over });

beforeEach(async () => {
  tc = makeCore();
  s = await withStaff(tc, [
    { username: 'keeper', displayName: '后台小周', roles: ['backoffice'] },
    { username: 'clerk', displayName: '李娜', roles: ['counter'] },
    { username: 'officer', displayName: '业务老陈', roles: ['business'] },
  ]);
  const report = await tc.call('policyImport', { fileName: 't.json', content: JSON.stringify({ format: POLICY_FORMAT, policies: [policy('T1', [RND_ITEM, SOFTWARE_ITEM])] }) }, s.keeper);
  expect(report).toMatchObject({ created: 1, rejected: 0 });
  const db = tc.core.db!;
  db.transaction(() => {
    for (const e of [
      company({ uscc: TECH, name: '杭州云栖测试软件有限公司', regionCode: '330108', industryCode: 'I6510', employees: 45, revenue: 2000, totalAssets: 1500, rndExpense: 100 }),
      company({ uscc: NO_DATA, name: '杭州资料不全科技有限公司', regionCode: '330108', industryCode: 'I6510', employees: 12 }),
      company({ uscc: FACTORY, name: '杭州滨江测试机械制造有限公司', regionCode: '330108', industryCode: 'C3562', employees: 80, revenue: 5000, totalAssets: 4000, rndExpense: 100 }),
      company({ uscc: ELSEWHERE, name: '杭州西湖测试软件有限公司', regionCode: '330106', industryCode: 'I6510', employees: 30, revenue: 1000, rndExpense: 100 }),
    ]) upsertEnterprise(db, EnterpriseSchema.parse(e), '2026-11-27T02:00:00Z');
  })();
});

const ours = <T extends { item: { id: string } }>(list: T[]) => list.filter((m) => m.item.id.startsWith('T-'));

describe('政策计算器: one company against every item', () => {
  it('lists what a qualifying company can claim, with each check and the value used', async () => {
    const r = await tc.call('matchEnterprise', { uscc: TECH }, s.clerk);
    expect(ours(r.eligible).map((m) => m.item.id).sort()).toEqual(['T-RND', 'T-SW']);
    const rnd = r.eligible.find((m) => m.item.id === 'T-RND')!;
    expect(rnd.checks).toEqual([
      { description: '注册地在滨江区', status: 'met', actual: '注册地行政区划 330108' },
      { description: '企业规模为小型或微型', status: 'met', actual: '企业规模 小型' },
      { description: '研发投入强度不低于 3%', status: 'met', actual: '研发费用占营业收入比例 5 %' },
    ]);
  });

  it('puts an item whose data is missing under 待核实 (unknown), not among the misses', async () => {
    const r = await tc.call('matchEnterprise', { uscc: NO_DATA }, s.clerk);
    expect(ours(r.possible).map((m) => m.item.id)).toEqual(['T-RND']);
    expect(r.possible[0]!.checks.find((c) => c.status === 'unknown')?.actual).toContain('未登记');
    expect(ours(r.eligible).map((m) => m.item.id)).toEqual(['T-SW']);
    expect(ours(r.nearMisses)).toEqual([]);
  });

  it('names the one condition a near miss fails', async () => {
    const r = await tc.call('matchEnterprise', { uscc: FACTORY }, s.clerk);
    const miss = ours(r.nearMisses);
    expect(miss.map((m) => m.item.id).sort()).toEqual(['T-RND', 'T-SW']);
    const rnd = miss.find((m) => m.item.id === 'T-RND')!;
    expect(rnd.checks.filter((c) => c.status === 'unmet')).toEqual([{ description: '研发投入强度不低于 3%', status: 'unmet', actual: '研发费用占营业收入比例 2 %' }]);
  });

  it('does not offer another district’s items', async () => {
    const r = await tc.call('matchEnterprise', { uscc: ELSEWHERE }, s.clerk);
    expect([...ours(r.eligible), ...ours(r.possible), ...ours(r.nearMisses)]).toEqual([]);
  });

  it('refuses an unknown company and a caller without the role', async () => {
    expect((await tc.fail('matchEnterprise', { uscc: uscc('330108MA2T00009') }, s.clerk)).code).toBe('NOT_FOUND');
    expect((await tc.fail('matchEnterprise', { uscc: TECH }, s.keeper)).code).toBe('FORBIDDEN');
  });
});

describe('政策计算器: the region of a local policy, and large libraries', () => {
  it('offers a district policy’s unconditioned item only in its district (unknown region → to verify)', async () => {
    const NOWHERE = uscc('330108MA2T00005');
    upsertEnterprise(tc.core.db!, EnterpriseSchema.parse(company({ uscc: NOWHERE, name: '杭州未登记区划测试有限公司', employees: 5 })), '2026-11-27T02:00:00Z');
    const open = { ...SOFTWARE_ITEM, id: 'T-OPEN', name: '企业开办首次服务', conditions: undefined };
    await tc.call('policyImport', { fileName: 'o.json', content: JSON.stringify({ format: POLICY_FORMAT, policies: [policy('T2', [open])] }) }, s.keeper);
    const here = await tc.call('matchEnterprise', { uscc: TECH }, s.clerk);
    expect(ours(here.eligible).map((m) => m.item.id)).toContain('T-OPEN');
    const elsewhere = await tc.call('matchEnterprise', { uscc: ELSEWHERE }, s.clerk);
    expect([...ours(elsewhere.eligible), ...ours(elsewhere.possible), ...ours(elsewhere.nearMisses)].map((m) => m.item.id)).not.toContain('T-OPEN');
    const unknown = await tc.call('matchEnterprise', { uscc: NOWHERE }, s.clerk);
    const check = ours(unknown.possible).find((m) => m.item.id === 'T-OPEN')!.checks[0]!;
    expect(check).toMatchObject({ status: 'unknown', description: expect.stringContaining('330108') });
    // the item match agrees: the three companies of 330108, not the one of 330106 or the unknown one
    const item = await tc.call('matchItem', { itemId: 'T-OPEN' }, s.officer);
    expect(item.companies.map((c) => c.uscc).sort()).toEqual([TECH, NO_DATA, FACTORY].sort());
  });

  it('counts every item it qualifies for and lists the first 100, open windows and the largest amounts first', async () => {
    const many = (p: number) => Array.from({ length: 45 }, (_, k) => ({
      ...SOFTWARE_ITEM, id: `T-M${p}-${k}`, name: `批量事项${p}-${k}`, amountMax: p * 100 + k, conditions: undefined,
      // the last policy's items open only next year: they go after every open one
      ...(p === 3 ? { window: { start: '2027-03-01', end: '2027-04-30' } } : {}),
    }));
    const before = (await tc.call('matchEnterprise', { uscc: TECH }, s.clerk)).totals.eligible;
    const content = JSON.stringify({ format: POLICY_FORMAT, policies: [1, 2, 3].map((p) => policy(`TM${p}`, many(p))) });
    expect(await tc.call('policyImport', { fileName: 'm.json', content }, s.keeper)).toMatchObject({ created: 3, rejected: 0 });
    const r = await tc.call('matchEnterprise', { uscc: TECH }, s.clerk);
    expect(r.totals.eligible).toBe(before + 135);
    expect(r.eligible).toHaveLength(100);
    // open ones first (policy 3's are not open yet: with 90 open ones of ours, none is shown),
    // then by amount, largest first
    const open = r.eligible.map((m) => m.item.openForApplication);
    expect(open).toEqual([...open].sort((a, b) => Number(b) - Number(a)));
    expect(r.eligible.some((m) => m.item.id.startsWith('T-M3'))).toBe(false);
    const amounts = r.eligible.filter((m) => m.item.openForApplication).map((m) => m.item.amountMax ?? 0);
    expect(amounts).toEqual([...amounts].sort((a, b) => b - a));
    expect(r.eligible.map((m) => m.item.id)).toContain('T-M2-44');
  });
});

describe('政策计算器: one item against every company', () => {
  it('finds every qualifying company (免申即享 candidates) and exports them to Excel', async () => {
    const r = await tc.call('matchItem', { itemId: 'T-SW' }, s.officer);
    expect(r.total).toBe(2);
    expect(r.companies.map((c) => c.uscc).sort()).toEqual([TECH, NO_DATA].sort());
    const rnd = await tc.call('matchItem', { itemId: 'T-RND' }, s.officer);
    expect(rnd.companies.map((c) => c.uscc)).toEqual([TECH]);

    const file = await tc.call('matchItemExport', { itemId: 'T-SW' }, s.officer);
    expect(file.fileName).toMatch(/\.xlsx$/);
    const book = new ExcelJS.Workbook();
    const bytes = Buffer.from(file.base64, 'base64');
    await book.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
    const rows = book.worksheets[0]!.getSheetValues().filter(Boolean).map((row) => (row as unknown[]).slice(1));
    expect(rows.map((r) => r[0])).toEqual(expect.arrayContaining([TECH, NO_DATA]));
    expect(String(rows[1]![0])).toContain('共 2 家');
  });
});

describe('政策计算器: hand-set tags reach the item match', () => {
  it('counts a company once a tag the item needs is set by hand', async () => {
    const srdi = { ...SOFTWARE_ITEM, id: 'T-SRDI', name: '专精特新企业奖励', conditions: { tag: '专精特新' } };
    await tc.call('policyImport', { fileName: 's.json', content: JSON.stringify({ format: POLICY_FORMAT, policies: [policy('T3', [srdi])] }) }, s.keeper);
    expect((await tc.call('matchItem', { itemId: 'T-SRDI' }, s.officer)).total).toBe(0);
    await tc.call('enterpriseTagAdd', { uscc: FACTORY, tag: '专精特新', note: '省经信厅公告' }, s.officer);
    const after = await tc.call('matchItem', { itemId: 'T-SRDI' }, s.officer);
    expect(after.companies.map((c) => c.uscc)).toEqual([FACTORY]);
    await tc.call('enterpriseTagRemove', { uscc: FACTORY, tag: '专精特新' }, s.officer);
    expect((await tc.call('matchItem', { itemId: 'T-SRDI' }, s.officer)).total).toBe(0);
  });
});

describe('政策匹配清单 PDF', () => {
  it('prints the company, every eligible item and the check marks, in a font that renders', async () => {
    requireTool('pdftotext');
    const file = await tc.call('matchListPdf', { uscc: TECH }, s.clerk);
    const dir = fs.mkdtempSync(path.join(tc.dataDir, 'pdf-'));
    const pdf = path.join(dir, 'list.pdf');
    fs.writeFileSync(pdf, Buffer.from(file.base64, 'base64'));
    if (process.env.KEEP_PDF) fs.copyFileSync(pdf, process.env.KEEP_PDF); // to look at it
    const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
    expect(text).toContain('政策匹配清单');
    expect(text).toContain('杭州云栖测试软件有限公司');
    expect(text).toContain(TECH);
    expect(text).toContain('研发投入补助');
    expect(text).toContain('软件企业首次认定奖励');
    expect(text).toContain('√ 研发投入强度不低于 3%');
    // renders without a font error or warning
    const out = execFileSync('pdftoppm', ['-r', '50', '-png', pdf, path.join(dir, 'page')], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    expect(out).toBe('');
    expect(fs.readdirSync(dir).filter((f) => f.endsWith('.png')).length).toBeGreaterThanOrEqual(1);
  });
});

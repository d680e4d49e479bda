import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { migrate } from '../../../electron/core/db/migrate';
import { upsertPolicies } from '../../../electron/core/policies/policy-store';
import { upsertEnterprise } from '../../../electron/core/enterprises/enterprise-store';
import { PolicySchema, type Policy, type PolicyInput } from '@shared/policies/schemas';
import { EnterpriseSchema } from '@shared/enterprises/schemas';
import { usccCheckChar } from '@shared/enterprise/uscc';

export const TODAY = '2026-11-27';
export const AT = '2026-11-27T02:00:00.000Z';

/** A fresh database file with every migration, as the app opens it. */
export function makeDb(): Database.Database {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pd-search-'));
  const db = new Database(path.join(dir, 'test.sqlite'));
  db.pragma('journal_mode = WAL');
  db.pragma('foreign_keys = ON');
  migrate(db);
  return db;
}

const item = (id: string, name: string, department: string, extra: Partial<PolicyInput['items'][number]> = {}) => ({
  id, name, department, deliveryMode: 'instant' as const, promisedDays: 5, ...extra,
});

/** A small library written for these tests: each policy is there to be found by one kind of query. */
export const POLICIES: PolicyInput[] = [
  {
    id: 'talent', title: '杭州市滨江区关于支持人才引进的若干政策', docNo: '滨政发〔2025〕12号', issuer: '杭州市滨江区人民政府',
    level: 'district', regionCode: '330108', category: 'award', publishDate: '2025-04-01', status: 'active',
    fullText: '第一条 为加快集聚各类人才，制定本政策。\n第二条 对新引进的博士研究生，给予每月3000元的租房补贴，最长不超过3年。',
    interpretation: { keyPoints: '租房补贴按月发放。' },
    items: [
      item('talent-1', '人才租房补贴', '滨江区人才办', { keyPoints: '新引进人才于每年3月申报。' }),
      item('talent-2', '高层次人才安家补贴', '滨江区人才办', { window: { start: '2026-01-01', end: '2026-12-31' } }),
    ],
  },
  {
    id: 'rnd', title: '关于进一步完善研发费用税前加计扣除政策的公告', docNo: '财税〔2023〕7号', issuer: '财政部 税务总局',
    level: 'national', category: 'relief', publishDate: '2023-03-26', status: 'active',
    fullText: '企业开展研发活动中实际发生的研发费用，未形成无形资产计入当期损益的，在按规定据实扣除的基础上，再按照实际发生额的100%在税前加计扣除。',
    items: [item('rnd-1', '研发费用加计扣除', '滨江区税务局', { deliveryMode: 'no_application' })],
  },
  {
    id: 'chip', title: '杭州市关于加快推进集成电路产业高质量发展的若干意见', docNo: '杭政〔2024〕30号', issuer: '杭州市人民政府',
    level: 'city', regionCode: '3301', category: 'award', publishDate: '2024-06-10', status: 'active',
    fullText: '支持集成电路设计企业开展流片，对首次流片的给予补助。对首台（套）装备给予保险补偿。',
    items: [
      item('chip-1', '集成电路企业研发投入补助', '杭州市经信局', { window: { start: '2025-01-01', end: '2025-03-31' } }),
      item('chip-2', '首台（套）装备保险补偿', '杭州市经信局', { window: { start: '2026-11-01', end: '2026-12-31' } }),
    ],
  },
  {
    id: 'old-talent', title: '杭州市滨江区人才补贴实施办法（2018年）', docNo: '滨政办〔2018〕3号', issuer: '杭州市滨江区人民政府办公室',
    level: 'district', regionCode: '330108', category: 'award', publishDate: '2018-05-01', expiryDate: '2021-05-01', status: 'expired',
    fullText: '对引进的人才给予生活补贴。',
    items: [item('old-talent-1', '人才生活补贴', '滨江区人才办')],
  },
  {
    id: 'hnte', title: '高新技术企业认定管理办法', docNo: '国科发火〔2016〕32号', issuer: '科学技术部',
    level: 'national', category: 'qualification', publishDate: '2016-01-29', status: 'repealed',
    fullText: '本办法所称的高新技术企业，是指在《国家重点支持的高新技术领域》内，持续进行研究开发与技术成果转化的居民企业。',
    items: [item('hnte-1', '高新技术企业认定', '滨江区科技局')],
  },
  {
    id: 'school', title: '滨江区人才子女入学保障实施细则', docNo: '', issuer: '杭州市滨江区教育局',
    level: 'district', regionCode: '330108', category: 'rights', publishDate: '2026-02-01', status: 'active',
    fullText: '高层次人才子女申请就读区内公办学校的，由区教育局统筹安排。',
    items: [item('school-1', '人才子女入学保障', '滨江区教育局')],
  },
  {
    id: 'quotes', title: '关于"专精特新"企业（AND/OR）奖励的通知', docNo: '滨经信〔2026〕1号', issuer: '杭州市滨江区经济和信息化局',
    level: 'district', regionCode: '330108', category: 'award', publishDate: '2026-03-01', status: 'active',
    fullText: '对认定为"专精特新"中小企业的，给予一次性奖励20万元。NEAR(奖励 补助) 不是语法。',
    items: [item('quotes-1', '专精特新企业奖励', '滨江区经信局', { window: { start: '2026-09-01', end: '2026-10-31' } })],
  },
  {
    id: 'fiveg', title: '滨江区5G基站建设补助办法', docNo: '滨经信〔2026〕2号', issuer: '杭州市滨江区经济和信息化局',
    level: 'district', regionCode: '330108', category: 'award', publishDate: '2026-05-01', status: 'active',
    fullText: '对新建5G基站的通信企业给予建设补助。',
    items: [item('fiveg-1', '5G基站建设补助', '滨江区经信局')],
  },
];

export const parsePolicy = (p: PolicyInput): Policy => PolicySchema.parse(p);

export function loadPolicies(db: Database.Database, list: readonly PolicyInput[] = POLICIES): void {
  db.transaction(() => upsertPolicies(db, list.map(parsePolicy), AT))();
}

/** A valid USCC: 91 + region + a 9-character body padded from `seed` + the check character. */
export function uscc(region: string, seed: string): string {
  const head = `91${region}${seed.padStart(9, '0')}`;
  return head + usccCheckChar(head);
}

export const ENTERPRISES = [
  { uscc: uscc('330108', 'MA2B00001'), name: '杭州滨江智能科技有限公司' },
  { uscc: uscc('330108', 'MA2B00002'), name: '杭州滨江新材料科技有限公司' },
  { uscc: uscc('330106', 'MA2C00003'), name: '杭州西湖智能装备有限公司' },
  { uscc: uscc('330212', 'MA2D00004'), name: '宁波鄞州华泰贸易有限公司' },
  { uscc: uscc('330108', 'MA2B00005'), name: '滨江科技有限公司' },
  { uscc: uscc('330108', 'MA2B00006'), name: '杭州滨江智能科技有限公司滨江分公司' },
  { uscc: uscc('330302', 'MA2E00007'), name: '温州鹿城鑫泰电子商务有限公司' },
  { uscc: uscc('330108', 'MA2B00008'), name: '杭州5G通信技术有限公司' },
];

export function loadEnterprises(db: Database.Database): void {
  db.transaction(() => {
    for (const e of ENTERPRISES) upsertEnterprise(db, EnterpriseSchema.parse({ ...e, regionCode: e.uscc.slice(2, 8), legalRep: '张三' }), AT);
  })();
}

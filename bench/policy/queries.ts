// The fixed query sets: 200 policy searches and 200 enterprise lookups, made the same way on every
// run (words a clerk types at the counter, plus doc numbers, USCCs and names drawn from the data).

import type { PolicyFilters } from '../../shared/policies/api-schemas';
import type { DataMeta } from './generate';
import { Rng } from './prng';

export interface SearchCase {
  kind: '1-char' | '2-char' | '3-char' | '4+-char' | 'two-term' | 'doc-no' | 'filters only';
  query: string;
  filters: Partial<PolicyFilters>;
}
export interface LookupCase {
  kind: 'uscc prefix' | 'name 1-char' | 'name 2-char' | 'name 3-char' | 'name 4+-char';
  query: string;
}

const ONE = [...'税补奖房人贴才融租息地岗专保险育创校医车'];
const TWO = [
  '补贴', '人才', '研发', '奖励', '税收', '房租', '社保', '专利', '上市', '融资', '贴息', '稳岗', '认定', '首台', '减免', '外贸',
  '展会', '培训', '用地', '担保', '孵化', '博士', '留抵', '退税', '出口', '数字', '智能', '绿色', '医药', '电路', '软件', '电商',
  '物流', '标准', '品牌', '招聘', '就业', '创业', '住房', '子女', '落户', '医疗', '通关', '采购', '滨江',
];
const THREE = [
  '孵化器', '首台套', '博士后', '小巨人', '增值税', '所得税', '房产税', '印花税', '众创空', '数字化', '新材料', '大学生', '高层次',
  '租房补', '研发费', '留抵退', '稳岗返', '规上企', '技术改', '知识产', '专精特', '集成电', '人工智', '生物医', '跨境电', '工业互',
  '新能源', '服务业', '制造业', '贷款贴', '出口信', '总部企', '办公用', '政府采', '无人机',
];
const LONG = [
  '集成电路', '人工智能', '研发费用加计扣除', '高新技术企业', '专精特新', '稳岗返还', '生物医药', '跨境电子商务', '数字化改造',
  '人才租房补贴', '技术改造项目补助', '知识产权资助', '企业上市奖励', '小型微利企业', '失业保险', '残疾人就业保障金',
  '科技型中小企业', '企业技术中心', '绿色工厂', '软件企业认定', '总部企业落户奖励', '贷款贴息', '高层次人才安家补贴', '人才子女入学',
  '公共租赁住房', '创业担保贷款', '孵化器绩效奖励', '技术合同登记', '专利质押融资', '博士后工作站', '出口信用保险', '增值税留抵退税',
  '房产税和城镇土地使用税', '智能制造', '新能源汽车', '工业互联网', '数字贸易', '绿色低碳', '量子信息', '海洋经济', '网络安全',
  '养老服务', '光刻机', '碳足迹核算', '首版次软件',
];
const TWO_TERMS = [
  '人才 补贴', '研发 奖励', '集成电路 补助', '滨江 人才', '税 减免', '高新技术企业 奖励', '首台套 保险', '杭州 数字经济',
  '小微企业 贷款', '稳岗 返还', '上市 奖励', '专精特新 认定', '人工智能 算力', '跨境电商 补贴', '新材料 首台套', '人才 住房',
  '博士 补贴', '外贸 展会', '知识产权 质押', '绿色 工厂', '残疾人 保障金', '失业保险 返还', '软件 首版次', '孵化器 奖励',
  '研发费用 加计扣除', '企业 培训', '宁波 人才', '2025 申报', '数字化 车间', '技术改造 设备',
];

/** Filter sets rotated over every third query (the clerk narrows by level, category, window, department). */
function filterSets(departments: readonly string[]): Partial<PolicyFilters>[] {
  const dept = (i: number) => departments[(i * 37) % departments.length]!;
  return [
    { levels: ['district'] },
    { categories: ['award'], openForApplication: true },
    { levels: ['city', 'district'], categories: ['award'], openForApplication: true },
    { departments: [dept(1)] },
    { statuses: ['active'] },
    { categories: ['relief'] },
    { levels: ['province'], statuses: ['active'] },
    { openForApplication: true },
    { departments: [dept(2), dept(3)], categories: ['award', 'qualification'] },
  ];
}

export function searchCases(meta: DataMeta): SearchCase[] {
  const docNos = meta.samples.docNos;
  const docCases: string[] = [
    ...docNos.slice(0, 6),
    ...docNos.slice(6, 11).map((d) => d.slice(0, d.indexOf('〕') + 1)),
    '〔2025〕', '〔2024〕', '〔2019〕', '2023',
    '杭政办', '国办发', '财税', '浙财企', '甬科',
  ];
  const cases: SearchCase[] = [
    ...ONE.map((query) => ({ kind: '1-char' as const, query, filters: {} })),
    ...TWO.map((query) => ({ kind: '2-char' as const, query, filters: {} })),
    ...THREE.map((query) => ({ kind: '3-char' as const, query, filters: {} })),
    ...LONG.map((query) => ({ kind: '4+-char' as const, query, filters: {} })),
    ...TWO_TERMS.map((query) => ({ kind: 'two-term' as const, query, filters: {} })),
    ...docCases.map((query) => ({ kind: 'doc-no' as const, query, filters: {} })),
    ...Array.from({ length: 5 }, () => ({ kind: 'filters only' as const, query: '', filters: {} })),
  ];
  const sets = filterSets(meta.samples.departments);
  cases.forEach((c, i) => {
    if (c.kind === 'filters only' || i % 3 === 0) c.filters = sets[i % sets.length]!;
  });
  if (cases.length !== 200) throw new Error(`expected 200 search cases, made ${cases.length}`);
  return cases;
}

export function lookupCases(meta: DataMeta): LookupCase[] {
  const rng = new Rng(7);
  const { usccs, names } = meta.samples;
  const cases: LookupCase[] = [];
  const lengths = [2, 4, 6, 8, 10, 12, 14, 18];
  for (let i = 0; i < 80; i++) cases.push({ kind: 'uscc prefix', query: usccs[i % usccs.length]!.slice(0, lengths[i % lengths.length]) });
  const cjk = (s: string) => [...s].filter((c) => /[\u4e00-\u9fff]/.test(c)).join('');
  const part = (len: number) => {
    const n = cjk(rng.pick(names));
    const at = rng.int(0, Math.max(0, n.length - len));
    return n.slice(at, at + len);
  };
  for (let i = 0; i < 15; i++) cases.push({ kind: 'name 1-char', query: part(1) });
  const places = ['杭州', '滨江', '余杭', '萧山', '西湖', '宁波', '鄞州', '温州', '嘉兴', '绍兴'];
  const trades = ['科技', '电子', '智能', '贸易', '医药', '软件', '物流', '机械', '餐饮', '传媒'];
  for (let i = 0; i < 35; i++) cases.push({ kind: 'name 2-char', query: i < 10 ? places[i]! : i < 20 ? trades[i - 10]! : part(2) });
  for (let i = 0; i < 25; i++) cases.push({ kind: 'name 3-char', query: part(3) });
  for (let i = 0; i < 45; i++) {
    const full = names[(i * 13) % names.length]!;
    cases.push({ kind: 'name 4+-char', query: i < 15 ? full : part(4 + (i % 5)) });
  }
  if (cases.length !== 200) throw new Error(`expected 200 lookup cases, made ${cases.length}`);
  return cases;
}

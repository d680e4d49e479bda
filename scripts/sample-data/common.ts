import type { Condition } from '../../shared/matching/conditions';
import type { Material, PolicyInput, PolicyItemInput } from '../../shared/policies/schemas';

// Helpers for the sample policy library (示例政策库). The content is fictional, written for PolicyDesk
// as demonstration data; it does not reproduce any real policy document.

// ---- departments and phones --------------------------------------------------------------------

export const DEPT_PHONES: Record<string, string> = {
  区科技局: '0571-87702101',
  区经信局: '0571-87702215',
  区人力社保局: '0571-87702330',
  区商务局: '0571-87702418',
  区市场监管局: '0571-87702526',
  区财政局: '0571-87702633',
  区税务局: '0571-87702740',
  区发改局: '0571-87702852',
  区文广旅体局: '0571-87702965',
  区住建局: '0571-87703071',
  区金融办: '0571-87703186',
  市科技局: '0571-85255101',
  市经信局: '0571-85255212',
  市人力社保局: '0571-85255323',
  省科技厅: '0571-88081234',
  省经信厅: '0571-88081345',
};

// ---- the material catalogue (材料目录) ---------------------------------------------------------------

type MaterialKey = keyof typeof CATALOGUE;

const m = (name: string, form: Material['form'], copies: number, required: boolean, deferrable: boolean, note = ''): Material =>
  ({ name, form, copies, required, deferrable, note });

export const CATALOGUE = {
  license: m('营业执照副本复印件', 'copy', 1, true, false, '加盖企业公章'),
  form: m('申报表原件', 'original', 2, true, false, '法定代表人签字并加盖公章'),
  pledge: m('信用承诺书', 'original', 1, true, false),
  audit: m('上年度财务审计报告', 'copy', 1, true, true, '可容缺，10 个工作日内补齐'),
  rndAudit: m('研发费用专项审计报告', 'copy', 1, true, false, '由具备资质的会计师事务所出具'),
  social: m('社保缴纳证明', 'copy', 1, true, true, '可在线打印，可容缺'),
  ip: m('知识产权证明', 'copy', 1, true, false, '专利证书或软件著作权登记证书'),
  hnteCert: m('高新技术企业证书复印件', 'copy', 1, true, false),
  srdiCert: m('专精特新中小企业认定文件复印件', 'copy', 1, true, false),
  invoice: m('相关发票及付款凭证复印件', 'copy', 1, true, true, '可容缺，核验前补齐'),
  contract: m('合同或协议复印件', 'copy', 1, true, false),
  taxReturn: m('企业所得税年度纳税申报表', 'copy', 1, true, false),
  bank: m('企业基本户开户许可证明', 'copy', 1, false, true),
  idCard: m('申请人身份证复印件', 'copy', 1, true, false),
  degree: m('学历学位证书复印件', 'copy', 1, true, false),
  labour: m('劳动合同复印件', 'copy', 1, true, true, '可容缺'),
  lease: m('房屋租赁合同复印件', 'copy', 1, true, false),
  plan: m('项目可行性研究报告', 'original', 1, true, false),
  photos: m('现场照片及说明', 'original', 1, false, true),
  stats: m('统计报表（上年度）', 'copy', 1, true, true, '可容缺'),
  loan: m('借款合同及放款凭证复印件', 'copy', 1, true, false),
  export: m('出口信用保险保单及保费发票复印件', 'copy', 1, true, false),
  fair: m('展位费发票及参展照片', 'copy', 1, true, true),
  listing: m('上市（挂牌）受理或核准文件', 'copy', 1, true, false),
  energy: m('节能量或碳排放核查报告', 'copy', 1, true, false),
  rent: m('租金缴纳凭证', 'copy', 1, true, true),
  hardship: m('经营困难情况说明', 'original', 1, true, false),
  other: m('其他佐证材料', 'copy', 1, false, true),
} satisfies Record<string, Material>;

export const mats = (...keys: MaterialKey[]): Material[] => keys.map((k) => ({ ...CATALOGUE[k] }));

// ---- conditions ----------------------------------------------------------------------------------

export const C = {
  district: (): Condition => ({ field: 'regionCode', prefix: '330108', label: '注册地在滨江区' }),
  city: (): Condition => ({ field: 'regionCode', prefix: '3301', label: '注册地在杭州市' }),
  province: (): Condition => ({ field: 'regionCode', prefix: '33', label: '注册地在浙江省' }),
  smallMicro: (): Condition => ({ field: 'size', in: ['small', 'micro'], label: '小型或微型企业' }),
  sme: (): Condition => ({ field: 'size', in: ['medium', 'small', 'micro'], label: '中小企业' }),
  tag: (tag: string, label?: string): Condition => ({ tag, label: label ?? `具有${tag}资格` }),
  manufacturing: (): Condition => ({ field: 'industryCode', prefix: 'C', label: '制造业企业' }),
  software: (): Condition => ({ field: 'industryCode', prefix: ['I65', 'I64'], label: '软件和信息技术服务业或互联网企业' }),
  cmp: (field: Extract<Condition, { op: string }>['field'], op: '>=' | '<=' | '>' | '<' | '=' | '!=', value: number | string, label: string): Condition =>
    ({ field, op, value, label }),
  within: (years: number, label: string): Condition => ({ field: 'registrationDate', withinYears: years, label }),
  all: (...all: Condition[]): Condition => ({ all }),
  any: (...any: Condition[]): Condition => ({ any }),
  not: (c: Condition): Condition => ({ not: c }),
};

export const NO_BAD_CREDIT = '近三年无重大违法违规记录，未被列入严重失信主体名单';
export const NO_DUP = '同一项目未重复享受其他同类财政资金支持';

// ---- items ---------------------------------------------------------------------------------------

export interface ItemOpts {
  window?: { start: string; end: string } | null;
  mode?: PolicyItemInput['deliveryMode'];
  days?: number;
  amount?: string;
  max?: number | null;
  cond?: Condition | null;
  free?: string[];
  materials: Material[];
  keyPoints: string;
  expert?: boolean;
}

export function item(id: string, name: string, department: string, o: ItemOpts): PolicyItemInput {
  const phone = DEPT_PHONES[department];
  if (!phone) throw new Error(`no phone for ${department}`);
  return {
    id, name, department, contactPhone: phone,
    window: o.window ?? null,
    deliveryMode: o.mode ?? 'commitment',
    promisedDays: o.days ?? 20,
    amount: o.amount ?? '',
    amountMax: o.max ?? null,
    conditions: o.cond ?? null,
    freeConditions: o.free ?? [NO_BAD_CREDIT],
    materials: o.materials,
    keyPoints: o.keyPoints,
    needsExpertReview: o.expert ?? false,
  };
}

export const win = (start: string, end: string) => ({ start, end });

// ---- full text -----------------------------------------------------------------------------------

export interface TextParts {
  /** 第一条 目的 (the clause after 为了) */
  purpose: string;
  /** 适用对象 */
  scope: string;
  /** 支持标准, one article each */
  standards: string[];
  /** 申报程序 */
  procedure: string;
  /** 附则 extra (施行日期 is added) */
  effective: string;
  dept: string;
}

const NUMS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '十一', '十二'];

/** Composes 第一条… text: 目的, 适用对象, 支持标准, 申报程序, 监督管理, 附则. */
export function fullText(p: TextParts): string {
  const arts = [
    `为${p.purpose}，结合本地实际，制定本办法。`,
    `本办法适用于${p.scope}。申报主体应当依法登记、正常经营，财务管理制度健全，按规定履行统计报送义务。`,
    ...p.standards,
    `申报程序。${p.procedure}受理部门应当在承诺时限内完成审核，审核结果在部门网站公示五个工作日，公示无异议的按程序兑现。`,
    '同一企业同一事项符合本地多项政策的，按照“从优、就高、不重复”的原则予以支持，另有规定的除外。',
    '申报单位应当对所提交材料的真实性负责。对弄虚作假、骗取财政资金的，追回已拨付资金，取消三年内申报资格，并按规定纳入信用记录；涉嫌违法的，依法移送有关机关处理。',
    `本办法由${p.dept}负责解释。${p.effective}`,
  ];
  return arts.map((a, i) => `第${NUMS[i]}条　${a}`).join('\n');
}

export type PolicyDraft = PolicyInput;

const REGION_OF: Record<PolicyInput['level'], string> = { national: '', province: '330000', city: '330100', district: '330108' };

export interface PolicyMeta {
  id: string;
  title: string;
  docNo: string;
  issuer: string;
  level: PolicyInput['level'];
  category: PolicyInput['category'];
  publish: string;
  expiry?: string | null;
  status?: PolicyInput['status'];
}

/** A policy from its meta, text parts, interpretation [背景, 范围, 要点, 变化] and items. */
export function policy(p: PolicyMeta, t: TextParts, i: [string, string, string, string], items: PolicyItemInput[]): PolicyInput {
  return {
    id: p.id, title: p.title, docNo: p.docNo, issuer: p.issuer, level: p.level, regionCode: REGION_OF[p.level],
    category: p.category, publishDate: p.publish, expiryDate: p.expiry ?? null, status: p.status ?? 'active',
    fullText: fullText(t),
    interpretation: { background: i[0], scope: i[1], keyPoints: i[2], changes: i[3] },
    items,
  };
}

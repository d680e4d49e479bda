import type { ENTERPRISE_SIZES } from './schemas';

// 企业规模 (大/中/小/微) by the SME classification rules: 《中小企业划型标准规定》(工信部联企业〔2011〕300号)
// and, for statistics, 《统计上大中小微型企业划分办法（2017）》(国统字〔2017〕213号), whose thresholds
// are the same. Industries by GB/T 4754-2017. The rule the documents state:
//
//   大型、中型和小型企业须同时满足所列指标的下限，否则下划一档；微型企业只须满足所列指标中的一项即可。
//
// So a company is the largest class whose every lower bound it meets, and micro otherwise. With a
// figure missing, the class is still certain when the known figures already decide it (a known
// figure below the small bound makes it micro whatever the other is); otherwise it is null (unknown).
// docs/enterprise-profile.md carries the table.

export type EnterpriseSize = (typeof ENTERPRISE_SIZES)[number];
export type SizeIndicator = 'employees' | 'revenue' | 'totalAssets';

export const SIZE_LABELS: Record<EnterpriseSize, string> = { large: '大型企业', medium: '中型企业', small: '小型企业', micro: '微型企业' };
export const INDICATOR_LABELS: Record<SizeIndicator, { name: string; unit: string }> = {
  employees: { name: '从业人员', unit: '人' },
  revenue: { name: '营业收入', unit: '万元' },
  totalAssets: { name: '资产总额', unit: '万元' },
};

/** One indicator's lower bounds for large, medium and small (below small = micro). */
export interface Bounds {
  field: SizeIndicator;
  large: number;
  medium: number;
  small: number;
}

export interface SizeIndustry {
  key: string;
  /** the industry as the standard names it */
  name: string;
  /** the GB/T 4754-2017 codes it covers */
  scope: string;
  bounds: readonly Bounds[];
}

const E = (large: number, medium: number, small: number): Bounds => ({ field: 'employees', large, medium, small });
const R = (large: number, medium: number, small: number): Bounds => ({ field: 'revenue', large, medium, small });
const A = (large: number, medium: number, small: number): Bounds => ({ field: 'totalAssets', large, medium, small });

/** The table of 工信部联企业〔2011〕300号 / 国统字〔2017〕213号 (employees in 人, money in 万元). */
export const SIZE_INDUSTRIES = {
  agriculture: { key: 'agriculture', name: '农、林、牧、渔业', scope: 'A', bounds: [R(20000, 500, 50)] },
  industry: { key: 'industry', name: '工业', scope: 'B、C、D', bounds: [E(1000, 300, 20), R(40000, 2000, 300)] },
  construction: { key: 'construction', name: '建筑业', scope: 'E', bounds: [R(80000, 6000, 300), A(80000, 5000, 300)] },
  wholesale: { key: 'wholesale', name: '批发业', scope: 'F51', bounds: [E(200, 20, 5), R(40000, 5000, 1000)] },
  retail: { key: 'retail', name: '零售业', scope: 'F52', bounds: [E(300, 50, 10), R(20000, 500, 100)] },
  transport: { key: 'transport', name: '交通运输业（不含铁路运输业）', scope: 'G54–G58', bounds: [E(1000, 300, 20), R(30000, 3000, 200)] },
  warehousing: { key: 'warehousing', name: '仓储业', scope: 'G59', bounds: [E(200, 100, 20), R(30000, 1000, 100)] },
  postal: { key: 'postal', name: '邮政业', scope: 'G60', bounds: [E(1000, 300, 20), R(30000, 2000, 100)] },
  accommodation: { key: 'accommodation', name: '住宿业', scope: 'H61', bounds: [E(300, 100, 10), R(10000, 2000, 100)] },
  catering: { key: 'catering', name: '餐饮业', scope: 'H62', bounds: [E(300, 100, 10), R(10000, 2000, 100)] },
  /** a bare H: 住宿业 and 餐饮业 have the same bounds, so the 大类 is not needed */
  hospitality: { key: 'hospitality', name: '住宿和餐饮业', scope: 'H（未细分）', bounds: [E(300, 100, 10), R(10000, 2000, 100)] },
  telecom: { key: 'telecom', name: '信息传输业', scope: 'I63、I64', bounds: [E(2000, 100, 10), R(100000, 1000, 100)] },
  software: { key: 'software', name: '软件和信息技术服务业', scope: 'I65', bounds: [E(300, 100, 10), R(10000, 1000, 50)] },
  realEstateDev: { key: 'realEstateDev', name: '房地产开发经营', scope: 'K701（K7010）', bounds: [R(200000, 1000, 100), A(10000, 5000, 2000)] },
  propertyMgmt: { key: 'propertyMgmt', name: '物业管理', scope: 'K702（K7020）', bounds: [E(1000, 300, 100), R(5000, 1000, 500)] },
  leasing: { key: 'leasing', name: '租赁和商务服务业', scope: 'L', bounds: [E(300, 100, 10), A(120000, 8000, 100)] },
  other: {
    key: 'other', name: '其他未列明行业', scope: 'K703–K709、M、N、O、P、Q、R', bounds: [E(300, 100, 10)],
  },
} as const satisfies Record<string, SizeIndustry>;
export type SizeIndustryKey = keyof typeof SIZE_INDUSTRIES;

/** Why a code has no size class (shown in the profile instead of a size). */
export type Unclassifiable = { key: null; why: string };

/**
 * Which row of the table an industry code (GB/T 4754-2017, e.g. C3911, F52, K7020) falls in, or why
 * none does: a section whose rows differ by 大类 needs the 大类 (F, G, I, K), and 金融业 (J),
 * 铁路运输业 (G53) and the non-enterprise sections S, T are outside these rules.
 */
export function sizeIndustryOf(code: string | null | undefined): SizeIndustry | Unclassifiable {
  if (!code) return { key: null, why: '未登记行业代码' };
  const section = code[0]!;
  const d = code.slice(1);
  const needDivision = (what: string): Unclassifiable => ({ key: null, why: `行业代码 ${code} 未细分到大类，无法确定适用${what}的哪一档标准` });
  switch (section) {
    case 'A': return SIZE_INDUSTRIES.agriculture;
    case 'B': case 'C': case 'D': return SIZE_INDUSTRIES.industry;
    case 'E': return SIZE_INDUSTRIES.construction;
    case 'F':
      if (d.startsWith('51')) return SIZE_INDUSTRIES.wholesale;
      if (d.startsWith('52')) return SIZE_INDUSTRIES.retail;
      return needDivision('批发业或零售业');
    case 'G':
      if (d === '') return needDivision('交通运输业、仓储业或邮政业');
      if (d.startsWith('53')) return { key: null, why: '铁路运输业（G53）不在中小企业划型范围内' };
      if (d.startsWith('59')) return SIZE_INDUSTRIES.warehousing;
      if (d.startsWith('60')) return SIZE_INDUSTRIES.postal;
      return SIZE_INDUSTRIES.transport;
    case 'H':
      if (d.startsWith('61')) return SIZE_INDUSTRIES.accommodation;
      if (d.startsWith('62')) return SIZE_INDUSTRIES.catering;
      return SIZE_INDUSTRIES.hospitality;
    case 'I':
      if (d.startsWith('63') || d.startsWith('64')) return SIZE_INDUSTRIES.telecom;
      if (d.startsWith('65')) return SIZE_INDUSTRIES.software;
      return needDivision('信息传输业或软件和信息技术服务业');
    case 'J': return { key: null, why: '金融业按《金融业企业划型标准规定》（银发〔2015〕309号）划型，不适用本标准' };
    case 'K':
      if (d.startsWith('701')) return SIZE_INDUSTRIES.realEstateDev;
      if (d.startsWith('702')) return SIZE_INDUSTRIES.propertyMgmt;
      if (d.length >= 3) return SIZE_INDUSTRIES.other;
      return needDivision('房地产开发经营、物业管理或其他房地产业');
    case 'L': return SIZE_INDUSTRIES.leasing;
    case 'M': case 'N': case 'O': case 'P': case 'Q': case 'R': return SIZE_INDUSTRIES.other;
    default: return { key: null, why: `行业门类 ${section}（公共管理、社会组织或国际组织）不在中小企业划型范围内` };
  }
}

export type SizeFigures = Partial<Record<SizeIndicator, number | null>>;

export interface SizeResult {
  size: EnterpriseSize | null;
  industry: SizeIndustry | null;
  /** in words: the figures used, the bounds that decided, or why there is no class */
  reason: string;
}

const CLASSES = ['large', 'medium', 'small'] as const;

/** Three-valued: does the company meet every lower bound of the class? null = cannot tell. */
function meets(bounds: readonly Bounds[], figures: SizeFigures, cls: (typeof CLASSES)[number]): boolean | null {
  let unknown = false;
  for (const b of bounds) {
    const v = figures[b.field];
    if (v === null || v === undefined) unknown = true;
    else if (v < b[cls]) return false;
  }
  return unknown ? null : true;
}

/** The size class only (no words): for bulk use, e.g. matching every company. */
export function sizeClassOf(industryCode: string | null | undefined, figures: SizeFigures): EnterpriseSize | null {
  const industry = sizeIndustryOf(industryCode);
  if (industry.key === null) return null;
  return classify((industry as SizeIndustry).bounds, figures);
}

function classify(bounds: readonly Bounds[], figures: SizeFigures): EnterpriseSize | null {
  for (const cls of CLASSES) {
    const m = meets(bounds, figures, cls);
    if (m === true) return cls;
    if (m === null) return null;
  }
  return 'micro';
}

/** Digits grouped the Chinese way (1,234.5), without Intl so that it stays cheap. */
export function groupNumber(n: number): string {
  const [int, frac] = String(Math.round(n * 100) / 100).split('.');
  const grouped = int!.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return frac ? `${grouped}.${frac}` : grouped;
}

const fig = (field: SizeIndicator, v: number) => `${INDICATOR_LABELS[field].name} ${groupNumber(v)} ${INDICATOR_LABELS[field].unit}`;
const bound = (b: Bounds, cls: (typeof CLASSES)[number]) => `${INDICATOR_LABELS[b.field].name}≥${groupNumber(b[cls])} ${INDICATOR_LABELS[b.field].unit}`;

/** The size class with the reason in words. */
export function classifySize(industryCode: string | null | undefined, figures: SizeFigures): SizeResult {
  const found = sizeIndustryOf(industryCode);
  if (found.key === null) return { size: null, industry: null, reason: (found as Unclassifiable).why };
  const industry = found as SizeIndustry;
  const size = classify(industry.bounds, figures);
  const known = industry.bounds.filter((b) => figures[b.field] !== null && figures[b.field] !== undefined);
  const missing = industry.bounds.filter((b) => !known.includes(b)).map((b) => INDICATOR_LABELS[b.field].name);
  const given = known.map((b) => fig(b.field, figures[b.field]!)).join('，');
  const head = `${industry.name}（${industry.scope}）${given ? `，${given}` : ''}`;
  if (size === null) return { size, industry, reason: `${head}；缺少${missing.join('、')}，无法确定规模` };
  if (size === 'micro') {
    const below = known.find((b) => figures[b.field]! < b.small)!;
    return { size, industry, reason: `${head}；${INDICATOR_LABELS[below.field].name}低于小型下限 ${groupNumber(below.small)} ${INDICATOR_LABELS[below.field].unit} → 微型` };
  }
  const name = (c: EnterpriseSize) => SIZE_LABELS[c].slice(0, 2);
  const need = industry.bounds.map((b) => bound(b, size)).join('且');
  const higher = CLASSES[CLASSES.indexOf(size) - 1];
  const short = higher ? industry.bounds.find((b) => figures[b.field]! < b[higher]) : undefined;
  const notHigher = higher && short ? `，未达${name(higher)}下限（${bound(short, higher)}）` : '';
  return { size, industry, reason: `${head}；${name(size)}须${need}${notHigher} → ${name(size)}` };
}

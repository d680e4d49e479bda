import type { ProfileField } from '../matching/conditions';
import { addDays } from '../time/china-time';
import { CERTIFICATE_TYPES, type CertificateType, type EnterpriseData, type ProfileTag } from './schemas';
import { classifySize, groupNumber, sizeClassOf, SIZE_LABELS, type EnterpriseSize } from './size-classes';

// 企业画像: the profile of a company on a given date, computed from its data by the rules below.
// Pure (no Node, no clock): the same data and date always give the same profile. The matching
// engine reads `values` (the PROFILE_FIELDS of shared/matching/conditions.ts) and the tag names;
// the clerk reads each tag's reason. docs/enterprise-profile.md is the reference; every rule here
// has its row there (a unit test holds the two together).

export interface CertificateLike {
  type: CertificateType;
  number?: string;
  validFrom: string | null;
  validTo: string | null;
}

/** What the rules read: the enterprise data (the rest of EnterpriseData may be there too). */
export type ProfileData = Pick<
  EnterpriseData,
  'regionCode' | 'industryCode' | 'registrationDate' | 'registeredCapital' | 'employees' | 'revenue' | 'totalAssets' | 'rndExpense' | 'taxPaid'
> & { certificates: readonly CertificateLike[] };

export type ProfileValues = Record<ProfileField, number | string | null>;

export interface Profile {
  values: ProfileValues;
  /** rule tags in the order of PROFILE_RULES, then the manual tags as given */
  tags: ProfileTag[];
  size: EnterpriseSize | null;
  rndRatio: number | null;
  ageYears: number | null;
}

// ---- derived values ------------------------------------------------------------------------------

/** 研发投入强度 = 研发费用 ÷ 营业收入 × 100 (%), 4 decimals; null without both or with no revenue. */
export function rndRatioOf(rndExpense: number | null, revenue: number | null): number | null {
  if (rndExpense === null || revenue === null || revenue <= 0) return null;
  return Math.round((rndExpense * 100 * 10000) / revenue) / 10000;
}

/** Completed years from the registration date to `on` (a company registered on 2024-03-01 is 2 on 2026-03-01); null if not registered yet. */
export function ageYearsOf(registrationDate: string | null, on: string): number | null {
  if (!registrationDate || registrationDate > on) return null;
  const years = Number(on.slice(0, 4)) - Number(registrationDate.slice(0, 4));
  return on.slice(5) < registrationDate.slice(5) ? years - 1 : years;
}

function addYears(d: string, n: number): string {
  const y = String(Number(d.slice(0, 4)) + n).padStart(4, '0');
  // 02-29 plus years on a common year: the term ends with February
  const md = d.slice(5) === '02-29' ? '03-01' : d.slice(5);
  return `${y}-${md}`;
}

/**
 * How long a certificate holds when only its start is known: 高新技术企业 three years (国科发火〔2016〕32号
 * 第十条); 专精特新中小企业, “小巨人”, 创新型中小企业 three years (工信部企业〔2022〕63号); 科技型中小企业
 * are evaluated yearly and hold to the end of the year they entered the database.
 */
export const CERTIFICATE_TERM_YEARS: Record<CertificateType, number | 'year'> = {
  hnte: 3, srdi: 3, little_giant: 3, innovative_sme: 3, tsme: 'year',
};

/** The validity window of a certificate, or null when neither end is known (no evidence). */
export function certificateWindow(c: CertificateLike): { from: string | null; to: string } | null {
  if (c.validTo) return { from: c.validFrom, to: c.validTo };
  if (!c.validFrom) return null;
  const term = CERTIFICATE_TERM_YEARS[c.type];
  return { from: c.validFrom, to: term === 'year' ? `${c.validFrom.slice(0, 4)}-12-31` : addDays(addYears(c.validFrom, term), -1) };
}

/** The certificate of that type valid on the date (both ends included), if any. */
export function validCertificate(certs: readonly CertificateLike[], type: CertificateType, on: string): CertificateLike | undefined {
  return certs.find((c) => {
    if (c.type !== type) return false;
    const w = certificateWindow(c);
    return w !== null && (w.from === null || w.from <= on) && on <= w.to;
  });
}

// ---- the rules -----------------------------------------------------------------------------------

interface Ctx {
  d: ProfileData;
  on: string;
  size: EnterpriseSize | null;
  rndRatio: number | null;
  ageYears: number | null;
}

export interface ProfileRuleDoc {
  id: string;
  tag: string;
  /** the rule in words, as docs/enterprise-profile.md states it */
  rule: string;
  source: string;
}

interface ProfileRule extends ProfileRuleDoc {
  test(c: Ctx): boolean;
  /** why the tag applies, in words, with the figures used (called only when test holds) */
  why(c: Ctx): string;
}

const money = (v: number) => `${groupNumber(v)} 万元`;
const sectionOf = (code: string | null) => (code ? code[0]! : '');
const divisionOf = (code: string | null) => (code && code.length >= 3 ? code.slice(1, 3) : '');

const SIZE_SOURCE = '工信部联企业〔2011〕300号《中小企业划型标准规定》；国统字〔2017〕213号《统计上大中小微型企业划分办法（2017）》';

function sizeRule(size: EnterpriseSize): ProfileRule {
  return {
    id: `SIZE-${size.toUpperCase()}`,
    tag: SIZE_LABELS[size],
    rule: `按行业的从业人员、营业收入、资产总额划型为${SIZE_LABELS[size].slice(0, 2)}（见下表）`,
    source: SIZE_SOURCE,
    test: (c) => c.size === size,
    why: (c) => classifySize(c.d.industryCode, c.d).reason,
  };
}

function certRule(id: string, type: CertificateType, source: string): ProfileRule {
  const name = CERTIFICATE_TYPES[type];
  return {
    id,
    tag: name,
    rule: type === 'tsme'
      ? `${name}入库登记当年有效：当日在入库年度内`
      : `持有${name}证书（认定/公告），当日在有效期内（含首尾两日；只知起始日的，按三年有效期推算）`,
    source,
    test: (c) => validCertificate(c.d.certificates, type, c.on) !== undefined,
    why: (c) => {
      const cert = validCertificate(c.d.certificates, type, c.on)!;
      const w = certificateWindow(cert)!;
      const no = cert.number ? `（${cert.number}）` : '';
      return type === 'tsme'
        ? `${name}${no}入库年度 ${w.to.slice(0, 4)}，${c.on} 在该年度内`
        : `${name}证书${no}有效期${w.from ? `自 ${w.from} ` : ''}至 ${w.to}，${c.on} 在有效期内`;
    },
  };
}

/** 规上 / 限上: the statistical thresholds of 国家统计局 (营业收入 stands in for 主营业务收入). */
function serviceThreshold(code: string | null): number | null {
  const s = sectionOf(code);
  const div = divisionOf(code);
  switch (s) {
    case 'G': case 'I': case 'N': return 2000;
    case 'L': case 'M': case 'P': return 1000;
    case 'O': case 'R': return 500;
    case 'Q': return div === '84' ? 2000 : div === '85' ? 500 : null;
    case 'K': return code && code.length >= 4 && !code.startsWith('K701') ? 1000 : null;
    default: return null;
  }
}
function tradeThreshold(code: string | null): number | null {
  const div = divisionOf(code);
  if (sectionOf(code) !== 'F') return null;
  return div === '51' ? 2000 : div === '52' ? 500 : null;
}

const STATS_SOURCE = '国家统计局统计调查制度（规模以上/限额以上单位起点标准）';

export const PROFILE_RULES: readonly ProfileRule[] = [
  certRule('CERT-HNTE', 'hnte', '《高新技术企业认定管理办法》（国科发火〔2016〕32号），证书有效期三年'),
  certRule('CERT-LITTLE-GIANT', 'little_giant', '《优质中小企业梯度培育管理暂行办法》（工信部企业〔2022〕63号），有效期三年'),
  certRule('CERT-SRDI', 'srdi', '《优质中小企业梯度培育管理暂行办法》（工信部企业〔2022〕63号），有效期三年'),
  {
    id: 'SRDI-ANY',
    tag: '专精特新',
    rule: '专精特新中小企业或专精特新“小巨人”企业，任一当日有效',
    source: '《优质中小企业梯度培育管理暂行办法》（工信部企业〔2022〕63号）',
    test: (c) => validCertificate(c.d.certificates, 'srdi', c.on) !== undefined || validCertificate(c.d.certificates, 'little_giant', c.on) !== undefined,
    why: (c) => `${validCertificate(c.d.certificates, 'little_giant', c.on) ? CERTIFICATE_TYPES.little_giant : CERTIFICATE_TYPES.srdi}在有效期内`,
  },
  certRule('CERT-INNOVATIVE', 'innovative_sme', '《优质中小企业梯度培育管理暂行办法》（工信部企业〔2022〕63号），有效期三年'),
  certRule('CERT-TSME', 'tsme', '《科技型中小企业评价办法》（国科发政〔2017〕115号），按年度评价入库'),
  {
    id: 'SCALE-INDUSTRY',
    tag: '规上工业企业',
    rule: '行业门类 B、C、D（工业），上年营业收入 ≥ 2,000 万元',
    source: `${STATS_SOURCE}：年主营业务收入 2,000 万元及以上的工业法人单位`,
    test: (c) => 'BCD'.includes(sectionOf(c.d.industryCode) || '-') && c.d.revenue !== null && c.d.revenue >= 2000,
    why: (c) => `工业（${c.d.industryCode}），营业收入 ${money(c.d.revenue!)} ≥ 2,000 万元`,
  },
  {
    id: 'SCALE-TRADE',
    tag: '限上批发零售业企业',
    rule: '批发业 F51 上年营业收入 ≥ 2,000 万元；零售业 F52 ≥ 500 万元',
    source: `${STATS_SOURCE}：限额以上批发和零售业法人单位`,
    test: (c) => {
      const min = tradeThreshold(c.d.industryCode);
      return min !== null && c.d.revenue !== null && c.d.revenue >= min;
    },
    why: (c) => `${divisionOf(c.d.industryCode) === '51' ? '批发业' : '零售业'}（${c.d.industryCode}），营业收入 ${money(c.d.revenue!)} ≥ ${money(tradeThreshold(c.d.industryCode)!)}`,
  },
  {
    id: 'SCALE-HOSPITALITY',
    tag: '限上住宿餐饮业企业',
    rule: '住宿和餐饮业 H，上年营业收入 ≥ 200 万元',
    source: `${STATS_SOURCE}：限额以上住宿和餐饮业法人单位`,
    test: (c) => sectionOf(c.d.industryCode) === 'H' && c.d.revenue !== null && c.d.revenue >= 200,
    why: (c) => `住宿和餐饮业（${c.d.industryCode}），营业收入 ${money(c.d.revenue!)} ≥ 200 万元`,
  },
  {
    id: 'SCALE-SERVICES',
    tag: '规上服务业企业',
    rule: '上年营业收入：G、I、N、Q84 ≥ 2,000 万元；L、M、P 及 K（不含房地产开发经营 K701）≥ 1,000 万元；O、R、Q85 ≥ 500 万元',
    source: `${STATS_SOURCE}：规模以上服务业法人单位`,
    test: (c) => {
      const min = serviceThreshold(c.d.industryCode);
      return min !== null && c.d.revenue !== null && c.d.revenue >= min;
    },
    why: (c) => `服务业（${c.d.industryCode}），营业收入 ${money(c.d.revenue!)} ≥ ${money(serviceThreshold(c.d.industryCode)!)}`,
  },
  sizeRule('large'),
  sizeRule('medium'),
  sizeRule('small'),
  sizeRule('micro'),
  {
    id: 'SME',
    tag: '中小企业',
    rule: '规模为中型、小型或微型',
    source: SIZE_SOURCE,
    test: (c) => c.size === 'medium' || c.size === 'small' || c.size === 'micro',
    why: (c) => `规模为${SIZE_LABELS[c.size!]}`,
  },
  {
    id: 'SMALL-MICRO',
    tag: '小微企业',
    rule: '规模为小型或微型（按划型标准，不同于税收上的“小型微利企业”）',
    source: SIZE_SOURCE,
    test: (c) => c.size === 'small' || c.size === 'micro',
    why: (c) => `规模为${SIZE_LABELS[c.size!]}`,
  },
  {
    id: 'STARTUP',
    tag: '初创企业',
    rule: '成立（登记）不满 3 年：当日早于成立日期满 3 周年之日',
    source: '本中心口径（各地初创企业扶持政策多以成立未满 3 年为限）',
    test: (c) => c.ageYears !== null && c.ageYears < 3,
    why: (c) => `成立日期 ${c.d.registrationDate}，至 ${c.on} 成立 ${c.ageYears} 年（不满 3 年）`,
  },
  {
    id: 'RND-3',
    tag: '研发投入强度≥3%',
    rule: '上年研发费用 ÷ 上年营业收入 × 100 ≥ 3',
    source: '本中心口径（与高新技术企业认定中“研发费用占销售收入比例”的最低档 3% 一致，国科发火〔2016〕32号 第十一条）',
    test: (c) => c.rndRatio !== null && c.rndRatio >= 3,
    why: (c) => `研发费用 ${money(c.d.rndExpense!)} ÷ 营业收入 ${money(c.d.revenue!)} = ${groupNumber(c.rndRatio!)}%`,
  },
];

/** Tags named after the company's codes (not in PROFILE_RULES: the tag text depends on the data). */
export const CODE_TAG_DOCS: readonly ProfileRuleDoc[] = [
  { id: 'REGION', tag: '行政区划 {代码}', rule: '登记的 6 位行政区划代码，如“行政区划 330108”', source: 'GB/T 2260 中华人民共和国行政区划代码' },
  {
    id: 'INDUSTRY', tag: '行业 {门类} / 行业 {门类}{大类}',
    rule: '行业代码的门类和大类（前两位数字），如 C3911 得“行业 C”“行业 C39”', source: 'GB/T 4754-2017 国民经济行业分类',
  },
];

function codeTags(d: ProfileData): { tag: string; id: string; why: string }[] {
  const out: { tag: string; id: string; why: string }[] = [];
  if (d.regionCode) out.push({ tag: `行政区划 ${d.regionCode}`, id: 'REGION', why: `登记行政区划代码 ${d.regionCode}` });
  if (d.industryCode) {
    const section = sectionOf(d.industryCode);
    out.push({ tag: `行业 ${section}`, id: 'INDUSTRY', why: `行业代码 ${d.industryCode}，门类 ${section}` });
    const div = divisionOf(d.industryCode);
    if (div) out.push({ tag: `行业 ${section}${div}`, id: 'INDUSTRY', why: `行业代码 ${d.industryCode}，大类 ${section}${div}` });
  }
  return out;
}

// ---- putting it together ---------------------------------------------------------------------------

function context(d: ProfileData, on: string): Ctx {
  return {
    d, on,
    size: sizeClassOf(d.industryCode, d),
    rndRatio: rndRatioOf(d.rndExpense, d.revenue),
    ageYears: ageYearsOf(d.registrationDate, on),
  };
}

function valuesOf(c: Ctx): ProfileValues {
  const d = c.d;
  return {
    employees: d.employees, revenue: d.revenue, totalAssets: d.totalAssets, rndExpense: d.rndExpense,
    rndRatio: c.rndRatio, taxPaid: d.taxPaid, registeredCapital: d.registeredCapital, ageYears: c.ageYears,
    regionCode: d.regionCode, industryCode: d.industryCode, size: c.size, registrationDate: d.registrationDate,
  };
}

/** The values matching reads, on a date. */
export function profileValues(d: ProfileData, on: string): ProfileValues {
  return valuesOf(context(d, on));
}

/** Only the names of the rule tags, without reasons: for matching many companies at once. */
export function ruleTagNames(d: ProfileData, on: string): string[] {
  const c = context(d, on);
  const names = PROFILE_RULES.filter((r) => r.test(c)).map((r) => r.tag);
  for (const t of codeTags(d)) names.push(t.tag);
  return names;
}

/** Values and rule tag names together, computed once: what matching reads for each company. */
export function matchingProfile(d: ProfileData, on: string): { values: ProfileValues; tagNames: string[] } {
  const c = context(d, on);
  const tagNames = PROFILE_RULES.filter((r) => r.test(c)).map((r) => r.tag);
  for (const t of codeTags(d)) tagNames.push(t.tag);
  return { values: valuesOf(c), tagNames };
}

/**
 * The profile on a date: values, rule tags (each with the rule id and why) and the manual tags
 * (kept as they are, also when one repeats a rule tag: the clerk sees both).
 */
export function buildProfile(d: ProfileData, manualTags: readonly ProfileTag[], on: string): Profile {
  const c = context(d, on);
  const rule = (tag: string, reason: string): ProfileTag => ({ tag, source: 'rule', reason, setBy: null, setAt: null });
  const tags: ProfileTag[] = [];
  for (const r of PROFILE_RULES) if (r.test(c)) tags.push(rule(r.tag, `${r.id}：${r.why(c)}`));
  for (const t of codeTags(d)) tags.push(rule(t.tag, `${t.id}：${t.why}`));
  tags.push(...manualTags);
  return { values: valuesOf(c), tags, size: c.size, rndRatio: c.rndRatio, ageYears: c.ageYears };
}

/** Why the company has no size class, or its class in words (for the profile page). */
export function sizeReason(d: ProfileData): string {
  return classifySize(d.industryCode, d).reason;
}

/** For docs and the UI: every rule with its tag, wording and source. */
export const PROFILE_RULE_DOCS: readonly ProfileRuleDoc[] = [
  ...PROFILE_RULES.map(({ id, tag, rule, source }) => ({ id, tag, rule, source })),
  ...CODE_TAG_DOCS,
];

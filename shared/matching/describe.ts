import { PROFILE_FIELDS, type Condition, type ProfileField } from './conditions';

// Conditions in words, for the item detail and the match explanations.

export const FIELD_NAMES: Record<ProfileField, string> = {
  employees: '从业人员', revenue: '上年营业收入', totalAssets: '资产总额', rndExpense: '上年研发费用',
  rndRatio: '研发费用占营业收入比例', taxPaid: '上年纳税额', registeredCapital: '注册资本', ageYears: '成立年限',
  regionCode: '注册地行政区划', industryCode: '国民经济行业', size: '企业规模', registrationDate: '成立日期',
};

export const SIZE_NAMES: Record<string, string> = { large: '大型', medium: '中型', small: '小型', micro: '微型' };

const OPS: Record<string, string> = { '=': '为', '!=': '不为', '>': '大于', '>=': '不低于', '<': '低于', '<=': '不超过' };

export function formatValue(field: ProfileField, v: number | string | null | undefined): string {
  if (v === null || v === undefined || v === '') return '未登记';
  if (field === 'size') return SIZE_NAMES[String(v)] ?? String(v);
  const unit = PROFILE_FIELDS[field].unit;
  if (typeof v === 'number') {
    const n = Number.isInteger(v) ? v.toLocaleString('zh-CN') : v.toLocaleString('zh-CN', { maximumFractionDigits: 2 });
    return unit ? `${n} ${unit}` : n;
  }
  return String(v);
}

/** One leaf in words: its own label, or one made from the field, the test and the value. */
export function describeLeaf(c: Condition): string {
  if ('label' in c && c.label) return c.label;
  if ('tag' in c) return `具有“${c.tag}”标签`;
  if (!('field' in c)) return '';
  const name = FIELD_NAMES[c.field];
  if ('op' in c) return `${name}${OPS[c.op]} ${formatValue(c.field, c.value)}`;
  if ('prefix' in c) return `${name}属于 ${[c.prefix].flat().join('、')}`;
  if ('in' in c) return `${name}为${c.in.map((v) => formatValue(c.field, v)).join('或')}`;
  if ('withinYears' in c) return `${name}在近 ${c.withinYears} 年内`;
  if ('from' in c || 'to' in c) return `${name}在 ${c.from ?? '…'} 至 ${c.to ?? '…'} 之间`;
  return name;
}

/** Every leaf in words, nested groups marked (满足其一 / 不得). */
export function describeCondition(c: Condition | null, indent = ''): string[] {
  if (!c) return [];
  if ('all' in c) return c.all.flatMap((x) => describeCondition(x, indent));
  if ('any' in c) return [`${indent}满足以下任一项：`, ...c.any.flatMap((x) => describeCondition(x, `${indent}　`))];
  if ('not' in c) return [`${indent}不得：`, ...describeCondition(c.not, `${indent}　`)];
  return [`${indent}${describeLeaf(c)}`];
}

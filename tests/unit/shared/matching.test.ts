import { describe, expect, it } from 'vitest';
import { ConditionSchema, type Condition } from '@shared/matching/conditions';
import { evaluate, explain, unmetCount, type MatchProfile } from '@shared/matching/evaluate';
import { describeCondition } from '@shared/matching/describe';

const ON = '2026-11-27';
const profile = (values: MatchProfile['values'], tags: string[] = []): MatchProfile => ({ values, tags: new Set(tags) });

// 滨江区 small tech firm subsidy: in 330108, small or micro, R&D ≥ 3 %, a high-tech certificate
const subsidy: Condition = {
  all: [
    { field: 'regionCode', prefix: '330108', label: '注册地在滨江区' },
    { field: 'size', in: ['small', 'micro'] },
    { field: 'rndRatio', op: '>=', value: 3 },
    { tag: '高新技术企业' },
  ],
};

describe('condition language', () => {
  it('accepts the documented forms and refuses unknown fields and shapes', () => {
    expect(ConditionSchema.safeParse(subsidy).success).toBe(true);
    expect(ConditionSchema.safeParse({ any: [{ not: { tag: 'x' } }, { field: 'registrationDate', withinYears: 3 }] }).success).toBe(true);
    expect(ConditionSchema.safeParse({ field: 'shoeSize', op: '>', value: 3 }).success).toBe(false);
    expect(ConditionSchema.safeParse({ all: [] }).success).toBe(false);
    expect(ConditionSchema.safeParse({ field: 'employees', op: '~', value: 3 }).success).toBe(false);
  });

  it('says each condition in words, with its label where it has one', () => {
    expect(describeCondition(subsidy)).toEqual(['注册地在滨江区', '企业规模为小型或微型', '研发费用占营业收入比例不低于 3 %', '具有“高新技术企业”标签']);
  });
});

describe('three-valued matching', () => {
  const fits = profile({ regionCode: '330108', size: 'small', rndRatio: 4.2 }, ['高新技术企业']);

  it('a company meeting everything is met, each check with the value used', () => {
    expect(evaluate(subsidy, fits, ON)).toBe('met');
    expect(explain(subsidy, fits, ON)).toEqual([
      { description: '注册地在滨江区', status: 'met', actual: '注册地行政区划 330108' },
      { description: '企业规模为小型或微型', status: 'met', actual: '企业规模 小型' },
      { description: '研发费用占营业收入比例不低于 3 %', status: 'met', actual: '研发费用占营业收入比例 4.2 %' },
      { description: '具有“高新技术企业”标签', status: 'met', actual: '有“高新技术企业”' },
    ]);
  });

  it('missing data is unknown, not unmet', () => {
    const noRevenue = profile({ regionCode: '330108', size: null, rndRatio: null }, ['高新技术企业']);
    expect(evaluate(subsidy, noRevenue, ON)).toBe('unknown');
    const checks = explain(subsidy, noRevenue, ON);
    expect(checks[1]).toEqual({ description: '企业规模为小型或微型', status: 'unknown', actual: '企业规模 未登记' });
    expect(unmetCount(subsidy, noRevenue, ON)).toBe(0);
  });

  it('one unmet condition is a near miss; unmet wins over unknown', () => {
    const lowRnd = profile({ regionCode: '330108', size: 'small', rndRatio: 2.5 }, ['高新技术企业']);
    expect(evaluate(subsidy, lowRnd, ON)).toBe('unmet');
    expect(unmetCount(subsidy, lowRnd, ON)).toBe(1);
    const twoShort = profile({ regionCode: '330106', size: 'medium', rndRatio: null }, []);
    expect(evaluate(subsidy, twoShort, ON)).toBe('unmet');
    expect(unmetCount(subsidy, twoShort, ON)).toBe(3);
  });

  it('any / not follow Kleene logic', () => {
    const c: Condition = { any: [{ tag: '专精特新中小企业' }, { field: 'employees', op: '>=', value: 50 }] };
    expect(evaluate(c, profile({ employees: null }, ['专精特新中小企业']), ON)).toBe('met');
    expect(evaluate(c, profile({ employees: null }), ON)).toBe('unknown');
    expect(evaluate(c, profile({ employees: 10 }), ON)).toBe('unmet');
    expect(evaluate({ not: c }, profile({ employees: null }), ON)).toBe('unknown');
    expect(evaluate({ not: c }, profile({ employees: 10 }), ON)).toBe('met');
  });

  it('dates: within N years of the day, and windows', () => {
    const young: Condition = { field: 'registrationDate', withinYears: 3 };
    expect(evaluate(young, profile({ registrationDate: '2024-01-15' }), ON)).toBe('met');
    expect(evaluate(young, profile({ registrationDate: '2023-11-27' }), ON)).toBe('unmet');
    expect(evaluate(young, profile({ registrationDate: '2023-11-28' }), ON)).toBe('met');
    expect(evaluate({ field: 'registrationDate', from: '2020-01-01', to: '2020-12-31' }, profile({ registrationDate: '2020-06-01' }), ON)).toBe('met');
  });

  it('industry code prefixes: C matches any manufacturing code', () => {
    const c: Condition = { field: 'industryCode', prefix: ['C', 'I65'] };
    expect(evaluate(c, profile({ industryCode: 'C3911' }), ON)).toBe('met');
    expect(evaluate(c, profile({ industryCode: 'I6510' }), ON)).toBe('met');
    expect(evaluate(c, profile({ industryCode: 'F5191' }), ON)).toBe('unmet');
  });

  it('no machine conditions: every company is met', () => {
    expect(evaluate(null, profile({}), ON)).toBe('met');
  });
});

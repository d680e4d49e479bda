import { describe, expect, it } from 'vitest';
import { classifySize, sizeClassOf, sizeIndustryOf, SIZE_INDUSTRIES } from '@shared/enterprises/size-classes';

// 工信部联企业〔2011〕300号 / 国统字〔2017〕213号: 大、中、小型须同时满足所列指标的下限，否则下划一档；
// 微型只须满足其中一项。

describe('size class: 工业 (B/C/D: 从业人员 1000/300/20, 营业收入 40000/2000/300 万元)', () => {
  it.each([
    [1000, 40000, 'large'],
    [999, 40000, 'medium'],
    [1000, 39999.99, 'medium'],
    [300, 2000, 'medium'],
    [299, 2000, 'small'],
    [300, 1999, 'small'],
    [20, 300, 'small'],
    [19, 300, 'micro'],
    [20, 299, 'micro'],
    [0, 0, 'micro'],
    [5000, 100, 'micro'],
  ] as const)('%i 人, %f 万元 → %s', (employees, revenue, size) => {
    expect(sizeClassOf('C3411', { employees, revenue })).toBe(size);
  });

  it('reads the section alone and every industrial section', () => {
    for (const code of ['B', 'B06', 'C', 'C39', 'D4411']) expect(sizeClassOf(code, { employees: 300, revenue: 2000 })).toBe('medium');
  });
});

describe('size class: 软件和信息技术服务业 (I65: 从业人员 300/100/10, 营业收入 10000/1000/50 万元)', () => {
  it.each([
    [300, 10000, 'large'],
    [299, 10000, 'medium'],
    [300, 9999, 'medium'],
    [100, 1000, 'medium'],
    [99, 1000, 'small'],
    [100, 999, 'small'],
    [10, 50, 'small'],
    [9, 50, 'micro'],
    [10, 49, 'micro'],
  ] as const)('%i 人, %f 万元 → %s', (employees, revenue, size) => {
    expect(sizeClassOf('I6513', { employees, revenue })).toBe(size);
  });

  it('is not the 信息传输业 row (I63/I64 have other bounds)', () => {
    expect(sizeClassOf('I6311', { employees: 150, revenue: 5000 })).toBe('medium');
    expect(sizeClassOf('I6513', { employees: 150, revenue: 5000 })).toBe('medium');
    expect(sizeClassOf('I6311', { employees: 500, revenue: 20000 })).toBe('medium');
    expect(sizeClassOf('I6513', { employees: 500, revenue: 20000 })).toBe('large');
  });
});

describe('size class with figures missing', () => {
  it('is unknown (null) when a missing figure could change the class', () => {
    expect(sizeClassOf('C3411', { employees: null, revenue: 5000 })).toBeNull();
    expect(sizeClassOf('C3411', { revenue: 5000 })).toBeNull();
    expect(sizeClassOf('C3411', { employees: 500, revenue: null })).toBeNull();
    expect(sizeClassOf('I6513', { employees: null, revenue: null })).toBeNull();
  });

  it('is micro when a known figure is already below the small bound (微型只须满足一项)', () => {
    expect(sizeClassOf('C3411', { employees: null, revenue: 100 })).toBe('micro');
    expect(sizeClassOf('C3411', { employees: 5, revenue: null })).toBe('micro');
  });

  it('says what is missing', () => {
    const r = classifySize('C3411', { employees: null, revenue: 5000 });
    expect(r.size).toBeNull();
    expect(r.reason).toContain('缺少从业人员');
  });

  it('is unknown without an industry code', () => {
    expect(sizeClassOf(null, { employees: 10, revenue: 10 })).toBeNull();
    expect(classifySize(null, {}).reason).toBe('未登记行业代码');
  });
});

describe('size class: the other rows of the table', () => {
  it('建筑业 uses 营业收入 and 资产总额, not employees', () => {
    expect(sizeClassOf('E4710', { revenue: 6000, totalAssets: 5000 })).toBe('medium');
    expect(sizeClassOf('E4710', { revenue: 6000, totalAssets: 4999, employees: 5000 })).toBe('small');
  });
  it('批发业 and 零售业 differ', () => {
    expect(sizeClassOf('F5131', { employees: 20, revenue: 5000 })).toBe('medium');
    expect(sizeClassOf('F5211', { employees: 20, revenue: 5000 })).toBe('small');
  });
  it('房地产开发经营 (K7010) uses 营业收入 and 资产总额; 物业管理 (K7020) employees and 营业收入', () => {
    expect(sizeClassOf('K7010', { revenue: 1000, totalAssets: 5000 })).toBe('medium');
    expect(sizeClassOf('K7020', { employees: 300, revenue: 1000 })).toBe('medium');
    expect(sizeClassOf('K7040', { employees: 100 })).toBe('medium');
  });
  it('租赁和商务服务业 uses employees and 资产总额', () => {
    expect(sizeClassOf('L7212', { employees: 100, totalAssets: 8000 })).toBe('medium');
    expect(sizeClassOf('L7212', { employees: 100, totalAssets: 7999 })).toBe('small');
  });
  it('其他未列明行业 (M, N, O, P, Q, R) uses employees only', () => {
    expect(sizeClassOf('M7320', { employees: 100 })).toBe('medium');
    expect(sizeClassOf('R8610', { employees: 9 })).toBe('micro');
  });
  it('交通运输, 仓储, 邮政 are told apart by 大类', () => {
    expect(sizeClassOf('G5430', { employees: 300, revenue: 3000 })).toBe('medium');
    expect(sizeClassOf('G5920', { employees: 100, revenue: 1000 })).toBe('medium');
    expect(sizeClassOf('G6010', { employees: 300, revenue: 2000 })).toBe('medium');
  });
  it('住宿业 H61 and 餐饮业 H62 (same bounds; a bare H is classified too)', () => {
    for (const code of ['H6110', 'H6210', 'H']) expect(sizeClassOf(code, { employees: 100, revenue: 2000 })).toBe('medium');
  });
  it('农、林、牧、渔业 uses 营业收入 only', () => {
    expect(sizeClassOf('A0111', { revenue: 500 })).toBe('medium');
  });
  it('has no class where the table does not apply or the code is too coarse', () => {
    for (const code of ['F', 'G', 'I', 'K', 'K70', 'G5311', 'J6620', 'S9210']) {
      expect(sizeIndustryOf(code).key, code).toBeNull();
      expect(sizeClassOf(code, { employees: 50, revenue: 1000, totalAssets: 1000 }), code).toBeNull();
    }
  });
  it('every row has three decreasing bounds per indicator', () => {
    for (const row of Object.values(SIZE_INDUSTRIES)) {
      for (const b of row.bounds) expect(b.large > b.medium && b.medium > b.small && b.small > 0, row.name).toBe(true);
    }
  });
  it('explains the class with the bounds that decided it', () => {
    const r = classifySize('C3411', { employees: 150, revenue: 5000 });
    expect(r.size).toBe('small');
    expect(r.reason).toContain('从业人员 150 人');
    expect(r.reason).toContain('营业收入 5,000 万元');
    expect(r.reason).toContain('未达中型下限（从业人员≥300 人）');
  });
});

import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  ageYearsOf, buildProfile, certificateWindow, matchingProfile, profileValues, PROFILE_RULE_DOCS, rndRatioOf, ruleTagNames,
  type ProfileData,
} from '@shared/enterprises/profile-rules';
import { PROFILE_FIELDS } from '@shared/matching/conditions';
import { SIZE_INDUSTRIES } from '@shared/enterprises/size-classes';
import type { ProfileTag } from '@shared/enterprises/schemas';

const ON = '2026-11-27';

/** A hand-made company: a small software firm in 西湖区 unless told otherwise. */
function company(over: Partial<ProfileData> = {}): ProfileData {
  return {
    regionCode: '330106', industryCode: 'I6513', registrationDate: '2018-05-20', registeredCapital: 500,
    employees: 60, revenue: 800, totalAssets: 900, rndExpense: 40, taxPaid: 30, certificates: [], ...over,
  };
}
const tags = (d: ProfileData, on = ON) => buildProfile(d, [], on).tags.map((t) => t.tag);
const reasonOf = (d: ProfileData, tag: string) => buildProfile(d, [], ON).tags.find((t) => t.tag === tag)?.reason;

describe('profile values', () => {
  it('gives every field matching reads, with rndRatio and ageYears derived', () => {
    const v = profileValues(company(), ON);
    expect(Object.keys(v).sort()).toEqual(Object.keys(PROFILE_FIELDS).sort());
    expect(v).toMatchObject({ employees: 60, revenue: 800, rndRatio: 5, ageYears: 8, size: 'small', regionCode: '330106', industryCode: 'I6513', registrationDate: '2018-05-20' });
  });

  it('rndRatio = 研发费用 ÷ 营业收入 × 100, null without both or without revenue', () => {
    expect(rndRatioOf(30, 1000)).toBe(3);
    expect(rndRatioOf(7, 100)).toBe(7);
    expect(rndRatioOf(1, 3)).toBe(33.3333);
    expect(rndRatioOf(null, 1000)).toBeNull();
    expect(rndRatioOf(30, null)).toBeNull();
    expect(rndRatioOf(30, 0)).toBeNull();
  });

  it('ageYears counts completed years; null before registration', () => {
    expect(ageYearsOf('2023-11-27', ON)).toBe(3);
    expect(ageYearsOf('2023-11-28', ON)).toBe(2);
    expect(ageYearsOf('2026-11-27', ON)).toBe(0);
    expect(ageYearsOf('2026-11-28', ON)).toBeNull();
    expect(ageYearsOf(null, ON)).toBeNull();
    expect(ageYearsOf('2020-02-29', '2021-02-28')).toBe(0);
    expect(ageYearsOf('2020-02-29', '2021-03-01')).toBe(1);
  });

  it('missing employees → size null, and no size tags', () => {
    const p = buildProfile(company({ industryCode: 'C3411', employees: null, revenue: 5000 }), [], ON);
    expect(p.size).toBeNull();
    expect(p.values.size).toBeNull();
    for (const t of ['大型企业', '中型企业', '小型企业', '微型企业', '中小企业', '小微企业']) expect(p.tags.map((x) => x.tag)).not.toContain(t);
  });
});

describe('certificate tags', () => {
  const hnte = (validTo: string | null, validFrom: string | null = null) => ({ type: 'hnte' as const, number: 'GR202333001234', validFrom, validTo });

  it('a certificate valid on the date gives its tag, with the certificate and dates in the reason', () => {
    const d = company({ certificates: [hnte('2026-11-27')] });
    expect(tags(d)).toContain('高新技术企业');
    expect(reasonOf(d, '高新技术企业')).toBe('CERT-HNTE：高新技术企业证书（GR202333001234）有效期至 2026-11-27，2026-11-27 在有效期内');
  });

  it('a certificate expired the day before gives no tag', () => {
    expect(tags(company({ certificates: [hnte('2026-11-26')] }))).not.toContain('高新技术企业');
  });

  it('a certificate not yet valid gives no tag', () => {
    expect(tags(company({ certificates: [hnte('2029-12-31', '2026-11-28')] }))).not.toContain('高新技术企业');
  });

  it('with only the start known, holds three years (last day included)', () => {
    expect(certificateWindow(hnte(null, '2023-11-28'))).toEqual({ from: '2023-11-28', to: '2026-11-27' });
    expect(tags(company({ certificates: [hnte(null, '2023-11-28')] }))).toContain('高新技术企业');
    expect(tags(company({ certificates: [hnte(null, '2023-11-27')] }))).not.toContain('高新技术企业');
  });

  it('a certificate with no dates at all is no evidence', () => {
    expect(tags(company({ certificates: [hnte(null, null)] }))).not.toContain('高新技术企业');
  });

  it('科技型中小企业 holds for its year of entry', () => {
    const tsme = (y: number) => ({ type: 'tsme' as const, validFrom: `${y}-01-01`, validTo: `${y}-12-31` });
    expect(tags(company({ certificates: [tsme(2026)] }))).toContain('科技型中小企业');
    expect(tags(company({ certificates: [tsme(2025)] }))).not.toContain('科技型中小企业');
    expect(certificateWindow({ type: 'tsme', validFrom: '2026-04-10', validTo: null })).toEqual({ from: '2026-04-10', to: '2026-12-31' });
  });

  it('专精特新 tiers: each its own tag, and 专精特新 for either', () => {
    const c = (type: 'srdi' | 'little_giant' | 'innovative_sme') => company({ certificates: [{ type, validFrom: null, validTo: '2027-06-30' }] });
    expect(tags(c('srdi'))).toEqual(expect.arrayContaining(['专精特新中小企业', '专精特新']));
    expect(tags(c('little_giant'))).toEqual(expect.arrayContaining(['专精特新“小巨人”企业', '专精特新']));
    expect(tags(c('little_giant'))).not.toContain('专精特新中小企业');
    expect(tags(c('innovative_sme'))).toContain('创新型中小企业');
    expect(tags(c('innovative_sme'))).not.toContain('专精特新');
  });
});

describe('scale and other rule tags', () => {
  it('规上工业企业 at exactly 2,000 万元, not below, not outside B/C/D', () => {
    expect(tags(company({ industryCode: 'C3411', revenue: 2000 }))).toContain('规上工业企业');
    expect(tags(company({ industryCode: 'D4411', revenue: 2000 }))).toContain('规上工业企业');
    expect(tags(company({ industryCode: 'C3411', revenue: 1999.99 }))).not.toContain('规上工业企业');
    expect(tags(company({ industryCode: 'C3411', revenue: null }))).not.toContain('规上工业企业');
    expect(tags(company({ industryCode: 'I6513', revenue: 50000 }))).not.toContain('规上工业企业');
    expect(reasonOf(company({ industryCode: 'C3411', revenue: 2000 }), '规上工业企业')).toBe('SCALE-INDUSTRY：工业（C3411），营业收入 2,000 万元 ≥ 2,000 万元');
  });

  it('限上批发零售 and 规上服务业 by their thresholds', () => {
    expect(tags(company({ industryCode: 'F5131', revenue: 2000 }))).toContain('限上批发零售业企业');
    expect(tags(company({ industryCode: 'F5211', revenue: 500 }))).toContain('限上批发零售业企业');
    expect(tags(company({ industryCode: 'F5211', revenue: 499 }))).not.toContain('限上批发零售业企业');
    expect(tags(company({ industryCode: 'H6210', revenue: 200 }))).toContain('限上住宿餐饮业企业');
    expect(tags(company({ industryCode: 'I6513', revenue: 2000 }))).toContain('规上服务业企业');
    expect(tags(company({ industryCode: 'L7212', revenue: 1000 }))).toContain('规上服务业企业');
    expect(tags(company({ industryCode: 'R8610', revenue: 500 }))).toContain('规上服务业企业');
    expect(tags(company({ industryCode: 'K7010', revenue: 90000 }))).not.toContain('规上服务业企业');
    expect(tags(company({ industryCode: 'K7020', revenue: 1000 }))).toContain('规上服务业企业');
  });

  it('size tags: the class, 中小企业, 小微企业', () => {
    expect(tags(company())).toEqual(expect.arrayContaining(['小型企业', '中小企业', '小微企业']));
    const medium = tags(company({ employees: 150, revenue: 3000 }));
    expect(medium).toEqual(expect.arrayContaining(['中型企业', '中小企业']));
    expect(medium).not.toContain('小微企业');
    const large = tags(company({ employees: 400, revenue: 20000 }));
    expect(large).toContain('大型企业');
    expect(large).not.toContain('中小企业');
  });

  it('初创企业 while registered less than 3 years', () => {
    expect(tags(company({ registrationDate: '2023-11-28' }))).toContain('初创企业');
    expect(tags(company({ registrationDate: '2023-11-27' }))).not.toContain('初创企业');
    expect(tags(company({ registrationDate: null }))).not.toContain('初创企业');
  });

  it('研发投入强度≥3% from the ratio', () => {
    expect(tags(company({ rndExpense: 24, revenue: 800 }))).toContain('研发投入强度≥3%');
    expect(tags(company({ rndExpense: 23.99, revenue: 800 }))).not.toContain('研发投入强度≥3%');
    expect(tags(company({ rndExpense: null }))).not.toContain('研发投入强度≥3%');
  });

  it('region and industry tags from the codes', () => {
    const t = tags(company({ regionCode: '330108', industryCode: 'C3911' }));
    expect(t).toEqual(expect.arrayContaining(['行政区划 330108', '行业 C', '行业 C39']));
    expect(tags(company({ regionCode: null, industryCode: null })).filter((x) => x.startsWith('行'))).toEqual([]);
  });

  it('every rule tag carries its rule id and why; no setter', () => {
    for (const t of buildProfile(company({ certificates: [{ type: 'srdi', validFrom: null, validTo: '2027-01-01' }] }), [], ON).tags) {
      expect(t.source).toBe('rule');
      expect(t.reason).toMatch(/^[A-Z0-9-]+：.+/);
      expect(t.setBy).toBeNull();
    }
  });
});

describe('manual tags and the fast paths', () => {
  const manual: ProfileTag[] = [
    { tag: '小微企业', source: 'manual', reason: '企业自述', setBy: '李业务', setAt: '2026-11-20T02:00:00.000Z' },
    { tag: '重点培育企业', source: 'manual', reason: '区经信局名单', setBy: '李业务', setAt: '2026-11-21T02:00:00.000Z' },
  ];

  it('keeps manual tags after the rule tags, a manual one equal to a rule tag shown as both', () => {
    const p = buildProfile(company(), manual, ON);
    expect(p.tags.filter((t) => t.tag === '小微企业').map((t) => t.source)).toEqual(['rule', 'manual']);
    expect(p.tags.slice(-2)).toEqual(manual);
  });

  it('ruleTagNames and matchingProfile agree with buildProfile', () => {
    const d = company({ industryCode: 'C3411', revenue: 2500, employees: 120, certificates: [{ type: 'hnte', validFrom: null, validTo: '2027-01-01' }] });
    const full = buildProfile(d, [], ON);
    expect(ruleTagNames(d, ON)).toEqual(full.tags.map((t) => t.tag));
    expect(matchingProfile(d, ON)).toEqual({ values: full.values, tagNames: full.tags.map((t) => t.tag) });
  });

  it('depends on the date asked about', () => {
    const d = company({ registrationDate: '2024-06-01', certificates: [{ type: 'hnte', validFrom: null, validTo: '2026-12-31' }] });
    expect(tags(d, '2026-11-27')).toEqual(expect.arrayContaining(['初创企业', '高新技术企业']));
    expect(tags(d, '2027-06-01')).not.toContain('初创企业');
    expect(tags(d, '2027-01-01')).not.toContain('高新技术企业');
  });
});

describe('docs/enterprise-profile.md', () => {
  it('documents every rule (id and tag) and every row of the size table', () => {
    const doc = fs.readFileSync(path.resolve(import.meta.dirname, '../../../docs/enterprise-profile.md'), 'utf8');
    for (const r of PROFILE_RULE_DOCS) {
      expect(doc, r.id).toContain(`\`${r.id}\``);
      expect(doc, r.tag).toContain(r.tag);
    }
    for (const row of Object.values(SIZE_INDUSTRIES)) expect(doc, row.name).toContain(row.name);
  });
});

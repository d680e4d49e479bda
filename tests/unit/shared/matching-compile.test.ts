import { describe, expect, it } from 'vitest';
import { compile, compileVerdict, effectiveCondition } from '@shared/matching/compile';
import type { Condition } from '@shared/matching/conditions';
import { evaluate, unmetCount, type MatchProfile } from '@shared/matching/evaluate';

// The compiled conditions must give exactly what `evaluate` gives: checked on random conditions
// against random profiles, with missing values, strings where numbers are expected, and dates.

function rng(seed: number) {
  let s = seed >>> 0;
  return () => ((s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32);
}

const TAGS = ['高新技术企业', '专精特新', '小微企业', '初创企业'];
const ON_DATES = ['2026-11-27', '2024-02-29', '2030-01-01'];

function randomLeaf(r: () => number): Condition {
  const pick = <T,>(xs: readonly T[]) => xs[Math.floor(r() * xs.length)]!;
  switch (Math.floor(r() * 7)) {
    case 0: return { field: pick(['employees', 'revenue', 'rndRatio'] as const), op: pick(['=', '!=', '>', '>=', '<', '<='] as const), value: pick([0, 3, 10, 100]) };
    case 1: return { field: pick(['regionCode', 'industryCode'] as const), prefix: r() < 0.5 ? pick(['33', '3301', 'C', 'I65']) : ['3302', 'C39', '330108'] };
    case 2: return { field: 'size', in: pick([['small', 'micro'], ['medium']]) };
    case 3: return { field: 'registrationDate', withinYears: pick([1, 3, 5, 2.5]) };
    case 4: return { field: 'registrationDate', from: pick(['2015-01-01', '2020-06-30']), ...(r() < 0.5 ? { to: '2024-12-31' } : {}) };
    case 5: return { field: 'size', op: pick(['=', '!='] as const), value: pick(['small', 'large']) };
    default: return { tag: pick(TAGS) };
  }
}

function randomCondition(r: () => number, depth = 0): Condition {
  const k = r();
  if (depth < 3 && k < 0.2) return { all: Array.from({ length: 1 + Math.floor(r() * 3) }, () => randomCondition(r, depth + 1)) };
  if (depth < 3 && k < 0.35) return { any: Array.from({ length: 1 + Math.floor(r() * 3) }, () => randomCondition(r, depth + 1)) };
  if (depth < 3 && k < 0.42) return { not: randomCondition(r, depth + 1) };
  return randomLeaf(r);
}

function randomProfile(r: () => number): { profile: MatchProfile; tags: string[] } {
  const maybe = <T,>(v: T) => (r() < 0.25 ? null : v);
  const tags = TAGS.filter(() => r() < 0.4);
  const profile: MatchProfile = {
    values: {
      employees: maybe(Math.floor(r() * 200)), revenue: r() < 0.1 ? ('1000' as unknown as number) : maybe(Math.floor(r() * 6000)),
      rndRatio: maybe(Math.round(r() * 80) / 10), regionCode: maybe(['330108', '330212', '110101'][Math.floor(r() * 3)]!),
      industryCode: r() < 0.1 ? '' : maybe(['C3911', 'I6510', 'F5211'][Math.floor(r() * 3)]!),
      size: maybe(['micro', 'small', 'medium', 'large'][Math.floor(r() * 4)]!),
      registrationDate: maybe(`20${String(10 + Math.floor(r() * 17))}-0${1 + Math.floor(r() * 9)}-15`),
    },
    tags: new Set(tags),
  };
  return { profile, tags };
}

describe('compiled conditions', () => {
  it('agree with evaluate and unmetCount on 20,000 random conditions and profiles', () => {
    const r = rng(20261127);
    let met = 0;
    let unknown = 0;
    for (let n = 0; n < 20_000; n++) {
      const c = randomCondition(r);
      const { profile: p, tags } = randomProfile(r);
      const on = ON_DATES[n % ON_DATES.length]!;
      const expected = evaluate(c, p, on);
      expect(compile(c)(p, on), JSON.stringify({ c, p: p.values, tags, on })).toBe(expected);
      const verdict = compileVerdict(c)(p, on);
      expect(verdict).toBe(expected === 'met' ? 0 : expected === 'unknown' ? -1 : unmetCount(c, p, on));
      if (expected === 'met') met++;
      if (expected === 'unknown') unknown++;
    }
    // the sample exercises every outcome
    expect(met).toBeGreaterThan(2000);
    expect(unknown).toBeGreaterThan(2000);
  });

  it('treat no conditions as met', () => {
    expect(compileVerdict(null)({ values: {}, tags: new Set() }, '2026-11-27')).toBe(0);
  });
});

describe('effectiveCondition: a local policy is for its own region', () => {
  it('adds the policy region unless the conditions already name one', () => {
    expect(effectiveCondition(null, '')).toBeNull();
    expect(effectiveCondition(null, '330108')).toEqual({ all: [{ field: 'regionCode', prefix: '330108' }] });
    expect(effectiveCondition({ tag: '专精特新' }, '33')).toEqual({ all: [{ field: 'regionCode', prefix: '33' }, { tag: '专精特新' }] });
    const named: Condition = { all: [{ field: 'regionCode', prefix: '3301' }, { tag: '专精特新' }] };
    expect(effectiveCondition(named, '33')).toBe(named);
  });
});

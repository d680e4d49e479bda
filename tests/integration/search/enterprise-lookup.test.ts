import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type Database from 'better-sqlite3';
import { isUsccPrefix, lookupEnterprises } from '../../../electron/core/enterprises/enterprise-lookup';
import { EnterpriseSummary } from '@shared/enterprises/api-schemas';
import { ENTERPRISES, loadEnterprises, makeDb } from './fixtures';

let db: Database.Database;
beforeAll(() => {
  db = makeDb();
  loadEnterprises(db);
});
afterAll(() => db.close());

const find = (q: string, limit = 20) => {
  const r = lookupEnterprises(db, q, limit);
  for (const e of r) EnterpriseSummary.parse(e);
  return r;
};
const names = (q: string, limit = 20) => find(q, limit).map((e) => e.name);

describe('enterprise lookup by USCC', () => {
  const [first] = ENTERPRISES;
  it('a prefix lists the companies registered under it, in code order', () => {
    const r = find('91330108');
    expect(r.map((e) => e.uscc)).toEqual(ENTERPRISES.filter((e) => e.uscc.startsWith('91330108')).map((e) => e.uscc).sort());
  });

  it('a whole code finds its company; lower case and spaces are forgiven', () => {
    expect(find(first!.uscc).map((e) => e.name)).toEqual([first!.name]);
    expect(find(` ${first!.uscc.toLowerCase()} `).map((e) => e.uscc)).toEqual([first!.uscc]);
    expect(find(`${first!.uscc.slice(0, 6)} ${first!.uscc.slice(6, 12)}`).length).toBeGreaterThan(0);
  });

  it('the summary carries region, industry and legal representative', () => {
    expect(find(first!.uscc)[0]).toEqual({ uscc: first!.uscc, name: first!.name, regionCode: '330108', industryCode: null, legalRep: '张三' });
  });

  it('tells a USCC prefix from text', () => {
    expect(isUsccPrefix('91')).toBe(true);
    expect(isUsccPrefix('9133010')).toBe(true);
    expect(isUsccPrefix('9')).toBe(false); // one character is a name part
    expect(isUsccPrefix('0A')).toBe(false); // no registration authority 0
    expect(isUsccPrefix('91A3')).toBe(false); // positions 3–8 are the region code: digits
    expect(isUsccPrefix('滨江')).toBe(false);
  });

  it('a prefix no company has falls back to the name', () => {
    expect(find('9999')).toEqual([]);
  });
});

describe('enterprise lookup by any part of the name', () => {
  it('one character (bigram index, prefix)', () => {
    const r = names('泰');
    expect(r.sort()).toEqual(['宁波鄞州华泰贸易有限公司', '温州鹿城鑫泰电子商务有限公司'].sort());
    expect(names('滨')).toHaveLength(ENTERPRISES.filter((e) => e.name.includes('滨')).length);
  });

  it('two characters (one bigram token)', () => {
    expect(names('滨江')).toHaveLength(4);
    expect(names('华泰')).toEqual(['宁波鄞州华泰贸易有限公司']);
  });

  it('four characters and more (trigram index, checked on the name)', () => {
    expect(names('智能科技').sort()).toEqual(['杭州滨江智能科技有限公司', '杭州滨江智能科技有限公司滨江分公司']);
    expect(names('鑫泰电子商务')).toEqual(['温州鹿城鑫泰电子商务有限公司']);
    expect(names('江智能科技有')).toHaveLength(2);
    expect(names('智能装备有限公司')).toEqual(['杭州西湖智能装备有限公司']);
  });

  it('exact name first, then shorter names first', () => {
    expect(names('杭州滨江智能科技有限公司')).toEqual(['杭州滨江智能科技有限公司', '杭州滨江智能科技有限公司滨江分公司']);
    const r = names('滨江');
    expect(r[0]).toBe('滨江科技有限公司');
    const lengths = r.map((n) => [...n].length);
    expect(lengths).toEqual([...lengths].sort((a, b) => a - b));
  });

  it('several parts must all be in the name', () => {
    expect(names('杭州 新材料')).toEqual(['杭州滨江新材料科技有限公司']);
    expect(names('宁波 滨江')).toEqual([]);
  });

  it('a Latin or digit part matches whatever its case', () => {
    expect(names('5g')).toEqual(['杭州5G通信技术有限公司']);
    expect(names('5G通信')).toEqual(['杭州5G通信技术有限公司']);
  });

  it('respects the limit', () => {
    expect(find('有限公司', 3)).toHaveLength(3);
    expect(find('公', 2)).toHaveLength(2);
  });

  it('hostile input returns a list, never an error', () => {
    for (const q of ['"', '*', '"*', 'AND', 'NEAR(滨江)', '(', '滨江"', '^', ':', '-', '\\', '🙂', "' OR 1=1 --", '%', '!!!', '()()()', '滨"江', 'x'.repeat(100), '　', '\u0000']) {
      expect(() => find(q), q).not.toThrow();
    }
    expect(find('')).toEqual([]);
    expect(find('   ')).toEqual([]);
    expect(names('"滨江"')).toHaveLength(4);
  });
});

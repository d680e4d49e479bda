import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type Database from 'better-sqlite3';
import { searchPolicies } from '../../../electron/core/policies/search/policy-search';
import { invalidatePolicyFacts } from '../../../electron/core/policies/search/policy-facts';
import { PolicySearchInput, PolicySearchOutput } from '@shared/policies/api-schemas';
import { PolicyFileSchema, PolicySchema } from '@shared/policies/schemas';
import { AT, POLICIES, TODAY, loadPolicies, makeDb } from './fixtures';
import { upsertPolicies } from '../../../electron/core/policies/policy-store';

let db: Database.Database;
beforeAll(() => {
  db = makeDb();
  loadPolicies(db);
});
afterAll(() => db.close());

const search = (query: string, filters: Partial<PolicySearchInput['filters']> = {}, page: { limit?: number; offset?: number } = {}) => {
  const out = searchPolicies(db, PolicySearchInput.parse({ query, filters, ...page }), TODAY);
  PolicySearchOutput.parse(out); // always the contract's shape
  return out;
};
type PolicySearchInput = import('zod').input<typeof PolicySearchInput>;
const ids = (r: ReturnType<typeof search>) => r.hits.map((h) => h.id);
const marked = (segments: { text: string; hit: boolean }[]) => segments.filter((s) => s.hit).map((s) => s.text);

describe('policy search: what it finds', () => {
  it('a two-character query (bigram index) finds the policies that hold it', () => {
    const r = search('补贴');
    expect(r.mode).toBe('short');
    expect(ids(r)).toEqual(expect.arrayContaining(['talent', 'old-talent']));
    expect(ids(r)).not.toContain('rnd');
    expect(r.total).toBe(r.hits.length);
  });

  it('a three-character query (trigram index) finds a substring anywhere', () => {
    const r = search('集成电');
    expect(r.mode).toBe('trigram');
    expect(ids(r)).toEqual(['chip']);
  });

  it('an eight-character query finds the policy and marks the whole phrase', () => {
    const r = search('加快推进集成电路');
    expect(r.mode).toBe('trigram');
    expect(ids(r)).toEqual(['chip']);
    expect(marked(r.hits[0]!.titleHighlighted)).toEqual(['加快推进集成电路']);
  });

  it('an eight-character item name is found in the items, and shown there', () => {
    // the title says 研发费用税前加计扣除: the phrase is only in the item's name
    const r = search('研发费用加计扣除');
    expect(ids(r)).toEqual(['rnd']);
    expect(marked(r.hits[0]!.titleHighlighted)).toEqual([]);
    expect(r.hits[0]!.matchedItems).toEqual([{ id: 'rnd-1', name: '研发费用加计扣除' }]);
    expect(marked(r.hits[0]!.snippet)).toEqual(['研发费用加计扣除']);
  });

  it('a one-character query is a prefix query on the bigram index', () => {
    const r = search('补');
    expect(r.mode).toBe('short');
    expect(ids(r)).toEqual(expect.arrayContaining(['talent', 'chip', 'old-talent', 'fiveg']));
  });

  it('a whole doc number, a bracketed year and a doc-number prefix all find the policy', () => {
    expect(ids(search('滨政发〔2025〕12号'))[0]).toBe('talent');
    expect(ids(search('〔2025〕'))).toEqual(['talent']);
    expect(ids(search('财税〔2023〕'))).toEqual(['rnd']);
    expect(ids(search('国科发火'))).toEqual(['hnte']);
  });

  it('terms of both kinds are intersected (mixed)', () => {
    const r = search('人才 安家补贴');
    expect(r.mode).toBe('mixed');
    expect(ids(r)).toEqual(['talent']);
    expect(r.hits[0]!.matchedItems.map((i) => i.id)).toEqual(['talent-1', 'talent-2']);
  });

  it('every term must match', () => {
    expect(search('人才 集成电路').total).toBe(0);
    expect(search('集成电路 保险').total).toBe(1);
  });

  it('Latin letters match whatever their case', () => {
    expect(ids(search('5g'))).toEqual(['fiveg']);
    expect(ids(search('5G基站'))).toEqual(['fiveg']);
  });

  it('a query with no terms lists every policy, newest first', () => {
    const r = search('');
    expect(r.mode).toBe('all');
    expect(r.total).toBe(POLICIES.length);
    const dates = r.hits.map((h) => h.publishDate);
    expect(dates).toEqual([...dates].sort().reverse());
    expect(r.hits[0]!.snippet.length).toBeGreaterThan(0);
  });
});

describe('policy search: ranking', () => {
  it('puts a title hit first and active policies above expired ones', () => {
    const r = search('人才');
    const first = r.hits[0]!;
    expect(first.title).toContain('人才');
    expect(first.status).toBe('active');
    const statuses = r.hits.map((h) => h.status);
    expect(statuses.indexOf('expired')).toBeGreaterThan(statuses.lastIndexOf('active'));
  });

  it('a title hit outranks a policy that holds the term only in its text', () => {
    // 补贴 is in talent's text and items, in old-talent's title (but old-talent is expired)
    const r = search('补贴', { statuses: ['active', 'expired'] });
    expect(r.hits.at(-1)!.id).toBe('old-talent');
    const active = search('补助');
    expect(active.hits[0]!.title).toContain('补助');
  });

  it('pages with limit and offset, total counting every hit', () => {
    const all = search('', {}, { limit: 50 });
    const p1 = search('', {}, { limit: 3 });
    const p2 = search('', {}, { limit: 3, offset: 3 });
    const past = search('', {}, { limit: 3, offset: 30 });
    expect(p1.total).toBe(all.total);
    expect(p2.total).toBe(all.total);
    expect(past).toMatchObject({ total: all.total, hits: [] });
    expect([...ids(p1), ...ids(p2)]).toEqual(ids(all).slice(0, 6));
    const q1 = search('补', {}, { limit: 2 });
    const q2 = search('补', {}, { limit: 2, offset: 2 });
    expect(q1.total).toBe(search('补').total);
    expect(ids(q1).concat(ids(q2))).toEqual(ids(search('补')).slice(0, 4));
  });
});

describe('policy search: filters', () => {
  it('level + category + open for application combine', () => {
    const r = search('', { levels: ['district'], categories: ['award'], openForApplication: true });
    // talent: an item with no window (常年受理); fiveg likewise; quotes' window closed on 10-31; old-talent expired
    expect(ids(r).sort()).toEqual(['fiveg', 'talent']);
    expect(r.hits.every((h) => h.openForApplication)).toBe(true);
  });

  it('open for application counts an item whose window contains today', () => {
    expect(ids(search('集成电路', { openForApplication: true }))).toEqual(['chip']);
    expect(ids(search('专精特新', { openForApplication: true }))).toEqual([]);
  });

  it('filters apply to a query too, and the total is counted after them', () => {
    const r = search('人才', { levels: ['district'], statuses: ['active'] });
    expect(ids(r).sort()).toEqual(['school', 'talent']);
    expect(r.total).toBe(2);
  });

  it('department: any item handled by one of the departments', () => {
    expect(ids(search('', { departments: ['滨江区税务局'] }))).toEqual(['rnd']);
    expect(ids(search('', { departments: ['滨江区人才办', '滨江区教育局'] })).sort()).toEqual(['old-talent', 'school', 'talent']);
    expect(search('', { departments: ['没有这个部门'] }).total).toBe(0);
  });

  it('status and category', () => {
    expect(ids(search('', { statuses: ['repealed'] }))).toEqual(['hnte']);
    expect(ids(search('', { categories: ['rights', 'relief'] })).sort()).toEqual(['rnd', 'school']);
  });
});

describe('policy search: hits', () => {
  it('summaries carry departments, item count and the open flag', () => {
    const h = search('集成电路').hits[0]!;
    expect(h).toMatchObject({ id: 'chip', docNo: '杭政〔2024〕30号', level: 'city', category: 'award', itemCount: 2, departments: ['杭州市经信局'], openForApplication: true });
  });

  it('the title and the snippet mark what matched, from the original text', () => {
    const h = search('租房').hits[0]!;
    expect(h.id).toBe('talent');
    expect(h.titleHighlighted.map((s) => s.text).join('')).toBe(h.title);
    expect(marked(h.snippet)).toEqual(['租房']);
    expect(h.snippet.map((s) => s.text).join('').length).toBeLessThanOrEqual(84);
    expect(h.matchedItems).toEqual([{ id: 'talent-1', name: '人才租房补贴' }]);
  });

  it('a short and a long query highlight the same way', () => {
    const short = search('人才').hits.find((h) => h.id === 'school')!;
    const long = search('人才子女').hits[0]!;
    expect(marked(short.titleHighlighted)).toEqual(['人才']);
    expect(marked(long.titleHighlighted)).toEqual(['人才子女']);
  });
});

const HOSTILE = [
  '"', '""', '"""', "'", '*', '**', '补*', '*补', '^', '^补贴', ':', 'title:补贴', '{title}:补贴', '-', '-补贴', '补贴-',
  '(', ')', '()', '(补贴', '补贴)', 'AND', 'OR', 'NOT', 'NEAR', 'NEAR(补贴 人才)', '补贴 AND 人才', '补贴 OR', 'NOT 补贴',
  'AND OR NOT', '\\', '\\\\补贴', '\\"', '补"贴', '"补贴', '补贴"', '🙂', '补贴🙂人才', '👨‍👩‍👧', '\u0000', '\u200b补贴',
  '!@#$%^&*()_+-=[]{}|;:,.<>?/~`'.repeat(4).slice(0, 100), '。，、；：？！“”‘’（）【】《》…—'.repeat(5).slice(0, 100),
  "'; DROP TABLE policies; --", '1 OR 1=1', '" OR ""="', 'SELECT * FROM policies', '%', '_', '%补贴%', 'x'.repeat(100),
  '补'.repeat(100), '补贴 '.repeat(33), '人才 补贴 研发 集成电路 税 滨江 首台 保险 奖励 认定 高新 入学', 'あいう', '한국어', 'Ünïcödé',
  '𠀀𠀁', '\t\n\r', 'ＡＮＤ', '＂补贴＂', 'rowid', 'policy_search', '补贴 -人才', '+补贴', 'col:"x"',
];

describe('policy search: hostile input', () => {
  it.each(HOSTILE.map((q) => [JSON.stringify(q), q]))('%s returns results or an empty list, never an error', (_label, q) => {
    const r = search(q.slice(0, 100));
    expect(r.hits.length).toBeLessThanOrEqual(20);
    expect(r.total).toBeGreaterThanOrEqual(r.hits.length);
  });

  it('FTS syntax around words is ignored, the words are searched', () => {
    expect(ids(search('"补贴"')).sort()).toEqual(ids(search('补贴')).sort());
    expect(ids(search('NEAR(集成电路 保险)'))).toEqual(['chip']);
    expect(ids(search('(集成电路)*'))).toEqual(['chip']);
    expect(ids(search('{title}:集成电路'))).toEqual([]); // "title" is a word like any other, and no policy has it
    expect(ids(search('专精特新 AND 奖励'))).toEqual(['quotes']);
  });

  it('punctuation alone lists everything, as an empty box does', () => {
    expect(search('"()*:^').mode).toBe('all');
  });
});

describe('policy search: the library changes under it', () => {
  it('sees a new policy, a changed status and new items without being told', () => {
    const d = makeDb();
    loadPolicies(d, POLICIES.slice(0, 3));
    const run = (q: string, f: Partial<PolicySearchInput['filters']> = {}) => searchPolicies(d, PolicySearchInput.parse({ query: q, filters: f }), TODAY);
    expect(run('', { statuses: ['active'] }).total).toBe(3);
    d.transaction(() => upsertPolicies(d, [PolicySchema.parse(POLICIES[5]!)], AT))();
    expect(run('入学').hits.map((h) => h.id)).toEqual(['school']);
    const repealed = PolicySchema.parse({ ...POLICIES[0]!, status: 'repealed' });
    d.transaction(() => upsertPolicies(d, [repealed], AT))();
    expect(run('', { statuses: ['active'] }).total).toBe(3);
    expect(run('人才', { statuses: ['repealed'] }).hits.map((h) => h.id)).toEqual(['talent']);
    invalidatePolicyFacts(d);
    expect(run('人才', { statuses: ['repealed'] }).total).toBe(1);
    d.close();
  });
});

const SAMPLE = path.resolve(import.meta.dirname, '../../../resources/policies/sample-library.json');
describe.runIf(fs.existsSync(SAMPLE))('policy search over the sample library', () => {
  it('answers 2-, 3- and 4+-character queries with highlighted titles', () => {
    const d = makeDb();
    const file = PolicyFileSchema.parse(JSON.parse(fs.readFileSync(SAMPLE, 'utf8')));
    const policies = file.policies.flatMap((p) => {
      const r = PolicySchema.safeParse(p);
      return r.success ? [r.data] : [];
    });
    expect(policies.length).toBeGreaterThan(10);
    d.transaction(() => upsertPolicies(d, policies, AT))();
    for (const q of ['补贴', '奖励', '高新技术', '研发', '专精特新', '首台']) {
      const r = searchPolicies(d, PolicySearchInput.parse({ query: q }), TODAY);
      PolicySearchOutput.parse(r);
      expect(r.total, q).toBeGreaterThan(0);
      const first = r.hits[0]!;
      if (first.title.includes(q)) expect(first.titleHighlighted.some((s) => s.hit && s.text.includes(q))).toBe(true);
      else expect(first.snippet.some((s) => s.hit) || first.matchedItems.length > 0 || first.docNo.includes(q) || first.issuer.includes(q)).toBe(true);
    }
    d.close();
  });
});

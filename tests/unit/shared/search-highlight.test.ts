import { describe, expect, it } from 'vitest';
import { findHits, firstHit, highlight, opening, SNIPPET_WIDTH, snippet } from '@shared/search/highlight';

const marked = (s: { text: string; hit: boolean }[]) => s.filter((x) => x.hit).map((x) => x.text);
const joined = (s: { text: string }[]) => s.map((x) => x.text).join('');

describe('highlight', () => {
  it('marks every occurrence and keeps the text whole', () => {
    const s = highlight('人才租房补贴和人才安家补贴', ['补贴']);
    expect(joined(s)).toBe('人才租房补贴和人才安家补贴');
    expect(s).toEqual([
      { text: '人才租房', hit: false }, { text: '补贴', hit: true }, { text: '和人才安家', hit: false }, { text: '补贴', hit: true },
    ]);
  });

  it('merges overlapping and touching terms', () => {
    expect(findHits('研发费用加计扣除', ['研发费用', '费用加计', '扣除'])).toEqual([[0, 8]]);
    expect(marked(highlight('补贴补', ['补']))).toEqual(['补', '补']);
    expect(marked(highlight('集成电路设计', ['集成', '电路']))).toEqual(['集成电路']);
  });

  it('folds ASCII case, as the index does', () => {
    expect(marked(highlight('支持5G基站', ['5g']))).toEqual(['5G']);
  });

  it('no terms, no marks; no match, no marks', () => {
    expect(highlight('标题', [])).toEqual([{ text: '标题', hit: false }]);
    expect(highlight('标题', ['无'])).toEqual([{ text: '标题', hit: false }]);
    expect(highlight('', ['无'])).toEqual([]);
  });

  it('finds the first hit of any term', () => {
    expect(firstHit('甲乙丙丁', ['丁', '乙'])).toBe(1);
    expect(firstHit('甲乙丙丁', ['戊'])).toBe(-1);
  });
});

describe('snippet', () => {
  const text = `${'前文'.repeat(60)}。第五条 对新引进的博士研究生，给予每月3000元的租房补贴，最长不超过3年。${'后文'.repeat(60)}`;

  it('shows about 80 characters around the first hit, starting at its sentence, with ellipses', () => {
    const s = snippet(text, ['租房补贴'])!;
    expect(marked(s)).toEqual(['租房补贴']);
    expect(s[0]!.text.startsWith('…第五条')).toBe(true);
    expect(s.at(-1)!.text.endsWith('…')).toBe(true);
    expect(joined(s).length).toBeLessThanOrEqual(SNIPPET_WIDTH + 2);
  });

  it('no ellipsis where the text is not cut', () => {
    const s = snippet('对企业给予租房补贴。', ['补贴'])!;
    expect(joined(s)).toBe('对企业给予租房补贴。');
  });

  it('collapses whitespace and line breaks', () => {
    expect(joined(snippet('第一条\n\n  对企业   给予补贴', ['补贴'])!)).toBe('第一条 对企业 给予补贴');
  });

  it('null when nothing matches; the opening of the text instead', () => {
    expect(snippet(text, ['无此词'])).toBeNull();
    const o = opening(text);
    expect(marked(o)).toEqual([]);
    expect(joined(o)).toBe(`${text.slice(0, SNIPPET_WIDTH)}…`);
  });

  it('never cuts a character in half (emoji, rare characters)', () => {
    const t = `${'𠀀'.repeat(60)}补贴${'😀'.repeat(60)}`;
    const s = snippet(t, ['补贴'])!;
    const out = joined(s);
    expect(out).not.toMatch(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/);
    expect(marked(s)).toEqual(['补贴']);
  });
});

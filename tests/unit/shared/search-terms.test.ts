import { describe, expect, it } from 'vitest';
import { MAX_TERMS, charLength, ftsString, parseQuery } from '@shared/search/terms';
import { toBigramText } from '@shared/search/bigrams';

const view = (q: string) => parseQuery(q).map((t) => `${t.kind}:${t.fts}`);

describe('parseQuery', () => {
  it('cuts at whitespace and punctuation, Chinese and Western', () => {
    expect(parseQuery('人才，补贴。研发费用（加计扣除）').map((t) => t.text)).toEqual(['人才', '补贴', '研发费用', '加计扣除']);
    expect(parseQuery('  集成电路\t首台套 ').map((t) => t.text)).toEqual(['集成电路', '首台套']);
  });

  it('sends 3+ characters to the trigram index and 1–2 to the bigram index', () => {
    expect(view('研发费用 补贴 税')).toEqual(['trigram:"研发费用"', 'short:"补贴"', 'short:"税"*']);
    expect(view('首台套')).toEqual(['trigram:"首台套"']);
  });

  it('a short Latin or digit run is a lower-cased word-prefix query', () => {
    expect(view('5G')).toEqual(['short:"5g"*']);
    expect(view('AI')).toEqual(['short:"ai"*']);
    expect(view('G基')).toEqual(['short:"g"*', 'short:"基"*']);
  });

  it('turns FTS syntax into nothing: quotes, *, ^, :, -, parentheses, NEAR()', () => {
    expect(view('"补贴"* ^人才 title:研发 -税 (奖励) NEAR(a b)')).toEqual([
      'short:"补贴"', 'short:"人才"', 'trigram:"title"', 'short:"研发"', 'short:"税"*', 'short:"奖励"', 'short:"a"*', 'short:"b"*',
    ]);
  });

  it('drops AND / OR / NOT / NEAR beside other words, keeps them alone', () => {
    expect(parseQuery('人才 AND 补贴 OR NOT 研发').map((t) => t.text)).toEqual(['人才', '补贴', '研发']);
    expect(parseQuery('AND').map((t) => t.text)).toEqual(['AND']);
    expect(parseQuery('and 补贴').map((t) => t.text)).toEqual(['and', '补贴']);
  });

  it('nothing to search in punctuation, emoji or control characters', () => {
    for (const q of ['', '   ', '"', '()', '🙂👍', '。，、', '\u0000\u200b', '!@#$%^&*']) expect(parseQuery(q)).toEqual([]);
  });

  it('keeps a doc number searchable', () => {
    expect(parseQuery('杭政办函〔2025〕12号').map((t) => t.text)).toEqual(['杭政办函', '2025', '12号']);
  });

  it('repeats once, at most MAX_TERMS terms', () => {
    expect(parseQuery('补贴 补贴 Ab ab').map((t) => t.text)).toEqual(['补贴', 'Ab']);
    expect(parseQuery(Array.from({ length: 20 }, (_, i) => `词${i}`).join(' '))).toHaveLength(MAX_TERMS);
  });

  it('a short run the bigram index cannot hold can never match (kana, Hangul, accents)', () => {
    expect(parseQuery('あい')).toEqual([{ text: 'あい', kind: 'short', fts: '' }]);
    expect(parseQuery('あいう')[0]!.kind).toBe('trigram');
  });

  it('quotes FTS5 strings, doubling any quote', () => {
    expect(ftsString('a"b')).toBe('"a""b"');
    expect(charLength('𠀀𠀁')).toBe(2);
  });
});

describe('toBigramText (the bigram index text)', () => {
  it('cuts CJK runs into overlapping pairs plus the last character, Latin and digits into lower-case words', () => {
    expect(toBigramText('人才补贴')).toBe('人才 才补 补贴 贴');
    expect(toBigramText('5G基站，AI')).toBe('5g 基站 站 ai');
    expect(toBigramText('税')).toBe('税');
  });

  it('every one- and two-character part of the text is a token or a token prefix', () => {
    const text = '杭州滨江智能科技有限公司';
    const tokens = toBigramText(text).split(' ');
    for (let i = 0; i < text.length; i++) {
      expect(tokens.some((t) => t.startsWith(text[i]!))).toBe(true);
      if (i + 1 < text.length) expect(tokens).toContain(text.slice(i, i + 2));
    }
  });
});

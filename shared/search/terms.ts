// What a search box's text means: the terms a query is made of, and how each is looked up.
//
// The text is cut at whitespace and punctuation (anything that is not a letter or a digit), so FTS5
// syntax — quotes, *, ^, :, -, parentheses, NEAR(…) — never reaches the index as syntax. Every term
// must match (AND). A term of three or more characters is a substring query on the trigram index;
// a term of one or two characters goes to the bigram index (see bigrams.ts): a two-character Chinese
// term is one bigram token, a one-character term the prefix query "x"*, and a short run of Latin
// letters or digits a prefix query on that lower-cased word.

/** At most this many terms are used; the rest of a very long query is ignored. */
export const MAX_TERMS = 8;

export type TermKind = 'trigram' | 'short';

export interface SearchTerm {
  /** the term as typed (a run of letters and digits) */
  text: string;
  kind: TermKind;
  /** the FTS5 query for this one term: a quoted string, maybe with a trailing * */
  fts: string;
}

const WORD = /[\p{L}\p{N}]+/gu;
/** FTS5's operators, dropped when they stand alone beside other terms ("人才 AND 补贴"). */
const OPERATORS = new Set(['AND', 'OR', 'NOT', 'NEAR']);
/** What the bigram index holds (must agree with bigrams.ts): CJK runs and ASCII letter/digit runs. */
const SHORT_PART = /[\u3400-\u9fff\uf900-\ufaff]+|[A-Za-z0-9]+/g;

/** A string as an FTS5 string literal: in double quotes, any double quote doubled. */
export const ftsString = (s: string): string => `"${s.replace(/"/g, '""')}"`;

/** Length in characters (code points), as the trigram tokenizer counts. */
export const charLength = (s: string): number => {
  let n = 0;
  for (const _ of s) n++;
  return n;
};

function shortTerms(run: string): SearchTerm[] {
  const out: SearchTerm[] = [];
  for (const m of run.matchAll(SHORT_PART)) {
    const part = m[0];
    if (/^[A-Za-z0-9]/.test(part)) out.push({ text: part, kind: 'short', fts: `${ftsString(part.toLowerCase())}*` });
    else if (part.length === 2) out.push({ text: part, kind: 'short', fts: ftsString(part) });
    else out.push({ text: part, kind: 'short', fts: `${ftsString(part)}*` });
  }
  // a short run with a character the bigram index cannot hold (kana, Hangul, a letter with an
  // accent…) can match nothing: keep it, so the AND of all terms is honestly empty
  if (out.map((t) => t.text).join('') !== run) return [{ text: run, kind: 'short', fts: '' }];
  return out;
}

/** The terms of a query, in the order typed, without repeats; [] when it has none. */
export function parseQuery(query: string): SearchTerm[] {
  const words = [...query.matchAll(WORD)].map((m) => m[0]);
  const meaningful = words.filter((w) => !OPERATORS.has(w));
  const runs = meaningful.length > 0 ? meaningful : words;
  const seen = new Set<string>();
  const terms: SearchTerm[] = [];
  for (const run of runs) {
    const parts = charLength(run) >= 3 ? [{ text: run, kind: 'trigram' as const, fts: ftsString(run) }] : shortTerms(run);
    for (const t of parts) {
      const key = `${t.kind}:${t.text.toLowerCase()}`;
      if (seen.has(key)) continue;
      seen.add(key);
      terms.push(t);
    }
  }
  return terms.slice(0, MAX_TERMS);
}

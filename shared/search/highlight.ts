// Marking the parts of a text that a search matched, computed from the original text (never from
// FTS5's highlight(), so the trigram and the bigram index look the same to the clerk). Pure
// functions: the core uses them for search hits, the renderer may use them for its own text.

export interface Segment {
  text: string;
  hit: boolean;
}
/** Same shape as the contract's Highlighted. */
export type Segments = Segment[];

export const SNIPPET_WIDTH = 80;
const ELLIPSIS = '…';

/** Lower-cases ASCII letters only, so every index stays where it was (the trigram index folds case). */
const fold = (s: string): string => s.replace(/[A-Z]/g, (c) => c.toLowerCase());

/** The [start, end) ranges of every occurrence of any term, merged where they touch or overlap. */
export function findHits(text: string, terms: readonly string[]): [number, number][] {
  const hay = fold(text);
  const ranges: [number, number][] = [];
  for (const term of terms) {
    const needle = fold(term);
    if (needle === '') continue;
    for (let at = hay.indexOf(needle); at !== -1; at = hay.indexOf(needle, at + 1)) ranges.push([at, at + needle.length]);
  }
  ranges.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const merged: [number, number][] = [];
  for (const r of ranges) {
    const last = merged[merged.length - 1];
    if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1]);
    else merged.push([r[0], r[1]]);
  }
  return merged;
}

/** The index of the first occurrence of any term, or -1. */
export function firstHit(text: string, terms: readonly string[]): number {
  const hay = fold(text);
  let first = -1;
  for (const term of terms) {
    if (term === '') continue;
    const at = hay.indexOf(fold(term));
    if (at !== -1 && (first === -1 || at < first)) first = at;
  }
  return first;
}

function segments(text: string, ranges: readonly [number, number][], from = 0, to = text.length): Segments {
  const out: Segments = [];
  let at = from;
  for (const [s0, e0] of ranges) {
    const s = Math.max(s0, from);
    const e = Math.min(e0, to);
    if (e <= s) continue;
    if (s > at) out.push({ text: text.slice(at, s), hit: false });
    out.push({ text: text.slice(s, e), hit: true });
    at = e;
  }
  if (at < to) out.push({ text: text.slice(at, to), hit: false });
  return out;
}

/** The whole text, its matches marked. */
export function highlight(text: string, terms: readonly string[]): Segments {
  return segments(text, findHits(text, terms));
}

const isLowSurrogate = (c: number) => c >= 0xdc00 && c <= 0xdfff;
/** Moves an index off the middle of a surrogate pair (an emoji or a rare character). */
const onBoundary = (text: string, i: number, dir: -1 | 1): number =>
  i > 0 && i < text.length && isLowSurrogate(text.charCodeAt(i)) ? i + dir : i;

/**
 * A passage of about `width` characters around the first match, whitespace collapsed, with the
 * matches marked and an ellipsis where it was cut; null when the text does not contain any term.
 * The passage starts at the sentence the match is in when that is near, else a little before it.
 */
export function snippet(rawText: string, terms: readonly string[], width = SNIPPET_WIDTH): Segments | null {
  const text = rawText.replace(/\s+/g, ' ').trim();
  const hit = firstHit(text, terms);
  if (hit === -1) return null;
  return passage(text, terms, hit, width);
}

/** The opening of a text (no match to show), whitespace collapsed. */
export function opening(rawText: string, width = SNIPPET_WIDTH): Segments {
  const text = rawText.replace(/\s+/g, ' ').trim();
  return passage(text, [], 0, width);
}

function passage(text: string, terms: readonly string[], hit: number, width: number): Segments {
  const lead = Math.floor(width / 4);
  let start = Math.max(0, hit - lead);
  const sentence = Math.max(text.lastIndexOf('。', hit - 1), text.lastIndexOf('；', hit - 1), text.lastIndexOf('！', hit - 1), text.lastIndexOf('？', hit - 1));
  if (sentence !== -1 && sentence + 1 >= hit - lead * 2 && sentence + 1 <= hit) start = sentence + 1;
  let end = Math.min(text.length, start + width);
  if (end - start < width) start = Math.max(0, end - width);
  start = onBoundary(text, start, 1);
  end = onBoundary(text, end, -1);
  const body = segments(text, findHits(text, terms), start, end);
  if (start > 0) body.unshift({ text: ELLIPSIS, hit: false });
  if (end < text.length) body.push({ text: ELLIPSIS, hit: false });
  return joinPlain(body);
}

/** Merges neighbouring unmarked segments (so an ellipsis joins the text beside it). */
function joinPlain(list: Segments): Segments {
  const out: Segments = [];
  for (const s of list) {
    const last = out[out.length - 1];
    if (last && !last.hit && !s.hit) last.text += s.text;
    else out.push({ ...s });
  }
  return out;
}

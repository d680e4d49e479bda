import type { Condition, ProfileField } from './conditions';
import { describeLeaf, formatValue, FIELD_NAMES } from './describe';
import type { ConditionCheck } from './api-schemas';

// Three-valued (Kleene) evaluation of the condition language against an enterprise profile:
// a leaf on a value the company has not given is 'unknown', never 'unmet'.

export type MatchStatus = 'met' | 'unmet' | 'unknown';

export interface MatchProfile {
  values: Partial<Record<ProfileField, number | string | null>>;
  tags: { has(tag: string): boolean };
}

const and = (a: MatchStatus, b: MatchStatus): MatchStatus => (a === 'unmet' || b === 'unmet' ? 'unmet' : a === 'unknown' || b === 'unknown' ? 'unknown' : 'met');
const or = (a: MatchStatus, b: MatchStatus): MatchStatus => (a === 'met' || b === 'met' ? 'met' : a === 'unknown' || b === 'unknown' ? 'unknown' : 'unmet');
const not = (a: MatchStatus): MatchStatus => (a === 'met' ? 'unmet' : a === 'unmet' ? 'met' : 'unknown');
const bool = (b: boolean): MatchStatus => (b ? 'met' : 'unmet');

export function addYears(date: string, years: number): string {
  const y = Number(date.slice(0, 4)) + years;
  return `${String(y).padStart(4, '0')}${date.slice(4)}`;
}

function compare(actual: number | string, op: string, expected: number | string): boolean {
  switch (op) {
    case '=': return actual === expected;
    case '!=': return actual !== expected;
    case '>': return actual > expected;
    case '>=': return actual >= expected;
    case '<': return actual < expected;
    case '<=': return actual <= expected;
    default: return false;
  }
}

/** A leaf's status for a profile on a date (YYYY-MM-DD). */
export function leafStatus(c: Condition, p: MatchProfile, on: string): MatchStatus {
  if ('tag' in c) return bool(p.tags.has(c.tag));
  if (!('field' in c)) return 'unknown';
  const v = p.values[c.field];
  if (v === null || v === undefined || v === '') return 'unknown';
  if ('op' in c) {
    if (typeof c.value === 'number' && typeof v !== 'number') return 'unknown';
    return bool(compare(v, c.op, c.value));
  }
  if ('prefix' in c) return bool([c.prefix].flat().some((pre) => String(v).startsWith(pre)));
  if ('in' in c) return bool(c.in.includes(String(v)));
  if ('withinYears' in c) return bool(String(v) > addYears(on, -c.withinYears));
  return bool((c.from === undefined || String(v) >= c.from) && (c.to === undefined || String(v) <= c.to));
}

/** The status of a whole condition (null = no machine conditions = met). */
export function evaluate(c: Condition | null, p: MatchProfile, on: string): MatchStatus {
  if (!c) return 'met';
  if ('all' in c) return c.all.reduce<MatchStatus>((s, x) => (s === 'unmet' ? s : and(s, evaluate(x, p, on))), 'met');
  if ('any' in c) return c.any.reduce<MatchStatus>((s, x) => (s === 'met' ? s : or(s, evaluate(x, p, on))), 'unmet');
  if ('not' in c) return not(evaluate(c.not, p, on));
  return leafStatus(c, p, on);
}

/** Each leaf with its status and the value used, for the clerk to read. */
export function explain(c: Condition | null, p: MatchProfile, on: string): ConditionCheck[] {
  if (!c) return [];
  if ('all' in c) return c.all.flatMap((x) => explain(x, p, on));
  if ('any' in c || 'not' in c) {
    // a group is shown as one line: its own status, its leaves' values
    const leaves = explain('any' in c ? { all: c.any } : c.not, p, on);
    const prefix = 'any' in c ? '满足其一：' : '不得：';
    return [{
      description: prefix + leaves.map((l) => l.description).join('；'),
      status: evaluate(c, p, on),
      actual: leaves.map((l) => l.actual).join('；'),
    }];
  }
  const actual = 'tag' in c ? (p.tags.has(c.tag) ? `有“${c.tag}”` : `无“${c.tag}”`) : `${FIELD_NAMES[c.field]} ${formatValue(c.field, p.values[c.field])}`;
  return [{ description: describeLeaf(c), status: leafStatus(c, p, on), actual }];
}

/** How many top-level requirements fail: a near miss is exactly one unmet (and the rest met or unknown). */
export function unmetCount(c: Condition | null, p: MatchProfile, on: string): number {
  if (!c) return 0;
  const parts = 'all' in c ? c.all : [c];
  return parts.filter((x) => evaluate(x, p, on) === 'unmet').length;
}

import type { Condition } from './conditions';
import { addYears, leafStatus, type MatchProfile, type MatchStatus } from './evaluate';

// A condition compiled once into a function, for the loops that judge one condition against
// 500,000 companies or one company against 100,000 conditions: the same Kleene logic as
// `evaluate` (a unit test holds the two together on random conditions and profiles), without
// walking the JSON on every call.

export type Judge = (p: MatchProfile, on: string) => MatchStatus;

/** The condition as a function of the profile and the date: the same answer as `evaluate`. */
export function compile(c: Condition): Judge {
  if ('all' in c) {
    const parts = c.all.map(compile);
    return (p, on) => {
      let s: MatchStatus = 'met';
      for (const f of parts) {
        const r = f(p, on);
        if (r === 'unmet') return r;
        if (r === 'unknown') s = r;
      }
      return s;
    };
  }
  if ('any' in c) {
    const parts = c.any.map(compile);
    return (p, on) => {
      let s: MatchStatus = 'unmet';
      for (const f of parts) {
        const r = f(p, on);
        if (r === 'met') return r;
        if (r === 'unknown') s = r;
      }
      return s;
    };
  }
  if ('not' in c) {
    const inner = compile(c.not);
    return (p, on) => {
      const r = inner(p, on);
      return r === 'met' ? 'unmet' : r === 'unmet' ? 'met' : r;
    };
  }
  if ('tag' in c) {
    const tag = c.tag;
    return (p) => (p.tags.has(tag) ? 'met' : 'unmet');
  }
  // the leaves, each with leafStatus's rule for a missing value (unknown) inlined
  const field = c.field;
  const missing = (v: unknown) => v === null || v === undefined || v === '';
  if ('op' in c && typeof c.value === 'number') {
    const { op, value } = c;
    return (p) => {
      const v = p.values[field];
      if (missing(v) || typeof v !== 'number') return 'unknown';
      const ok = op === '>=' ? v >= value : op === '<=' ? v <= value : op === '>' ? v > value : op === '<' ? v < value : op === '=' ? v === value : v !== value;
      return ok ? 'met' : 'unmet';
    };
  }
  if ('prefix' in c) {
    const prefixes = [c.prefix].flat();
    return (p) => {
      const v = p.values[field];
      if (missing(v)) return 'unknown';
      const text = String(v);
      for (const pre of prefixes) if (text.startsWith(pre)) return 'met';
      return 'unmet';
    };
  }
  if ('in' in c) {
    const set = new Set(c.in);
    return (p) => {
      const v = p.values[field];
      return missing(v) ? 'unknown' : set.has(String(v)) ? 'met' : 'unmet';
    };
  }
  if ('withinYears' in c) {
    // the earliest date that counts, for the last date asked (the same for a whole loop)
    let lastOn = '';
    let after = '';
    return (p, on) => {
      const v = p.values[field];
      if (missing(v)) return 'unknown';
      if (on !== lastOn) {
        lastOn = on;
        after = addYears(on, -c.withinYears);
      }
      return String(v) > after ? 'met' : 'unmet';
    };
  }
  return (p, on) => leafStatus(c, p, on);
}

/** The top-level requirements of a condition: its `all` parts, or itself (none when null). */
export const topLevelParts = (c: Condition | null): Condition[] => (!c ? [] : 'all' in c ? c.all : [c]);

/**
 * The verdict of a condition for a profile, as one number: 0 met, -1 unknown, n > 0 the number of
 * top-level requirements unmet (1 = a near miss). Null conditions are always met.
 */
export function compileVerdict(c: Condition | null): (p: MatchProfile, on: string) => number {
  const parts = topLevelParts(c).map(compile);
  return (p, on) => {
    let unmet = 0;
    let unknown = false;
    for (const f of parts) {
      const r = f(p, on);
      if (r === 'unmet') unmet++;
      else if (r === 'unknown') unknown = true;
    }
    return unmet > 0 ? unmet : unknown ? -1 : 0;
  };
}

/**
 * The conditions as they apply: a local policy (one with a region code) is for companies registered
 * in its region, so its items require that region unless their own conditions already name one.
 */
export function effectiveCondition(c: Condition | null, policyRegion: string): Condition | null {
  if (!policyRegion) return c;
  const parts = topLevelParts(c);
  if (parts.some((x) => 'field' in x && x.field === 'regionCode')) return c;
  return { all: [{ field: 'regionCode', prefix: policyRegion }, ...parts] };
}

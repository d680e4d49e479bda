import type Database from 'better-sqlite3';
import { matchingProfile, type CertificateLike } from '@shared/enterprises/profile-rules';
import { PROFILE_FIELDS, type Condition, type ProfileField } from '@shared/matching/conditions';
import { compileVerdict } from '@shared/matching/compile';
import type { MatchProfile } from '@shared/matching/evaluate';

// Every company's matching profile on one date, held column-wise in memory, for "one item against
// all companies" (免申即享 candidates). Computing a profile costs microseconds and reading 500,000
// rows out of SQLite over a second, so neither can happen per item; here both happen once, on the
// first item match of the day (or after the companies or hand-set tags change), and an item is
// then judged against each company by its compiled condition (shared/matching/compile.ts).
// ~60 MB for 500,000 companies: numbers in Float64Arrays (NaN = not given), codes and dates as
// shared strings, tags as ids.

const FIELDS = Object.keys(PROFILE_FIELDS) as ProfileField[];
const NUMERIC = FIELDS.filter((f) => PROFILE_FIELDS[f].kind === 'number');
const TEXT = FIELDS.filter((f) => PROFILE_FIELDS[f].kind !== 'number');

interface Columns {
  on: string;
  count: number;
  rid: Int32Array;
  numbers: Record<string, Float64Array>;
  texts: Record<string, (string | null)[]>;
  /** the tags of company k are tagIds[tagStart[k] .. tagStart[k + 1]) */
  tagStart: Uint32Array;
  tagIds: Uint32Array;
  tagIdOf: Map<string, number>;
}

type Row = [
  rid: number, uscc: string, regionCode: string | null, industryCode: string | null, registrationDate: string | null,
  registeredCapital: number | null, employees: number | null, revenue: number | null, totalAssets: number | null,
  rndExpense: number | null, taxPaid: number | null, certificates: string,
];

export class EnterpriseProfiles {
  private columns: Columns | null = null;

  constructor(private readonly db: Database.Database) {}

  /** Call after companies or hand-set tags change. */
  invalidate(): void {
    this.columns = null;
  }

  /** Loads the profiles for `on` unless they are loaded already. */
  warm(on: string): void {
    if (this.columns?.on !== on) this.columns = load(this.db, on);
  }

  /** The rids of the companies that meet `condition` on `on`, in the order of region code, then name. */
  qualifying(condition: Condition | null, on: string): number[] {
    this.warm(on);
    const c = this.columns!;
    if (!condition) return Array.from(c.rid);
    let k = 0;
    // one reusable profile whose values and tags read company k's columns
    const values = {} as MatchProfile['values'];
    for (const f of NUMERIC) {
      const col = c.numbers[f]!;
      Object.defineProperty(values, f, { get: () => (Number.isNaN(col[k]) ? null : col[k]) });
    }
    for (const f of TEXT) {
      const col = c.texts[f]!;
      Object.defineProperty(values, f, { get: () => col[k] });
    }
    const tags = {
      has(tag: string): boolean {
        const id = c.tagIdOf.get(tag);
        if (id === undefined) return false;
        for (let j = c.tagStart[k]!; j < c.tagStart[k + 1]!; j++) if (c.tagIds[j] === id) return true;
        return false;
      },
    };
    const profile: MatchProfile = { values, tags };
    const verdict = compileVerdict(condition);
    const out: number[] = [];
    for (k = 0; k < c.count; k++) if (verdict(profile, on) === 0) out.push(c.rid[k]!);
    return out;
  }
}

function load(db: Database.Database, on: string): Columns {
  const count = db.prepare('SELECT count(*) FROM enterprises').pluck().get() as number;
  const manual = new Map<string, string[]>();
  for (const r of db.prepare('SELECT uscc, tag FROM enterprise_tags').iterate() as Iterable<{ uscc: string; tag: string }>) {
    manual.set(r.uscc, [...(manual.get(r.uscc) ?? []), r.tag]);
  }
  const rid = new Int32Array(count);
  const numbers = Object.fromEntries(NUMERIC.map((f) => [f, new Float64Array(count)]));
  const texts = Object.fromEntries(TEXT.map((f) => [f, new Array<string | null>(count).fill(null)]));
  const strings = new Map<string, string>();
  const shared = (s: string | number | null) => {
    if (s === null || typeof s !== 'string') return null;
    let v = strings.get(s);
    if (v === undefined) strings.set(s, (v = s));
    return v;
  };
  const tagIdOf = new Map<string, number>();
  const tagStart = new Uint32Array(count + 1);
  let tagIds = new Uint32Array(count * 4);
  let nTags = 0;
  const rows = db
    .prepare(
      `SELECT rid, uscc, region_code, industry_code, registration_date, registered_capital, employees, revenue,
              total_assets, rnd_expense, tax_paid, certificates
         FROM enterprises ORDER BY region_code, name`,
    )
    .raw()
    .iterate() as Iterable<Row>;
  let k = 0;
  for (const [id, uscc, regionCode, industryCode, registrationDate, registeredCapital, employees, revenue, totalAssets, rndExpense, taxPaid, certs] of rows) {
    if (k === count) break; // a row written since the count: picked up at the next load
    const certificates = certs === '[]' ? [] : (JSON.parse(certs) as CertificateLike[]);
    const p = matchingProfile(
      { regionCode, industryCode, registrationDate, registeredCapital, employees, revenue, totalAssets, rndExpense, taxPaid, certificates },
      on,
    );
    rid[k] = id;
    for (const f of NUMERIC) numbers[f]![k] = (p.values[f] as number | null) ?? NaN;
    for (const f of TEXT) texts[f]![k] = shared(p.values[f]);
    tagStart[k] = nTags;
    for (const tag of [...p.tagNames, ...(manual.get(uscc) ?? [])]) {
      let t = tagIdOf.get(tag);
      if (t === undefined) tagIdOf.set(tag, (t = tagIdOf.size));
      if (nTags === tagIds.length) {
        const grown = new Uint32Array(tagIds.length * 2);
        grown.set(tagIds);
        tagIds = grown;
      }
      tagIds[nTags++] = t;
    }
    k++;
  }
  tagStart[k] = nTags;
  return { on, count: k, rid, numbers, texts, tagStart, tagIds: tagIds.slice(0, nTags), tagIdOf };
}

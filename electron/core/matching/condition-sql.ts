import type { Condition, ProfileField } from '@shared/matching/conditions';

// A condition as an SQL expression over the enterprises table, used to narrow the companies before
// the exact check in JS. SQL's NULL logic is Kleene logic, like ours: a leaf SQL cannot judge
// (tags, computed fields) becomes NULL, which can only turn a definite answer into unknown, so
// `WHERE (expr) IS NOT 0` keeps every company the exact check could find eligible.

const COLUMNS: Partial<Record<ProfileField, string>> = {
  employees: 'employees', revenue: 'revenue', totalAssets: 'total_assets', rndExpense: 'rnd_expense',
  taxPaid: 'tax_paid', registeredCapital: 'registered_capital', regionCode: 'region_code',
  industryCode: 'industry_code', registrationDate: 'registration_date',
};
const OPS = new Set(['=', '!=', '>', '>=', '<', '<=']);

export function conditionToSql(c: Condition | null, params: unknown[]): string {
  if (!c) return '1';
  if ('all' in c) return `(${c.all.map((x) => conditionToSql(x, params)).join(' AND ')})`;
  if ('any' in c) return `(${c.any.map((x) => conditionToSql(x, params)).join(' OR ')})`;
  if ('not' in c) return `(NOT ${conditionToSql(c.not, params)})`;
  if ('tag' in c) return 'NULL';
  const col = COLUMNS[c.field];
  if (!col) return 'NULL';
  if ('op' in c) {
    if (!OPS.has(c.op)) return 'NULL';
    params.push(c.value);
    return `(${col} ${c.op === '=' ? '=' : c.op} ?)`;
  }
  if ('prefix' in c) {
    const parts = [c.prefix].flat().map((p) => {
      params.push(p, `${p}\uffff`);
      return `(${col} >= ? AND ${col} < ?)`;
    });
    return `(CASE WHEN ${col} IS NULL THEN NULL ELSE (${parts.join(' OR ')}) END)`;
  }
  if ('in' in c) {
    params.push(...c.in);
    return `(${col} IN (${c.in.map(() => '?').join(', ')}))`;
  }
  if ('withinYears' in c) return 'NULL'; // needs the date: judged exactly in JS
  const tests: string[] = [];
  if (c.from !== undefined) {
    tests.push(`${col} >= ?`);
    params.push(c.from);
  }
  if (c.to !== undefined) {
    tests.push(`${col} <= ?`);
    params.push(c.to);
  }
  return tests.length ? `(${tests.join(' AND ')})` : '1';
}

// Builds the sample data: resources/policies/sample-library.json and resources/enterprises/sample-enterprises.csv.
//   npx tsx scripts/sample-data/build.ts
// Validates every policy, checks ids are unique, and prints how the sample companies match (on 2026-11-27).
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { evaluate, unmetCount } from '../../shared/matching/evaluate';
import { matchingProfile, type CertificateLike } from '../../shared/enterprises/profile-rules';
import { POLICY_FORMAT, PolicySchema, type Policy } from '../../shared/policies/schemas';
import { enterprisesCsv, SAMPLE_ENTERPRISES, type SampleEnterprise } from './enterprises';
import { COMMERCE_POLICIES } from './policies-commerce';
import { INDUSTRY_POLICIES } from './policies-industry';
import { QUALIFICATION_POLICIES } from './policies-qualification';
import { RIGHTS_POLICIES } from './policies-rights';
import { TALENT_POLICIES } from './policies-talent';
import { TAX_POLICIES } from './policies-tax';
import { TECH_POLICIES } from './policies-tech';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const TODAY = '2026-11-27';

const drafts = [
  ...TECH_POLICIES, ...INDUSTRY_POLICIES, ...TALENT_POLICIES, ...TAX_POLICIES,
  ...COMMERCE_POLICIES, ...RIGHTS_POLICIES, ...QUALIFICATION_POLICIES,
];

const policies: Policy[] = [];
const ids = new Set<string>();
for (const d of drafts) {
  const r = PolicySchema.safeParse(d);
  if (!r.success) throw new Error(`${d.id}: ${r.error.issues.map((i) => `${i.path.join('.')} ${i.message}`).join('; ')}`);
  for (const id of [r.data.id, ...r.data.items.map((i) => i.id)]) {
    if (ids.has(id)) throw new Error(`duplicate id ${id}`);
    ids.add(id);
  }
  const n = [...r.data.fullText].length;
  if (n < 300 || n > 800) throw new Error(`${d.id}: fullText ${n} characters`);
  policies.push(r.data);
}

const file = { format: POLICY_FORMAT, source: 'PolicyDesk 示例政策库（虚构内容，仅供演示和测试）', policies };
const jsonPath = resolve(ROOT, 'resources/policies/sample-library.json');
mkdirSync(dirname(jsonPath), { recursive: true });
writeFileSync(jsonPath, JSON.stringify(file, null, 2) + '\n');

const csvPath = resolve(ROOT, 'resources/enterprises/sample-enterprises.csv');
mkdirSync(dirname(csvPath), { recursive: true });
writeFileSync(csvPath, enterprisesCsv());

// ---- summary -------------------------------------------------------------------------------------

function certificates(e: SampleEnterprise): CertificateLike[] {
  const out: CertificateLike[] = [];
  if (e.hnteValidTo) out.push({ type: 'hnte', validFrom: null, validTo: e.hnteValidTo });
  if (e.srdiValidTo) out.push({ type: 'srdi', validFrom: null, validTo: e.srdiValidTo });
  if (e.tsmeYear) out.push({ type: 'tsme', validFrom: `${e.tsmeYear}-01-01`, validTo: `${e.tsmeYear}-12-31` });
  return out;
}

const items = policies.flatMap((p) => p.items.map((i) => ({ p, i })));
const count = <T>(xs: T[], f: (x: T) => string) => xs.reduce<Record<string, number>>((a, x) => ({ ...a, [f(x)]: (a[f(x)] ?? 0) + 1 }), {});
const open = items.filter(({ i }) => i.window && i.window.start <= TODAY && TODAY <= i.window.end);
console.log(`policies ${policies.length}, items ${items.length}, companies ${SAMPLE_ENTERPRISES.length}`);
console.log('category', count(policies, (p) => p.category), 'level', count(policies, (p) => p.level), 'status', count(policies, (p) => p.status));
console.log(`departments ${new Set(items.map(({ i }) => i.department)).size}, open on ${TODAY}: ${open.length}, 免申即享 ${items.filter(({ i }) => i.deliveryMode === 'no_application').length}`);

const active = items.filter(({ p }) => p.status === 'active');
let nearTotal = 0;
for (const e of SAMPLE_ENTERPRISES) {
  const { values, tagNames } = matchingProfile({ ...e, certificates: certificates(e) }, TODAY);
  const prof = { values, tags: new Set(tagNames) };
  const met = active.filter(({ i }) => i.conditions && evaluate(i.conditions, prof, TODAY) === 'met');
  const near = active.filter(({ i }) => i.conditions && unmetCount(i.conditions, prof, TODAY) === 1);
  nearTotal += near.length;
  if (process.argv.includes('-v')) console.log(`${e.name}: met ${met.length}, near ${near.length} [${values.size}] ${near.map(({ i }) => i.id).join(' ')}`);
}
console.log(`near misses (one unmet) over all companies: ${nearTotal}`);

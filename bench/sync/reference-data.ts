import fs from 'node:fs';
import path from 'node:path';
import { checkPolicyFile } from '@shared/policies/check-file';
import { checkTable, decodeText, parseCsv } from '@shared/enterprises/import-table';
import { FEED } from '@shared/sync/feed';
import { chinaDate } from '@shared/time/china-time';
import { generateEnterprises, generatePolicies, type GeneratedEnterprise } from '../policy/generate';
import { Rng } from '../policy/prng';

// The reference data of the first-pull benchmark, as the centre's administrator publishes it: a
// policydesk.policies/1 file and an enterprise CSV in the import template, from the policy
// benchmark's generators (bench/policy/generate.ts: the same 20,000 policies and 500,000
// enterprises). Kept in `dir` between runs. `records()` reads them back as the centre's publish
// commands do, for the PouchDB peer (the same payloads, one document each).

export interface ReferenceFiles {
  policies: string;
  enterprises: string;
  /** a policy title and an enterprise name to search for once pulled */
  probe: { policyTitle: string; enterpriseName: string };
}

const HEADER = ['统一社会信用代码', '企业名称', '法定代表人', '行政区划代码', '行业代码', '成立日期', '注册资本（万元）', '从业人员', '营业收入（万元）', '资产总额（万元）', '研发费用（万元）', '纳税额（万元）', '联系人', '联系电话', '高新技术企业证书有效期至', '专精特新有效期至', '科技型中小企业入库年度'];

function csvRow(e: GeneratedEnterprise): string {
  const certs = JSON.parse(e.certificates) as { type: string; validFrom: string; validTo: string | null }[];
  const cert = (type: string) => certs.find((c) => c.type === type);
  const cells = [
    e.uscc, e.name, e.legal_rep, e.region_code, e.industry_code, e.registration_date, e.registered_capital, e.employees, e.revenue,
    e.total_assets, e.rnd_expense, e.tax_paid, e.contact_name, e.contact_phone,
    cert('hnte')?.validTo, cert('srdi')?.validTo, cert('tsme')?.validFrom.slice(0, 4),
  ];
  return cells.map((c) => (c === null || c === undefined ? '' : /[",\n]/.test(String(c)) ? `"${String(c).replace(/"/g, '""')}"` : String(c))).join(',');
}

export function makeReferenceFiles(dir: string, sizes: { policies: number; enterprises: number }): ReferenceFiles {
  const base = path.join(dir, `reference-${sizes.policies}-${sizes.enterprises}`);
  const files = { policies: `${base}.policies.json`, enterprises: `${base}.enterprises.csv`, probe: `${base}.probe.json` };
  if (!fs.existsSync(files.probe)) {
    fs.mkdirSync(dir, { recursive: true });
    const policies = [];
    for (const p of generatePolicies(new Rng(2026))) {
      policies.push(p);
      if (policies.length >= sizes.policies) break;
    }
    fs.writeFileSync(files.policies, JSON.stringify({ format: 'policydesk.policies/1', source: 'PolicyDesk 同步基准（生成数据）', policies }));
    const out = fs.openSync(files.enterprises, 'w');
    fs.writeSync(out, `${HEADER.join(',')}\n`);
    let n = 0;
    let enterpriseName = '';
    for (const e of generateEnterprises(new Rng(2027))) {
      fs.writeSync(out, `${csvRow(e)}\n`);
      if (n === Math.floor(sizes.enterprises / 2)) enterpriseName = e.name;
      if (++n >= sizes.enterprises) break;
    }
    fs.closeSync(out);
    const policy = policies[Math.floor(policies.length / 2)]!;
    fs.writeFileSync(files.probe, JSON.stringify({ policyTitle: policy.title, enterpriseName }));
  }
  return { policies: files.policies, enterprises: files.enterprises, probe: JSON.parse(fs.readFileSync(files.probe, 'utf8')) as ReferenceFiles['probe'] };
}

/** The records the centre publishes from these files (server/admin/publish-files.ts), with their feed kind. */
export function* publishedRecords(files: ReferenceFiles, today: Date): Generator<{ entity: string; id: string; payload: unknown }> {
  const policies = checkPolicyFile(fs.readFileSync(files.policies, 'utf8'));
  if (policies.refused) throw new Error('the generated policy file is refused');
  for (const p of policies.good) yield { entity: FEED.policyUpsert.entity, id: p.id, payload: p };
  const table = { rows: parseCsv(decodeText(fs.readFileSync(files.enterprises))).map((cells, i) => ({ n: i + 1, cells })) };
  const check = checkTable(table, chinaDate(today));
  if ('refused' in check) throw new Error(`the generated enterprise file is refused: ${check.refused}`);
  for (const { data } of check.good.values()) yield { entity: FEED.enterpriseUpsert.entity, id: data.uscc, payload: data };
}

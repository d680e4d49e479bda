import fs from 'node:fs';
import path from 'node:path';
import type { MethodInput, MethodOutput } from '@shared/api/contract';
import { makeCore, RESOURCES, withStaff, type TestCore } from './core';

// A counter workstation ready for 申报受理: staff signed in, the sample enterprises imported, and
// a way to open an application of the sample item for the sample company.

export const COMPANY = '91330108MA2BYF300E'; // 杭州云栖智联科技有限公司 (sample enterprises)
export const ITEM = 'HZ-KJ-2024-03-01'; // 企业研发投入补助, 市科技局, 45 working days, 5 materials (the last 可容缺)

export const COUNTER_STAFF = {
  clerk: { username: 'clerk', displayName: '李娜', roles: ['counter'] },
  phone: { username: 'phone', displayName: '热线小王', roles: ['hotline'] },
  keeper: { username: 'keeper', displayName: '后台小周', roles: ['backoffice'] },
} satisfies Record<string, { username: string; displayName: string; roles: MethodInput<'staffCreate'>['roles'] }>;

export interface Counter {
  tc: TestCore;
  /** sessions by username: admin, clerk, phone, keeper */
  s: Record<string, string>;
  /** a new application of ITEM for COMPANY, taken by the clerk */
  create(): Promise<MethodOutput<'applicationCreate'>>;
}

export async function counterWithCompanies(opts: Parameters<typeof makeCore>[0] = {}): Promise<Counter> {
  const tc = makeCore(opts);
  const s = await withStaff(tc, Object.values(COUNTER_STAFF));
  const csv = fs.readFileSync(path.join(RESOURCES, 'enterprises', 'sample-enterprises.csv'));
  await tc.call('enterpriseImport', { fileName: 'sample-enterprises.csv', contentBase64: csv.toString('base64') }, s.keeper);
  return {
    tc, s,
    create: () => tc.call('applicationCreate', { uscc: COMPANY, itemId: ITEM, contactName: '王佳', contactPhone: '13957101001' }, s.clerk!),
  };
}

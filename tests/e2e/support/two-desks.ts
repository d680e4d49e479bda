import fs from 'node:fs';
import path from 'node:path';
import { test as base, type Page } from '@playwright/test';
import type { MethodOutput } from '@shared/api/contract';
import { createEnrolCode } from '../../../server/devices/enrolment';
import { startTestCentral, type TestCentral } from '../../helpers/central';
import { startHostProcess, type RunningHost } from '../../helpers/web-host-process';
import { callApi } from './api';
import { BUSINESS, CLERK, BACKOFFICE, centreWith, importSampleEnterprises } from './policy';

// Two workstations and a centre, for the stories that cross them (issue 5: counter → back office →
// counter): the real centre (server/central.ts on PGlite in a temp folder) on loopback, and two web
// hosts with their own data folders, each set up and enrolled as an administrator would — the counter
// with a code for no department, the back office with a code for the item's department.

const ROOT = path.resolve(import.meta.dirname, '../../..');

export interface Desk {
  host: RunningHost;
  /** each account's API session, and 'admin' */
  sessions: Record<string, string>;
  /** one sync round now (push, then pull), as 立即同步 does */
  sync(): Promise<MethodOutput<'syncStatus'>>;
}

export interface TwoDesks {
  centre: TestCentral;
  /** 窗口: the counter clerk (CLERK) and the library keeper (BACKOFFICE) */
  counter: Desk;
  /** 业务科室: the business officer (BUSINESS), enrolled for `department` */
  office: Desk;
  department: string;
}

export interface PlainItem {
  policyTitle: string;
  itemName: string;
  department: string;
  materials: { name: string; required: boolean }[];
}

/**
 * An item of the sample library open all year that is applied for, with 2+ materials and no expert
 * review, so its back-office path is 审核通过 → 公示 → 兑现.
 */
export function plainItem(): PlainItem {
  const lib = JSON.parse(fs.readFileSync(path.join(ROOT, 'resources/policies/sample-library.json'), 'utf8')) as {
    policies: { title: string; items: { name: string; department: string; window?: unknown; deliveryMode: string; needsExpertReview?: boolean; materials?: PlainItem['materials'] }[] }[];
  };
  for (const p of lib.policies) {
    for (const it of p.items) {
      const m = it.materials ?? [];
      if (it.window || it.deliveryMode === 'no_application' || it.needsExpertReview || m.length < 2) continue;
      return { policyTitle: p.title, itemName: it.name, department: it.department, materials: m.map((x) => ({ name: x.name, required: x.required })) };
    }
  }
  throw new Error('the sample library has no item open all year without expert review');
}

async function desk(host: RunningHost, centre: TestCentral, accounts: Parameters<typeof centreWith>[1], departments: string[], deviceName: string): Promise<Desk> {
  const sessions = await centreWith(host, accounts);
  const { code } = await createEnrolCode(centre.central.db, { departments, ttlHours: 1 });
  await callApi(host, 'syncEnrol', { centreUrl: centre.url, code, deviceName }, sessions.admin);
  return { host, sessions, sync: () => callApi(host, 'syncNow', {}, sessions.admin) };
}

/** The centre and both workstations, ready; `close` stops them all. */
export async function startTwoDesks(department = plainItem().department): Promise<TwoDesks & { close(): Promise<void> }> {
  const centre = await startTestCentral('pglite');
  const hosts: RunningHost[] = [];
  try {
    // one after the other: on a loaded 2-core machine two first starts at once can pass the host's start timeout
    const counterHost = await startHostProcess();
    hosts.push(counterHost);
    const officeHost = await startHostProcess();
    hosts.push(officeHost);
    const counter = await desk(counterHost, centre, [CLERK, BACKOFFICE], [], '1号综合窗口');
    await importSampleEnterprises(counterHost, counter.sessions[BACKOFFICE.username]!);
    const office = await desk(officeHost, centre, [BUSINESS], [department], `${department}业务审核`);
    return {
      centre, counter, office, department,
      async close() {
        await Promise.all(hosts.map((h) => h.stop()));
        await centre.close();
      },
    };
  } catch (e) {
    await Promise.all(hosts.map((h) => h.stop()));
    await centre.close();
    throw e;
  }
}

/**
 * The Playwright fixture: `desks` (started per test), `page` on the counter's screen and
 * `officePage`, a second browser context on the back office's screen.
 */
export const test = base.extend<{ desks: TwoDesks; officePage: Page }>({
  desks: async ({}, use) => {
    const desks = await startTwoDesks();
    await use(desks);
    await desks.close();
  },
  officePage: async ({ browser }, use) => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await use(page);
    await context.close();
  },
});
export { expect } from '@playwright/test';

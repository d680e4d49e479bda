import fs from 'node:fs';
import sharp from 'sharp';
import { afterEach, beforeAll, expect, it } from 'vitest';
import { namedBlobs } from '../../../electron/core/applications/blob-collector';
import { BlobStore, sha256 } from '../../../electron/core/materials/blob-store';
import { blobsOfMutation } from '../../../electron/core/sync/mutation-blobs';
import { dueStateOf } from '@shared/backoffice/due';
import { makeCore, withStaff, type TestCore } from '../../helpers/core';
import { counterWithCompanies, type Counter } from '../../helpers/counter';
import { centreSuite } from '../../helpers/central';
import { startSyncCentre, type SyncTestCentre } from '../sync/centre';

// Issue 5 §3: an application accepted and routed at the counter reaches the department's
// workstation through the real centre (PGlite, and PostgreSQL with PG_TEST_URL), the business
// officer decides, and each decision comes back to the accepting counter, which delivers the result.

let central: SyncTestCentre;
const open: TestCore[] = [];
afterEach(() => {
  for (const t of open.splice(0)) t.close();
});

const DEPARTMENT = '市科技局'; // the sample item's department (tests/helpers/counter.ts ITEM)

/** A scanned page, a PNG of its own (a bar at the page's height). */
const pagePng = (n: number) =>
  sharp({ create: { width: 827, height: 1169, channels: 3, background: '#fff' } })
    .composite([{ input: Buffer.from(`<svg width="827" height="1169"><rect x="80" y="${100 + n * 120}" width="600" height="40"/></svg>`) }])
    .png()
    .toBuffer();

async function enrolledCounter(): Promise<Counter> {
  const c = await counterWithCompanies({ sync: { background: false } });
  open.push(c.tc);
  await c.tc.call('syncEnrol', { centreUrl: central.url, code: await central.enrolCode(), deviceName: '3号窗口' }, c.s.admin);
  return c;
}

/** A department's workstation: enrolled with a code naming its department, one business officer. */
async function backOffice(department: string, deviceName: string) {
  const tc = makeCore({ sync: { background: false } });
  open.push(tc);
  const s = await withStaff(tc, [{ username: 'officer', displayName: '科技局张科长', roles: ['business'] }]);
  await tc.call('syncEnrol', { centreUrl: central.url, code: await central.enrolCode([department]), deviceName }, s.admin);
  return { tc, s };
}

/** Accepted with a two-page scan on the first material, every material present, then routed. */
async function routedApplication(c: Counter) {
  let app = await c.create();
  const files = await Promise.all([1, 2].map(async (n) => ({ name: `第${n}页.png`, base64: (await pagePng(n)).toString('base64') })));
  app = (await c.tc.call('applicationPagesAdd', { applicationId: app.id, materialId: app.materials[0]!.id, files }, c.s.clerk)).application;
  for (const m of app.materials) app = await c.tc.call('applicationMaterialMark', { applicationId: app.id, materialId: m.id, state: 'present' }, c.s.clerk);
  app = await c.tc.call('applicationDecide', { id: app.id, decision: 'accept' }, c.s.clerk);
  app = await c.tc.call('applicationRoute', { id: app.id }, c.s.clerk);
  expect(app.state).toBe('routed');
  return app;
}

const sync = (t: { tc: TestCore; s: Record<string, string> }) => t.tc.call('syncNow', {}, t.s.admin);

/** A counter and its department's workstation, an application routed from the one and synced to the other. */
async function caseAtDepartment() {
  const counter = await enrolledCounter();
  const bo = await backOffice(DEPARTMENT, '市科技局业务科');
  const app = await routedApplication(counter);
  await sync(counter);
  await sync(bo);
  return { counter, bo, app };
}
const outboxCount = (t: TestCore) => t.count('outbox');

/** Every back-office table, as rows, to compare before and after. */
const backOfficeTables = (t: TestCore) =>
  ['backoffice_cases', 'backoffice_materials', 'backoffice_counter_events', 'backoffice_decisions'].map((table) =>
    t.core.db!.prepare(`SELECT * FROM ${table} ORDER BY 1, 2`).all(),
  );

centreSuite('the back office', (c) => {
  beforeAll(() => {
    central = c;
  });

  it('a routed application reaches its department with its scans; each decision comes back to the counter, which delivers', async () => {
    const counter = await enrolledCounter();
    const bo = await backOffice(DEPARTMENT, '市科技局业务科');
    const other = await backOffice('区发改局', '区发改局业务科');
    const app = await routedApplication(counter);
    // the routed step is self-sufficient, and names the PDFs it needs (uploaded before it)
    const routed = JSON.parse(counter.tc.core.db!.prepare("SELECT payload FROM outbox WHERE op = 'routed'").pluck().get() as string) as Record<string, unknown>;
    expect(routed.snapshot).toMatchObject({ caseNo: app.caseNo, department: DEPARTMENT, acceptedBy: '李娜', counterName: '3号窗口' });
    expect(blobsOfMutation('application', routed)).toEqual([app.materials[0]!.pdfSha256]);
    await sync(counter);

    // the department's inbox: the case, with everything the counter knew
    await sync(bo);
    const inbox = await bo.tc.call('backOfficeInbox', { filter: 'open', query: '' }, bo.s.officer);
    expect(inbox.map((x) => x.caseNo)).toEqual([app.caseNo]);
    expect(inbox[0]).toMatchObject({ id: app.id, enterpriseName: app.enterpriseName, itemName: app.itemName, department: DEPARTMENT, dueDate: app.dueDate, stage: 'pending', materialsReady: true });
    let c = await bo.tc.call('backOfficeCase', { id: app.id }, bo.s.officer);
    expect(c).toMatchObject({ contactName: '王佳', contactPhone: '13957101001', acceptedBy: '李娜', counterName: '3号窗口', allowed: ['review_approved', 'review_returned'] });
    expect(c.materials.map((m) => m.name)).toEqual(app.materials.map((m) => m.name));
    expect(c.materials[0]).toMatchObject({ pageCount: 2, pdfSha256: app.materials[0]!.pdfSha256, available: true });
    expect(c.counterHistory.map((e) => e.kind)).toContain('routed');
    expect(c.counterHistory.find((e) => e.kind === 'routed')!.staffName).toBe('李娜');
    // the material PDF, byte for byte as the counter has it; kept by the blob collector
    const here = await bo.tc.call('backOfficeMaterialPdf', { caseId: app.id, materialId: app.materials[0]!.id }, bo.s.officer);
    const there = await counter.tc.call('materialPdf', { applicationId: app.id, materialId: app.materials[0]!.id }, counter.s.clerk);
    expect(here.mimeType).toBe('application/pdf');
    expect(here.base64).toBe(there.base64);
    expect(namedBlobs(bo.tc.core.db!).has(app.materials[0]!.pdfSha256!)).toBe(true);

    // another department never sees it
    await sync(other);
    expect(await other.tc.call('backOfficeInbox', { filter: 'all', query: '' }, other.s.officer)).toEqual([]);
    expect((await other.tc.fail('backOfficeCase', { id: app.id }, other.s.officer)).code).toBe('NOT_FOUND');

    // 审核通过 → 专家评审通过 → 公示 → 兑现
    c = await bo.tc.call('backOfficeDecide', { id: app.id, decision: 'review_approved', note: '材料齐全' }, bo.s.officer);
    expect(c.stage).toBe('approved');
    c = await bo.tc.call('backOfficeDecide', { id: app.id, decision: 'expert_reviewed', result: 'passed', note: '' }, bo.s.officer);
    expect(c.stage).toBe('expert_passed');
    c = await bo.tc.call('backOfficeDecide', { id: app.id, decision: 'publicized', from: '2026-11-30', to: '2026-12-04', note: '' }, bo.s.officer);
    c = await bo.tc.call('backOfficeDecide', { id: app.id, decision: 'paid', amountFen: 1_200_000, paidOn: '2026-12-01', note: '' }, bo.s.officer);
    expect(c).toMatchObject({ stage: 'paid', allowed: [] });
    expect(await bo.tc.call('backOfficeInbox', { filter: 'open', query: '' }, bo.s.officer)).toEqual([]);
    expect((await bo.tc.call('backOfficeInbox', { filter: 'done', query: app.caseNo }, bo.s.officer)).map((x) => x.id)).toEqual([app.id]);
    await sync(bo);

    // the counter: each decision in order, the result ready to deliver; nothing pushed back out
    const before = outboxCount(counter.tc);
    await sync(counter);
    expect(outboxCount(counter.tc)).toBe(before);
    let seen = await counter.tc.call('applicationGet', { id: app.id }, counter.s.clerk);
    expect(seen.backOffice?.decisions.map((d) => d.decision)).toEqual(['review_approved', 'expert_reviewed', 'publicized', 'paid']);
    expect(seen.backOffice).toMatchObject({ stage: 'paid', resultReady: true, suggestedResult: '已兑现 ¥12,000.00（2026年12月1日）' });
    expect(seen.backOffice!.decisions[3]).toMatchObject({ amountFen: 1_200_000, paidOn: '2026-12-01', staffName: '科技局张科长' });
    expect(seen.events.filter((e) => e.kind === 'publicized').map((e) => e.summary)).toEqual(['公示（2026年11月30日至2026年12月4日）']);
    // the company's progress query shows the department's steps too
    const progress = await counter.tc.call('applicationProgress', { queryCode: app.queryCode }, counter.s.clerk);
    expect(progress.timeline.map((e) => e.summary).slice(-4)).toEqual(['审核通过', '专家评审通过', '公示（2026年11月30日至2026年12月4日）', '已兑现 ¥12,000.00（2026年12月1日）']);
    seen = await counter.tc.call('applicationDeliver', { id: app.id, method: 'window', recipient: '王佳', result: seen.backOffice!.suggestedResult }, counter.s.clerk);
    expect(seen.state).toBe('delivered');
    expect(seen.delivery?.result).toBe('已兑现 ¥12,000.00（2026年12月1日）');

    // the department sees the delivery in the counter's history
    await sync(counter);
    await sync(bo);
    c = await bo.tc.call('backOfficeCase', { id: app.id }, bo.s.officer);
    expect(c.counterHistory.map((e) => e.kind)).toContain('delivered');
    expect(c.stage).toBe('paid');
  }, 120_000);

  it('退回补正 puts the counter in 补正; after the supplement and a new routing the case is pending again, its history kept', async () => {
    const { counter, bo, app } = await caseAtDepartment();
    await bo.tc.call('backOfficeDecide', { id: app.id, decision: 'review_returned', reason: '审计报告缺少盖章页', note: '' }, bo.s.officer);
    expect((await bo.tc.call('backOfficeInbox', { filter: 'open', query: '' }, bo.s.officer))).toEqual([]);
    await sync(bo);
    await sync(counter);

    let seen = await counter.tc.call('applicationGet', { id: app.id }, counter.s.clerk);
    expect(seen).toMatchObject({ state: 'correction', reason: '审计报告缺少盖章页' });
    expect(seen.backOffice).toMatchObject({ stage: 'returned', resultReady: false, suggestedResult: '' });

    // the supplement, accepted again, routed again
    seen = await counter.tc.call('applicationSupplement', { id: app.id }, counter.s.clerk);
    expect(seen.state).toBe('receiving');
    seen = await counter.tc.call('applicationDecide', { id: app.id, decision: 'accept' }, counter.s.clerk);
    seen = await counter.tc.call('applicationRoute', { id: app.id }, counter.s.clerk);
    expect(seen.backOffice?.stage).toBe('pending');
    await sync(counter);
    await sync(bo);

    const c = await bo.tc.call('backOfficeCase', { id: app.id }, bo.s.officer);
    expect(c).toMatchObject({ stage: 'pending', allowed: ['review_approved', 'review_returned'] });
    expect(c.decisions.map((d) => d.summary)).toEqual(['退回补正：审计报告缺少盖章页']);
    expect(c.counterHistory.filter((e) => e.kind === 'routed')).toHaveLength(2);
    expect(c.counterHistory.map((e) => e.kind)).toContain('supplement_received');
    expect((await bo.tc.call('backOfficeInbox', { filter: 'open', query: '' }, bo.s.officer)).map((x) => x.id)).toEqual([app.id]);
  }, 120_000);

  it('refuses a decision the stage does not allow, and a decision by anyone but a business officer; nothing is written', async () => {
    const { counter, bo, app } = await caseAtDepartment();
    const before = [outboxCount(bo.tc), backOfficeTables(bo.tc)];

    const wrong = await bo.tc.fail('backOfficeDecide', { id: app.id, decision: 'paid', amountFen: 100, paidOn: '2026-12-01', note: '' }, bo.s.officer);
    expect(wrong.code).toBe('APPLICATION_STATE');
    expect(wrong.message).toBe('该申报件当前状态为“待审核”，不能兑现。');
    const period = await bo.tc.fail('backOfficeDecide', { id: app.id, decision: 'publicized', from: '2026-12-04', to: '2026-11-30', note: '' }, bo.s.officer);
    expect(period.code).toBe('VALIDATION');
    expect(period.fields).toEqual([{ path: 'to', message: '公示结束日期不能早于开始日期。' }]);
    const noReason = await bo.tc.fail('backOfficeDecide', { id: app.id, decision: 'review_returned', reason: ' ', note: '' }, bo.s.officer);
    expect(noReason.code).toBe('VALIDATION');
    expect([outboxCount(bo.tc), backOfficeTables(bo.tc)]).toEqual(before);

    // a scan that has not arrived (here: lost from the blob folder) says so, and the next sync fetches it again
    const pdf = app.materials[0]!.pdfSha256!;
    fs.rmSync(BlobStore.inDataDir(bo.tc.dataDir).pathOf(pdf));
    expect((await bo.tc.call('backOfficeInbox', { filter: 'open', query: app.caseNo }, bo.s.officer))[0]?.materialsReady).toBe(false);
    const notHere = await bo.tc.fail('backOfficeMaterialPdf', { caseId: app.id, materialId: app.materials[0]!.id }, bo.s.officer);
    expect(notHere.code).toBe('MATERIAL_NOT_YET_HERE');
    expect(notHere.message).toContain('尚未从中心平台传到本工作台');
    await sync(bo);
    expect((await bo.tc.call('backOfficeCase', { id: app.id }, bo.s.officer)).materials[0]?.available).toBe(true);
    expect(sha256(Buffer.from((await bo.tc.call('backOfficeMaterialPdf', { caseId: app.id, materialId: app.materials[0]!.id }, bo.s.officer)).base64, 'base64'))).toBe(pdf);

    // a counter clerk cannot decide, nor read the department's inbox
    expect((await counter.tc.fail('backOfficeDecide', { id: app.id, decision: 'review_approved', note: '' }, counter.s.clerk)).code).toBe('FORBIDDEN');
    expect((await counter.tc.fail('backOfficeInbox', { filter: 'all', query: '' }, counter.s.clerk)).code).toBe('FORBIDDEN');
  }, 120_000);

  it('counts a case’s working days left to the counter’s due date, and it is 超期 from the day after', async () => {
    const { bo, app } = await caseAtDepartment();
    const due = app.deadline!.dueDate!;
    const inboxOn = async (day: string) => {
      bo.tc.clock.set(`${day}T09:00:00+08:00`);
      // the officer signs in that morning (a session does not last weeks)
      bo.s.officer = (await bo.tc.call('signIn', { username: 'officer', password: 'Passw0rd1' })).sessionId;
      const [c] = await bo.tc.call('backOfficeInbox', { filter: 'open', query: '' }, bo.s.officer);
      return { dueDate: c!.dueDate, daysLeft: c!.daysLeft, state: dueStateOf(c!) };
    };
    const dayAfter = (d: string, n: number) => new Date(Date.parse(`${d}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

    // accepted today (Fri 2026-11-27): the item's promised days are all left
    expect(await inboxOn('2026-11-27')).toEqual({ dueDate: due, daysLeft: app.deadline!.daysLeft, state: 'normal' });
    expect(app.deadline!.daysLeft).toBeGreaterThan(2);
    expect(await inboxOn(due)).toEqual({ dueDate: due, daysLeft: 0, state: 'soon' });
    expect(await inboxOn(dayAfter(due, 1))).toEqual({ dueDate: due, daysLeft: -1, state: 'overdue' });
    const weekLater = await inboxOn(dayAfter(due, 7));
    expect(weekLater).toMatchObject({ dueDate: due, state: 'overdue' });
    expect(weekLater.daysLeft).toBeLessThanOrEqual(-4);
    // decided and finished: no longer coloured
    await bo.tc.call('backOfficeDecide', { id: app.id, decision: 'review_approved', note: '' }, bo.s.officer);
    await bo.tc.call('backOfficeDecide', { id: app.id, decision: 'expert_reviewed', result: 'failed', note: '不符合要求' }, bo.s.officer);
    const [done] = await bo.tc.call('backOfficeInbox', { filter: 'done', query: '' }, bo.s.officer);
    expect(dueStateOf(done!)).toBe('none');
  }, 120_000);

  it('applies the same feed again without changing anything, at the department and at the counter', async () => {
    const { counter, bo, app } = await caseAtDepartment();
    await bo.tc.call('backOfficeDecide', { id: app.id, decision: 'review_approved', note: '' }, bo.s.officer);
    await bo.tc.call('backOfficeDecide', { id: app.id, decision: 'expert_reviewed', result: 'failed', note: '不符合技术先进性要求' }, bo.s.officer);
    await sync(bo);
    await sync(counter);

    const boBefore = [outboxCount(bo.tc), backOfficeTables(bo.tc)];
    const counterBefore = [outboxCount(counter.tc), backOfficeTables(counter.tc), await counter.tc.call('applicationGet', { id: app.id }, counter.s.clerk)];
    expect(counterBefore[2]).toMatchObject({ backOffice: { stage: 'expert_failed', resultReady: true, suggestedResult: '专家评审未通过。不符合技术先进性要求' } });
    for (const t of [bo, counter]) {
      t.tc.core.db!.prepare('UPDATE sync_state SET pull_cursor = 0').run();
      await sync(t);
    }
    expect([outboxCount(bo.tc), backOfficeTables(bo.tc)]).toEqual(boBefore);
    expect([outboxCount(counter.tc), backOfficeTables(counter.tc), await counter.tc.call('applicationGet', { id: app.id }, counter.s.clerk)]).toEqual(counterBefore);
  }, 120_000);
}, startSyncCentre);

import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestCore } from '../../helpers/core';
import { centreSuite } from '../../helpers/central';
import { missingTool, requireTool } from '../../helpers/tools';
import { CI_QUEUE, ensureCupsPdfQueue, removeOutputs, waitForOutput } from '../print/cups-fixture';
import { startSyncCentre, type SyncTestCentre } from './centre';
import { answered, linkedCounters, type LinkedCounter } from './linked-counter';

// 日结 against the real centre (PGlite, and PostgreSQL with PG_TEST_URL): a day of counter work done
// offline, then the end-of-day check — what the clerk sees (matched or not, the counts, the records
// named) and what the 日结报表 PDF says; the centre out of reach; a record changed at the centre.

let central: SyncTestCentre;

/** A day at the counter: three consultations (one needs a reply: a ticket) and an accepted application. */
async function dayOfWork(c: LinkedCounter) {
  await c.tc.call('consultationCreate', answered('人才公寓怎么申请？'), c.s.clerk);
  await c.tc.call('consultationCreate', answered('高新技术企业认定的条件？'), c.s.clerk);
  await c.tc.call('consultationCreate', { question: '研发费用补助何时拨付？', category: 'subsidy', result: 'reply_needed', complexity: 'simple' }, c.s.clerk);
  let app = await c.create();
  for (const m of app.materials) app = await c.tc.call('applicationMaterialMark', { applicationId: app.id, materialId: m.id, state: 'present' }, c.s.clerk);
  app = await c.tc.call('applicationDecide', { id: app.id, decision: 'accept' }, c.s.clerk);
  return app;
}

/** The outbox's count per entity: what this PC made. */
const madeHere = (t: TestCore) =>
  Object.fromEntries((t.core.db!.prepare('SELECT entity, count(*) AS n FROM outbox GROUP BY entity').all() as { entity: string; n: number }[]).map((r) => [r.entity, r.n]));

/** The text of a 日结报表 as pdftotext reads it (spaces and line breaks removed: table cells wrap). */
async function reportText(t: TestCore, session: string, id: string): Promise<string> {
  requireTool('pdftotext');
  const file = await t.call('syncDayReport', { id }, session);
  expect(file.mimeType).toBe('application/pdf');
  const pdf = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'pd-dayreport-')), file.fileName);
  fs.writeFileSync(pdf, Buffer.from(file.base64, 'base64'));
  return execFileSync('pdftotext', ['-enc', 'UTF-8', pdf, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
}

async function centreDayCloses(deviceId: string): Promise<number> {
  const { rows } = await central.db.query<{ n: string | number }>('SELECT count(*) AS n FROM day_closes WHERE device_id = $1', [deviceId]);
  return Number(rows[0]!.n);
}

centreSuite('日结', (c) => {
  beforeAll(() => {
    central = c;
  });
  const enrolledCounter = linkedCounters(() => central);

  it('after a day of work done offline: everything goes up, the day matches, and the report names the counts', async () => {
    const c = await enrolledCounter();
    await c.link.down();
    const app = await dayOfWork(c);
    const made = madeHere(c.tc);
    expect(made).toMatchObject({ consultation: 3, ticket: expect.any(Number), application: expect.any(Number) });
    expect((await c.tc.call('syncStatus', {}, c.s.clerk)).waiting).toBeGreaterThan(0);

    await c.link.up();
    const view = await c.tc.call('syncDayClose', {}, c.s.clerk);
    expect(view).toMatchObject({ day: '2026-11-27', matched: true, ranBy: '李娜', deviceName: '3号窗口', differences: [], rejected: [] });
    expect(Object.fromEntries(view.tallies.map((x) => [x.entity, [x.device, x.centre, x.same]]))).toEqual(
      Object.fromEntries(Object.entries(made).map(([e, n]) => [e, [n, n, true]])),
    );
    expect(view.tallies.find((x) => x.entity === 'consultation')!.entityLabel).toBe('咨询登记');
    expect((await c.tc.call('syncStatus', {}, c.s.clerk)).waiting).toBe(0);

    // kept: the page shows it again, the centre recorded its side
    expect(await c.tc.call('syncDayCloseLast', {}, c.s.clerk)).toEqual(view);
    expect(await centreDayCloses(c.deviceId)).toBe(1);

    const text = await reportText(c.tc, c.s.clerk!, view.id);
    expect(text).toContain('日结报表');
    expect(text).toContain('核对结果：一致');
    expect(text).toContain('3号窗口');
    expect(text).toContain('李娜');
    expect(text).toContain('2026年11月27日');
    expect(text).toContain(`咨询登记33一致`); // 记录类别 | 本机条数 | 中心条数 | 核对结果
    expect(text).toContain(`申报件${made.application}${made.application}一致`);
    expect(text).not.toContain('不一致');
    expect(app.caseNo).toBeTruthy();
  }, 120_000);

  it('a record the centre refused: the day does not match, and the record is named with why', async () => {
    const c = await enrolledCounter();
    const before = await c.tc.call('consultationCreate', answered('社保补贴怎么领？'), c.s.clerk);
    // a step this centre does not know (a newer workstation's), made at 10:05 that day
    const refusedId = '019ac0de-0000-7000-8000-000000000001';
    c.tc.core.db!.prepare(
      "INSERT INTO outbox (id, entity, entity_id, op, payload, staff_id, created_at) VALUES (?, 'consultation', ?, 'archive', ?, ?, '2026-11-27T02:05:00.000Z')",
    ).run(refusedId, before.id, JSON.stringify({ id: before.id }), null);
    await c.tc.call('consultationCreate', answered('稳岗返还怎么申请？'), c.s.clerk);

    const view = await c.tc.call('syncDayClose', { day: '2026-11-27' }, c.s.clerk);
    expect(view.matched).toBe(false);
    expect(view.differences).toEqual([{ id: refusedId, kind: 'missingAtCentre', entityLabel: '咨询登记', createdAt: '2026-11-27T02:05:00.000Z', caseNo: null }]);
    expect(view.tallies).toEqual([{ entity: 'consultation', entityLabel: '咨询登记', device: 3, centre: 2, same: false }]);
    expect(view.rejected).toHaveLength(1);
    expect(view.rejected[0]).toMatchObject({ id: refusedId, code: 'unknown_op' });
    expect(view.rejected[0]!.message).toContain('不会再次上传');

    const text = await reportText(c.tc, c.s.clerk!, view.id);
    expect(text).toContain('核对结果：不一致');
    expect(text).toContain('咨询登记32不一致');
    expect(text).toContain('中心没有');
    expect(text).toContain(refusedId);
    expect(text).toContain('中心拒收的记录（1条）');
    expect(text).toContain('中心平台不认识这项操作');
  }, 120_000);

  it('the centre out of reach: a clear error, and nothing recorded on either side', async () => {
    const c = await enrolledCounter();
    await c.tc.call('consultationCreate', answered('人才公寓怎么申请？'), c.s.clerk);
    await c.link.down();
    const blobsBefore = fs.existsSync(path.join(c.tc.dataDir, 'blobs')) ? fs.readdirSync(path.join(c.tc.dataDir, 'blobs'), { recursive: true }).length : 0;

    const error = await c.tc.fail('syncDayClose', {}, c.s.clerk);
    expect(error.code).toBe('DAY_CLOSE_OFFLINE');
    expect(error.message).toContain('连不上中心平台');
    expect(error.message).toContain('没有留下日结记录');
    expect(c.tc.count('day_closes')).toBe(0);
    expect(await c.tc.call('syncDayCloseLast', {}, c.s.clerk)).toBeNull();
    expect(await centreDayCloses(c.deviceId)).toBe(0);
    const blobsAfter = fs.existsSync(path.join(c.tc.dataDir, 'blobs')) ? fs.readdirSync(path.join(c.tc.dataDir, 'blobs'), { recursive: true }).length : 0;
    expect(blobsAfter).toBe(blobsBefore);
    // the work is still here, waiting
    expect((await c.tc.call('syncStatus', {}, c.s.clerk)).waiting).toBe(1);
  }, 120_000);

  it('a record changed at the centre is named as different', async () => {
    const c = await enrolledCounter();
    await dayOfWork(c);
    expect((await c.tc.call('syncNow', {}, c.s.clerk)).waiting).toBe(0);
    const ticket = c.tc.core.db!.prepare("SELECT id, entity_id FROM outbox WHERE entity = 'ticket' ORDER BY seq LIMIT 1").get() as { id: string; entity_id: string };
    const ticketNo = c.tc.core.db!.prepare('SELECT ticket_no FROM tickets WHERE id = ?').pluck().get(ticket.entity_id) as string;

    // someone edits the stored record at the centre by hand (the hash kept on arrival left as it was)
    const { rows } = await central.db.query<{ payload: Record<string, unknown> }>('SELECT payload FROM mutations WHERE id = $1', [ticket.id]);
    const changed = { ...rows[0]!.payload, title: '被改动的工单' };
    await central.db.query('UPDATE mutations SET payload = $2::jsonb WHERE id = $1', [ticket.id, JSON.stringify(changed)]);

    const view = await c.tc.call('syncDayClose', {}, c.s.clerk);
    expect(view.matched).toBe(false);
    expect(view.differences).toEqual([expect.objectContaining({ id: ticket.id, kind: 'different', entityLabel: '工单', caseNo: ticketNo })]);
    const tickets = view.tallies.find((x) => x.entity === 'ticket')!;
    expect(tickets.device).toBe(tickets.centre); // same count, different content
    expect(tickets.same).toBe(false);
    expect(view.tallies.filter((x) => x.entity !== 'ticket').every((x) => x.same)).toBe(true);

    const text = await reportText(c.tc, c.s.clerk!, view.id);
    expect(text).toContain('内容不同');
    expect(text).toContain(ticketNo);
  }, 120_000);
}, startSyncCentre);

describe.skipIf(missingTool('lp', 'cups'))('日结报表 printed through CUPS (centre on PGlite)', () => {
  beforeAll(async () => {
    requireTool('lp', 'cups');
    ensureCupsPdfQueue();
    central = await startSyncCentre('pglite');
  }, 120_000);
  afterAll(async () => {
    removeOutputs();
    await central?.close();
  });
  const enrolledCounter = linkedCounters(() => central);

  it('prints the report of a run on the printer picked (A4, CUPS-PDF)', async () => {
    const c = await enrolledCounter();
    await c.tc.call('consultationCreate', answered('人才公寓怎么申请？'), c.s.clerk);
    const view = await c.tc.call('syncDayClose', {}, c.s.clerk);
    expect(view.matched).toBe(true);

    const done = await c.tc.call('syncDayReportPrint', { id: view.id, printer: CI_QUEUE }, c.s.clerk);
    expect(done.printer).toBe(CI_QUEUE);
    const printed = await waitForOutput(done.jobId!);
    const text = execFileSync('pdftotext', ['-enc', 'UTF-8', printed, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
    expect(text).toContain('日结报表');
    expect(text).toContain('核对结果：一致');
    // (digits after CUPS's pdftocairo pass are Type 3 glyphs without text: only the words are read back)
    expect(text).toContain('咨询登记');
    expect(text).not.toContain('不一致');

    expect((await c.tc.fail('syncDayReportPrint', { id: view.id, printer: 'No-Such-Printer' }, c.s.clerk)).code).toBe('PRINTER_NOT_FOUND');

    // no printer picked: as 打印设置 says for the 日结报表 (its own line: the 受理通知书 going to the
    // receipt printer, as a manager may set it, does not take the report with it)
    const settings = await c.tc.call('printSettingsGet', {}, c.s.admin);
    await c.tc.call('printSettingsSet', {
      ...settings,
      documents: { ...settings.documents, 'acceptance-notice': { printer: null, paper: 'thermal-80', copies: 1 }, 'day-report': { printer: CI_QUEUE, paper: 'A4', copies: 1 } },
    }, c.s.admin);
    const again = await c.tc.call('syncDayReportPrint', { id: view.id }, c.s.clerk);
    expect(again.printer).toBe(CI_QUEUE);
    const second = await waitForOutput(again.jobId!);
    expect(execFileSync('pdftotext', ['-enc', 'UTF-8', second, '-'], { encoding: 'utf8' })).toContain('日结报表');
    expect(execFileSync('pdfinfo', [second], { encoding: 'utf8' })).toMatch(/Page size:\s+595(\.\d+)? x 84[12](\.\d+)? pts \(A4\)/);
  }, 120_000);
});

import sharp from 'sharp';
import { beforeAll, expect, it } from 'vitest';
import type { TestCore } from '../../helpers/core';
import { centreSuite } from '../../helpers/central';
import { startSyncCentre, type SyncTestCentre } from './centre';
import { answered, linkedCounters } from './linked-counter';

// A day at the counter with the centre out of reach, then the centre back: the workstation's sync
// engine against the real central server on loopback (PGlite, and PostgreSQL with PG_TEST_URL).
// What the clerk sees (waiting, rejected, online/offline) and what the centre ends up with (its
// mutations table, its blobs).

let central: SyncTestCentre;

/** A scanned page with a bar at its own height, so each page is its own blob. */
const pagePng = (n: number) =>
  sharp({ create: { width: 827, height: 1169, channels: 3, background: '#fff' } })
    .composite([{ input: Buffer.from(`<svg width="827" height="1169"><rect x="80" y="${100 + n * 120}" width="600" height="40"/></svg>`) }])
    .png()
    .toBuffer();


const outbox = (t: TestCore) =>
  t.core.db!.prepare('SELECT id, entity, op, payload, pushed_at, rejected_at FROM outbox ORDER BY seq').all() as {
    id: string; entity: string; op: string; payload: string; pushed_at: string | null; rejected_at: string | null;
  }[];

async function centreMutations(deviceId: string): Promise<string[]> {
  const { rows } = await central.db.query<{ id: string }>('SELECT id::text AS id FROM mutations WHERE device_id = $1 ORDER BY device_seq', [deviceId]);
  return rows.map((r) => r.id);
}

centreSuite('sync of a day of counter work', (c) => {
  beforeAll(() => {
    central = c;
  });
  const enrolledCounter = linkedCounters(() => central);

  it('keeps everything while the centre is out of reach, then the centre gets each record exactly once', async () => {
    const { tc, s, deviceId, create, link } = await enrolledCounter();
    await link.down();

    // the day's work, offline: consultations (one needs a reply: a ticket), an application with scanned pages, accepted
    await tc.call('consultationCreate', answered('人才公寓怎么申请？'), s.clerk);
    await tc.call('consultationCreate', answered('高新技术企业认定的条件？'), s.clerk);
    const needsReply = await tc.call('consultationCreate', { question: '研发费用补助何时拨付？', category: 'subsidy', result: 'reply_needed', complexity: 'simple' }, s.clerk);
    expect(needsReply.ticketNo).toBeTruthy();
    let app = await create();
    const files = await Promise.all([1, 2].map(async (n) => ({ name: `第${n}页.png`, base64: (await pagePng(n)).toString('base64') })));
    app = (await tc.call('applicationPagesAdd', { applicationId: app.id, materialId: app.materials[0]!.id, files }, s.clerk)).application;
    for (const m of app.materials) app = await tc.call('applicationMaterialMark', { applicationId: app.id, materialId: m.id, state: 'present' }, s.clerk);
    app = await tc.call('applicationDecide', { id: app.id, decision: 'accept' }, s.clerk);
    expect(app.state).toBe('accepted');

    const made = outbox(tc);
    expect(new Set(made.map((r) => r.entity))).toEqual(new Set(['consultation', 'ticket', 'application']));

    // sync while the centre is away: nothing goes, nothing is lost, the clerk sees why
    const offline = await tc.call('syncNow', {}, s.clerk);
    expect(offline.state).toBe('offline');
    expect(offline.waiting).toBe(made.length);
    expect(offline.rejected).toBe(0);
    expect(offline.lastError?.message).toContain('连不上中心平台');
    expect(outbox(tc).every((r) => r.pushed_at === null)).toBe(true);
    expect(await centreMutations(deviceId)).toEqual([]);
    expect((await tc.call('consultationList', {}, s.clerk)).length).toBe(3);

    // the centre is back
    await link.up();
    const online = await tc.call('syncNow', {}, s.clerk);
    expect(online.state).toBe('online');
    expect(online.waiting).toBe(0);
    expect(online.lastError).toBeNull();
    expect(online.lastSuccessAt).not.toBeNull();
    expect(outbox(tc).every((r) => r.pushed_at !== null)).toBe(true);
    const atCentre = await centreMutations(deviceId);
    expect(atCentre).toEqual(made.map((r) => r.id));

    // every blob the application's steps name is at the centre, whole
    const named = new Set(made.filter((r) => r.entity === 'application').flatMap((r) => {
      const p = JSON.parse(r.payload) as { pages?: string[]; pdf?: string | null; sha256?: string };
      return [...(p.pages ?? []), ...(p.pdf ? [p.pdf] : []), ...(p.sha256 ? [p.sha256] : [])];
    }));
    expect(named.size).toBeGreaterThanOrEqual(4); // two pages, the material PDF, the acceptance documents
    const { rows } = await central.db.query<{ sha256: string; size: string | number }>('SELECT sha256, size FROM blobs WHERE sha256 = ANY($1::text[])', [[...named]]);
    expect(new Set(rows.map((r) => r.sha256))).toEqual(named);

    // sync again, and again as if the centre's answer had been lost: still each record once
    await tc.call('syncNow', {}, s.clerk);
    tc.core.db!.prepare('UPDATE outbox SET pushed_at = NULL').run();
    expect((await tc.call('syncStatus', {}, s.clerk)).waiting).toBe(made.length);
    const again = await tc.call('syncNow', {}, s.clerk);
    expect(again.waiting).toBe(0);
    expect(await centreMutations(deviceId)).toEqual(made.map((r) => r.id));
  }, 120_000);

  it('keeps a record the centre refuses, shows it, and sends the rest', async () => {
    const { tc, s, deviceId } = await enrolledCounter();
    const before = await tc.call('consultationCreate', answered('社保补贴怎么领？'), s.clerk);
    // a step this centre does not know (a newer workstation's, say), between two ordinary records
    tc.core.db!.prepare(
      "INSERT INTO outbox (id, entity, entity_id, op, payload, staff_id, created_at) VALUES ('019ac0de-0000-7000-8000-000000000001', 'consultation', ?, 'archive', ?, NULL, '2026-11-27T02:05:00.000Z')",
    ).run(before.id, JSON.stringify({ id: before.id }));
    await tc.call('consultationCreate', answered('稳岗返还怎么申请？'), s.clerk);

    const status = await tc.call('syncNow', {}, s.clerk);
    expect(status.waiting).toBe(0);
    expect(status.rejected).toBe(1);
    const rejected = await tc.call('syncRejected', {}, s.clerk);
    expect(rejected).toHaveLength(1);
    expect(rejected[0]).toMatchObject({ id: '019ac0de-0000-7000-8000-000000000001', entityLabel: '咨询登记', op: 'archive', code: 'unknown_op' });
    expect(rejected[0]!.message).toContain('不会再次上传');

    const ids = outbox(tc).filter((r) => r.rejected_at === null).map((r) => r.id);
    expect(ids).toHaveLength(2);
    expect(await centreMutations(deviceId)).toEqual(ids);

    // never sent again, never in the way of what comes after
    await tc.call('consultationCreate', answered('创业担保贷款额度？'), s.clerk);
    const next = await tc.call('syncNow', {}, s.clerk);
    expect(next).toMatchObject({ waiting: 0, rejected: 1, state: 'online' });
    expect(await centreMutations(deviceId)).toHaveLength(3);
  }, 120_000);
}, startSyncCentre);

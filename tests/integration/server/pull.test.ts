import path from 'node:path';
import { expect, it } from 'vitest';
import { v7 } from 'uuid';
import { PolicySchema } from '@shared/policies/schemas';
import { EnterpriseSchema } from '@shared/enterprises/schemas';
import { StaffPayload } from '@shared/sync/feed';
import { verifyPassword } from '../../../electron/core/accounts/passwords';
import { consultation, get, mutation, pullAll, push, type TestDevice, centreSuite } from '../../helpers/central';

// GET /v1/changes: pages by cursor; who sees what (published data for all, routed applications for
// the department, decisions back to the counter that accepted it); never a device's own changes.

const RESOURCES = path.join(import.meta.dirname, '../../../resources');

centreSuite('pull and audiences', (c) => {
  it('publishes the sample policies, enterprises and staff to every device, once; a republish sends only what changed', async () => {
    const pol = await c.admin('publish', 'policies', path.join(RESOURCES, 'policies/sample-library.json'));
    expect(pol.code).toBe(0);
    expect(pol.out[0]).toMatch(/新增 49 条.*有误未发布 0 条/);
    const ent = await c.admin('publish', 'enterprises', path.join(RESOURCES, 'enterprises/sample-enterprises.csv'));
    expect(ent.out[0]).toMatch(/新增 60 条/);
    const staff = await c.admin('staff', 'add', '--username', 'wangfang', '--display-name', '王芳', '--roles', 'counter,business', '--department', '区科技局', '--password', 'Counter2026');
    expect(staff.code).toBe(0);
    expect((await c.admin('staff', 'add', '--username', 'weak', '--display-name', '弱', '--roles', 'counter', '--password', 'short')).err[0]).toContain('密码至少 8 位');

    const d = await c.enrolDevice();
    const { changes } = await pullAll(c.url, d);
    const by = (entity: string) => changes.filter((x) => x.entity === entity);
    expect(by('policy')).toHaveLength(49);
    expect(by('enterprise')).toHaveLength(60);
    for (const p of by('policy')) expect(PolicySchema.safeParse(p.payload).success).toBe(true);
    for (const e of by('enterprise')) expect(EnterpriseSchema.safeParse(e.payload).success).toBe(true);
    expect(changes.every((x) => x.origin === null)).toBe(true);
    // the workstation signs the person in with the hash the centre made
    const s = StaffPayload.parse(by('staff')[0]!.payload);
    expect(s).toMatchObject({ username: 'wangfang', displayName: '王芳', roles: ['counter', 'business'], department: '区科技局', active: true });
    expect(await verifyPassword('Counter2026', s.passwordHash)).toBe(true);
    expect(await verifyPassword('counter2026', s.passwordHash)).toBe(false);

    // the same files again: nothing new in the feed; a disabled account is published again
    const seen = (await pullAll(c.url, d)).cursor;
    const again = await c.admin('publish', 'policies', path.join(RESOURCES, 'policies/sample-library.json'));
    expect(again.out[0]).toMatch(/新增 0 条.*更新 0 条.*未变 49 条/);
    expect((await c.admin('staff', 'disable', '--username', 'wangfang')).code).toBe(0);
    const next = await pullAll(c.url, d, seen);
    expect(next.changes.map((x) => [x.entity, (x.payload as { active?: boolean }).active])).toEqual([['staff', false]]);
  });

  it('gives pages in seq order; the cursor goes on where the page stopped, with nothing skipped or repeated', async () => {
    const writer = await c.enrolDevice();
    const reader = await c.enrolDevice();
    const start = (await pullAll(c.url, reader)).cursor;
    const uscc = (i: number) => `91330100MA2H1${String(i).padStart(5, '0')}`;
    const tags = Array.from({ length: 25 }, (_, i) =>
      mutation(writer, { entity: 'enterprise_tag', entityId: uscc(i), op: 'tag_add', payload: { uscc: uscc(i), tag: '重点企业', setAt: new Date().toISOString() } }));
    expect((await push(c.url, writer, tags)).status).toBe(200);
    const { changes, pages, cursor } = await pullAll(c.url, reader, start, 10);
    expect(pages).toEqual([10, 10, 5]);
    expect(changes.map((x) => x.entityId)).toEqual(tags.map((t) => t.entityId));
    const seqs = changes.map((x) => x.seq);
    expect([...seqs].sort((a, b) => a - b)).toEqual(seqs);
    expect(cursor).toBe(seqs.at(-1));
    expect(changes.every((x) => x.origin === writer.id)).toBe(true);
    // nothing more after the cursor; a bad cursor is refused
    expect((await pullAll(c.url, reader, cursor)).changes).toEqual([]);
    expect((await get(c.url, '/v1/changes?after=-1', reader.auth)).status).toBe(400);
    expect((await get(c.url, '/v1/changes?after=0&limit=999999', reader.auth)).status).toBe(400);
  });

  it("never gives a device its own changes; consultations stay at the centre", async () => {
    const a = await c.enrolDevice();
    const b = await c.enrolDevice();
    const startA = (await pullAll(c.url, a)).cursor;
    const startB = (await pullAll(c.url, b)).cursor;
    const uscc = '91330100MA2H200001';
    const tag = mutation(a, { entity: 'enterprise_tag', entityId: uscc, op: 'tag_add', payload: { uscc, tag: '链主企业', setAt: new Date().toISOString() } });
    await push(c.url, a, [tag, consultation(a)]);
    expect((await pullAll(c.url, a, startA)).changes).toEqual([]);
    expect((await pullAll(c.url, b, startB)).changes.map((x) => x.entity)).toEqual(['enterprise_tag']);
  });

  it('an application routed to a department reaches that department with its history; a decision goes back to the counter that accepted it', async () => {
    const counter = await c.enrolDevice({ name: '1号窗口' });
    const otherCounter = await c.enrolDevice({ name: '2号窗口' });
    const tech = await c.enrolDevice({ departments: ['区科技局'], name: '科技局后台' });
    const hr = await c.enrolDevice({ departments: ['区人社局'], name: '人社局后台' });
    const starts = new Map<TestDevice, number>();
    for (const d of [counter, otherCounter, tech, hr]) starts.set(d, (await pullAll(c.url, d)).cursor);
    const since = async (d: TestDevice) => (await pullAll(c.url, d, starts.get(d)!)).changes;

    const id = v7();
    const step = (d: TestDevice, op: string, extra: Record<string, unknown> = {}) => mutation(d, { entity: 'application', entityId: id, op, payload: { id, caseNo: 'SB-2026-0001', event: { kind: op }, ...extra } });
    const created = step(counter, 'created', { application: { department: '区科技局' } });
    const marked = step(counter, 'material_marked');
    expect((await push(c.url, counter, [created, marked])).status).toBe(200);
    // not routed yet: nobody else hears of it
    for (const d of [otherCounter, tech, hr]) expect(await since(d)).toEqual([]);

    const routed = step(counter, 'routed', { department: '区科技局' });
    await push(c.url, counter, [routed]);
    expect((await since(tech)).map((x) => [x.op, x.origin])).toEqual([['created', counter.id], ['material_marked', counter.id], ['routed', counter.id]]);
    expect(await since(hr)).toEqual([]);
    expect(await since(otherCounter)).toEqual([]);

    const approved = step(tech, 'review_approved', { opinion: '符合条件' });
    const paid = step(tech, 'paid', { amount: 300000, paidOn: '2026-12-20' });
    const res = await push(c.url, tech, [approved, paid]);
    expect((res.body as { results: { status: string }[] }).results.map((r) => r.status)).toEqual(['applied', 'applied']);
    expect((await since(counter)).map((x) => [x.op, x.origin])).toEqual([['review_approved', tech.id], ['paid', tech.id]]);
    expect((await since(counter))[1]!.payload).toMatchObject({ amount: 300000, paidOn: '2026-12-20' });
    expect(await since(otherCounter)).toEqual([]);
    expect(await since(hr)).toEqual([]);
    // the department's own device does not get its decisions back
    expect((await since(tech)).map((x) => x.op)).toEqual(['created', 'material_marked', 'routed']);

    // the counter delivers the result: the department hears of it
    await push(c.url, counter, [step(counter, 'delivered')]);
    expect((await since(tech)).map((x) => x.op).at(-1)).toBe('delivered');
  });
});

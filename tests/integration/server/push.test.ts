import { createHash } from 'node:crypto';
import { expect, it } from 'vitest';
import { v7 } from 'uuid';
import { canonicalJson } from '@shared/sync/canonical-json';
import { consultation, mutation, push, centreSuite } from '../../helpers/central';

// POST /v1/push: exactly once, one bad mutation never blocking the rest, other devices' ids refused.

const results = (body: unknown) => (body as { results: { id: string; status: string; code?: string; blobs?: string[] }[] }).results;

centreSuite('push', (c) => {
  const stored = async (ids: string[]) =>
    (await c.central.db.query<{ id: string; device_id: string; payload: unknown; record_hash: string }>('SELECT id, device_id, payload, record_hash FROM mutations WHERE id = ANY($1::uuid[])', [ids])).rows;

  it('applies a batch once: the same batch again is all duplicates and nothing is stored twice', async () => {
    const d = await c.enrolDevice();
    const batch = [consultation(d), consultation(d), mutation(d, { entity: 'ticket', entityId: 't1', op: 'create', payload: { id: 't1', ticketNo: 'GD-1' } })];
    const first = await push(c.url, d, batch);
    expect(first.status).toBe(200);
    expect(results(first.body)).toEqual(batch.map((m) => ({ id: m.id, status: 'applied' })));
    const second = await push(c.url, d, batch);
    expect(results(second.body)).toEqual(batch.map((m) => ({ id: m.id, status: 'duplicate' })));
    const rows = await stored(batch.map((m) => m.id));
    expect(rows).toHaveLength(3);
    // the record hash of 日结 is the canonical payload's, as the device will compute it
    const one = rows.find((r) => r.id === batch[0]!.id)!;
    expect(one.record_hash).toBe(createHash('sha256').update(canonicalJson(batch[0]!.payload)).digest('hex'));
    expect(one.payload).toEqual(batch[0]!.payload);
    // a duplicate inside one batch is acked too
    const m = consultation(d);
    expect(results((await push(c.url, d, [m, m])).body).map((r) => r.status)).toEqual(['applied', 'duplicate']);
  });

  it('one bad mutation among good ones is refused with its reason; the others apply', async () => {
    const d = await c.enrolDevice();
    const good1 = consultation(d);
    const unknownEntity = mutation(d, { entity: 'lottery', entityId: 'x', op: 'create', payload: { id: 'x' } });
    const unknownOp = mutation(d, { entity: 'consultation', entityId: 'c9', op: 'explode', payload: { id: 'c9' } });
    const notObject = mutation(d, { entity: 'consultation', entityId: 'c8', op: 'create', payload: [1, 2, 3] });
    const wrongId = mutation(d, { entity: 'consultation', entityId: 'c7', op: 'create', payload: { id: 'c6' } });
    const badFields = { ...consultation(d), createdAt: 'yesterday' };
    const nul = mutation(d, { entity: 'consultation', entityId: 'c5', op: 'create', payload: { id: 'c5', summary: 'a\u0000b' } });
    const good2 = consultation(d);
    const res = await push(c.url, d, [good1, unknownEntity, unknownOp, notObject, wrongId, badFields, nul, good2]);
    expect(res.status).toBe(200);
    expect(results(res.body).map((r) => [r.status, r.code])).toEqual([
      ['applied', undefined],
      ['rejected', 'unknown_entity'],
      ['rejected', 'unknown_op'],
      ['rejected', 'invalid_payload'],
      ['rejected', 'invalid_payload'],
      ['rejected', 'invalid_mutation'],
      ['rejected', 'invalid_payload'],
      ['applied', undefined],
    ]);
    const ids = [good1, unknownEntity, unknownOp, notObject, wrongId, badFields, nul, good2].map((m) => m.id);
    expect((await stored(ids)).map((r) => r.id).sort()).toEqual([good1.id, good2.id].sort());
    const logged = c.logs.filter((l) => l.event === 'mutation_rejected' && l.device === d.id).map((l) => l.code);
    expect(logged).toEqual(['unknown_entity', 'unknown_op', 'invalid_payload', 'invalid_payload', 'invalid_mutation', 'invalid_payload']);
  });

  it("refuses another device's mutation id replayed, and stores nothing of it", async () => {
    const a = await c.enrolDevice({ name: '1号窗口' });
    const b = await c.enrolDevice({ name: '2号窗口' });
    const original = consultation(a, '原始记录');
    expect(results((await push(c.url, a, [original])).body)[0]!.status).toBe('applied');
    const replay = { ...original, seq: ++b.seq, payload: { id: original.entityId, summary: '篡改' } };
    const mine = consultation(b);
    const res = await push(c.url, b, [replay, mine]);
    expect(results(res.body).map((r) => [r.status, r.code])).toEqual([['rejected', 'id_taken'], ['applied', undefined]]);
    const rows = await stored([original.id]);
    expect(rows).toEqual([expect.objectContaining({ device_id: a.id, payload: original.payload })]);
    expect((await stored([mine.id]))).toHaveLength(1);
    expect(c.logs.filter((l) => l.event === 'mutation_rejected' && l.code === 'id_taken')).toEqual([expect.objectContaining({ device: b.id, mutation: original.id })]);
    // nothing of the replay reaches the feed either
    const fed = await c.central.db.query('SELECT 1 FROM changes WHERE mutation_id = $1', [original.id]);
    expect(fed.rowCount).toBe(0);
  });

  it('refuses a seq the device already used for another mutation', async () => {
    const d = await c.enrolDevice();
    const m = consultation(d);
    await push(c.url, d, [m]);
    const again = { ...consultation(d), seq: m.seq };
    expect(results((await push(c.url, d, [again])).body)[0]).toMatchObject({ status: 'rejected', code: 'seq_reused' });
    expect(await stored([again.id])).toHaveLength(0);
  });

  it('answers missing_blobs for a mutation naming blobs the centre lacks, and applies it once they are there', async () => {
    const d = await c.enrolDevice();
    const sha = createHash('sha256').update(v7()).digest('hex');
    const appId = v7();
    const m = mutation(d, { entity: 'application', entityId: appId, op: 'created', payload: { id: appId, caseNo: 'SB-1', application: { department: '区科技局' } }, blobs: [sha] });
    const other = consultation(d);
    const first = await push(c.url, d, [m, other]);
    expect(results(first.body)).toEqual([{ id: m.id, status: 'missing_blobs', blobs: [sha] }, { id: other.id, status: 'applied' }]);
    expect(await stored([m.id])).toHaveLength(0);
    await c.central.db.query('INSERT INTO blobs (sha256, size, device_id) VALUES ($1, 10, $2)', [sha, d.id]);
    expect(results((await push(c.url, d, [m])).body)[0]!.status).toBe('applied');
  });

  it("refuses a back-office step on an application the centre does not know", async () => {
    const d = await c.enrolDevice({ departments: ['区科技局'] });
    const appId = v7();
    const m = mutation(d, { entity: 'application', entityId: appId, op: 'review_approved', payload: { id: appId } });
    expect(results((await push(c.url, d, [m])).body)[0]).toMatchObject({ status: 'rejected', code: 'unknown_application' });
    expect(await stored([m.id])).toHaveLength(0);
  });

  it('keeps the later of two edits of a hand-set tag and logs the overwrite', async () => {
    const a = await c.enrolDevice();
    const b = await c.enrolDevice();
    const uscc = '91330100MA2H000001';
    const early = mutation(a, { entity: 'enterprise_tag', entityId: uscc, op: 'tag_add', payload: { uscc, tag: '重点企业', note: 'A', setAt: '2026-11-27T02:00:00.000Z' } });
    const late = mutation(b, { entity: 'enterprise_tag', entityId: uscc, op: 'tag_update', payload: { uscc, tag: '重点企业', note: 'B', setAt: '2026-11-27T03:00:00.000Z' } });
    // the later edit arrives first; the earlier one, arriving after, is stored but does not win
    expect(results((await push(c.url, b, [late])).body)[0]!.status).toBe('applied');
    expect(results((await push(c.url, a, [early])).body)[0]!.status).toBe('applied');
    const tag = await c.central.db.query<{ mutation_id: string }>('SELECT mutation_id FROM enterprise_tags WHERE uscc = $1', [uscc]);
    expect(tag.rows.map((r) => r.mutation_id)).toEqual([late.id]);
    const over = await c.central.db.query<{ winner_mutation: string; loser_mutation: string }>('SELECT winner_mutation, loser_mutation FROM overwrites WHERE entity_id = $1', [`${uscc}/重点企业`]);
    expect(over.rows).toEqual([{ winner_mutation: late.id, loser_mutation: early.id }]);
    expect(c.logs.some((l) => l.event === 'lww_stale' && l.loser === early.id)).toBe(true);
    const fed = await c.central.db.query<{ mutation_id: string }>("SELECT mutation_id FROM changes WHERE entity = 'enterprise_tag' AND entity_id = $1", [uscc]);
    expect(fed.rows.map((r) => r.mutation_id)).toEqual([late.id]);
  });
});

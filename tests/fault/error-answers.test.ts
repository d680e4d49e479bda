import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { BlobStore } from '../../electron/core/materials/blob-store';
import { createEnrolCode } from '../../server/devices/enrolment';
import { startTestCentral, type TestCentral } from '../helpers/central';
import type { TestCore } from '../helpers/core';
import { counterWithCompanies } from '../helpers/counter';
import { noisePage } from './noise-page';
import { seeded } from './seed';
import { StatusFront, type FrontRule } from './status-front';

// The centre (or a gateway before it) answering 500 or 400, and what the workstation then does, as
// docs/sync-protocol.md says: a 5xx is retried later with nothing marked; a 400 for the whole batch
// keeps every record here, shows why and stops until "sync now"; a refusal of one record keeps that
// one for the person and lets the rest go; a blob the centre finds damaged (422) is sent again if
// the file here is whole, and kept for the person with the records naming it if not. (503 for everything and a
// revoked credential: tests/integration/sync/engine-faults.test.ts; a record of a kind the centre
// does not know: counter-day.test.ts.)

let centre: TestCentral;
let front: StatusFront;
let tmp: string;
let tc: TestCore | undefined;

beforeAll(async () => {
  centre = await startTestCentral('pglite');
  front = await new StatusFront(centre.url).start();
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'pd-fault-answers-'));
}, 120_000);
afterAll(async () => {
  await front?.close();
  await centre?.close();
  fs.rmSync(tmp, { recursive: true, force: true });
});
afterEach(() => {
  tc?.close();
  tc = undefined;
  front.rule = () => null;
});

const answered = (question: string) => ({ question, category: 'talent' as const, result: 'answered' as const, answer: '可在人才服务平台在线申请。' });

/** A counter workstation enrolled at the centre through the front; it syncs only when told. */
async function counter() {
  const c = await counterWithCompanies({ sync: { background: false } });
  tc = c.tc;
  const { code } = await createEnrolCode(centre.central.db, { departments: [], ttlHours: 1 });
  await c.tc.call('syncEnrol', { centreUrl: front.url, code, deviceName: '4号窗口' }, c.s.admin);
  const deviceId = (await c.tc.call('appStatus', {})).deviceId;
  const consult = (q: string) => c.tc.call('consultationCreate', answered(q), c.s.clerk!);
  const sync = () => c.tc.call('syncNow', {}, c.s.clerk!);
  const pushed = () => c.tc.core.db!.prepare('SELECT count(*) FROM outbox WHERE pushed_at IS NOT NULL').pluck().get() as number;
  return { ...c, deviceId, consult, sync, pushed };
}

async function atCentre(deviceId: string): Promise<string[]> {
  const { rows } = await centre.central.db.query<{ entity_id: string }>('SELECT entity_id FROM mutations WHERE device_id = $1 ORDER BY device_seq', [deviceId]);
  return rows.map((r) => r.entity_id);
}

async function centreHas(sha256: string): Promise<boolean> {
  return (await centre.central.db.query('SELECT 1 FROM blobs WHERE sha256 = $1', [sha256])).rows.length > 0;
}

const onPush = (action: ReturnType<FrontRule>): FrontRule => (req) => (req.method === 'POST' && req.path === '/v1/push' ? action : null);

describe('the centre answers 500', () => {
  it('on a push: nothing is marked sent, the person is told, and the next round sends it all once', async () => {
    const w = await counter();
    await w.consult('人才公寓怎么申请？');
    await w.consult('稳岗返还怎么申请？');
    front.rule = onPush({ answer: 500, body: { code: 'internal', detail: 'database unavailable' } });

    const failing = await w.sync();
    expect(failing).toMatchObject({ state: 'online', waiting: 2, rejected: 0 });
    expect(failing.lastError?.message).toContain('中心平台暂时出错（500）');
    expect(w.pushed()).toBe(0);
    expect(await atCentre(w.deviceId)).toEqual([]);

    front.rule = () => null;
    expect(await w.sync()).toMatchObject({ waiting: 0, rejected: 0, lastError: null });
    expect(await atCentre(w.deviceId)).toHaveLength(2);
  }, 60_000);

  it('after the centre stored the push (its answer lost on the way back): sent again, kept once', async () => {
    const w = await counter();
    const made = [await w.consult('人才公寓怎么申请？'), await w.consult('稳岗返还怎么申请？'), await w.consult('研发补助什么时候申报？')];
    front.rule = onPush({ forwardThenAnswer: 500, body: { code: 'internal', detail: 'proxy lost the answer' } });

    expect(await w.sync()).toMatchObject({ waiting: 3, rejected: 0 });
    expect(await atCentre(w.deviceId)).toEqual(made.map((m) => m.id)); // stored, though the workstation does not know

    front.rule = () => null;
    expect(await w.sync()).toMatchObject({ waiting: 0, rejected: 0, lastError: null });
    expect(await atCentre(w.deviceId)).toEqual(made.map((m) => m.id)); // each once
  }, 60_000);
});

describe('the centre answers 400', () => {
  it('for the whole batch (the body arrived broken): every record stays here, none is refused, sync stops until "sync now"', async () => {
    const w = await counter();
    await w.consult('人才公寓怎么申请？');
    await w.consult('稳岗返还怎么申请？');
    // the body cut short on the way: the real centre answers 400 malformed_json and stores nothing
    front.rule = onPush({ forward: Buffer.from('{"mutations":[{"id":') });

    const refused = await w.sync();
    expect(refused).toMatchObject({ waiting: 2, rejected: 0 });
    expect(refused.lastError?.message).toContain('中心平台拒绝了本次同步（400 malformed_json）');
    expect(refused.lastError?.message).toContain('立即同步');
    expect(await w.tc.call('syncRejected', {}, w.s.clerk)).toEqual([]);
    expect(await atCentre(w.deviceId)).toEqual([]);
    expect(centre.logs).toContainEqual(expect.objectContaining({ event: 'refused', status: 400, code: 'malformed_json' }));

    // once the line is mended, "sync now" sends both
    front.rule = () => null;
    expect(await w.sync()).toMatchObject({ waiting: 0, rejected: 0, lastError: null });
    expect(await atCentre(w.deviceId)).toHaveLength(2);
  }, 60_000);

  it('for one record: that one is kept and shown, the rest are applied', async () => {
    const w = await counter();
    const made = [await w.consult('人才公寓怎么申请？'), await w.consult('稳岗返还怎么申请？'), await w.consult('研发补助什么时候申报？')];
    // the second record's text damaged on the way (a NUL the centre cannot store): the real
    // centre refuses that one (invalid_payload) and applies the others
    front.rule = (req) => {
      if (req.method !== 'POST' || req.path !== '/v1/push') return null;
      const body = JSON.parse(req.body.toString()) as { mutations: { entityId: string; payload: Record<string, unknown> }[] };
      for (const m of body.mutations) if (m.entityId === made[1]!.id) m.payload.question = '稳岗返还\u0000怎么申请？';
      return { forward: Buffer.from(JSON.stringify(body)) };
    };

    const st = await w.sync();
    expect(st).toMatchObject({ waiting: 0, rejected: 1, lastError: null });
    const rejected = await w.tc.call('syncRejected', {}, w.s.clerk);
    expect(rejected).toHaveLength(1);
    expect(rejected[0]).toMatchObject({ entityId: made[1]!.id, entityLabel: '咨询登记', code: 'invalid_payload' });
    expect(rejected[0]!.message).toContain('不符合中心平台的要求');
    expect(await atCentre(w.deviceId)).toEqual([made[0]!.id, made[2]!.id]);
    // the record itself is still here, as it was made
    expect((await w.tc.call('consultationGet', { id: made[1]!.id }, w.s.clerk)).question).toBe('稳岗返还怎么申请？');
  }, 60_000);

  /** An application whose material has one scanned page, and a consultation after it. */
  async function applicationWithPage(w: Awaited<ReturnType<typeof counter>>, seed: number) {
    const app = await w.create();
    const file = await noisePage(path.join(tmp, `page-${seed}.png`), seeded(seed), 400, 560);
    await w.tc.call('applicationPagesAdd', { applicationId: app.id, materialId: app.materials[0]!.id, files: [{ name: '营业执照.png', base64: fs.readFileSync(file).toString('base64') }] }, w.s.clerk);
    const consultation = await w.consult('人才公寓怎么申请？');
    const page = w.tc.core.db!.prepare('SELECT sha256 FROM material_pages').pluck().get() as string;
    return { app, consultation, page, pagePath: BlobStore.inDataDir(w.tc.dataDir).pathOf(page) };
  }

  /** Every upload's bytes (with the POST that creates it, or a PATCH) get one bit flipped, `times` times. */
  function damageUploads(times: number) {
    let left = times;
    front.rule = (req) => {
      if (left === 0 || !req.path.startsWith('/v1/uploads') || (req.method !== 'POST' && req.method !== 'PATCH') || req.body.length === 0) return null;
      left--;
      const damaged = Buffer.from(req.body);
      damaged[damaged.length >> 1]! ^= 1;
      return { forward: damaged };
    };
  }

  it('422 for a blob damaged on the way, the file here whole: it is sent again, nothing is refused', async () => {
    const w = await counter();
    const { app, consultation, page } = await applicationWithPage(w, 7);
    damageUploads(1);

    expect(await w.sync()).toMatchObject({ waiting: 0, rejected: 0, lastError: null });
    expect(centre.logs).toContainEqual(expect.objectContaining({ event: 'refused', status: 422, code: 'blob_hash_mismatch' }));
    expect(await atCentre(w.deviceId)).toEqual(expect.arrayContaining([app.id, consultation.id]));
    expect(await centreHas(page)).toBe(true);
  }, 60_000);

  it('422 for every send of a blob (a line that damages it): the round fails and keeps everything, a healed line sends it all once', async () => {
    const w = await counter();
    const { app, consultation, page } = await applicationWithPage(w, 8);
    damageUploads(Number.POSITIVE_INFINITY);

    const failing = await w.sync();
    expect(failing.rejected).toBe(0);
    expect(failing.waiting).toBeGreaterThan(0);
    expect(failing.lastError?.message).toContain('扫描材料连续几次在传输途中损坏');
    expect(centre.logs.filter((l) => l.event === 'refused' && l.code === 'blob_hash_mismatch').length).toBeGreaterThanOrEqual(3);
    expect(await centreHas(page)).toBe(false);

    front.rule = () => null;
    expect(await w.sync()).toMatchObject({ waiting: 0, rejected: 0, lastError: null });
    expect(await atCentre(w.deviceId)).toEqual(expect.arrayContaining([app.id, consultation.id]));
    expect(await atCentre(w.deviceId)).toHaveLength(w.pushed());
    expect(await centreHas(page)).toBe(true);
  }, 60_000);

  it('422 for a blob whose file here is damaged too: the steps naming it are kept and shown, the rest go', async () => {
    const w = await counter();
    const { app, consultation, page, pagePath } = await applicationWithPage(w, 9);
    const bytes = fs.readFileSync(pagePath);
    bytes[bytes.length >> 1]! ^= 1; // the disk damaged the scan after it was stored
    fs.writeFileSync(pagePath, bytes);

    const st = await w.sync();
    expect(st.waiting).toBe(0);
    const rejected = await w.tc.call('syncRejected', {}, w.s.clerk);
    expect(rejected.length).toBeGreaterThanOrEqual(1);
    expect(rejected.every((r) => r.entity === 'application' && r.code === 'local:BLOB_DAMAGED')).toBe(true);
    expect(rejected[0]!.message).toContain('扫描文件在本机已损坏');
    const sent = await atCentre(w.deviceId);
    expect(sent).toContain(consultation.id);
    expect(sent).toContain(app.id); // the application's creation names no blob
    expect(sent).toHaveLength(w.pushed());
    expect(centre.logs).toContainEqual(expect.objectContaining({ event: 'refused', status: 422, code: 'blob_hash_mismatch' }));
    expect(await centreHas(page)).toBe(false);
  }, 60_000);
});

import fs from 'node:fs';
import sharp from 'sharp';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { revokeDevice } from '../../../server/devices/enrolment';
import { BlobStore } from '../../../electron/core/materials';
import { tusSender, type SendBlob } from '../../../electron/core/sync/blob-sender';
import type { SyncStatus } from '@shared/sync/api-schemas';
import { ADMIN, makeCore, type TestCore } from '../../helpers/core';
import { counterWithCompanies } from '../../helpers/counter';
import { startSyncCentre, type SyncTestCentre } from './centre';
import { SwitchableLink } from './switchable-link';

// The sync engine when things go wrong, against the real centre: enrolment refused or out of
// reach, the centre answering 503, the device revoked, a scanned file gone from this PC; and the
// background loop sending a local write without anyone pressing "sync now".

let central: SyncTestCentre;
let link: SwitchableLink | undefined;
let tc: TestCore | undefined;

beforeAll(async () => {
  central = await startSyncCentre('pglite');
}, 120_000);
afterAll(async () => {
  await central?.close();
});
afterEach(async () => {
  tc?.close();
  tc = undefined;
  await link?.down();
  link = undefined;
});

const setCore = (c: TestCore) => {
  tc = c;
};

const answered = (question: string) => ({ question, category: 'talent' as const, result: 'answered' as const, answer: '可在人才服务平台在线申请。' });

/** A counter workstation; it syncs only when the test says, unless `background`. */
async function counter(background = false) {
  const c = await counterWithCompanies({ sync: { background } });
  tc = c.tc;
  return { ...c, deviceId: (await c.tc.call('appStatus', {})).deviceId };
}

async function enrolled(opts: { viaLink?: boolean; background?: boolean } = {}) {
  const c = await counter(opts.background);
  let url = central.url;
  if (opts.viaLink) {
    link = new SwitchableLink(central.address);
    await link.up();
    url = link.url;
  }
  await c.tc.call('syncEnrol', { centreUrl: url, code: await central.enrolCode(), deviceName: '2号窗口' }, c.s.admin);
  return c;
}

async function atCentre(deviceId: string): Promise<number> {
  const { rows } = await central.db.query<{ n: string | number }>('SELECT count(*) AS n FROM mutations WHERE device_id = $1', [deviceId]);
  return Number(rows[0]!.n);
}

/** Waits (bounded) until the condition holds; the background loop works on its own clock. */
async function eventually(check: () => Promise<boolean> | boolean, what: string, limitMs = 30_000): Promise<void> {
  const end = Date.now() + limitMs;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`gave up waiting: ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

describe('enrolment', () => {
  it('says in words why the centre refused the code, or that it could not be reached; only an administrator may enrol', async () => {
    const { tc, s } = await counter();
    const wrong = await tc.fail('syncEnrol', { centreUrl: central.url, code: 'ZZZZ-ZZZZ-ZZZZ', deviceName: '2号窗口' }, s.admin);
    expect(wrong).toMatchObject({ code: 'ENROL_REFUSED' });
    expect(wrong.message).toContain('登记码不正确');

    const code = await central.enrolCode();
    await tc.call('syncEnrol', { centreUrl: central.url, code, deviceName: '2号窗口' }, s.admin);
    const used = await tc.fail('syncEnrol', { centreUrl: central.url, code, deviceName: '2号窗口' }, s.admin);
    expect(used.message).toContain('登记码已被使用过');

    const away = new SwitchableLink(central.address);
    await away.up();
    const deadUrl = away.url;
    await away.down();
    const unreachable = await tc.fail('syncEnrol', { centreUrl: deadUrl, code: await central.enrolCode(), deviceName: '2号窗口' }, s.admin);
    expect(unreachable.code).toBe('CENTRE_UNREACHABLE');
    expect(unreachable.message).toContain(deadUrl);

    expect((await tc.fail('syncEnrol', { centreUrl: central.url, code: await central.enrolCode(), deviceName: '2号窗口' }, s.clerk)).code).toBe('FORBIDDEN');
    // the refused and failed attempts left the first enrolment as it was
    expect((await tc.call('syncStatus', {}, s.clerk))).toMatchObject({ state: 'online', centreUrl: central.url });
  }, 120_000);
});

describe('failures while syncing', () => {
  it('a centre answering 503 keeps the records waiting, says so, and they go once it answers again', async () => {
    const { tc, s, deviceId } = await enrolled({ viaLink: true });
    await tc.call('consultationCreate', answered('人才公寓怎么申请？'), s.clerk);
    link!.answer503 = true;
    const failing = await tc.call('syncNow', {}, s.clerk);
    expect(failing).toMatchObject({ state: 'online', waiting: 1 });
    expect(failing.lastError?.message).toContain('中心平台暂时出错（503）');
    expect(await atCentre(deviceId)).toBe(0);

    link!.answer503 = false;
    const ok = await tc.call('syncNow', {}, s.clerk);
    expect(ok).toMatchObject({ state: 'online', waiting: 0, lastError: null });
    expect(await atCentre(deviceId)).toBe(1);
  }, 120_000);

  it('a revoked device stops syncing and says so; its records stay here', async () => {
    const { tc, s, deviceId } = await enrolled();
    await tc.call('consultationCreate', answered('人才公寓怎么申请？'), s.clerk);
    await tc.call('syncNow', {}, s.clerk);
    expect(await atCentre(deviceId)).toBe(1);

    await revokeDevice(central.db, deviceId);
    await tc.call('consultationCreate', answered('稳岗返还怎么申请？'), s.clerk);
    const stopped = await tc.call('syncNow', {}, s.clerk);
    expect(stopped).toMatchObject({ state: 'stopped', waiting: 1 });
    expect(stopped.lastError?.message).toContain('已停用本工作台的同步凭据');
    expect(await atCentre(deviceId)).toBe(1);
    // still stopped after a restart of the workstation, the record still waiting
    tc.close();
    const restarted = makeCore({ dataDir: tc.dataDir, sync: { background: false } });
    setCore(restarted);
    const clerk = (await restarted.call('signIn', { username: 'clerk', password: 'Passw0rd1' })).sessionId;
    expect(await restarted.call('syncStatus', {}, clerk)).toMatchObject({ state: 'stopped', waiting: 1 });

    const admin = (await restarted.call('signIn', { username: 'admin', password: ADMIN.password })).sessionId;
    const again = await restarted.fail('syncEnrol', { centreUrl: central.url, code: await central.enrolCode(), deviceName: '2号窗口' }, admin);
    expect(again.message).toContain('需中心管理员重新准入');
  }, 120_000);

  it('a record whose scanned file is gone from this PC is kept and shown; the rest go', async () => {
    const { tc, s, deviceId, create } = await enrolled();
    let app = await create();
    const png = await sharp({ create: { width: 600, height: 800, channels: 3, background: '#fff' } })
      .composite([{ input: Buffer.from('<svg width="600" height="800"><rect x="60" y="90" width="400" height="30"/></svg>') }])
      .png()
      .toBuffer();
    app = (await tc.call('applicationPagesAdd', { applicationId: app.id, materialId: app.materials[0]!.id, files: [{ name: '营业执照.png', base64: png.toString('base64') }] }, s.clerk)).application;
    const page = app.materials[0]!.pages[0]!.sha256;
    fs.rmSync(BlobStore.inDataDir(tc.dataDir).pathOf(page));
    await tc.call('consultationCreate', answered('研发补助什么时候申报？'), s.clerk);

    const status = await tc.call('syncNow', {}, s.clerk);
    expect(status.waiting).toBe(0);
    const rejected = await tc.call('syncRejected', {}, s.clerk);
    expect(rejected.length).toBeGreaterThanOrEqual(1);
    expect(rejected.every((r) => r.entity === 'application' && r.code === 'local:BLOB_LOST')).toBe(true);
    expect(rejected[0]!.message).toContain('扫描文件在本机已找不到');
    expect(status.rejected).toBe(rejected.length);
    const sent = tc.core.db!.prepare('SELECT count(*) FROM outbox WHERE pushed_at IS NOT NULL').pluck().get() as number;
    expect(sent).toBeGreaterThanOrEqual(2); // the application's creation and the consultation
    expect(await atCentre(deviceId)).toBe(sent);
  }, 120_000);
});

describe('upload progress', () => {
  it('shows which file of how many is going up and how much of it, while it goes', async () => {
    const seen: SyncStatus['upload'][] = [];
    const ws: { core?: TestCore; clerk?: string } = {};
    // the real tus sender, with a look at the status the progress bar polls at each step
    const sendBlob: SendBlob = (req) => tusSender(ws.core!.core.db!, () => new Date())({
      ...req,
      onProgress: (sent, total) => {
        req.onProgress?.(sent, total);
        void ws.core!.call('syncStatus', {}, ws.clerk).then((st) => seen.push(st.upload));
      },
    });
    const c = await counterWithCompanies({ sync: { background: false, sendBlob } });
    ws.core = tc = c.tc;
    const clerk = (ws.clerk = c.s.clerk!);
    await c.tc.call('syncEnrol', { centreUrl: central.url, code: await central.enrolCode(), deviceName: '2号窗口' }, c.s.admin);
    const app = await c.create();
    const files = await Promise.all([1, 2, 3].map(async (n) => ({
      name: `第${n}页.png`,
      base64: (await sharp({ create: { width: 900, height: 1200, channels: 3, background: '#fff' } })
        .composite([{ input: Buffer.from(`<svg width="900" height="1200"><rect x="80" y="${100 * n}" width="700" height="40"/></svg>`) }]).png().toBuffer()).toString('base64'),
    })));
    await c.tc.call('applicationPagesAdd', { applicationId: app.id, materialId: app.materials[0]!.id, files }, clerk);

    const after = await c.tc.call('syncNow', {}, clerk);
    await new Promise((r) => setImmediate(r));
    expect(after.upload).toBeNull();
    const shown = seen.filter((u): u is NonNullable<typeof u> => u !== null);
    expect(shown.length).toBeGreaterThan(0);
    expect(shown[0]!.files).toBe(4); // three pages and the material's PDF
    expect(new Set(shown.map((u) => u.file))).toEqual(new Set([1, 2, 3, 4]));
    for (const u of shown) expect(u.sent).toBeLessThanOrEqual(u.total);
    expect(shown.some((u) => u.total > 0 && u.sent === u.total)).toBe(true);
  }, 120_000);
});

describe('the background loop', () => {
  it('sends a record soon after it is made, with nobody pressing sync', async () => {
    const { tc, s, deviceId } = await enrolled({ background: true });
    await tc.call('consultationCreate', answered('人才公寓怎么申请？'), s.clerk);
    await eventually(async () => (await atCentre(deviceId)) === 1, 'the consultation reaches the centre');
    await eventually(async () => (await tc.call('syncStatus', {}, s.clerk)).waiting === 0, 'the workstation sees it sent');
  }, 120_000);
});

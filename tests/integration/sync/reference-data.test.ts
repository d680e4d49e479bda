import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import type { MethodInput, MethodName, MethodOutput } from '@shared/api/contract';
import { FEED } from '@shared/sync/feed';
import { createCore } from '../../../electron/core/app/create-core';
import { ADMIN, makeCore, RESOURCES, TestClock, withStaff, type TestCore } from '../../helpers/core';
import { centreSuite } from '../../helpers/central';
import { startSyncCentre, type SyncTestCentre } from './centre';

// What the centre publishes (its admin commands: the policy library, the enterprises, staff
// accounts; and the calendar) reaching a fresh workstation through the feed, page by page, each
// page in one transaction with its cursor; and the cursor kept across a restart.

let central: SyncTestCentre;
let tc: TestCore | undefined;
const dirs: string[] = [];

afterAll(() => {
  for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
});
afterEach(() => {
  tc?.close();
  tc = undefined;
});

const tempDir = (prefix: string) => {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  dirs.push(d);
  return d;
};

type PolicyRecord = { id: string; title: string; items: { id: string }[] } & Record<string, unknown>;

/** The sample library, plus one policy the workstation's own first-start copy does not have. */
function libraryFile(): { file: string; policies: PolicyRecord[] } {
  const sample = JSON.parse(fs.readFileSync(path.join(RESOURCES, 'policies', 'sample-library.json'), 'utf8')) as { policies: PolicyRecord[] };
  const first = sample.policies[0]!;
  const extra: PolicyRecord = {
    ...first,
    id: 'BJ-SW-2026-09',
    title: '滨江区跨境电商出海扶持办法',
    docNo: '杭滨政办〔2026〕31号',
    items: first.items.map((item, i) => ({ ...item, id: `BJ-SW-2026-09-0${i + 1}` })),
  };
  const policies = [...sample.policies, extra];
  const file = path.join(tempDir('pd-library-'), 'library.json');
  fs.writeFileSync(file, JSON.stringify({ ...sample, policies }));
  return { file, policies };
}

const SAMPLE_ENTERPRISES = path.join(RESOURCES, 'enterprises', 'sample-enterprises.csv');

const cursorOf = (t: { core: { db: TestCore['core']['db'] } }) => t.core.db!.prepare('SELECT pull_cursor FROM sync_state').pluck().get() as number;

centreSuite('reference data from the centre', (c) => {
  beforeAll(() => {
    central = c;
  });

  it('reaches a fresh workstation: its search finds the policy, its lookup the company, the staff sign in; the cursor survives a restart', async () => {
    const { file, policies } = libraryFile();
    await central.admin('publish', 'policies', file);
    await central.admin('publish', 'enterprises', SAMPLE_ENTERPRISES);
    await central.admin('staff', 'add', '--username', 'zhoumin', '--display-name', '周敏', '--roles', 'counter', '--password', 'Centre2026');
    // the calendar has no admin command yet: published as the commands publish
    await central.publish(FEED.calendarNotice, [{ id: '2027', payload: { year: 2027, holidays: [{ name: '元旦', from: '2027-01-01', to: '2027-01-01' }], adjustedWorkdays: [] } }]);

    const dir = tempDir('pd-ws-');
    const ws = (tc = makeCore({ dataDir: dir, sync: { background: false } }));
    const s = await withStaff(ws, [{ username: 'clerk', displayName: '李娜', roles: ['counter'] }]);
    expect(await ws.call('enterpriseLookup', { query: '云栖智联' }, s.clerk)).toEqual([]);
    expect((await ws.call('policySearch', { query: '跨境电商出海' }, s.clerk)).hits).toEqual([]);

    await ws.call('syncEnrol', { centreUrl: central.url, code: await central.enrolCode(), deviceName: '5号窗口' }, s.admin);
    expect(await ws.call('syncNow', {}, s.clerk)).toMatchObject({ state: 'online', waiting: 0, rejected: 0, lastError: null });

    const found = await ws.call('policySearch', { query: '跨境电商出海' }, s.clerk);
    expect(found.hits.map((h) => h.id)).toEqual(['BJ-SW-2026-09']);
    expect((await ws.call('policyGet', { id: 'BJ-SW-2026-09' }, s.clerk)).items).toHaveLength(policies.at(-1)!.items.length);
    expect((await ws.call('enterpriseLookup', { query: '云栖智联' }, s.clerk)).map((e) => e.uscc)).toEqual(['91330108MA2BYF300E']);
    expect(ws.count('enterprises')).toBe(fs.readFileSync(SAMPLE_ENTERPRISES, 'utf8').trim().split('\n').length - 1);
    expect((await ws.call('signIn', { username: 'zhoumin', password: 'Centre2026' })).staff).toMatchObject({ displayName: '周敏', roles: ['counter'] });
    expect((await ws.call('calendarDays', {}, s.clerk)).years).toContain(2027);

    // restart: the cursor is where it was; nothing is pulled again
    const cursor = cursorOf(ws);
    expect(cursor).toBeGreaterThan(0);
    const importedAt = (t: TestCore) => t.core.db!.prepare("SELECT imported_at FROM policies WHERE id = 'BJ-SW-2026-09'").pluck().get() as string;
    const updatedAt = (t: TestCore, uscc: string) => t.core.db!.prepare('SELECT updated_at FROM enterprises WHERE uscc = ?').pluck().get(uscc) as string;
    const firstImport = importedAt(ws);
    const firstUpdate = updatedAt(ws, '91330108MA2BYF300E');
    ws.close();
    const again = (tc = makeCore({ dataDir: dir, sync: { background: false } }));
    expect(cursorOf(again)).toBe(cursor);
    again.clock.advance(3600);
    const clerk = (await again.call('signIn', { username: 'clerk', password: 'Passw0rd1' })).sessionId;
    await again.call('syncNow', {}, clerk);
    expect(cursorOf(again)).toBe(cursor);
    expect(importedAt(again)).toBe(firstImport);
    expect(updatedAt(again, '91330108MA2BYF300E')).toBe(firstUpdate);

    // a new list of enterprises at the centre, one company changed: only that one comes
    const csv = fs.readFileSync(SAMPLE_ENTERPRISES, 'utf8').replace(',杭州星澜微电子有限公司,张伟,330108,C3973,2013-09-02,8000,420,', ',杭州星澜微电子有限公司,张伟,330108,C3973,2013-09-02,8000,450,');
    expect(csv).not.toBe(fs.readFileSync(SAMPLE_ENTERPRISES, 'utf8'));
    const changed = path.join(tempDir('pd-csv-'), 'enterprises.csv');
    fs.writeFileSync(changed, csv);
    await central.admin('publish', 'enterprises', changed);
    await again.call('syncNow', {}, clerk);
    expect(cursorOf(again)).toBeGreaterThan(cursor);
    expect(again.core.db!.prepare("SELECT employees FROM enterprises WHERE uscc = '91330108MA2KEAM80H'").pluck().get()).toBe(450);
    expect(updatedAt(again, '91330108MA2BYF300E')).toBe(firstUpdate);
    expect(importedAt(again)).toBe(firstImport);

    // the centre disables the account: after the next sync it no longer signs in here
    await central.admin('staff', 'disable', '--username', 'zhoumin');
    await again.call('syncNow', {}, clerk);
    expect((await again.fail('signIn', { username: 'zhoumin', password: 'Centre2026' })).code).toBe('ACCOUNT_DISABLED');
  }, 180_000);

  it('applies the feed page by page, each page with its cursor: a page that fails leaves the pages before it and nothing of its own', async () => {
    const clock = new TestClock('2026-11-27T10:00:00+08:00');
    const core = createCore({ dataDir: tempDir('pd-ws-'), resourcesDir: RESOURCES, now: clock.now, log: () => {}, sync: { background: false, pullPage: 20 } });
    tc = { core, close: () => core.close() } as TestCore;
    const call = async <M extends MethodName>(m: M, input: MethodInput<M>, session: string | null = null) => {
      const r = await core.dispatch(m, input, session);
      if (!r.ok) throw new Error(`${m}: ${r.error.message}`);
      return r.value as MethodOutput<M>;
    };
    const admin = (await call('setupAdmin', ADMIN)).sessionId;
    await call('syncEnrol', { centreUrl: central.url, code: await central.enrolCode(), deviceName: '6号窗口' }, admin);

    // the library's 50 policies come (with whatever else the centre published) on pages of 20;
    // the page holding the 41st policy cannot be written (the disk, say)
    const { file, policies } = libraryFile();
    await central.admin('publish', 'policies', file);
    const { rows } = await central.db.query<{ seq: string; entity: string; entity_id: string }>("SELECT seq, entity, entity_id FROM changes WHERE 'all' = ANY(audience) ORDER BY seq");
    const policyIds = rows.filter((r) => r.entity === 'policy').map((r) => r.entity_id);
    expect(new Set(policyIds)).toEqual(new Set(policies.map((p) => p.id)));
    const failing = policyIds[40]!;
    const failingAt = rows.findIndex((r) => r.entity === 'policy' && r.entity_id === failing);
    const pageStart = Math.floor(failingAt / 20) * 20;
    expect(pageStart).toBeGreaterThan(0);
    for (const when of ['INSERT', 'UPDATE']) {
      core.db!.exec(`CREATE TEMP TRIGGER fail_${when} BEFORE ${when} ON policies WHEN NEW.id = '${failing}' BEGIN SELECT RAISE(ABORT, 'disk I/O error'); END;`);
    }
    const pulled = () => new Set(core.db!.prepare("SELECT id FROM policies WHERE imported_at = '2026-11-27T03:00:00.000Z'").pluck().all() as string[]);
    clock.set('2026-11-27T11:00:00+08:00');

    const failed = await call('syncNow', {}, admin);
    expect(failed.lastError?.message).toContain('同步时工作台内部出错');
    // every page before the failing one, with its cursor; nothing of the failing page
    const before = rows.slice(0, pageStart).filter((r) => r.entity === 'policy').map((r) => r.entity_id);
    expect(pulled()).toEqual(new Set(before));
    expect(cursorOf({ core })).toBe(Number(rows[pageStart - 1]!.seq));

    // the disk is fine again: the next round goes on from the cursor and finishes
    core.db!.exec('DROP TRIGGER fail_INSERT; DROP TRIGGER fail_UPDATE;');
    const done = await call('syncNow', {}, admin);
    expect(done.lastError).toBeNull();
    expect(pulled()).toEqual(new Set(policyIds));
    expect(cursorOf({ core })).toBeGreaterThanOrEqual(Number(rows[rows.length - 1]!.seq));
  }, 180_000);
}, startSyncCentre);

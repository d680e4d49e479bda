import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { DATABASE_FILE } from '../../../electron/core/app/create-core';
import { LATEST_VERSION } from '../../../electron/core/db/migrations';
import { migrate } from '../../../electron/core/db/migrate';
import { ADMIN, makeCore, type TestCore } from '../../helpers/core';

let tc: TestCore | undefined;
afterEach(() => tc?.close());
const tmp = () => fs.mkdtempSync(path.join(os.tmpdir(), 'pd-open-'));

describe('a database that cannot be opened', () => {
  it('reports a corrupt file in Chinese, serves only the status, and leaves the file untouched', async () => {
    const dir = tmp();
    const file = path.join(dir, DATABASE_FILE);
    const garbage = Buffer.from('这不是数据库 — not a database '.repeat(200));
    fs.writeFileSync(file, garbage);
    tc = makeCore({ dataDir: dir });
    const status = await tc.call('appStatus', {});
    expect(status.state).toBe('db_error');
    expect(status.error?.code).toBe('DB_CORRUPT');
    expect(status.error?.message).toContain('本地数据库文件已损坏');
    expect(status.error?.message).toContain(file);
    expect((await tc.fail('signIn', { username: 'admin', password: 'Admin1234' })).code).toBe('DB_UNAVAILABLE');
    expect(fs.readFileSync(file).equals(garbage)).toBe(true);
    expect(fs.readdirSync(dir)).toEqual([DATABASE_FILE]);
  });

  it('reports a damaged SQLite page without repairing over it', async () => {
    const dir = tmp();
    tc = makeCore({ dataDir: dir });
    await tc.call('setupAdmin', ADMIN);
    tc.core.db!.pragma('wal_checkpoint(TRUNCATE)');
    tc.close();
    const file = path.join(dir, DATABASE_FILE);
    const bytes = fs.readFileSync(file);
    bytes.fill(0xff, 4096, 4096 + 64); // scribble over the second page’s b-tree header
    fs.writeFileSync(file, bytes);
    tc = makeCore({ dataDir: dir });
    const status = await tc.call('appStatus', {});
    expect(status.state).toBe('db_error');
    expect(status.error?.code).toBe('DB_CORRUPT');
    expect(fs.readFileSync(file).equals(bytes)).toBe(true);
  });

  it('refuses a database written by a newer version', async () => {
    const dir = tmp();
    const db = new Database(path.join(dir, DATABASE_FILE));
    db.pragma(`user_version = ${LATEST_VERSION + 1}`);
    db.close();
    tc = makeCore({ dataDir: dir });
    const status = await tc.call('appStatus', {});
    expect(status.error?.code).toBe('DB_NEWER');
  });

  it('reports a read-only data folder instead of crashing', () => {
    const dir = tmp();
    fs.chmodSync(dir, 0o555);
    // root ignores permission bits, so the check runs as an unprivileged user where we are root
    const script = `
      import { createCore } from ${JSON.stringify(path.resolve('electron/core/app/create-core.ts'))};
      const core = createCore({ dataDir: ${JSON.stringify(path.join(dir, 'data'))}, resourcesDir: 'resources', log: () => {} });
      const r = await core.dispatch('appStatus', {}, null);
      console.log(JSON.stringify(r));`;
    const runAs = process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : {};
    const out = execFileSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
      ...runAs, encoding: 'utf8', env: { ...process.env, HOME: os.tmpdir() }, cwd: process.cwd(),
    });
    const r = JSON.parse(out.trim().split('\n').pop()!);
    expect(r.ok).toBe(true);
    expect(r.value.state).toBe('db_error');
    expect(r.value.error.code).toBe('DB_READONLY');
    expect(r.value.error.message).toContain('数据目录不可写');
    expect(fs.readdirSync(dir)).toEqual([]);
  });
});

describe('migrations', () => {
  it('bring a new file to the latest version with WAL and foreign keys on', () => {
    tc = makeCore();
    const db = tc.core.db!;
    expect(db.pragma('user_version', { simple: true })).toBe(LATEST_VERSION);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '%search%'").all().map((r) => (r as { name: string }).name);
    expect(tables.sort()).toEqual([
      'application_events', 'application_materials', 'applications', 'audit_log', 'backoffice_cases', 'backoffice_counter_events',
      'backoffice_decisions', 'backoffice_materials', 'blob_uploads', 'calendar_days', 'consultation_policies',
      'consultations', 'day_closes', 'deadline_extensions', 'deliveries', 'enterprise_tags', 'enterprises', 'issued_documents', 'material_pages',
      'meta', 'outbox', 'policies', 'policy_items', 'settings', 'staff', 'sync_state', 'ticket_events', 'tickets',
    ]);
  });

  it('0002 keeps the consultations made under 0001', () => {
    const dir = tmp();
    const db = new Database(path.join(dir, DATABASE_FILE));
    migrate(db, 1);
    db.prepare("INSERT INTO staff (id, username, display_name, password_hash, roles, created_at, updated_at) VALUES ('s1', 'clerk', '李娜', 'x', '[\"counter\"]', 't', 't')").run();
    db.prepare("INSERT INTO consultations (id, channel, day, status, question, created_at, created_by, updated_at, updated_by) VALUES ('c1', 'counter', '2026-11-27', 'done', '人才公寓怎么申请？', 't', 's1', 't', 's1')").run();
    migrate(db, 2);
    expect(db.pragma('user_version', { simple: true })).toBe(2);
    expect(db.prepare('SELECT question FROM consultations').get()).toEqual({ question: '人才公寓怎么申请？' });
    db.prepare("INSERT INTO policies (id, title, issuer, level, category, publish_date, status, full_text, interpretation, imported_at) VALUES ('p1', '人才政策', '区人社局', 'district', 'award', '2026-01-01', 'active', '全文', '{}', 't')").run();
    db.prepare("INSERT INTO consultation_policies (consultation_id, policy_id, position) VALUES ('c1', 'p1', 0)").run();
    expect(() => db.prepare("INSERT INTO consultation_policies (consultation_id, policy_id, position) VALUES ('c1', 'nope', 1)").run()).toThrow(/FOREIGN KEY/);
    db.close();
  });

  it('are applied once: reopening keeps data and the device id', async () => {
    const dir = tmp();
    tc = makeCore({ dataDir: dir });
    await tc.call('setupAdmin', ADMIN);
    const device = tc.core.status().deviceId;
    tc.close();
    tc = makeCore({ dataDir: dir });
    expect(tc.core.status()).toMatchObject({ state: 'ready', deviceId: device });
  });

  it('load the 2026 holiday notice on first start', () => {
    tc = makeCore();
    const n = tc.core.db!.prepare("SELECT count(*) AS n FROM calendar_days WHERE date LIKE '2026-%'").get() as { n: number };
    expect(n.n).toBe(3 + 9 + 3 + 5 + 3 + 3 + 7 + 6);
  });

  it('use the index for the caller-history lookup', () => {
    tc = makeCore();
    const plan = tc.core.db!.prepare("EXPLAIN QUERY PLAN SELECT * FROM consultations WHERE caller_number = '13800000000' AND caller_number <> '' ORDER BY created_at DESC").all() as { detail: string }[];
    expect(plan.map((p) => p.detail).join(' ')).toContain('consultations_by_caller');
  });
});

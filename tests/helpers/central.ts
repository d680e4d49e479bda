import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe } from 'vitest';
import { v7 } from 'uuid';
import { startCentral, type Central, type CentralOptions } from '../../server/central';
import { createEnrolCode } from '../../server/devices/enrolment';
import { runAdmin } from '../../server/admin/commands';
import { parseArgs } from '../../server/admin/args';
import type { LogEntry } from '../../server/log';
import type { Mutation } from '@shared/sync/protocol';

// The real centre (server/central.ts) on loopback for tests: PGlite in a temp folder, or a real
// PostgreSQL (a fresh database on PG_TEST_URL's server, dropped afterwards). Run a suite on both
// with `centreSuite` (or `describe.each(BACKENDS)` and `describe.skipIf(backendMissing(kind))`).

export type Backend = 'pglite' | 'pg';
export const BACKENDS: { name: string; kind: Backend }[] = [
  { name: 'PGlite', kind: 'pglite' },
  { name: 'PostgreSQL', kind: 'pg' },
];

/**
 * True (skip, reason printed) when the PostgreSQL variant cannot run here: no PG_TEST_URL on a
 * developer's machine. In CI (CI=true) it is never skipped: startTestCentral then fails, saying why.
 */
export function backendMissing(kind: Backend): boolean {
  if (kind === 'pglite' || process.env.PG_TEST_URL || process.env.CI === 'true') return false;
  console.warn('[skipped] PostgreSQL variant: PG_TEST_URL is not set (export PG_TEST_URL="$(sudo scripts/ci/setup-postgres.sh)"); .ci/run sets it');
  return true;
}

/** A fresh database on PG_TEST_URL's server; drop() removes it. */
export async function createTestDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  const base = process.env.PG_TEST_URL;
  if (!base) throw new Error('PG_TEST_URL is not set: the PostgreSQL tests need a server (.ci/run starts one with scripts/ci/setup-postgres.sh)');
  const name = `pd_test_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(base);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const c = new pg.Client({ connectionString: base });
      await c.connect();
      try {
        // FORCE may not end an autovacuum worker that just started on the database (42501, seen in
        // CI): it finishes within moments, so try again a few times
        for (let attempt = 1; ; attempt++) {
          try {
            await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
            break;
          } catch (e) {
            if ((e as { code?: string }).code !== '42501' || attempt >= 10) throw e;
            await new Promise((r) => setTimeout(r, 300));
          }
        }
      } finally {
        await c.end();
      }
    },
  };
}

/**
 * A suite against a test centre of its own on each backend (the PostgreSQL one skipped, with the
 * reason, only off CI): started before the suite's first test (by `start`, default startTestCentral),
 * closed after its last. The body gets the suite's centre as a stand-in that reaches the running one.
 */
export function centreSuite(title: string, body: (c: TestCentral, kind: Backend) => void): void;
export function centreSuite<C extends object & { close(): Promise<unknown> }>(title: string, body: (c: C, kind: Backend) => void, start: (kind: Backend) => Promise<C>): void;
export function centreSuite<C extends object & { close(): Promise<unknown> }>(
  title: string,
  body: (c: C, kind: Backend) => void,
  start: (kind: Backend) => Promise<C> = startTestCentral as unknown as (kind: Backend) => Promise<C>,
): void {
  describe.each(BACKENDS)(`${title} (centre on $name)`, ({ kind }) => {
    describe.skipIf(backendMissing(kind))('', () => {
      let current: C | undefined;
      beforeAll(async () => {
        current = await start(kind);
      }, 120_000);
      afterAll(() => current?.close(), 120_000);
      const c = new Proxy({} as C, {
        get: (_, key) => {
          if (!current) throw new Error('the test centre is not running (used outside a test?)');
          const v = (current as Record<string | symbol, unknown>)[key];
          return typeof v === 'function' ? v.bind(current) : v;
        },
      });
      body(c, kind);
    });
  });
}

export interface TestDevice {
  id: string;
  secret: string;
  /** the Authorization header value */
  auth: string;
  departments: string[];
  /** the next outbox seq */
  seq: number;
}

export interface TestCentral {
  central: Central;
  url: string;
  dataDir: string;
  databaseUrl?: string;
  logs: LogEntry[];
  /** enrols a device through POST /v1/enrol with a fresh code */
  enrolDevice(opts?: { departments?: string[]; name?: string }): Promise<TestDevice>;
  /** an admin command, in-process against the same database */
  admin(...argv: string[]): Promise<{ code: number; out: string[]; err: string[] }>;
  count(table: string): Promise<number>;
  close(): Promise<void>;
}

const MIGRATIONS = path.resolve(import.meta.dirname, '../../server/db/migrations');

/**
 * A migrated PGlite folder, made once per machine and version of the migrations and copied for
 * each test centre: a new PGlite folder takes about 10 s to make (initdb in WebAssembly), a copy
 * under a second. Test files run in separate processes, so the template lives in the temp folder;
 * two processes making it at once each make one and the first rename wins.
 */
async function pgliteTemplate(): Promise<string> {
  const hash = createHash('sha256');
  for (const f of readdirSync(MIGRATIONS).sort()) hash.update(f).update(readFileSync(path.join(MIGRATIONS, f)));
  hash.update(readFileSync(path.resolve(import.meta.dirname, '../../node_modules/@electric-sql/pglite/package.json')));
  const dir = path.join(os.tmpdir(), `policydesk-pglite-template-${hash.digest('hex').slice(0, 16)}`);
  if (existsSync(path.join(dir, 'complete'))) return dir;
  const making = await fs.mkdtemp(`${dir}-making-`);
  const central = await startCentral({ dataDir: making, port: 0, log: () => {} });
  await central.close();
  await fs.writeFile(path.join(making, 'complete'), '');
  await fs.rename(making, dir).catch(() => fs.rm(making, { recursive: true, force: true }));
  return dir;
}

export async function startTestCentral(kind: Backend, opts: Partial<CentralOptions> = {}): Promise<TestCentral> {
  const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'pd-central-'));
  if (kind === 'pglite' && !opts.databaseUrl) await fs.cp(path.join(await pgliteTemplate(), 'pgdata'), path.join(dataDir, 'pgdata'), { recursive: true });
  const database = kind === 'pg' ? await createTestDatabase() : null;
  const logs: LogEntry[] = [];
  const central = await startCentral({ dataDir, databaseUrl: database?.url, port: 0, log: (e) => void logs.push(e), ...opts });
  return {
    central,
    url: central.url,
    dataDir,
    databaseUrl: database?.url,
    logs,
    async enrolDevice({ departments = [], name = '测试窗口' } = {}) {
      const { code } = await createEnrolCode(central.db, { departments, ttlHours: 1 });
      const id = v7();
      const res = await post(central.url, '/v1/enrol', { code, deviceName: name, deviceId: id });
      if (res.status !== 200) throw new Error(`enrol failed: ${res.status} ${JSON.stringify(res.body)}`);
      const { secret } = res.body as { secret: string };
      return { id, secret, auth: `Bearer ${id}.${secret}`, departments, seq: 0 };
    },
    async admin(...argv) {
      const out: string[] = [];
      const err: string[] = [];
      const code = await runAdmin(central.db, parseArgs(argv), (l) => out.push(l), (l) => err.push(l));
      return { code, out, err };
    },
    async count(table) {
      const { rows } = await central.db.query<{ n: string | number }>(`SELECT count(*) AS n FROM ${table}`);
      return Number(rows[0]!.n);
    },
    async close() {
      await central.close();
      await database?.drop();
      await fs.rm(dataDir, { recursive: true, force: true });
    },
  };
}

// ---- HTTP -----------------------------------------------------------------------------------------

export interface Answer {
  status: number;
  body: unknown;
}

async function answer(res: Response): Promise<Answer> {
  const text = await res.text();
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {
    // not JSON: keep the text
  }
  return { status: res.status, body };
}

export async function post(base: string, p: string, body: unknown, auth?: string, raw = false): Promise<Answer> {
  const res = await fetch(`${base}${p}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...(auth ? { Authorization: auth } : {}) },
    body: raw ? (body as string) : JSON.stringify(body),
  });
  return answer(res);
}

export async function get(base: string, p: string, auth?: string): Promise<Answer> {
  return answer(await fetch(`${base}${p}`, { headers: auth ? { Authorization: auth } : {} }));
}

// ---- mutations ------------------------------------------------------------------------------------

/** A mutation of the device's outbox (its seq taken from the device). */
export function mutation(device: TestDevice, m: Partial<Mutation> & Pick<Mutation, 'entity' | 'entityId' | 'op' | 'payload'>): Mutation {
  device.seq += 1;
  return { id: v7(), seq: device.seq, staffId: 'staff-1', createdAt: new Date().toISOString(), blobs: [], ...m };
}

export const consultation = (device: TestDevice, text = '咨询研发费用加计扣除') => {
  const id = v7();
  return mutation(device, { entity: 'consultation', entityId: id, op: 'create', payload: { id, summary: text } });
};

export async function push(base: string, device: TestDevice, mutations: unknown[]): Promise<Answer> {
  return post(base, '/v1/push', { mutations }, device.auth);
}

/** Every change the device may see, page by page from `after`; the pages' sizes and the last cursor. */
export async function pullAll(base: string, device: TestDevice, after = 0, limit = 1000) {
  const changes: { seq: number; entity: string; entityId: string; op: string; payload: unknown; origin: string | null }[] = [];
  const pages: number[] = [];
  let cursor = after;
  for (;;) {
    const res = await get(base, `/v1/changes?after=${cursor}&limit=${limit}`, device.auth);
    if (res.status !== 200) throw new Error(`pull failed: ${res.status} ${JSON.stringify(res.body)}`);
    const page = res.body as { changes: typeof changes; cursor: number; more: boolean };
    changes.push(...page.changes);
    pages.push(page.changes.length);
    cursor = page.cursor;
    if (!page.more) return { changes, pages, cursor };
  }
}

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createCore, type Core, type CoreOptions } from '../../electron/core/app/create-core';
import type { MethodInput, MethodName, MethodOutput } from '@shared/api/contract';
import type { AppErrorData } from '@shared/api/errors';

export const RESOURCES = path.resolve(import.meta.dirname, '../../resources');

/** A clock the test moves by hand; starts on a chosen China-time instant. */
export class TestClock {
  private t: number;
  constructor(iso: string) {
    this.t = Date.parse(iso);
  }
  now = (): Date => new Date(this.t);
  set(iso: string): void {
    this.t = Date.parse(iso);
  }
  advance(seconds: number): void {
    this.t += seconds * 1000;
  }
}

export interface TestCore {
  core: Core;
  dataDir: string;
  clock: TestClock;
  /** call as a given session; resolves to the value or rejects with the error data */
  call<M extends MethodName>(method: M, input: MethodInput<M>, session?: string | null): Promise<MethodOutput<M>>;
  fail(method: MethodName, input: unknown, session?: string | null): Promise<AppErrorData>;
  count(table: string): number;
  close(): void;
}

export function makeCore(opts: { at?: string; dataDir?: string; scanning?: CoreOptions['scanning']; printer?: CoreOptions['printer']; sync?: CoreOptions['sync'] } = {}): TestCore {
  const dataDir = opts.dataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'pd-core-'));
  // 2026-11-27 (a Friday) 10:00 China time
  const clock = new TestClock(opts.at ?? '2026-11-27T10:00:00+08:00');
  const core = createCore({ dataDir, resourcesDir: RESOURCES, now: clock.now, scanning: opts.scanning, printer: opts.printer, sync: opts.sync, log: process.env.CORE_LOG ? (m, e) => console.error(m, e) : () => {} });
  return {
    core, dataDir, clock,
    async call(method, input, session = null) {
      const r = await core.dispatch(method, input, session);
      if (!r.ok) throw Object.assign(new Error(`${method}: ${r.error.code} ${r.error.message}`), { data: r.error });
      return r.value as never;
    },
    async fail(method, input, session = null) {
      const r = await core.dispatch(method, input, session);
      if (r.ok) throw new Error(`${method} was expected to fail but returned ${JSON.stringify(r.value)}`);
      return r.error;
    },
    count: (table) => (core.db!.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n,
    close: () => core.close(),
  };
}

export const ADMIN = { centreName: '滨江区企业服务中心', username: 'admin', displayName: '系统管理员', password: 'Admin1234' };

/** A workstation with an admin and one staff member per role given; returns their sessions. */
export async function withStaff(tc: TestCore, people: { username: string; displayName: string; roles: MethodInput<'staffCreate'>['roles'] }[]) {
  const admin = await tc.call('setupAdmin', ADMIN);
  const sessions: Record<string, string> = { admin: admin.sessionId };
  for (const p of people) {
    await tc.call('staffCreate', { ...p, password: 'Passw0rd1' }, admin.sessionId);
    sessions[p.username] = (await tc.call('signIn', { username: p.username, password: 'Passw0rd1' })).sessionId;
  }
  return sessions;
}

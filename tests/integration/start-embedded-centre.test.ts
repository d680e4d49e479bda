import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readLock } from '../../server/db/data-lock';

// `npm start` with no centre configured (scripts/start.mjs → scripts/embedded-centre.mjs →
// server/embedded.ts): a centre on loopback, the workstation enrolled with it by itself, the sample
// policy library reaching it through the feed; a second workstation on the same PC (a back office
// of one department) joins the same centre; stopping the first stops its centre.

const ROOT = path.resolve(import.meta.dirname, '../..');

interface Started {
  proc: ChildProcess;
  output: () => string;
}

function start(dataDir: string, extra: string[] = []): Promise<Started> {
  const proc = spawn(process.execPath, [path.join(ROOT, 'scripts/start.mjs'), '--data-dir', dataDir, ...extra], {
    cwd: ROOT,
    env: { ...process.env, POLICYDESK_HOST: 'web' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  proc.stdout!.on('data', (d: Buffer) => (output += d));
  proc.stderr!.on('data', (d: Buffer) => (output += d));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no POLICYDESK_URL within 60 s:\n${output}`)), 60_000);
    const poll = setInterval(() => {
      if (!/POLICYDESK_URL=\S+/.test(output)) return;
      clearTimeout(timer);
      clearInterval(poll);
      resolve({ proc, output: () => output });
    }, 100);
    proc.once('exit', (code) => {
      clearTimeout(timer);
      clearInterval(poll);
      reject(new Error(`start.mjs exited with ${code}:\n${output}`));
    });
  });
}

interface SyncRow {
  centre_url: string | null;
  departments: string;
  pull_cursor: number;
}

/** The workstation's sync state once it is enrolled and has pulled something (read-only, WAL). */
async function enrolledState(dataDir: string): Promise<SyncRow> {
  const deadline = Date.now() + 60_000;
  for (;;) {
    const db = new Database(path.join(dataDir, 'policydesk.sqlite'), { readonly: true, fileMustExist: true });
    try {
      const row = db.prepare('SELECT centre_url, departments, pull_cursor FROM sync_state WHERE id = 1').get() as SyncRow;
      if (row.centre_url && row.pull_cursor > 0) return row;
    } finally {
      db.close();
    }
    if (Date.now() > deadline) throw new Error(`${dataDir} was not enrolled and synced within 60 s`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

const stop = (s: Started) =>
  new Promise<number | null>((resolve) => {
    if (s.proc.exitCode !== null) return resolve(s.proc.exitCode);
    s.proc.once('exit', (code) => resolve(code));
    s.proc.kill('SIGTERM');
  });

describe('npm start with no centre configured', () => {
  let parent = '';
  const started: Started[] = [];

  beforeAll(() => {
    if (!fs.existsSync(path.join(ROOT, 'out/main/web-host.js'))) throw new Error('out/main/web-host.js is missing: run npm run build first');
    parent = fs.mkdtempSync(path.join(os.tmpdir(), 'policydesk-embedded-'));
  });

  afterAll(() => {
    for (const s of started) if (s.proc.exitCode === null) s.proc.kill('SIGKILL');
    fs.rmSync(parent, { recursive: true, force: true });
  });

  it('starts a centre on loopback, enrols the counter and a back office with it, and stops the centre with its starter', async () => {
    const counterDir = path.join(parent, 'counter');
    const centreDir = path.join(parent, 'PolicyDesk-centre');
    const counter = await start(counterDir);
    started.push(counter);
    const centreUrl = /本机演示中心：(http:\/\/127\.0\.0\.1:\d+)/.exec(counter.output())?.[1];
    expect(centreUrl, counter.output()).toBeDefined();
    expect(readLock(centreDir)?.url).toBe(centreUrl);

    const counterState = await enrolledState(counterDir);
    expect(counterState.centre_url).toBe(centreUrl);
    expect(JSON.parse(counterState.departments)).toEqual([]);
    // the sample library the centre published arrived through the feed
    expect(counterState.pull_cursor).toBeGreaterThan(0);

    // a second workstation on this PC joins the same centre as the back office of one department
    const office = await start(path.join(parent, 'office'), ['--department', '市科技局']);
    started.push(office);
    expect(office.output()).toContain(`本机演示中心：${centreUrl}`);
    const officeState = await enrolledState(path.join(parent, 'office'));
    expect(officeState.centre_url).toBe(centreUrl);
    expect(JSON.parse(officeState.departments)).toEqual(['市科技局']);

    expect(await stop(office)).toBe(0);
    expect(await stop(counter)).toBe(0);
    const deadline = Date.now() + 15_000;
    while (readLock(centreDir) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    expect(readLock(centreDir)).toBeNull();
    await expect(fetch(`${centreUrl}/v1/health`, { signal: AbortSignal.timeout(3000) })).rejects.toThrow();
  }, 180_000);
});

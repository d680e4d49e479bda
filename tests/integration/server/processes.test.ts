import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { v7 } from 'uuid';
import { backendMissing, consultation, createTestDatabase, mutation, post, pullAll, push, startTestCentral, type TestDevice } from '../../helpers/central';

// `npm run central` as real processes (server/main.ts through tsx): two of them serving one
// PostgreSQL at once, exactly once; on PGlite one process per data folder, and the admin commands
// reaching the running one.

const ROOT = path.join(import.meta.dirname, '../../..');
const TSX = path.join(ROOT, 'node_modules/.bin/tsx');

interface Proc {
  child: ChildProcess;
  url: string;
  stdout: string[];
  stop(): Promise<void>;
}

/** Starts server/main.ts; resolves with its address once its "started" log line is out. */
function startProcess(args: string[], env: Record<string, string> = {}): Promise<Proc> {
  const child = spawn(TSX, ['server/main.ts', ...args], { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  const stdout: string[] = [];
  let stderr = '';
  return new Promise((resolve, reject) => {
    let buffer = '';
    child.stdout!.on('data', (b: Buffer) => {
      buffer += b.toString();
      const lines = buffer.split('\n');
      buffer = lines.pop()!;
      for (const line of lines) {
        stdout.push(line);
        const entry = JSON.parse(line) as { event?: string; url?: string };
        if (entry.event === 'started') {
          resolve({
            child, url: entry.url!, stdout,
            stop: () => new Promise((r) => {
              if (child.exitCode !== null) return r();
              child.once('exit', () => r());
              child.kill('SIGTERM');
            }),
          });
        }
      }
    });
    child.stderr!.on('data', (b: Buffer) => void (stderr += b.toString()));
    child.once('exit', (code) => reject(new Error(`server/main.ts exited (${code}) before it started: ${stderr}`)));
  });
}

function runCli(args: string[], env: Record<string, string> = {}, input?: string): Promise<{ code: number; stdout: string; stderr: string }> {
  const child = spawn(TSX, ['server/main.ts', ...args], { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['pipe', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (b: Buffer) => void (stdout += b.toString()));
  child.stderr.on('data', (b: Buffer) => void (stderr += b.toString()));
  child.stdin.end(input ?? '');
  return new Promise((resolve) => child.once('exit', (code) => resolve({ code: code ?? -1, stdout, stderr })));
}

describe.skipIf(backendMissing('pg'))('two centre processes on one PostgreSQL', () => {
  let db: Awaited<ReturnType<typeof createTestDatabase>>;
  let a: Proc;
  let b: Proc;
  let dataDir: string;
  beforeAll(async () => {
    db = await createTestDatabase();
    dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'pd-central-procs-'));
    // both start at once: the migrations run once, under the advisory lock
    [a, b] = await Promise.all([
      startProcess(['--port', '0', '--data-dir', dataDir], { DATABASE_URL: db.url }),
      startProcess(['--port', '0', '--data-dir', dataDir], { DATABASE_URL: db.url }),
    ]);
  }, 120_000);
  afterAll(async () => {
    await a?.stop();
    await b?.stop();
    await db?.drop();
    await fs.rm(dataDir, { recursive: true, force: true });
  });

  it('both serve pushes of the same mutations at once: each is stored once, and a reader pulling meanwhile misses none and repeats none', async () => {
    const enrol = async (url: string, name: string): Promise<TestDevice> => {
      const made = await runCli(['enrol-code'], { DATABASE_URL: db.url });
      const code = /([0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4})/.exec(made.stdout)![1];
      const id = v7();
      const res = await post(url, '/v1/enrol', { code, deviceName: name, deviceId: id });
      expect(res.status).toBe(200);
      const { secret } = res.body as { secret: string };
      return { id, secret, auth: `Bearer ${id}.${secret}`, departments: [], seq: 0 };
    };
    const writers = [await enrol(a.url, '1号窗口'), await enrol(b.url, '2号窗口')];
    const reader = await enrol(a.url, '读者');

    const uscc = (w: number, i: number) => `91330100MA2H${w}${String(i).padStart(5, '0')}`;
    const batches = writers.map((w, wi) =>
      Array.from({ length: 6 }, (_, bi) => Array.from({ length: 40 }, (_, i) => {
        const id = uscc(wi, bi * 40 + i);
        return i % 2 ? consultation(w) : mutation(w, { entity: 'enterprise_tag', entityId: id, op: 'tag_add', payload: { uscc: id, tag: '重点企业', setAt: new Date().toISOString() } });
      })));

    // a reader pulls from both processes in turn while the writers push
    let pulling = true;
    const seen: number[] = [];
    let cursor = 0;
    const readerLoop = (async () => {
      for (let turn = 0; pulling; turn++) {
        const page = await pullAll(turn % 2 ? b.url : a.url, reader, cursor, 7);
        seen.push(...page.changes.map((x) => x.seq));
        cursor = page.cursor;
        await new Promise((r) => setTimeout(r, 20));
      }
    })();

    // every batch goes to both processes at the same moment (a device retrying through a load balancer)
    const answers = await Promise.all(
      batches.flatMap((list, wi) => list.flatMap((batch) => [push(a.url, writers[wi]!, batch), push(b.url, writers[wi]!, batch)])),
    );
    pulling = false;
    await readerLoop;
    seen.push(...(await pullAll(b.url, reader, cursor, 7)).changes.map((x) => x.seq));

    expect(answers.every((r) => r.status === 200)).toBe(true);
    const statuses = new Map<string, string[]>();
    for (const r of answers) for (const x of (r.body as { results: { id: string; status: string }[] }).results) statuses.set(x.id, [...(statuses.get(x.id) ?? []), x.status]);
    const all = batches.flat(2);
    expect(statuses.size).toBe(all.length);
    for (const list of statuses.values()) expect(list.sort()).toEqual(['applied', 'duplicate']);

    const stored = await startStoredCheck(db.url, all.map((m) => m.id));
    expect(stored.mutations).toBe(all.length);
    expect(stored.distinctSeqPerDevice).toBe(all.length);
    // the feed: one change per tag, and the reader saw each exactly once, in order
    const tags = all.filter((m) => m.entity === 'enterprise_tag');
    expect(stored.feed).toBe(tags.length);
    expect(new Set(seen).size).toBe(seen.length);
    expect([...seen].sort((x, y) => x - y)).toEqual(seen);
    expect(seen).toHaveLength(tags.length);
  }, 180_000);
});

async function startStoredCheck(url: string, ids: string[]) {
  const pg = await import('pg');
  const client = new pg.default.Client({ connectionString: url });
  await client.connect();
  try {
    const m = await client.query('SELECT count(*)::int AS n, count(DISTINCT (device_id, device_seq))::int AS s FROM mutations WHERE id = ANY($1::uuid[])', [ids]);
    const f = await client.query("SELECT count(*)::int AS n FROM changes WHERE mutation_id = ANY($1::uuid[])", [ids]);
    return { mutations: m.rows[0].n as number, distinctSeqPerDevice: m.rows[0].s as number, feed: f.rows[0].n as number };
  } finally {
    await client.end();
  }
}

describe('one centre process per PGlite folder; admin commands reach the running one', () => {
  it('refuses a second process on the folder and relays an admin command to the first', async () => {
    const c = await startTestCentral('pglite', { adminToken: 'T'.repeat(43) });
    try {
      const second = await runCli(['--port', '0', '--data-dir', c.dataDir]);
      expect(second.code).toBe(1);
      expect(second.stderr).toContain(`数据目录 ${c.dataDir} 正由进程 ${process.pid} 使用`);

      const made = await runCli(['--data-dir', c.dataDir, 'enrol-code', '--department', '区科技局']);
      expect(made.code).toBe(0);
      const code = /([0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4})/.exec(made.stdout)?.[1];
      const res = await post(c.url, '/v1/enrol', { code, deviceName: '科技局后台', deviceId: v7() });
      expect(res).toMatchObject({ status: 200, body: { departments: ['区科技局'] } });

      // the password from standard input, when not given as an option
      const added = await runCli(['--data-dir', c.dataDir, 'staff', 'add', '--username', 'li', '--display-name', '李明', '--roles', 'backoffice'], {}, 'Backoffice1\n');
      expect(added).toMatchObject({ code: 0 });
      expect(added.stdout).toContain('已添加人员 li（李明）');
      const bad = await runCli(['--data-dir', c.dataDir, 'staff', 'add', '--username', 'li', '--display-name', '李明', '--roles', 'backoffice', '--password', 'Backoffice1']);
      expect(bad.code).toBe(1);
      expect(bad.stderr).toContain('工号“li”已存在');
      const unknown = await runCli(['--data-dir', c.dataDir, 'frobnicate']);
      expect(unknown.code).toBe(2);
    } finally {
      await c.close();
    }
  }, 120_000);
});

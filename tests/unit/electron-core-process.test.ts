import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { configFromArgv, createCoreHost, type CoreHost, type CoreReply, type CoreRequest } from '../../electron/utility/core-host';
import type { CoreReplyMessage, CoreRequestMessage } from '../../electron/main/core-client';

// The core's utility-process side: the message logic with a real core on a temporary folder, and
// the built out/main/core-process.js run in Node with a stand-in for Electron's process.parentPort.

const ROOT = path.resolve(import.meta.dirname, '../..');
const RESOURCES = path.join(ROOT, 'resources');
const NODE_BINDING = path.join(ROOT, 'node_modules/better-sqlite3/build/Release/better_sqlite3.node');
const temps: string[] = [];
const tempDir = () => {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), 'policydesk-utility-'));
  temps.push(d);
  return d;
};
afterAll(() => temps.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

// main's copy of the protocol must fit the utility's (compile-time check)
const _request: CoreRequest = {} as CoreRequestMessage;
const _reply: CoreReplyMessage = {} as CoreReply;
void _request;
void _reply;

describe('core host (message logic)', () => {
  let replies: CoreReply[];
  let exits: number[];
  let host: CoreHost;
  const logs: string[] = [];

  beforeEach(() => {
    replies = [];
    exits = [];
    host = createCoreHost({
      config: { dataDir: tempDir(), resourcesDir: RESOURCES },
      post: (r) => replies.push(r),
      exit: (c) => exits.push(c),
      log: (m) => logs.push(m),
    });
  });
  afterEach(() => void host.handle({ type: 'shutdown' }));

  const answerOf = (id: number) => replies.find((r): r is Extract<CoreReply, { result: unknown }> => 'result' in r && r.id === id)?.result;

  it('says ready, then answers requests by id through the core (validation and roles included)', async () => {
    expect(replies[0]).toEqual({ type: 'ready', state: 'setup' });
    await host.handle({ id: 1, method: 'appStatus', input: {}, sessionId: null });
    await host.handle({ type: 'request', id: 2, method: 'staffList', input: {}, sessionId: null });
    await host.handle({ id: 3, method: 'signIn', input: { username: 5 }, sessionId: null });
    expect(answerOf(1)).toMatchObject({ ok: true, value: { state: 'setup' } });
    expect(answerOf(2)).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    expect(answerOf(3)).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
  });

  it('never falls over on a bad message', async () => {
    for (const bad of [null, undefined, 'appStatus', 42, [], { id: 'x', method: 'appStatus' }, { method: 'appStatus' }, { type: 'weird', id: 9 }, { type: 'init' }]) {
      await expect(host.handle(bad)).resolves.toBeUndefined();
    }
    await host.handle({ id: 10, method: 7, input: {}, sessionId: null });
    await host.handle({ id: 11, method: 'appStatus', input: {}, sessionId: 12 });
    await host.handle({ id: 12, method: 'dropTables', input: {}, sessionId: null });
    await host.handle({ id: 13, method: '__proto__', input: {}, sessionId: null });
    expect(answerOf(10)).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
    expect(answerOf(11)).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
    expect(answerOf(12)).toMatchObject({ ok: false, error: { code: 'UNKNOWN_METHOD' } });
    expect(answerOf(13)).toMatchObject({ ok: false, error: { code: 'UNKNOWN_METHOD' } });
    // still serving
    await host.handle({ id: 14, method: 'appStatus', input: {}, sessionId: null });
    expect(answerOf(14)).toMatchObject({ ok: true });
    expect(exits).toEqual([]);
  });

  it('without argv config, waits for the init message and answers what came before it', async () => {
    const got: CoreReply[] = [];
    const late = createCoreHost({ config: null, post: (r) => got.push(r), exit: () => {}, log: () => {} });
    await late.handle({ id: 1, method: 'appStatus', input: {}, sessionId: null });
    expect(got).toEqual([]);
    await late.handle({ type: 'init', dataDir: tempDir(), resourcesDir: RESOURCES, nativeBinding: NODE_BINDING, version: '9.9.9' });
    await new Promise((r) => setTimeout(r, 10));
    expect(got[0]).toEqual({ type: 'ready', state: 'setup' });
    expect(got[1]).toMatchObject({ id: 1, result: { ok: true, value: { version: '9.9.9' } } });
    await late.handle({ type: 'shutdown' });
    expect(late.closed).toBe(true);
  });

  it('shutdown closes the core and exits 0', async () => {
    await host.handle({ type: 'shutdown' });
    expect(exits).toEqual([0]);
    await host.handle({ id: 20, method: 'appStatus', input: {}, sessionId: null });
    expect(answerOf(20)).toBeUndefined();
  });

  it('asks the main process for the printers, and takes its answer by id', async () => {
    const got: CoreReply[] = [];
    const printing = createCoreHost({
      config: { dataDir: tempDir(), resourcesDir: RESOURCES },
      post: (r) => {
        got.push(r);
        // the main process's side: Chromium knows one printer
        if ('type' in r && r.type === 'host-request' && r.op === 'printers') {
          const value = [{ name: 'Counter-A4', description: '窗口打印机', location: '', state: 'idle', accepting: true, reason: null }];
          setImmediate(() => void printing.handle({ type: 'host-reply', id: r.id, result: { ok: true, value } }));
        }
      },
      exit: () => {},
      log: () => {},
    });
    await printing.handle({ id: 1, method: 'setupAdmin', input: { centreName: '滨江区企业服务中心', username: 'admin', displayName: '管理员', password: 'Admin1234' }, sessionId: null });
    const session = (got.find((r) => 'result' in r && r.id === 1) as { result: { ok: true; value: { sessionId: string } } }).result.value.sessionId;
    await printing.handle({ id: 2, method: 'printerList', input: {}, sessionId: session });
    expect(got.some((r) => 'type' in r && r.type === 'host-request' && r.op === 'printers')).toBe(true);
    expect(got.find((r) => 'result' in r && r.id === 2)).toMatchObject({ result: { ok: true, value: [{ name: 'Counter-A4', state: 'idle' }] } });
    await printing.handle({ type: 'shutdown' });
  });

  it('reads its folders from argv wherever Electron puts them', () => {
    expect(configFromArgv(['/electron', '/app/core-process.js', '--data-dir', '/d', '--resources-dir=/r', '--native-binding', '/n.node', '--app-version', '1.0.0']))
      .toEqual({ dataDir: '/d', resourcesDir: '/r', nativeBinding: '/n.node', version: '1.0.0' });
    expect(configFromArgv(['--data-dir', '/d'])).toBeNull();
  });
});

describe('the built core process (out/main/core-process.js) under a parentPort stand-in', () => {
  const entry = path.join(ROOT, 'out/main/core-process.js');
  const shim = pathToFileURL(path.join(ROOT, 'tests/electron/parent-port-shim.mjs')).href;
  const children: ChildProcess[] = [];
  afterAll(() => children.forEach((c) => c.exitCode === null && c.kill('SIGKILL')));

  function start(args: string[], withShim = true) {
    const child = spawn(process.execPath, [...(withShim ? ['--import', shim] : []), entry, ...args], { stdio: ['ignore', 'pipe', 'pipe', 'ipc'] });
    children.push(child);
    let output = '';
    child.stdout!.on('data', (d: Buffer) => (output += d));
    child.stderr!.on('data', (d: Buffer) => (output += d));
    const messages: unknown[] = [];
    const waiters: Array<() => void> = [];
    child.on('message', (m) => {
      messages.push(m);
      waiters.splice(0).forEach((w) => w());
    });
    const next = async (pred: (m: unknown) => boolean) => {
      for (let i = 0; i < 200; i++) {
        const found = messages.find(pred);
        if (found) return found;
        await new Promise<void>((r) => { waiters.push(r); setTimeout(r, 50); });
      }
      throw new Error(`no such message; output:\n${output}`);
    };
    const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
    return { child, next, exited, output: () => output };
  }
  const byId = (id: number) => (m: unknown) => (m as { id?: number }).id === id;

  it.skipIf(!fs.existsSync(entry))('answers over the port with the nativeBinding it was given, ignores junk, shuts down', async () => {
    const dataDir = tempDir();
    const p = start(['--data-dir', dataDir, '--resources-dir', RESOURCES, '--native-binding', NODE_BINDING, '--app-version', '0.0.7']);
    expect(await p.next((m) => (m as { type?: string }).type === 'ready')).toEqual({ type: 'ready', state: 'setup' });
    p.child.send('junk');
    p.child.send({ id: 'no' });
    p.child.send({ type: 'request', id: 1, method: 'appStatus', input: {}, sessionId: null });
    expect(await p.next(byId(1))).toMatchObject({ id: 1, result: { ok: true, value: { state: 'setup', version: '0.0.7' } } });
    expect(fs.existsSync(path.join(dataDir, 'policydesk.sqlite'))).toBe(true);
    p.child.send({ type: 'shutdown' });
    expect(await p.exited).toBe(0);
  });

  it.skipIf(!fs.existsSync(entry))('reports a native binding that will not load as a database error instead of crashing', async () => {
    const p = start(['--data-dir', tempDir(), '--resources-dir', RESOURCES, '--native-binding', path.join(tempDir(), 'missing.node')]);
    expect(await p.next((m) => (m as { type?: string }).type === 'ready')).toEqual({ type: 'ready', state: 'db_error' });
    p.child.send({ id: 2, method: 'appStatus', input: {}, sessionId: null });
    expect(await p.next(byId(2))).toMatchObject({ result: { ok: true, value: { state: 'db_error' } } });
    p.child.send({ id: 3, method: 'staffList', input: {}, sessionId: null });
    expect(await p.next(byId(3))).toMatchObject({ result: { ok: false, error: { code: 'DB_UNAVAILABLE' } } });
    p.child.send({ type: 'shutdown' });
    expect(await p.exited).toBe(0);
  });

  it.skipIf(!fs.existsSync(entry))('outside a utility process it says so and exits', async () => {
    const p = start([], false);
    expect(await p.exited).toBe(2);
    expect(p.output()).toMatch(/parentPort/);
  });
});

import { EventEmitter } from 'node:events';
import { describe, expect, it, vi } from 'vitest';
import { METHOD_NAMES } from '@shared/api/contract';
import type { Result } from '@shared/api/errors';
import { t } from '@shared/i18n';
import { apiHandler, registerApiHandlers, type ApiEvent } from '../../electron/main/api-handlers';
import { CoreClient, type CoreProcess } from '../../electron/main/core-client';
import { APP_START_URL } from '../../electron/main/security';
import { WindowSessions } from '../../electron/main/window-sessions';

// The IPC relay of the main process, with a fake utility process standing in for Electron's
// (the client takes its process from an injected fork, so no mock of 'electron' is needed).

class FakeCore extends EventEmitter implements CoreProcess {
  sent: unknown[] = [];
  killed = false;
  constructor(private readonly answer: (m: { id: number; method: string; input: unknown; sessionId: string | null }) => Result<unknown> | null) {
    super();
  }
  postMessage(message: never): void {
    this.sent.push(message);
    const m = message as { type: string; id: number; method: string; input: unknown; sessionId: string | null };
    if (m.type === 'shutdown') return void setImmediate(() => this.emit('exit', 0));
    const result = this.answer(m);
    if (result) setImmediate(() => this.emit('message', { id: m.id, result }));
  }
  kill(): boolean {
    this.killed = true;
    setImmediate(() => this.emit('exit', 1));
    return true;
  }
  crash(code = 134): void {
    this.emit('exit', code);
  }
}

const echo = (m: { method: string; input: unknown; sessionId: string | null }): Result<unknown> => ({ ok: true, value: { method: m.method, input: m.input, sessionId: m.sessionId } });
const INTERNAL = { ok: false, error: { code: 'INTERNAL', message: t('error.INTERNAL') } };
const trusted = (id = 1): ApiEvent => ({ sender: { id }, senderFrame: { url: APP_START_URL, parent: null } });

describe('CoreClient', () => {
  it('relays a call and matches answers by id', async () => {
    const procs: FakeCore[] = [];
    const client = new CoreClient({ fork: () => (procs.push(new FakeCore(echo)), procs.at(-1)!), log: () => {} });
    const [a, b] = await Promise.all([client.call('appStatus', {}, null), client.call('signOut', { x: 1 }, 's1')]);
    expect(a).toEqual({ ok: true, value: { method: 'appStatus', input: {}, sessionId: null } });
    expect(b).toEqual({ ok: true, value: { method: 'signOut', input: { x: 1 }, sessionId: 's1' } });
    expect(procs).toHaveLength(1);
  });

  it('answers open calls with INTERNAL (in Chinese) when the core dies, and starts a new one', async () => {
    vi.useFakeTimers();
    try {
      const procs: FakeCore[] = [];
      const restarted = vi.fn();
      const client = new CoreClient({
        fork: () => (procs.push(new FakeCore(procs.length === 0 ? () => null : echo)), procs.at(-1)!),
        onRestart: restarted,
        log: () => {},
      });
      client.start();
      const hanging = client.call('consultationCreate', {}, 's1');
      procs[0]!.crash();
      expect(await hanging).toEqual(INTERNAL);
      expect(INTERNAL.error.message).toMatch(/内部错误/);
      expect(client.running).toBe(false);
      await vi.advanceTimersByTimeAsync(0);
      expect(procs).toHaveLength(2);
      expect(restarted).toHaveBeenCalledTimes(1);
      vi.useRealTimers();
      expect(await client.call('appStatus', {}, null)).toMatchObject({ ok: true });
    } finally {
      vi.useRealTimers();
    }
  });

  it('stops restarting on its own after repeated crashes, but a new call still tries', async () => {
    vi.useFakeTimers();
    try {
      const procs: FakeCore[] = [];
      const client = new CoreClient({ fork: () => (procs.push(new FakeCore(() => null)), procs.at(-1)!), restartDelaysMs: [0, 10], log: () => {} });
      client.start();
      procs[0]!.crash();
      await vi.advanceTimersByTimeAsync(0);
      procs[1]!.crash();
      await vi.advanceTimersByTimeAsync(10);
      procs[2]!.crash();
      await vi.advanceTimersByTimeAsync(60_000);
      expect(procs).toHaveLength(3);
      void client.call('appStatus', {}, null);
      expect(procs).toHaveLength(4);
    } finally {
      vi.useRealTimers();
    }
  });

  it('answers the core’s own printing requests, but not to a core that died meanwhile', async () => {
    const procs: FakeCore[] = [];
    let release: () => void = () => {};
    const client = new CoreClient({
      fork: () => (procs.push(new FakeCore(() => null)), procs.at(-1)!),
      onHostRequest: async (m) => {
        const id = (m as { id: number }).id;
        if (id === 2) await new Promise<void>((r) => (release = r));
        return { type: 'host-reply', id, result: { ok: true, value: [] } };
      },
      restartDelaysMs: [0],
      log: () => {},
    });
    client.start();
    procs[0]!.emit('message', { type: 'host-request', id: 1, op: 'printers' });
    await vi.waitFor(() => expect(procs[0]!.sent).toContainEqual({ type: 'host-reply', id: 1, result: { ok: true, value: [] } }));
    // a slow answer (a print takes seconds) to a core that crashed before it came goes nowhere
    procs[0]!.emit('message', { type: 'host-request', id: 2, op: 'printers' });
    procs[0]!.crash();
    release();
    await new Promise((r) => setTimeout(r, 20));
    expect(procs.flatMap((p) => p.sent)).not.toContainEqual(expect.objectContaining({ type: 'host-reply', id: 2 }));
    await client.stop();
  });

  it('answers INTERNAL when the core cannot even be started', async () => {
    const client = new CoreClient({ fork: () => { throw new Error('no such file'); }, log: () => {} });
    expect(await client.call('appStatus', {}, null)).toEqual(INTERNAL);
  });

  it('shuts the core down cleanly and does not restart it', async () => {
    const procs: FakeCore[] = [];
    const client = new CoreClient({ fork: () => (procs.push(new FakeCore(echo)), procs.at(-1)!), log: () => {} });
    client.start();
    await client.stop(1000);
    expect(procs[0]!.sent).toEqual([{ type: 'shutdown' }]);
    expect(procs[0]!.killed).toBe(false);
    expect(client.running).toBe(false);
    expect(await client.call('appStatus', {}, null)).toEqual(INTERNAL);
    expect(procs).toHaveLength(1);
  });

  it('kills a core that does not shut down in time', async () => {
    const proc = new FakeCore(echo);
    proc.postMessage = () => {}; // ignores the shutdown message
    const client = new CoreClient({ fork: () => proc, log: () => {} });
    client.start();
    await client.stop(20);
    expect(proc.killed).toBe(true);
  });
});

describe('IPC handlers', () => {
  it('register exactly one channel api:<method> per contract method', () => {
    const channels: string[] = [];
    const got = registerApiHandlers((channel) => channels.push(channel), { core: { call: async () => ({ ok: true, value: null }) }, sessions: new WindowSessions() });
    expect(channels).toEqual(METHOD_NAMES.map((m) => `api:${m}`));
    expect(got).toEqual(channels);
  });

  it('refuse a sender that is not our app:// main frame, without reaching the core', async () => {
    const call = vi.fn(async () => ({ ok: true as const, value: null }));
    const handler = apiHandler('staffList', { core: { call }, sessions: new WindowSessions() });
    for (const senderFrame of [
      { url: 'https://evil.example/', parent: null },
      { url: 'file:///tmp/index.html', parent: null },
      { url: APP_START_URL, parent: {} },
      null,
    ]) {
      const r = await handler({ sender: { id: 1 }, senderFrame }, {});
      expect(r).toEqual({ ok: false, error: { code: 'BAD_ORIGIN', message: t('error.BAD_ORIGIN') } });
    }
    expect(call).not.toHaveBeenCalled();
  });

  it('keep the session per window: remembered on sign-in, passed on every call, forgotten on sign-out', async () => {
    const calls: Array<{ method: string; sessionId: string | null }> = [];
    let n = 0;
    const core = {
      call: async (method: string, _input: unknown, sessionId: string | null): Promise<Result<unknown>> => {
        calls.push({ method, sessionId });
        if (method === 'signIn' || method === 'setupAdmin') return { ok: true, value: { sessionId: `session-${++n}` } };
        return { ok: true, value: null };
      },
    };
    const sessions = new WindowSessions();
    const h = (m: Parameters<typeof apiHandler>[0]) => apiHandler(m, { core, sessions });

    await h('currentSession')(trusted(1), {});
    await h('signIn')(trusted(1), { username: 'a', password: 'b' });
    await h('setupAdmin')(trusted(2), {});
    await h('staffList')(trusted(1), {});
    await h('staffList')(trusted(2), {});
    await h('signOut')(trusted(1), {});
    await h('staffList')(trusted(1), {});
    expect(calls).toEqual([
      { method: 'currentSession', sessionId: null },
      { method: 'signIn', sessionId: null },
      { method: 'setupAdmin', sessionId: null },
      { method: 'staffList', sessionId: 'session-1' },
      { method: 'staffList', sessionId: 'session-2' },
      { method: 'signOut', sessionId: 'session-1' },
      { method: 'staffList', sessionId: null },
    ]);
  });

  it('forget a session the core no longer knows (UNAUTHENTICATED), and a failed sign-in keeps none', () => {
    const s = new WindowSessions();
    s.update(1, 'signIn', { ok: true, value: { sessionId: 'x' } });
    expect(s.get(1)).toBe('x');
    s.update(1, 'staffList', { ok: false, error: { code: 'UNAUTHENTICATED', message: '' } });
    expect(s.get(1)).toBeNull();
    s.update(1, 'signIn', { ok: false, error: { code: 'SIGN_IN_FAILED', message: '' } });
    expect(s.get(1)).toBeNull();
    s.update(3, 'signIn', { ok: true, value: { sessionId: 'y' } });
    s.forget(3);
    expect(s.get(3)).toBeNull();
  });
});

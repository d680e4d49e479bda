import { AppError, type Result } from '@shared/api/errors';
import type { HostPrintReply, HostPrintRequest } from '@shared/print/host-print';

// The main process's side of the core in its utilityProcess: sends requests, matches answers by
// id, and when the process dies answers every open call with INTERNAL and starts a new one.
// The process is made by an injected `fork`, so tests drive this with a fake.
// Protocol: electron/utility/core-host.ts (shapes repeated here; main may not import that folder).

export interface CoreRequestMessage {
  type: 'request';
  id: number;
  method: string;
  input: unknown;
  sessionId: string | null;
}
export interface CoreInitMessage {
  type: 'init';
  dataDir: string;
  resourcesDir: string;
  nativeBinding?: string;
  version?: string;
}
export interface CoreShutdownMessage {
  type: 'shutdown';
}
export type CoreReplyMessage = { id: number; result: Result<unknown> } | { type: 'ready'; state: string } | HostPrintRequest;

/** The parts of Electron's UtilityProcess used here. */
export interface CoreProcess {
  postMessage(message: CoreRequestMessage | CoreShutdownMessage | CoreInitMessage | HostPrintReply): void;
  on(event: 'message', listener: (message: unknown) => void): unknown;
  on(event: 'exit', listener: (code: number) => void): unknown;
  kill(): boolean;
}

export interface CoreClientOptions {
  fork: () => CoreProcess;
  log?: (message: string, error?: unknown) => void;
  /** answers the core's own requests to the host (printing); any other message is ignored */
  onHostRequest?: (message: unknown) => Promise<HostPrintReply | null>;
  /** called after a crashed core was replaced: its sign-ins died with it */
  onRestart?: () => void;
  /** delays before restarting after the 1st, 2nd, … crash within a minute; then only on the next call */
  restartDelaysMs?: readonly number[];
  now?: () => number;
}

const internal = (): Result<never> => ({ ok: false, error: new AppError('INTERNAL').toData() });

function isReply(m: unknown): m is { id: number; result: Result<unknown> } {
  if (typeof m !== 'object' || m === null) return false;
  const r = m as { id?: unknown; result?: unknown };
  return typeof r.id === 'number' && typeof r.result === 'object' && r.result !== null && typeof (r.result as { ok?: unknown }).ok === 'boolean';
}

export class CoreClient {
  private proc: CoreProcess | null = null;
  private nextId = 1;
  private readonly pending = new Map<number, (r: Result<unknown>) => void>();
  private stopping = false;
  private crashes: number[] = [];
  private restartTimer: ReturnType<typeof setTimeout> | null = null;
  private hasStarted = false;
  private readonly log: (message: string, error?: unknown) => void;
  private readonly now: () => number;
  private readonly delays: readonly number[];
  private exited: Promise<void> = Promise.resolve();

  constructor(private readonly opts: CoreClientOptions) {
    this.log = opts.log ?? ((m, e) => console.error(`[main] ${m}`, e ?? ''));
    this.now = opts.now ?? Date.now;
    this.delays = opts.restartDelaysMs ?? [0, 500, 2000, 5000];
  }

  get running(): boolean {
    return this.proc !== null;
  }

  /** Starts the core process (again). Calls also start it on demand. */
  start(): void {
    if (this.proc || this.stopping) return;
    if (this.restartTimer) {
      clearTimeout(this.restartTimer);
      this.restartTimer = null;
    }
    let proc: CoreProcess;
    try {
      proc = this.opts.fork();
    } catch (e) {
      this.log('could not start the core process', e);
      return;
    }
    const restarted = this.hasStarted;
    this.hasStarted = true;
    this.proc = proc;
    let resolveExit: () => void = () => {};
    this.exited = new Promise<void>((r) => (resolveExit = r));
    proc.on('message', (m) => {
      if (isReply(m)) {
        const resolve = this.pending.get(m.id);
        if (resolve) {
          this.pending.delete(m.id);
          resolve(m.result);
        }
      } else if (this.opts.onHostRequest) {
        void this.answerHost(proc, m, this.opts.onHostRequest);
      }
    });
    proc.on('exit', (code) => {
      if (this.proc === proc) this.proc = null;
      resolveExit();
      // every call still open got no answer: tell the person, in their language, nothing was saved
      for (const [id, resolve] of this.pending) {
        this.pending.delete(id);
        resolve(internal());
      }
      if (this.stopping) return;
      this.log(`the core process ended unexpectedly (code ${code}); restarting it`);
      this.scheduleRestart();
    });
    if (restarted) this.opts.onRestart?.();
  }

  private async answerHost(proc: CoreProcess, message: unknown, answer: NonNullable<CoreClientOptions['onHostRequest']>): Promise<void> {
    try {
      const reply = await answer(message);
      // a core that died meanwhile asked nothing of its successor
      if (reply && this.proc === proc) proc.postMessage(reply);
    } catch (e) {
      this.log('could not answer the core process', e);
    }
  }

  private scheduleRestart(): void {
    const t = this.now();
    this.crashes = this.crashes.filter((c) => t - c < 60_000);
    this.crashes.push(t);
    const delay = this.delays[this.crashes.length - 1];
    // crashing over and over: stop restarting on our own; the next call tries again
    if (delay === undefined) return;
    this.restartTimer = setTimeout(() => {
      this.restartTimer = null;
      this.start();
    }, delay);
  }

  /** One API call; always resolves to a Result (INTERNAL if the core is gone). */
  call(method: string, input: unknown, sessionId: string | null): Promise<Result<unknown>> {
    if (this.stopping) return Promise.resolve(internal());
    if (!this.proc) this.start();
    const proc = this.proc;
    if (!proc) return Promise.resolve(internal());
    const id = this.nextId++;
    return new Promise<Result<unknown>>((resolve) => {
      this.pending.set(id, resolve);
      try {
        proc.postMessage({ type: 'request', id, method, input, sessionId });
      } catch (e) {
        this.pending.delete(id);
        this.log(`could not send ${method} to the core process`, e);
        resolve(internal());
      }
    });
  }

  /** Closes the core cleanly (its database first), killing it if it does not end in time. */
  async stop(timeoutMs = 3000): Promise<void> {
    this.stopping = true;
    if (this.restartTimer) clearTimeout(this.restartTimer);
    const proc = this.proc;
    if (!proc) return;
    try {
      proc.postMessage({ type: 'shutdown' });
    } catch {
      proc.kill();
    }
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timeout = new Promise<'timeout'>((r) => (timer = setTimeout(() => r('timeout'), timeoutMs)));
    const result = await Promise.race([this.exited.then(() => 'exited' as const), timeout]);
    clearTimeout(timer);
    if (result === 'timeout') proc.kill();
  }
}

import { AppError, type Result } from '@shared/api/errors';
import { createCore, type Core, type CoreOptions } from '../core/app/create-core';
import { argValue } from '@shared/app/args';
import type { HostPrintRequest } from '@shared/print/host-print';
import { hostPrinter } from './host-printer';
import { enrolmentFromEnv } from '../core/sync/enrol-at-start';

// The message protocol between Electron's main process and the core in its utility process, and
// the logic that answers it. Kept free of process.parentPort so tests can drive it in plain Node.
//
//   main → core   { type: 'init', dataDir, resourcesDir, nativeBinding?, version? }  (only if not in argv)
//                 { id, method, input, sessionId }                                  (type 'request' optional)
//                 { type: 'shutdown' }
//                 { type: 'host-reply', id, result }                                 (answer to a host-request)
//   core → main   { type: 'ready', state }      once the core is made
//                 { id, result }                one per request, result a Result<unknown>
//                 { type: 'host-request', id, op: 'printers' | 'print', … }  (shared/print/host-print.ts:
//                                               the core prints through Electron's print path in main)
//
// electron/main/core-client.ts holds the main process's copy of these shapes (main may not import
// this folder); tests/unit/electron-core-process.test.ts checks the two agree.

export interface CoreConfig {
  dataDir: string;
  resourcesDir: string;
  nativeBinding?: string;
  version?: string;
}

export interface CoreRequest {
  type?: 'request';
  id: number;
  method: string;
  input: unknown;
  sessionId: string | null;
}

export type CoreReply = { id: number; result: Result<unknown> } | { type: 'ready'; state: string } | HostPrintRequest;

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const nonEmpty = (v: unknown): v is string => typeof v === 'string' && v.length > 0;

/** The core's folders from argv (`--data-dir`, `--resources-dir`, `--native-binding`, `--app-version`). */
export function configFromArgv(argv: readonly string[]): CoreConfig | null {
  const dataDir = argValue(argv, 'data-dir');
  const resourcesDir = argValue(argv, 'resources-dir');
  if (!nonEmpty(dataDir) || !nonEmpty(resourcesDir)) return null;
  const config: CoreConfig = { dataDir, resourcesDir };
  const nativeBinding = argValue(argv, 'native-binding');
  const version = argValue(argv, 'app-version');
  if (nonEmpty(nativeBinding)) config.nativeBinding = nativeBinding;
  if (nonEmpty(version)) config.version = version;
  return config;
}

/** The same from an init message; null when the message is not a well-formed init. */
export function configFromInit(message: unknown): CoreConfig | null {
  if (!isRecord(message) || message.type !== 'init') return null;
  const { dataDir, resourcesDir, nativeBinding, version } = message;
  if (!nonEmpty(dataDir) || !nonEmpty(resourcesDir)) return null;
  const config: CoreConfig = { dataDir, resourcesDir };
  if (nonEmpty(nativeBinding)) config.nativeBinding = nativeBinding;
  if (nonEmpty(version)) config.version = version;
  return config;
}

const isRequestId = (v: unknown): v is number => typeof v === 'number' && Number.isSafeInteger(v);

export interface CoreHost {
  /** Answers one message from the main process; never throws, never rejects. */
  handle(message: unknown): Promise<void>;
  /** true once a shutdown message was handled (the process should exit) */
  readonly closed: boolean;
}

export interface CoreHostOptions {
  config: CoreConfig | null;
  post: (reply: CoreReply) => void;
  /** ends the process after shutdown; the tests pass a no-op */
  exit: (code: number) => void;
  makeCore?: (options: CoreOptions) => Core;
  log?: (message: string, error?: unknown) => void;
}

export function createCoreHost(opts: CoreHostOptions): CoreHost {
  const makeCore = opts.makeCore ?? createCore;
  const log = opts.log ?? ((m: string, e?: unknown) => console.error(`[core-process] ${m}`, e ?? ''));
  let core: Core | null = null;
  let closed = false;
  const waiting: CoreRequest[] = [];

  const send = (reply: CoreReply) => {
    try {
      opts.post(reply);
    } catch (e) {
      log('could not answer the main process', e);
    }
  };
  const fail = (id: number, e: AppError) => send({ id, result: { ok: false, error: e.toData() } });
  const printing = hostPrinter(send);

  async function answer(req: CoreRequest): Promise<void> {
    if (!core) {
      waiting.push(req);
      return;
    }
    try {
      send({ id: req.id, result: await core.dispatch(req.method, req.input, req.sessionId) });
    } catch (e) {
      // dispatch never throws; this is the last net, so one bad call never ends the process
      log(`dispatch of ${req.method} threw`, e);
      fail(req.id, new AppError('INTERNAL'));
    }
  }

  function start(config: CoreConfig): void {
    if (core) return;
    core = makeCore({ ...config, log, printer: printing.printer, sync: { enrolAtStart: enrolmentFromEnv() } });
    send({ type: 'ready', state: core.status().state });
    for (const req of waiting.splice(0)) void answer(req);
  }

  if (opts.config) start(opts.config);

  return {
    get closed() {
      return closed;
    },
    async handle(message) {
      if (closed) return;
      try {
        await receive(message);
      } catch (e) {
        log('failed to handle a message', e);
      }
    },
  };

  async function receive(message: unknown): Promise<void> {
    if (!isRecord(message)) {
      log('ignored a message that is not an object');
      return;
    }
    if (message.type === 'init') {
      const config = configFromInit(message);
      if (!config) log('ignored a malformed init message');
      else if (core) log('ignored a second init message');
      else start(config);
      return;
    }
    if (printing.receive(message)) return;
    if (message.type === 'shutdown') {
      closed = true;
      for (const req of waiting.splice(0)) fail(req.id, new AppError('INTERNAL'));
      core?.close();
      core = null;
      opts.exit(0);
      return;
    }
    if (message.type !== undefined && message.type !== 'request') {
      log(`ignored a message of type ${String(message.type).slice(0, 40)}`);
      return;
    }
    const { id, method, input, sessionId } = message;
    // without an id there is no one to answer
    if (!isRequestId(id)) {
      log('ignored a request without a numeric id');
      return;
    }
    if (typeof method !== 'string' || (sessionId !== null && sessionId !== undefined && typeof sessionId !== 'string')) {
      fail(id, new AppError('BAD_REQUEST'));
      return;
    }
    await answer({ id, method, input, sessionId: sessionId ?? null });
  }
}

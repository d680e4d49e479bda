import { fork, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline';
import type { CentreReply, CentreRequest } from './centre-server';

// The servers of the sync benchmark, each in its own process (as in reality, and so the client's
// and the server's work do not share one event loop): the centre, the raw PUT server, pouchdb-server.
// BENCH_PROF=<folder> adds --cpu-prof to the centre and the raw server.

const HERE = import.meta.dirname;
const ROOT = path.resolve(HERE, '../..');

const profArgs = (): string[] => (process.env.BENCH_PROF ? ['--cpu-prof', '--cpu-prof-dir', process.env.BENCH_PROF] : []);

export interface CentreProcess {
  url: string;
  pid: number;
  enrolCode(): Promise<string>;
  admin(...argv: string[]): Promise<string[]>;
  count(table: string): Promise<number>;
  close(): Promise<void>;
}

type Ask = CentreRequest extends infer R ? (R extends { id: number } ? Omit<R, 'id'> : never) : never;

export function startCentreProcess(kind: 'pglite' | 'pg'): Promise<CentreProcess> {
  const child = fork(path.join(HERE, 'centre-server.ts'), [kind], {
    execArgv: ['--import', 'tsx', ...profArgs()],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    cwd: ROOT,
  });
  const waiting = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  let next = 0;
  const ask = <T>(req: Ask): Promise<T> =>
    new Promise((resolve, reject) => {
      const id = ++next;
      waiting.set(id, { resolve: resolve as (v: unknown) => void, reject });
      child.send({ ...req, id });
    });
  return new Promise((resolve, reject) => {
    child.once('exit', (code) => {
      reject(new Error(`the centre exited with ${code}`));
      for (const w of waiting.values()) w.reject(new Error(`the centre exited with ${code}`));
    });
    child.on('message', (m: CentreReply | { ready: string }) => {
      if ('ready' in m) {
        return resolve({
          url: m.ready,
          pid: child.pid!,
          enrolCode: () => ask<string>({ cmd: 'enrolCode' }),
          admin: (...argv) => ask<string[]>({ cmd: 'admin', argv }),
          count: (table) => ask<number>({ cmd: 'count', table }),
          close: async () => {
            const exited = new Promise((r) => child.once('exit', r));
            await ask({ cmd: 'close' });
            await exited;
          },
        });
      }
      const w = waiting.get(m.id);
      waiting.delete(m.id);
      if (m.ok) w?.resolve(m.value);
      else w?.reject(new Error(m.error));
    });
  });
}

export interface ServerProcess {
  url: string;
  close(): Promise<void>;
}

/** Waits for a line matching `ready` on the child's stdout; the rest is passed on when `echo`. */
function listening(child: ChildProcess, ready: RegExp, name: string): Promise<RegExpExecArray> {
  return new Promise((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`${name} exited with ${code}`)));
    const lines = createInterface({ input: child.stdout! });
    lines.on('line', (line) => {
      const m = ready.exec(line);
      if (m) resolve(m);
    });
  });
}

const stop = (child: ChildProcess): Promise<void> =>
  new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill('SIGINT'); // SIGINT lets --cpu-prof write its profile
  });

export async function startRawServer(dir: string): Promise<ServerProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', ...profArgs(), path.join(HERE, 'raw-server.ts'), dir], { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
  const m = await listening(child, /^listening (\d+)$/, 'the raw server');
  return { url: `http://127.0.0.1:${m[1]}`, close: () => stop(child) };
}

/** pouchdb-server (express-pouchdb over LevelDB) with its databases in `dir`. */
export async function startPouchServer(dir: string, port: number): Promise<ServerProcess> {
  fs.mkdirSync(dir, { recursive: true });
  const bin = path.join(ROOT, 'node_modules/pouchdb-server/bin/pouchdb-server');
  const child = spawn(process.execPath, [bin, '--port', String(port), '--host', '127.0.0.1', '--dir', dir, '--config', path.join(dir, 'config.json'), '--no-stdout-logs'], {
    cwd: dir,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  child.stdout!.resume();
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 200; i++) {
    if (child.exitCode !== null) throw new Error(`pouchdb-server exited with ${child.exitCode}`);
    const up = await fetch(url).then((r) => r.ok, () => false);
    if (up) return { url, close: () => stop(child) };
    await new Promise((r) => setTimeout(r, 100));
  }
  await stop(child);
  throw new Error('pouchdb-server did not start');
}

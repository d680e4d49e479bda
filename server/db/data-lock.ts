import fs from 'node:fs';
import path from 'node:path';

// PGlite is one connection in one process: a second process opening the same folder would corrupt
// it. The first process holds `<data-dir>/central.lock` (its pid, and where its admin door is);
// another finds it, and either talks to that process (the admin CLI) or refuses to start.

export interface LockInfo {
  pid: number;
  startedAt: string;
  /** the running centre's address and admin token, for the admin CLI (server/admin/relay.ts) */
  url?: string;
  adminToken?: string;
}

export class DataDirBusyError extends Error {
  constructor(readonly dataDir: string, readonly holder: LockInfo) {
    super(`the data folder ${dataDir} is in use by process ${holder.pid} (started ${holder.startedAt})`);
  }
}

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
};

export const lockPath = (dataDir: string) => path.join(dataDir, 'central.lock');

/** The lock's holder, if a live process holds it. */
export function readLock(dataDir: string): LockInfo | null {
  try {
    const info = JSON.parse(fs.readFileSync(lockPath(dataDir), 'utf8')) as LockInfo;
    return typeof info.pid === 'number' && alive(info.pid) ? info : null;
  } catch {
    return null;
  }
}

export interface DataDirLock {
  update(extra: Pick<LockInfo, 'url' | 'adminToken'>): void;
  release(): void;
}

export function acquireLock(dataDir: string): DataDirLock {
  fs.mkdirSync(dataDir, { recursive: true });
  const file = lockPath(dataDir);
  const info: LockInfo = { pid: process.pid, startedAt: new Date().toISOString() };
  const write = (flag: 'wx' | 'w') => fs.writeFileSync(file, JSON.stringify(info), { flag, mode: 0o600 });
  try {
    write('wx');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    const holder = readLock(dataDir);
    if (holder && holder.pid !== process.pid) throw new DataDirBusyError(dataDir, holder);
    write('w'); // left by a process that is gone
  }
  let held = true;
  return {
    update(extra) {
      Object.assign(info, extra);
      if (held) write('w');
    },
    release() {
      if (!held) return;
      held = false;
      try {
        const now = JSON.parse(fs.readFileSync(file, 'utf8')) as LockInfo;
        if (now.pid === process.pid) fs.rmSync(file, { force: true });
      } catch {
        // already gone
      }
    },
  };
}

import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export interface RunningHost {
  /** http://127.0.0.1:PORT */
  url: string;
  /** the address with ?token=… that the person opens */
  openUrl: string;
  token: string;
  dataDir: string;
  stop(): Promise<void>;
}

const ROOT = path.resolve(import.meta.dirname, '../..');
export const WEB_HOST_ENTRY = path.join(ROOT, 'out/main/web-host.js');

export function tempDataDir(prefix = 'policydesk-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

/** Starts the built web host (`npm run build` first) as its own process, as `npm start` does. */
export async function startHostProcess(dataDir = tempDataDir(), extraArgs: string[] = []): Promise<RunningHost> {
  if (!fs.existsSync(WEB_HOST_ENTRY)) throw new Error(`${WEB_HOST_ENTRY} is missing: run npm run build first`);
  const child: ChildProcess = spawn(process.execPath, [WEB_HOST_ENTRY, '--data-dir', dataDir, ...extraArgs], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const openUrl = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`web host did not start in 15 s:\n${output}`)), 15_000);
    child.stdout!.on('data', (d: Buffer) => {
      output += d.toString();
      const m = /POLICYDESK_URL=(\S+)/.exec(output);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]!);
      }
    });
    child.stderr!.on('data', (d: Buffer) => (output += d.toString()));
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`web host exited with ${code}:\n${output}`));
    });
  });
  const u = new URL(openUrl);
  return {
    url: u.origin,
    openUrl,
    token: u.searchParams.get('token')!,
    dataDir,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
        setTimeout(() => child.kill('SIGKILL'), 3000).unref();
      }),
  };
}

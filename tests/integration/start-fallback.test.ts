import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '@shared/security/headers';

// `npm start` on a machine without the Electron binary (as these are): scripts/start.mjs must say
// why, in Chinese and English, and start the local web host in its place with the same arguments.

const ROOT = path.resolve(import.meta.dirname, '../..');
const BINARY_PRESENT = fs.existsSync(path.join(ROOT, 'node_modules/electron/path.txt'));

describe('scripts/start.mjs without the Electron binary', () => {
  let child: ChildProcess | null = null;
  let dataDir = '';

  beforeAll(() => {
    // needs the built web host and renderer; build once if this checkout has not been built yet
    if (!fs.existsSync(path.join(ROOT, 'out/main/web-host.js')) || !fs.existsSync(path.join(ROOT, 'out/renderer/index.html'))) {
      const r = spawnSync(process.platform === 'win32' ? 'npx.cmd' : 'npx', ['electron-vite', 'build'], { cwd: ROOT, encoding: 'utf8', timeout: 180_000 });
      if (r.status !== 0) throw new Error(`electron-vite build failed:\n${r.stdout}\n${r.stderr}`);
    }
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'policydesk-start-'));
  }, 200_000);

  afterAll(() => {
    if (child && child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('prints the reason and a POLICYDESK_URL that serves the app, and stops with its web host', async () => {
    // where the binary does exist, the same path is taken on request
    const env = { ...process.env, ...(BINARY_PRESENT ? { POLICYDESK_HOST: 'web' } : {}) };
    // --no-centre: this test is about the host; the embedded centre has its own (start-embedded-centre.test.ts)
    const proc = spawn(process.execPath, [path.join(ROOT, 'scripts/start.mjs'), '--data-dir', dataDir, '--no-centre'], {
      cwd: ROOT,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child = proc;
    let output = '';
    proc.stderr!.on('data', (d: Buffer) => (output += d));
    const url = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no POLICYDESK_URL within 20 s:\n${output}`)), 20_000);
      proc.stdout!.on('data', (d: Buffer) => {
        output += d;
        const m = /POLICYDESK_URL=(\S+)/.exec(output);
        if (m) {
          clearTimeout(timer);
          resolve(m[1]!);
        }
      });
      proc.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`start.mjs exited with ${code}:\n${output}`));
      });
    });

    if (BINARY_PRESENT) {
      expect(output).toContain('POLICYDESK_HOST=web');
    } else {
      expect(output).toContain('本机未安装 Electron 程序文件');
      expect(output).toContain('Electron binary not installed on this machine');
      expect(output).toContain('改为启动本机网页版工作台');
      expect(output).toContain('Starting the local web host instead');
    }
    // the arguments reached the web host; no centre was started when told not to
    expect(output).toContain(dataDir);
    expect(output).not.toContain('本机演示中心');
    expect(fs.existsSync(path.join(dataDir, 'policydesk.sqlite'))).toBe(true);

    const origin = new URL(url).origin;
    const res = await fetch(`${origin}/`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    expect(res.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(await res.text()).toMatch(/<div id="root">/);

    // SIGTERM to start.mjs reaches the web host: both end, the port closes
    const exited = new Promise<number | null>((r) => proc.once('exit', (code) => r(code)));
    proc.kill('SIGTERM');
    expect(await exited).toBe(0);
    await expect(fetch(`${origin}/`, { signal: AbortSignal.timeout(3000) })).rejects.toThrow();
  }, 60_000);
});

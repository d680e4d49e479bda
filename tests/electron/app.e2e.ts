import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { _electron as electron, expect, test, type ElectronApplication, type Page } from '@playwright/test';
import { METHOD_NAMES } from '@shared/api/contract';
import { t } from '@shared/i18n';

// The real Electron app, launched by Playwright with a temporary data folder: the window is
// sandboxed and on app://, the preload bridge is exactly the contract, calls reach the core in its
// utility process, and a killed core is replaced. Run with `node tests/electron/run.mjs`.

const ROOT = path.resolve(import.meta.dirname, '../..');

function electronPath(): string | null {
  if (process.env.POLICYDESK_ELECTRON_PATH) return process.env.POLICYDESK_ELECTRON_PATH;
  const pathFile = path.join(ROOT, 'node_modules/electron/path.txt');
  if (!fs.existsSync(pathFile)) return null;
  const exe = path.join(ROOT, 'node_modules/electron/dist', fs.readFileSync(pathFile, 'utf8').trim());
  return fs.existsSync(exe) ? exe : null;
}

const executablePath = electronPath();
test.skip(!executablePath, 'skipped: Electron binary not installed on this machine');

type Result = { ok: true; value: unknown } | { ok: false; error: { code: string; message: string } };
type Bridge = { api: Record<string, (input: unknown) => Promise<Result>> };

let app: ElectronApplication;
let page: Page;
let dataDir: string;

const call = (method: string, input: unknown = {}) =>
  page.evaluate(([m, i]) => (window as unknown as { policyDesk: Bridge }).policyDesk.api[m as string]!(i), [method, input] as const);

test.beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'policydesk-electron-'));
  app = await electron.launch({
    executablePath: executablePath!,
    // as root (CI containers) Chromium's OS sandbox cannot start; the renderer's JS sandbox
    // (sandbox: true, contextIsolation) is still what the window runs with
    args: [...(process.getuid?.() === 0 ? ['--no-sandbox'] : []), '--disable-gpu', ROOT, '--data-dir', dataDir],
    cwd: ROOT,
    env: { ...process.env, ELECTRON_ENABLE_LOGGING: '1' } as Record<string, string>,
  });
  page = await app.firstWindow();
  await page.waitForLoadState('domcontentloaded');
});

test.afterAll(async () => {
  await app?.close();
  if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
});

test('the window is sandboxed, isolated, titled and served from app://', async () => {
  expect(page.url()).toMatch(/^app:\/\/policydesk\//);
  const win = await app.evaluate(({ BrowserWindow }) => {
    const w = BrowserWindow.getAllWindows()[0]!;
    // getLastWebPreferences is untyped in electron.d.ts; read it where the build has it
    const contents = w.webContents as unknown as { getLastWebPreferences?: () => Record<string, unknown> | null };
    const prefs = contents.getLastWebPreferences?.() ?? null;
    return {
      title: w.getTitle(),
      min: w.getMinimumSize(),
      prefs: prefs && { contextIsolation: prefs.contextIsolation, sandbox: prefs.sandbox, nodeIntegration: prefs.nodeIntegration },
    };
  });
  expect(win.title).toBe('惠企政策窗口工作台');
  expect(win.min).toEqual([1280, 720]);
  if (win.prefs) expect(win.prefs).toEqual({ contextIsolation: true, sandbox: true, nodeIntegration: false });
  expect(await page.evaluate(() => [typeof (window as unknown as { require?: unknown }).require, typeof (globalThis as { process?: unknown }).process])).toEqual(['undefined', 'undefined']);
  const csp = await page.evaluate(async () => (await fetch('/index.html')).headers.get('content-security-policy'));
  expect(csp).toContain("script-src 'self'");
});

test('the preload exposes exactly the contract, and calls reach the core', async () => {
  const shape = await page.evaluate(() => {
    const bridge = (window as unknown as { policyDesk: Bridge }).policyDesk;
    return { top: Object.keys(bridge), api: Object.keys(bridge.api).sort() };
  });
  expect(shape).toEqual({ top: ['api'], api: [...METHOD_NAMES].sort() });
  expect(await call('appStatus')).toMatchObject({ ok: true, value: { state: 'setup' } });
  expect(fs.existsSync(path.join(dataDir, 'policydesk.sqlite'))).toBe(true);

  // the session lives in the main process, per window
  const setup = await call('setupAdmin', { centreName: '测试中心', username: 'admin', displayName: '管理员', password: 'abc12345' });
  expect(setup).toMatchObject({ ok: true });
  expect(await call('currentSession')).toMatchObject({ ok: true, value: { staff: { username: 'admin' } } });
  expect(await call('signOut')).toMatchObject({ ok: true });
  expect(await call('currentSession')).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
});

test('no new windows, no navigation away from app://', async () => {
  expect(await page.evaluate(() => window.open('https://example.com/') === null)).toBe(true);
  await page.evaluate(() => {
    window.location.href = 'https://example.com/';
  });
  await page.waitForTimeout(500);
  expect(page.url()).toMatch(/^app:\/\/policydesk\//);
  expect(app.windows()).toHaveLength(1);
});

test('a killed core answers INTERNAL and is replaced', async () => {
  const pid = await app.evaluate(({ app: electronApp }) => electronApp.getAppMetrics().find((m) => m.type === 'Utility' && m.serviceName === 'PolicyDesk core')?.pid);
  expect(pid).toBeTruthy();
  process.kill(pid!, 'SIGKILL');
  let last: Result | null = null;
  await expect
    .poll(async () => {
      last = await call('appStatus');
      if (!last.ok) expect(last.error).toEqual({ code: 'INTERNAL', message: t('error.INTERNAL') });
      return last.ok;
    }, { timeout: 15_000 })
    .toBe(true);
  expect(last).toMatchObject({ ok: true, value: { state: 'ready' } });
});

// node tests/electron/run.mjs — the Electron end-to-end test, where the Electron binary exists.
// Where it does not (as on these machines) it says so plainly and exits 0.
// Builds the app if needed, builds better-sqlite3 for Electron into .electron-native/, and runs
// Playwright under xvfb-run on Linux when there is no display.

import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { ensureElectronNative, findElectron, ROOT } from '../../scripts/electron-native.mjs';

const electron = findElectron();
if (!electron.ok) {
  console.log(`skipped: Electron binary not installed on this machine (${electron.reason})`);
  process.exit(0);
}

const needsDisplay = process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY;
const hasXvfb = needsDisplay && spawnSync('sh', ['-c', 'command -v xvfb-run'], { encoding: 'utf8' }).status === 0;
if (needsDisplay && !hasXvfb) {
  console.log('skipped: no display and no xvfb-run on this machine (apt-get install xvfb)');
  process.exit(0);
}

const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';
if (!fs.existsSync(path.join(ROOT, 'out/main/index.js')) || !fs.existsSync(path.join(ROOT, 'out/renderer/index.html'))) {
  const build = spawnSync(npx, ['electron-vite', 'build'], { cwd: ROOT, stdio: 'inherit' });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

const nativeBinding = await ensureElectronNative({ electronVersion: electron.version });
const playwright = [npx, 'playwright', 'test', '-c', path.join('tests', 'electron', 'playwright.config.ts'), ...process.argv.slice(2)];
const [command, ...args] = hasXvfb ? ['xvfb-run', '-a', ...playwright] : playwright;
const child = spawn(command, args, {
  cwd: ROOT,
  stdio: 'inherit',
  env: { ...process.env, POLICYDESK_ELECTRON_PATH: electron.path, POLICYDESK_NATIVE_BINDING: nativeBinding },
});
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code) => process.exit(code ?? 1));

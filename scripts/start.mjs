// `npm start` (after `electron-vite build`): the workstation in Electron where the Electron binary
// is installed and runnable, otherwise — as on machines where it cannot be downloaded — the local
// web host in the browser. Arguments are passed through (e.g. --data-dir D:\PolicyDesk).
//
//   POLICYDESK_HOST=web npm start     the web host even where Electron is installed
//   npm start -- --no-centre          no embedded centre (otherwise started when none is configured)

import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { ensureElectronNative, findElectron, ROOT } from './electron-native.mjs';
import { embeddedCentre } from './embedded-centre.mjs';

const args = process.argv.slice(2);
// no centre configured: one on loopback, so the whole loop runs on this PC (scripts/embedded-centre.mjs)
const centre = await embeddedCentre(args);
const centreEnv = centre?.env ?? {};
const WEB_HOST = path.join(ROOT, 'out', 'main', 'web-host.js');
const ELECTRON_MAIN = path.join(ROOT, 'out', 'main', 'index.js');

/** Runs a child to its end, passing Ctrl+C / kill on to it; exits with its code. */
function runForwardingSignals(command, argv, options) {
  const child = spawn(command, argv, { stdio: 'inherit', ...options, env: { ...(options.env ?? process.env), ...centreEnv } });
  const forward = (signal) => {
    if (child.exitCode === null && child.signalCode === null) child.kill(signal);
  };
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, () => forward(signal));
  child.on('error', (e) => {
    console.error(`无法启动 / could not start ${command}: ${e.message}`);
    centre?.stop();
    process.exit(1);
  });
  child.on('exit', (code, signal) => {
    centre?.stop();
    process.exit(code ?? (signal ? 1 : 0));
  });
  return child;
}

function startWebHost(reasonZh, reasonEn) {
  console.log(`${reasonZh}改为启动本机网页版工作台（在浏览器中使用）。`);
  console.log(`${reasonEn} Starting the local web host instead (use it in a browser).`);
  if (!fs.existsSync(WEB_HOST)) {
    console.error(`缺少 ${path.relative(ROOT, WEB_HOST)}：请先运行 npm run build。 / missing ${path.relative(ROOT, WEB_HOST)}: run npm run build first.`);
    process.exit(1);
  }
  runForwardingSignals(process.execPath, [WEB_HOST, ...args], { cwd: ROOT });
}

async function startElectron(electron) {
  if (!fs.existsSync(ELECTRON_MAIN)) {
    console.error('缺少 out/main/index.js：请先运行 npm run build。 / missing out/main/index.js: run npm run build first.');
    process.exit(1);
  }
  let nativeBinding;
  try {
    nativeBinding = await ensureElectronNative({ electronVersion: electron.version });
  } catch (e) {
    const why = e instanceof Error ? e.message : String(e);
    console.error(why);
    return startWebHost(
      `无法为 Electron 编译数据库组件 better-sqlite3（${why.split('\n')[0]}）。`,
      'Could not build better-sqlite3 for Electron (see the error above).',
    );
  }
  const env = { ...process.env, POLICYDESK_NATIVE_BINDING: nativeBinding };
  delete env.ELECTRON_RUN_AS_NODE;
  runForwardingSignals(electron.path, [ROOT, ...args], { cwd: ROOT, env });
}

const electron = findElectron();
if (process.env.POLICYDESK_HOST === 'web') {
  startWebHost('已按 POLICYDESK_HOST=web 的要求不启动 Electron，', 'POLICYDESK_HOST=web: not starting Electron.');
} else if (!electron.ok) {
  // npm ci does not download it (allowScripts in package.json): fetch it where a network exists
  console.log('提示：在可联网的电脑上运行 node node_modules/electron/install.js 可下载 Electron，之后 npm start 将打开桌面窗口。');
  console.log('Hint: on a machine with a network, `node node_modules/electron/install.js` downloads Electron; npm start then opens the desktop window.');
  startWebHost(
    '本机未安装 Electron 程序文件（Electron binary not installed on this machine），无法打开桌面窗口；',
    `Electron binary not installed on this machine: ${electron.reason}.`,
  );
} else if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
  startWebHost('本机没有图形显示（未设置 DISPLAY / WAYLAND_DISPLAY），无法打开桌面窗口；', 'No display (DISPLAY / WAYLAND_DISPLAY unset), so no desktop window.');
} else {
  await startElectron(electron);
}

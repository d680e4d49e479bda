// `npm start` with no centre configured starts an embedded one (server/embedded.ts) on loopback and
// hands the workstation its address and a one-time enrolment code (electron/core/sync/enrol-at-start.ts).
// "No centre configured": the workstation is not enrolled, or enrolled with a loopback centre (the
// embedded one of an earlier start). `--no-centre` or POLICYDESK_CENTRE=off turns it off.
//
// The centre's data lives beside the workstation's folder (PolicyDesk-centre), so a second
// workstation started on this PC (`npm start -- --data-dir D2 --department 市科技局`, a back office)
// joins the same centre.

import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import { createRequire } from 'node:module';
import { ROOT } from './electron-native.mjs';

const require = createRequire(import.meta.url);

/** The workstation's data folder, as electron/core/app/paths.ts and the hosts work it out. */
export function workstationDataDir(args, env = process.env) {
  const given = argValue(args, 'data-dir') ?? env.POLICYDESK_DATA_DIR;
  if (given) return path.resolve(given);
  if (process.platform === 'win32') return path.join(env.APPDATA ?? path.join(os.homedir(), 'AppData', 'Roaming'), 'PolicyDesk');
  if (process.platform === 'darwin') return path.join(os.homedir(), 'Library', 'Application Support', 'PolicyDesk');
  return path.join(env.XDG_CONFIG_HOME ?? path.join(os.homedir(), '.config'), 'PolicyDesk');
}

function argValue(args, name) {
  const i = args.findIndex((a) => a === `--${name}` || a.startsWith(`--${name}=`));
  if (i < 0) return undefined;
  return args[i].includes('=') ? args[i].slice(name.length + 3) : args[i + 1];
}

const argValues = (args, name) => args.flatMap((a, i) => (a === `--${name}` && args[i + 1] ? [args[i + 1]] : a.startsWith(`--${name}=`) ? [a.slice(name.length + 3)] : []));

/** The centre this workstation is enrolled with, if any (read-only look at its database). */
function enrolledCentre(dataDir) {
  const file = path.join(dataDir, 'policydesk.sqlite');
  if (!fs.existsSync(file)) return null;
  try {
    const Database = require('better-sqlite3');
    const db = new Database(file, { readonly: true, fileMustExist: true });
    try {
      return db.prepare('SELECT centre_url FROM sync_state WHERE id = 1').get()?.centre_url ?? null;
    } finally {
      db.close();
    }
  } catch {
    return null; // an older store without sync, or one the workstation will report as damaged
  }
}

const isLoopback = (url) => {
  try {
    return ['127.0.0.1', 'localhost', '[::1]'].includes(new URL(url).hostname);
  } catch {
    return false;
  }
};

/**
 * Starts (or joins) the embedded centre when none is configured. Answers the environment for the
 * workstation and a stop function, or null when a real centre is configured or it is turned off.
 */
export async function embeddedCentre(args) {
  if (args.includes('--no-centre') || process.env.POLICYDESK_CENTRE === 'off') return null;
  const dataDir = workstationDataDir(args);
  const enrolled = enrolledCentre(dataDir);
  if (enrolled && !isLoopback(enrolled)) return null;

  const centreDir = path.join(path.dirname(dataDir), 'PolicyDesk-centre');
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', path.join(ROOT, 'server', 'embedded.ts'), '--data-dir', centreDir, '--resources-dir', path.join(ROOT, 'resources'),
      ...argValues(args, 'department').flatMap((d) => ['--department', d])],
    { cwd: ROOT, stdio: ['pipe', 'pipe', 'inherit'] },
  );
  const found = {};
  const lines = readline.createInterface({ input: child.stdout });
  await new Promise((resolve) => {
    lines.on('line', (line) => {
      const m = /^(POLICYDESK_CENTRE_URL|POLICYDESK_ENROL_CODE)=(.+)$/.exec(line);
      if (m) found[m[1]] = m[2];
      if (found.POLICYDESK_CENTRE_URL && found.POLICYDESK_ENROL_CODE) resolve();
    });
    child.once('exit', resolve);
  });
  if (!found.POLICYDESK_CENTRE_URL || !found.POLICYDESK_ENROL_CODE) {
    console.error('本机演示中心未能启动，工作台将离线运行（数据保存在本机，之后可在同步设置中注册中心）。 / The embedded centre did not start; the workstation runs offline.');
    return null;
  }
  console.log(`本机演示中心：${found.POLICYDESK_CENTRE_URL}（数据目录 ${centreDir}） / embedded centre at ${found.POLICYDESK_CENTRE_URL}`);
  return {
    env: { POLICYDESK_CENTRE_URL: found.POLICYDESK_CENTRE_URL, POLICYDESK_ENROL_CODE: found.POLICYDESK_ENROL_CODE, POLICYDESK_DEVICE_NAME: `本机工作台（${path.basename(dataDir)}）` },
    stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    },
  };
}

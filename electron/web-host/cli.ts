import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createCore } from '../core/app/create-core';
import { argValue } from '@shared/app/args';
import { defaultDataDir } from '../core/app/paths';
import { startWebHost } from './server';
import { enrolmentFromEnv } from '../core/sync/enrol-at-start';

// `node out/main/web-host.js [--data-dir DIR] [--port N] [--hot-folder DIR]`: the workstation in a browser,
// for machines without the Electron binary and for the customer-facing second screen.

const here = path.dirname(fileURLToPath(import.meta.url));
const argv = process.argv.slice(2);
const dataDir = path.resolve(argValue(argv, 'data-dir') ?? process.env.POLICYDESK_DATA_DIR ?? defaultDataDir());
const resourcesDir = path.resolve(argValue(argv, 'resources-dir') ?? path.join(here, '../../resources'));
const rendererDir = path.resolve(argValue(argv, 'renderer-dir') ?? path.join(here, '../renderer'));
const port = Number(argValue(argv, 'port') ?? 0);

const hotFolder = argValue(argv, 'hot-folder') ?? process.env.POLICYDESK_HOT_FOLDER;
const core = createCore({
  dataDir, resourcesDir, scanning: { hotFolder: hotFolder ? path.resolve(hotFolder) : undefined }, sync: { enrolAtStart: enrolmentFromEnv() },
});
const host = await startWebHost({ dispatch: core.dispatch, rendererDir, port });
const status = core.status();

console.log('惠企政策窗口工作台 已在本机启动（仅 127.0.0.1 可访问）');
console.log(`数据目录: ${dataDir}`);
if (status.state === 'db_error') console.log(`注意: ${status.error?.message}`);
console.log(`请在浏览器中打开: ${host.openUrl}`);
// machine-readable line for scripts and tests
console.log(`POLICYDESK_URL=${host.openUrl}`);

let closing = false;
const shutdown = () => {
  if (closing) return;
  closing = true;
  void host.close().then(() => {
    core.close();
    process.exit(0);
  });
};
process.on('SIGINT', shutdown);
process.on('SIGTERM', shutdown);

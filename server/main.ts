import path from 'node:path';
import { t } from '@shared/i18n';
import { startCentral, DEFAULT_PORT } from './central';
import { DataDirBusyError, readLock } from './db/data-lock';
import { DbNewerError } from './db/migrate';
import { openDb } from './db/open';
import { parseArgs, option, toArgv, type Args } from './admin/args';
import { ADMIN_COMMANDS, needsPassword, resolvePaths, runAdmin } from './admin/commands';
import { askHidden } from './admin/prompt';
import { newAdminToken, relayAdmin } from './admin/relay';

// `npm run central` — the centre: with no command it serves (--port, --host, --data-dir;
// DATABASE_URL for PostgreSQL); with one it runs that admin command against the same database.

const say = (line: string) => process.stdout.write(`${line}\n`);
const fail = (line: string) => process.stderr.write(`${line}\n`);

async function main(argv: string[]): Promise<number> {
  const args = parseArgs(argv);
  const dataDir = path.resolve(option(args, 'data-dir') ?? 'central-data');
  const databaseUrl = process.env.DATABASE_URL || undefined;
  if (args.options.has('help')) return say(t('central.usage')), 0;
  if (args.words.length === 0) return serve(args, dataDir, databaseUrl);
  if (!ADMIN_COMMANDS.has(args.words[0]!)) {
    fail(t('central.unknownCommand', { command: args.words.join(' ') }));
    fail(t('central.usage'));
    return 2;
  }
  return admin(args, dataDir, databaseUrl);
}

async function serve(args: Args, dataDir: string, databaseUrl: string | undefined): Promise<number> {
  const portText = option(args, 'port') ?? String(DEFAULT_PORT);
  if (!/^\d+$/.test(portText) || Number(portText) > 65535) return fail(t('central.badOption', { option: '--port', value: portText })), 2;
  const central = await startCentral({ dataDir, databaseUrl, port: Number(portText), host: option(args, 'host') ?? '127.0.0.1', adminToken: newAdminToken() });
  process.stderr.write(`${t('central.started', { url: central.url, database: central.db.kind === 'pg' ? 'PostgreSQL' : 'PGlite', dataDir })}\n`);
  await new Promise<void>((resolve) => {
    const stop = () => resolve();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  await central.close();
  return 0;
}

async function admin(input: Args, dataDir: string, databaseUrl: string | undefined): Promise<number> {
  const args = resolvePaths(input, process.cwd());
  if (needsPassword(args)) {
    const username = option(args, 'username') ?? '';
    const first = await askHidden(t('central.password.prompt', { username }));
    const again = process.stdin.isTTY ? await askHidden(t('central.password.again')) : first;
    if (first !== again) return fail(t('central.password.mismatch')), 1;
    args.options.set('password', [first]);
  }
  if (!databaseUrl) {
    // the running centre holds the PGlite folder: it runs the command
    const holder = readLock(dataDir);
    if (holder?.url && holder.adminToken) {
      const { code, out, err } = await relayAdmin(holder, toArgv(args));
      out.forEach(say);
      err.forEach(fail);
      return code;
    }
  }
  const { db, lock } = await openDb({ dataDir, databaseUrl });
  try {
    return await runAdmin(db, args, say, fail);
  } finally {
    await db.close();
    lock?.release();
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (e: unknown) => {
    if (e instanceof DataDirBusyError) fail(t('central.dataDirBusy', { dataDir: e.dataDir, pid: String(e.holder.pid) }));
    else if (e instanceof DbNewerError) fail(t('central.dbNewer', { version: String(e.version) }));
    else fail(t('central.failed', { reason: e instanceof Error ? e.message : String(e) }));
    process.exit(1);
  },
);

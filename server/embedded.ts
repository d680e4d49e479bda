import fs from 'node:fs';
import path from 'node:path';
import { startCentral, DEFAULT_PORT, type Central } from './central';
import { createEnrolCode } from './devices/enrolment';
import { readLock } from './db/data-lock';
import { parseArgs, option } from './admin/args';
import { publishPolicyFile } from './admin/publish-files';
import { newAdminToken, relayAdmin } from './admin/relay';
import { getSetting, setSetting } from './settings';
import type { Log } from './log';

// The embedded centre of `npm start` (scripts/start.mjs) when no centre is configured: a newcomer
// sees the whole loop — counter, centre, back office — on one machine.
//
//   tsx server/embedded.ts --data-dir D [--port 8787] [--department 部门]… [--resources-dir R]
//
// Serves on 127.0.0.1 with PGlite in D, publishes the sample policy library (again at each start:
// an unchanged record is not sent twice), and prints for the starter, one per line,
//   POLICYDESK_CENTRE_URL=…   POLICYDESK_ENROL_CODE=…   (a one-time code, valid 1 hour)
// then runs until SIGTERM/SIGINT or until its standard input closes (the starter is gone). If a
// centre already holds D (a second workstation started on this machine), it only asks that centre
// for a code through its admin door and exits.

const SAMPLE_LIBRARY = 'policies/sample-library.json';
const DEMO_CENTRE_NAME = '本机演示服务中心';

const args = parseArgs(process.argv.slice(2));
const dataDir = path.resolve(option(args, 'data-dir') ?? 'central-data');
const resourcesDir = path.resolve(option(args, 'resources-dir') ?? 'resources');
const departments = (args.options.get('department') ?? []).map((d) => d.trim()).filter(Boolean);
const say = (line: string) => process.stdout.write(`${line}\n`);

async function main(): Promise<void> {
  const holder = readLock(dataDir);
  if (holder?.url && holder.adminToken) {
    const relayed = await relayAdmin(holder, ['enrol-code', '--machine', '--ttl-hours', '1', ...departments.flatMap((d) => ['--department', d])]);
    if (relayed.code !== 0) throw new Error(relayed.err.join('\n') || 'the running centre refused to make an enrolment code');
    say(`POLICYDESK_CENTRE_URL=${holder.url}`);
    relayed.out.forEach(say);
    return;
  }
  fs.mkdirSync(dataDir, { recursive: true });
  const logFile = fs.createWriteStream(path.join(dataDir, 'central.log'), { flags: 'a' });
  const log: Log = (entry) => logFile.write(`${JSON.stringify({ at: new Date().toISOString(), ...entry })}\n`);
  const central = await startOnFreePort(log);
  if (!(await getSetting(central.db, 'centre_name'))) await setSetting(central.db, 'centre_name', DEMO_CENTRE_NAME);
  const report = await publishPolicyFile(central.db, fs.readFileSync(path.join(resourcesDir, SAMPLE_LIBRARY), 'utf8'));
  if (report.refused) log({ level: 'error', event: 'sample_library_refused', problems: report.problems.slice(0, 5) });
  const { code } = await createEnrolCode(central.db, { departments, ttlHours: 1 });
  say(`POLICYDESK_CENTRE_URL=${central.url}`);
  say(`POLICYDESK_ENROL_CODE=${code}`);

  await new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
    process.stdin.once('end', resolve);
    process.stdin.once('close', resolve);
    process.stdin.resume();
  });
  await central.close();
  logFile.end();
}

/** The usual port, or any free one when another program has it. */
async function startOnFreePort(log: Log): Promise<Central> {
  const options = { dataDir, host: '127.0.0.1', adminToken: newAdminToken(), log };
  const wanted = Number(option(args, 'port') ?? DEFAULT_PORT);
  try {
    return await startCentral({ ...options, port: wanted });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw e;
    return startCentral({ ...options, port: 0 });
  }
}

main().then(
  () => process.exit(0),
  (e: unknown) => {
    process.stderr.write(`embedded centre: ${e instanceof Error ? e.message : String(e)}\n`);
    process.exit(1);
  },
);

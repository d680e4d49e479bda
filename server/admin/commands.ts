import fs from 'node:fs';
import path from 'node:path';
import { t } from '@shared/i18n';
import { formatChinaDateTime } from '@shared/time/china-time';
import { Uuid } from '@shared/sync/protocol';
import type { Db } from '../db/types';
import { createEnrolCode, listDevices, revokeDevice } from '../devices/enrolment';
import { setSetting } from '../settings';
import { addStaff, listStaff, parseRoles, setStaffActive, setStaffPassword } from './staff';
import { publishEnterpriseFile, publishPolicyFile, type PublishReport } from './publish-files';
import { AdminError } from './errors';
import { option, type Args } from './args';

// The admin commands, run against the database: directly by `npm run central -- …`, or inside the
// running centre through its admin door when it holds the PGlite folder (relay.ts). Output is lines
// for the administrator, from the catalogue.

export const ADMIN_COMMANDS = new Set(['enrol-code', 'device', 'staff', 'publish', 'centre-name']);

/** Commands that need a password; the CLI asks for it when --password is not given. */
export const needsPassword = (args: Args) => args.words[0] === 'staff' && (args.words[1] === 'add' || args.words[1] === 'password') && !option(args, 'password');

/** Files the command reads: made absolute where the administrator typed them. */
export function resolvePaths(args: Args, cwd: string): Args {
  if (args.words[0] !== 'publish' || !args.words[2]) return args;
  return { ...args, words: [...args.words.slice(0, 2), path.resolve(cwd, args.words[2]), ...args.words.slice(3)] };
}

const required = (args: Args, name: string): string => {
  const v = option(args, name)?.trim();
  if (!v) throw new AdminError('central.missingOption', { option: `--${name}` });
  return v;
};

const when = (d: Date | null) => (d ? formatChinaDateTime(new Date(d).toISOString()) : '—');

/** Runs one command: 0 when done, 1 when refused (the reason printed through `fail`). */
export async function runAdmin(db: Db, args: Args, print: (line: string) => void, fail: (line: string) => void = print): Promise<number> {
  try {
    await run(db, args, print);
    return 0;
  } catch (e) {
    if (e instanceof AdminError) {
      fail(e.message);
      return 1;
    }
    throw e;
  }
}

async function run(db: Db, args: Args, print: (line: string) => void): Promise<void> {
  const [command, sub, arg] = args.words;
  switch (command) {
    case 'enrol-code': {
      const ttl = option(args, 'ttl-hours') ?? '24';
      if (!/^\d+$/.test(ttl) || Number(ttl) < 1 || Number(ttl) > 24 * 30) throw new AdminError('central.badOption', { option: '--ttl-hours', value: ttl });
      const departments = [...new Set((args.options.get('department') ?? []).map((d) => d.trim()).filter(Boolean))];
      const { code, expiresAt } = await createEnrolCode(db, { departments, ttlHours: Number(ttl) });
      // --machine: one line for scripts (the embedded centre of `npm start`, server/embedded.ts)
      if (args.options.has('machine')) return print(`POLICYDESK_ENROL_CODE=${code}`);
      print(t('central.enrolCode.made', { code, expires: formatChinaDateTime(expiresAt) }));
      if (departments.length) print(t('central.enrolCode.departments', { departments: departments.join('、') }));
      return;
    }
    case 'device': {
      if (sub === 'list') {
        const devices = await listDevices(db);
        if (!devices.length) return print(t('central.device.none'));
        for (const d of devices) {
          print(t('central.device.row', {
            id: d.id, name: d.name, departments: d.departments.join('、') || '—', enrolled: when(d.enrolled_at), seen: when(d.last_seen_at),
            state: t(d.revoked_at ? 'central.device.revokedState' : 'central.device.active'),
          }));
        }
        return;
      }
      if (sub === 'revoke') {
        if (!arg || !Uuid.safeParse(arg).success) throw new AdminError('central.badOption', { option: 'device revoke', value: arg ?? '' });
        if (!(await revokeDevice(db, arg))) throw new AdminError('central.device.notFound', { id: arg });
        return print(t('central.device.revoked', { id: arg }));
      }
      break;
    }
    case 'staff': {
      if (sub === 'list') {
        const staff = await listStaff(db);
        if (!staff.length) return print(t('central.staff.none'));
        for (const s of staff) {
          print(t('central.staff.row', {
            username: s.username, displayName: s.display_name, roles: s.roles.join(','), department: s.department || '—',
            state: t(s.active ? 'central.staff.activeState' : 'central.staff.disabledState'),
          }));
        }
        return;
      }
      if (sub === 'add') {
        const s = await addStaff(db, {
          username: required(args, 'username'), displayName: required(args, 'display-name'), roles: parseRoles(required(args, 'roles')),
          department: option(args, 'department') ?? '', password: required(args, 'password'),
        });
        return print(t('central.staff.added', { username: s.username, displayName: s.display_name }));
      }
      if (sub === 'disable' || sub === 'enable') {
        const s = await setStaffActive(db, required(args, 'username'), sub === 'enable');
        return print(t(sub === 'enable' ? 'central.staff.enabled' : 'central.staff.disabled', { username: s.username }));
      }
      if (sub === 'password') {
        const s = await setStaffPassword(db, required(args, 'username'), required(args, 'password'));
        return print(t('central.staff.passwordSet', { username: s.username }));
      }
      break;
    }
    case 'publish': {
      if ((sub !== 'policies' && sub !== 'enterprises') || !arg) break;
      if (!fs.existsSync(arg)) throw new AdminError('central.publish.fileMissing', { path: arg });
      if (sub === 'enterprises' && /\.xlsx?$/i.test(arg)) throw new AdminError('central.publish.csvOnly');
      const report = sub === 'policies' ? await publishPolicyFile(db, fs.readFileSync(arg, 'utf8')) : await publishEnterpriseFile(db, fs.readFileSync(arg));
      return printReport(report, t(sub === 'policies' ? 'central.publish.policies' : 'central.publish.enterprises'), print);
    }
    case 'centre-name': {
      const name = args.words.slice(1).join(' ').trim();
      if (!name || name.length > 60) throw new AdminError('central.badOption', { option: 'centre-name', value: name });
      await setSetting(db, 'centre_name', name);
      return print(t('central.centreName.set', { name }));
    }
  }
  throw new AdminError('central.unknownCommand', { command: args.words.join(' ') });
}

function printReport(report: PublishReport, what: string, print: (line: string) => void): void {
  if (report.refused) throw new AdminError('central.publish.refused', { message: report.problems.map((p) => p.message).join('；') });
  print(t('central.publish.report', { what, created: report.created, updated: report.updated, unchanged: report.unchanged, rejected: report.rejected }));
  for (const p of report.problems.slice(0, 200)) print(t('central.publish.problem', { record: p.record, field: p.field, message: p.message }));
}

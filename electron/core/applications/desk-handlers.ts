import type { CoreEnv, Handlers } from '../api/handler-types';
import { recordChange } from '../db/record-change';
import { printSettings } from './print-port';
import { signedIn } from '../api/handler-types';
import type { SystemPrinter } from '../print';
import type { ScanDesk } from './scan-desk';

type DeskMethods =
  | 'scanDevices' | 'scanStart' | 'scanStatus' | 'scanCancel' | 'hotFolderStatus' | 'hotFolderArm' | 'printerList'
  | 'printSettingsGet' | 'printSettingsSet';

/** The counter's devices: scanners, the hot folder, printers and their settings. */
export function deskHandlers(env: CoreEnv, desk: ScanDesk, printer: SystemPrinter): Pick<Handlers, DeskMethods> {
  return {
    printSettingsGet: () => printSettings(env.db),
    printSettingsSet(settings, caller) {
      const staff = signedIn(caller);
      env.db.transaction(() => {
        env.db.prepare("INSERT INTO settings (key, value) VALUES ('print', ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value").run(JSON.stringify(settings));
        // settings of this PC: audited, not sent to the centre
        recordChange(env, { entity: 'settings', entityId: 'print', action: 'update', staffId: staff.id, detail: { settings } });
      }).immediate();
      return printSettings(env.db);
    },
    scanDevices: () => desk.devices(),
    scanStart: (input, caller) => desk.start(input, signedIn(caller)),
    scanStatus: ({ jobId }) => desk.status(jobId),
    scanCancel: ({ jobId }) => desk.cancel(jobId),
    hotFolderStatus: () => desk.hotFolderView(),
    hotFolderArm: ({ target }, caller) => desk.arm(target, signedIn(caller)),
    printerList: () => printer.printers(),
  };
}

import type { Handlers } from '../api/handler-types';
import { signedIn } from '../api/handler-types';
import { listPrinters } from '../print';
import type { ScanDesk } from './scan-desk';

type DeskMethods = 'scanDevices' | 'scanStart' | 'scanStatus' | 'scanCancel' | 'hotFolderStatus' | 'hotFolderArm' | 'printerList';

/** The counter's devices: scanners, the hot folder, printers. */
export function deskHandlers(desk: ScanDesk): Pick<Handlers, DeskMethods> {
  return {
    scanDevices: () => desk.devices(),
    scanStart: (input, caller) => desk.start(input, signedIn(caller)),
    scanStatus: ({ jobId }) => desk.status(jobId),
    scanCancel: ({ jobId }) => desk.cancel(jobId),
    hotFolderStatus: () => desk.hotFolderView(),
    hotFolderArm: ({ target }, caller) => desk.arm(target, signedIn(caller)),
    async printerList() {
      const { printers } = await listPrinters();
      return printers.map((p) => ({
        name: p.name, isDefault: p.isDefault, reason: p.reason ?? '',
        state: p.state === 'idle' || p.state === 'printing' || p.state === 'stopped' ? p.state : 'unknown',
      }));
    },
  };
}

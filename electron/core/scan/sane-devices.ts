import { AppError } from '@shared/api/errors';
import { t } from '@shared/i18n';
import { capabilitiesOf, parseOptions } from './sane-options';
import { parseStderrLine, reasonOf, statusOfText } from './sane-status';
import { runScanimage } from './scanimage-process';
import type { DeviceCapabilities, SaneSetup, ScannerDevice } from './types';

// The scanners SANE sees, and what each can do. Listing asks every backend in dll.conf, and the
// network ones (escl, airscan) take a few seconds to look around, so the timeouts are generous.

const LIST_TIMEOUT_MS = 30_000;
const DESCRIBE_TIMEOUT_MS = 30_000;

export interface ListOptions {
  sane?: SaneSetup;
  /** Also open each device to read its resolutions, modes and sources (default true). */
  describe?: boolean;
}

export async function listDevices(options: ListOptions = {}): Promise<ScannerDevice[]> {
  const run = await runScanimage(['--formatted-device-list=%d\t%v\t%m\t%t%n'], options.sane, LIST_TIMEOUT_MS);
  if (run.code === null) throw new AppError('SCAN_FAILED', { reason: t('scan.reason.noResponse', { seconds: LIST_TIMEOUT_MS / 1000 }) });
  const devices: ScannerDevice[] = [];
  for (const line of run.stdout.split('\n')) {
    const [name, vendor = '', model = '', type = ''] = line.split('\t');
    if (!name) continue;
    devices.push({ name, vendor, model, type, capabilities: null });
  }
  if (options.describe !== false) {
    // One after another: many USB scanners cannot be opened twice at once.
    for (const d of devices) {
      try {
        d.capabilities = await describeDevice(d.name, options.sane);
      } catch (err) {
        if (!(err instanceof AppError)) throw err;
        d.error = err;
      }
    }
  }
  return devices;
}

/** Opens the device and reads its options. SCANNER_NOT_FOUND when there is no such device (or it is gone). */
export async function describeDevice(device: string, sane?: SaneSetup): Promise<DeviceCapabilities> {
  const run = await runScanimage(['--device-name', device, '--all-options'], sane, DESCRIBE_TIMEOUT_MS);
  if (run.code === null) throw new AppError('SCAN_FAILED', { reason: t('scan.reason.noResponse', { seconds: DESCRIBE_TIMEOUT_MS / 1000 }) });
  if (run.code !== 0) throw openError(device, run.stderr);
  return capabilitiesOf(device, parseOptions(run.stdout));
}

/** The error for a device scanimage could not open, from its stderr. */
export function openError(device: string, stderr: string): AppError {
  for (const line of stderr.split('\n')) {
    const msg = parseStderrLine(line);
    if (msg?.kind !== 'open-failed') continue;
    const s = statusOfText(msg.text);
    // "Invalid argument" is what SANE says for a name no backend knows; an I/O error for one that went away.
    if (s === null || s === 'INVAL' || s === 'IO_ERROR') return new AppError('SCANNER_NOT_FOUND', { device });
    return new AppError('SCAN_FAILED', { reason: reasonOf(s, msg.text) });
  }
  return new AppError('SCAN_FAILED', { reason: reasonOf(null, stderr.trim().split('\n').pop() ?? '') });
}

import { t } from '@shared/i18n';

// What scanimage's messages (LANG=C) and exit codes mean. scanimage prints
//   "scanimage: sane_start: Document feeder out of documents"
//   "scanimage: sane_read: Error during device I/O"
//   "scanimage: open of device test:5 failed: Invalid argument"
// and exits with the SANE status number (or 1 for its own errors).

export type SaneStatus =
  | 'UNSUPPORTED' | 'CANCELLED' | 'DEVICE_BUSY' | 'INVAL' | 'EOF' | 'JAMMED' | 'NO_DOCS'
  | 'COVER_OPEN' | 'IO_ERROR' | 'NO_MEM' | 'ACCESS_DENIED';

/** The texts of sane_strstatus() (fixed in SANE 1.x; LANG=C keeps them untranslated). */
const STATUS_TEXT: Record<string, SaneStatus> = {
  'Operation not supported': 'UNSUPPORTED',
  'Operation was cancelled': 'CANCELLED',
  'Device busy': 'DEVICE_BUSY',
  'Invalid argument': 'INVAL',
  'End of file reached': 'EOF',
  'Document feeder jammed': 'JAMMED',
  'Document feeder out of documents': 'NO_DOCS',
  'Scanner cover is open': 'COVER_OPEN',
  'Error during device I/O': 'IO_ERROR',
  'Out of memory': 'NO_MEM',
  'Access to resource has been denied': 'ACCESS_DENIED',
};

const STATUS_BY_EXIT: Record<number, SaneStatus> = {
  2: 'CANCELLED', 3: 'DEVICE_BUSY', 4: 'INVAL', 6: 'JAMMED', 7: 'NO_DOCS', 8: 'COVER_OPEN', 9: 'IO_ERROR', 10: 'NO_MEM', 11: 'ACCESS_DENIED',
};

export type ScanimageMessage =
  | { kind: 'status'; call: 'sane_start' | 'sane_read' | string; status: SaneStatus | null; text: string }
  | { kind: 'open-failed'; device: string; text: string }
  | { kind: 'page-started'; page: number }
  | { kind: 'no-space'; text: string };

/** One stderr line of scanimage, if it says something we act on. */
export function parseStderrLine(line: string): ScanimageMessage | null {
  const started = /^Scanning page (\d+)$/.exec(line);
  if (started) return { kind: 'page-started', page: Number(started[1]) };
  if (/No space left on device/i.test(line)) return { kind: 'no-space', text: line };
  const open = /^scanimage: open of device (.*) failed: (.*)$/.exec(line);
  if (open) return { kind: 'open-failed', device: open[1]!, text: open[2]! };
  const status = /^scanimage: (sane_\w+): (.*)$/.exec(line);
  if (status) return { kind: 'status', call: status[1]!, status: STATUS_TEXT[status[2]!] ?? null, text: status[2]! };
  return null;
}

export function statusOfText(text: string): SaneStatus | null {
  return STATUS_TEXT[text.trim()] ?? null;
}

export function statusOfExitCode(code: number | null): SaneStatus | null {
  return code === null ? null : (STATUS_BY_EXIT[code] ?? null);
}

/** Statuses that mean the scanner is gone (cable pulled, powered off, network scanner away). */
export const LOST_STATUSES: ReadonlySet<SaneStatus> = new Set(['IO_ERROR']);

/** The reason, in the counter's words, for a status that ends a scan. */
export function reasonOf(status: SaneStatus | null, detail: string): string {
  switch (status) {
    case 'IO_ERROR': return t('scan.reason.ioError');
    case 'JAMMED': return t('scan.reason.jammed');
    case 'COVER_OPEN': return t('scan.reason.coverOpen');
    case 'DEVICE_BUSY': return t('scan.reason.busy');
    case 'NO_DOCS': return t('scan.reason.noDocs');
    case 'NO_MEM': return t('scan.reason.noMem');
    case 'ACCESS_DENIED': return t('scan.reason.accessDenied');
    case 'INVAL': return t('scan.reason.invalid');
    case 'UNSUPPORTED': return t('scan.reason.unsupported');
    default: return t('scan.reason.other', { detail: detail || '?' });
  }
}

import { t } from '@shared/i18n';
import { LOST_STATUSES, reasonOf, statusOfExitCode, type SaneStatus } from './sane-status';
import type { ScanProcessExit } from './scanimage-process';

// How one scanimage run ended, from its exit and what it said on the way. Kept pure so each case
// (feeder empty, jam, cable pulled, process killed, no answer) is decided in one readable place.

export interface RunObservations {
  /** The last "scanimage: sane_xxx: <status>" line. */
  lastStatus: { call: string; status: SaneStatus | null; text: string } | null;
  /** "open of device X failed: <text>" */
  openFailed: string | null;
  noSpace: boolean;
  /** The watchdog killed it: no sign of life for pageTimeoutMs. */
  timedOut: { seconds: number } | null;
  /** We asked it to stop (the caller cancelled, or an onPage callback failed). */
  stoppedByUs: boolean;
}

export type RunEnd =
  | { kind: 'done' }
  | { kind: 'feeder-empty' }
  | { kind: 'cancelled' }
  | { kind: 'open-failed'; text: string }
  | { kind: 'lost'; reason: string }
  | { kind: 'failed'; reason: string }
  | { kind: 'disk-full' }
  | { kind: 'cannot-start'; error: NodeJS.ErrnoException };

function ofStatus(status: SaneStatus | null, text: string): RunEnd {
  if (status === 'NO_DOCS') return { kind: 'feeder-empty' };
  // Cancelled on the scanner itself (its stop button).
  if (status === 'CANCELLED') return { kind: 'cancelled' };
  if (status && LOST_STATUSES.has(status)) return { kind: 'lost', reason: reasonOf(status, text) };
  return { kind: 'failed', reason: reasonOf(status, text) };
}

export function classifyRunEnd(exit: ScanProcessExit, seen: RunObservations): RunEnd {
  if (exit.spawnError) return { kind: 'cannot-start', error: exit.spawnError };
  if (seen.stoppedByUs) return { kind: 'cancelled' };
  if (seen.timedOut) return { kind: 'lost', reason: t('scan.reason.noResponse', { seconds: seen.timedOut.seconds }) };
  if (seen.noSpace) return { kind: 'disk-full' };
  if (seen.openFailed !== null) return { kind: 'open-failed', text: seen.openFailed };
  if (seen.lastStatus) return ofStatus(seen.lastStatus.status, seen.lastStatus.text);
  // Killed from outside: to us that is the scanner gone (the process owning the device died).
  if (exit.signal) return { kind: 'lost', reason: t('scan.reason.processDied', { signal: exit.signal }) };
  if (exit.code === 0) return { kind: 'done' };
  const status = statusOfExitCode(exit.code);
  if (status) return ofStatus(status, '');
  // A shell reports a child killed by signal N as 128+N; same as a signal.
  if (exit.code !== null && exit.code > 128) return { kind: 'lost', reason: t('scan.reason.processDied', { signal: `${exit.code - 128}` }) };
  return { kind: 'failed', reason: t('scan.reason.other', { detail: `exit ${exit.code}` }) };
}

import { execFile, spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { AppError } from '@shared/api/errors';
import { t } from '@shared/i18n';
import type { SaneSetup } from './types';

// Running scanimage: always an argument list (never a shell string), LANG=C so its messages can be
// read, and always bounded — a timeout for short questions, a watchdog for scans (in scan-batch).

export function scanimageOf(sane: SaneSetup | undefined): string {
  return sane?.scanimage ?? 'scanimage';
}

export function saneEnv(sane: SaneSetup | undefined): NodeJS.ProcessEnv {
  return { ...process.env, ...sane?.env, LANG: 'C', LC_ALL: 'C', LANGUAGE: 'C' };
}

/** SCAN_FAILED for a scanimage that could not be started at all. */
export function cannotStart(err: NodeJS.ErrnoException): AppError {
  return new AppError('SCAN_FAILED', {
    reason: err.code === 'ENOENT' ? t('scan.reason.notInstalled') : t('scan.reason.cannotStart', { detail: err.code ?? err.message }),
  });
}

export interface ShortRun {
  stdout: string;
  stderr: string;
  /** Exit code; null when killed (timeout). */
  code: number | null;
}

/** Runs scanimage for a quick answer (-L, -A); never rejects for a non-zero exit, only for a missing program. */
export function runScanimage(args: string[], sane: SaneSetup | undefined, timeoutMs: number): Promise<ShortRun> {
  return new Promise((resolve, reject) => {
    execFile(scanimageOf(sane), args, { env: saneEnv(sane), timeout: timeoutMs, killSignal: 'SIGKILL', maxBuffer: 8 * 1024 * 1024, encoding: 'utf8' },
      (err, stdout, stderr) => {
        if (err && typeof err.code === 'string') return reject(cannotStart(err as NodeJS.ErrnoException));
        const code = err ? (typeof err.code === 'number' ? err.code : null) : 0;
        resolve({ stdout, stderr, code: err?.killed ? null : code });
      });
  });
}

export interface ScanProcessExit {
  code: number | null;
  signal: NodeJS.Signals | null;
  spawnError?: NodeJS.ErrnoException;
}

export interface ScanProcess {
  pid: number | undefined;
  /** Resolves once the process has exited and both output streams are read to the end. */
  exited: Promise<ScanProcessExit>;
  /** Asks scanimage to stop (SIGTERM), and kills it if it has not gone after `graceMs`. */
  stop(graceMs?: number): void;
  /** Kills it at once (a scanner that stopped answering). */
  kill(): void;
}

/** Starts a long scanimage run, handing over each output line as it comes. */
export function spawnScanimage(
  args: string[],
  sane: SaneSetup | undefined,
  onStdoutLine: (line: string) => void,
  onStderrLine: (line: string) => void,
): ScanProcess {
  const child = spawn(scanimageOf(sane), args, { env: saneEnv(sane), stdio: ['ignore', 'pipe', 'pipe'] });
  let spawnError: NodeJS.ErrnoException | undefined;
  let killTimer: NodeJS.Timeout | undefined;
  const exited = new Promise<ScanProcessExit>((resolve) => {
    child.on('error', (err) => {
      spawnError = err;
    });
    child.on('close', (code, signal) => {
      clearTimeout(killTimer);
      resolve({ code, signal, ...(spawnError ? { spawnError } : {}) });
    });
  });
  createInterface({ input: child.stdout }).on('line', onStdoutLine);
  createInterface({ input: child.stderr }).on('line', onStderrLine);
  const alive = () => child.exitCode === null && child.signalCode === null;
  return {
    pid: child.pid,
    exited,
    stop(graceMs = 3000) {
      if (!alive()) return;
      child.kill('SIGTERM');
      killTimer ??= setTimeout(() => alive() && child.kill('SIGKILL'), graceMs);
    },
    kill() {
      if (alive()) child.kill('SIGKILL');
    },
  };
}

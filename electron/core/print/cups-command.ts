import { execFile } from 'node:child_process';
import { AppError } from '@shared/api/errors';
import { t } from '@shared/i18n';

// Runs one CUPS command-line tool (lp, lpstat, lpoptions, cancel) without a shell. LANG=C keeps its
// English output stable for the parsers (queue names and messages stay UTF-8 either way).

export interface CupsOutput { code: number; stdout: string; stderr: string }

const TIMEOUT_MS = 15_000;

export function cupsEnv(env: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
  return { ...env, LANG: 'C', LC_ALL: 'C', LC_MESSAGES: 'C' };
}

/** Resolves with the exit code and output (a non-zero exit is the caller's to read); rejects only when the tool cannot run. */
export function runCups(tool: string, args: readonly string[], opts: { timeoutMs?: number } = {}): Promise<CupsOutput> {
  return new Promise((resolve, reject) => {
    execFile(tool, args, { env: cupsEnv(), timeout: opts.timeoutMs ?? TIMEOUT_MS, maxBuffer: 8 * 1024 * 1024, encoding: 'utf8' }, (error, stdout, stderr) => {
      if (!error) return resolve({ code: 0, stdout, stderr });
      const e = error as NodeJS.ErrnoException & { killed?: boolean; code?: number | string };
      if (e.code === 'ENOENT') return reject(new AppError('PRINT_FAILED', { reason: t('print.reason.cupsMissing') }));
      if (e.killed) return reject(new AppError('PRINT_FAILED', { reason: t('print.reason.timeout', { seconds: Math.round((opts.timeoutMs ?? TIMEOUT_MS) / 1000) }) }));
      resolve({ code: typeof e.code === 'number' ? e.code : 1, stdout, stderr });
    });
  });
}

/** lpstat and lp say this when cupsd is not there to answer. */
export function isSchedulerDown(stderr: string): boolean {
  return /scheduler is not running|unable to connect to server|connection refused|bad file descriptor|no such file or directory/i.test(stderr);
}

/** The error for a CUPS tool that failed for a reason other than the ones callers look for. */
export function cupsFailure(out: CupsOutput): AppError {
  if (isSchedulerDown(out.stderr)) return new AppError('PRINT_FAILED', { reason: t('print.reason.cupsDown') });
  const detail = (out.stderr || out.stdout).trim().split('\n')[0]?.replace(/^\w+: /, '').slice(0, 200) || `exit ${out.code}`;
  return new AppError('PRINT_FAILED', { reason: t('print.reason.cupsError', { detail }) });
}

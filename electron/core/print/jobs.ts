import os from 'node:os';
import { setTimeout as sleep } from 'node:timers/promises';
import { AppError } from '@shared/api/errors';
import { t } from '@shared/i18n';
import { JOB_STATES, type JobState, type JobStatus, type PrintJob } from '@shared/print/schemas';
import { runCups } from './cups-command';
import { encodeGetJobAttributes, ippRequest } from './ipp';
import { jobNumber } from './lpstat-parse';
import { getPrinter } from './printers';
import { reasonFromKeywords } from '@shared/print/reasons';

// A job after lp accepted it: its state (asked of cupsd over IPP, see ipp.ts), waiting for it to
// finish, and withdrawing one that cannot print so it does not come out later next to a reprint.

const REQUESTED = ['job-state', 'job-state-reasons', 'job-printer-state-message', 'job-printer-uri'];
const IPP_NOT_FOUND = 0x0406;

/** job-state enum 3…9 → name. */
const stateName = (n: number): JobState | null => (n >= 3 && n <= 9 ? JOB_STATES[n - 3]! : null);

function userName(): string {
  try {
    return os.userInfo().username;
  } catch {
    return 'policydesk';
  }
}

export async function jobStatus(jobId: string): Promise<JobStatus> {
  const num = jobNumber(jobId);
  if (num === null) throw new AppError('PRINT_FAILED', { reason: t('print.reason.jobMissing', { jobId }) });
  let res;
  try {
    res = await ippRequest(encodeGetJobAttributes(num, userName(), REQUESTED));
  } catch {
    throw new AppError('PRINT_FAILED', { reason: t('print.reason.cupsDown') });
  }
  if (res.status === IPP_NOT_FOUND) throw new AppError('PRINT_FAILED', { reason: t('print.reason.jobMissing', { jobId }) });
  if (res.status >= 0x0400) throw new AppError('PRINT_FAILED', { reason: t('print.reason.cupsError', { detail: `IPP 0x${res.status.toString(16).padStart(4, '0')}` }) });
  const state = stateName(Number(res.attributes.get('job-state')?.[0]));
  if (!state) throw new AppError('PRINT_FAILED', { reason: t('print.reason.jobMissing', { jobId }) });
  const uri = String(res.attributes.get('job-printer-uri')?.[0] ?? '');
  const printer = uri ? decodeURIComponent(uri.slice(uri.lastIndexOf('/') + 1)) : jobId.replace(/-\d+$/, '');
  const message = String(res.attributes.get('job-printer-state-message')?.[0] ?? '').trim();
  const reasons = (res.attributes.get('job-state-reasons') ?? []).map(String).filter((r) => r !== 'none');
  return { jobId, printer, state, reasons, message: message || null };
}

/** Withdraws a job (cancel); false if CUPS would not. */
export async function cancelJob(jobId: string): Promise<boolean> {
  const out = await runCups('cancel', [jobId]).catch(() => null);
  return out?.code === 0;
}

export interface WaitOptions {
  /** give up waiting after this long and return the job as it is then (default 60 s) */
  timeoutMs?: number;
  pollMs?: number;
  /** withdraw a job that is held or whose printer stopped, so it cannot come out later (default true) */
  cancelStuck?: boolean;
}

const detailOf = (s: JobStatus) => s.message ?? (reasonFromKeywords(s.reasons).join('；') || s.reasons.join(', ') || t('print.reason.unknown'));

/**
 * Follows a job until CUPS has printed it. Resolves with the completed job, or — if it is still
 * queued or printing when the time is up — with its state then. Throws PRINT_FAILED, with the
 * reason, when the job is cancelled, aborted or held, or its printer stops before it is done.
 */
export async function waitForJob(job: Pick<PrintJob, 'jobId'>, opts: WaitOptions = {}): Promise<JobStatus> {
  const deadline = Date.now() + (opts.timeoutMs ?? 60_000);
  const cancelStuck = opts.cancelStuck ?? true;
  const withdraw = async () => {
    if (cancelStuck) await cancelJob(job.jobId);
  };
  for (;;) {
    const s = await jobStatus(job.jobId);
    switch (s.state) {
      case 'completed':
        return s;
      case 'canceled':
        throw new AppError('PRINT_FAILED', { reason: t('print.reason.jobCanceled', { jobId: s.jobId }) });
      case 'aborted':
        throw new AppError('PRINT_FAILED', { reason: t('print.reason.jobAborted', { jobId: s.jobId, detail: detailOf(s) }) });
      case 'held':
        await withdraw();
        throw new AppError('PRINT_FAILED', { reason: t('print.reason.jobHeld', { jobId: s.jobId, detail: detailOf(s) }) });
      default: {
        const printer = await getPrinter(s.printer).catch(() => null);
        if (s.state === 'stopped' || printer?.state === 'stopped') {
          await withdraw();
          const detail = printer?.reason ?? detailOf(s);
          throw new AppError('PRINT_FAILED', { reason: t('print.reason.queueStopped', { printer: s.printer, jobId: s.jobId, detail }) });
        }
      }
    }
    if (Date.now() >= deadline) return s;
    await sleep(Math.min(opts.pollMs ?? 300, Math.max(0, deadline - Date.now())));
  }
}

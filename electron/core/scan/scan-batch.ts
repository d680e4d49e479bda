import { mkdir, mkdtemp, readdir, rm, rmdir } from 'node:fs/promises';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { AppError } from '@shared/api/errors';
import { t } from '@shared/i18n';
import { pageInfo } from './page-info';
import { describeDevice } from './sane-devices';
import { parseStderrLine } from './sane-status';
import { classifyRunEnd, type RunEnd, type RunObservations } from './scan-exit';
import { FILE_EXTENSION, planScan, type ScanPlan } from './scan-plan';
import { cannotStart, spawnScanimage, type ScanProcess } from './scanimage-process';
import type { ScannedPage, ScanRequest, ScanResult } from './types';

// Scanning a page or a stack through scanimage's batch mode. scanimage writes each page to
// "<name>.part" and renames it when the page is whole, then prints the name (--batch-print): that
// line is our "page done" event, so a page is reported the moment it is complete and never half.
//
// A feeder that runs empty ends one scanimage run. If the caller's onFeederEmpty says the clerk put
// the rest of the stack in, a new run continues the numbering (--batch-start). SANE's test backend
// simulates a feeder that holds 10 sheets, so a 20-page test batch is two runs, as at the counter.

const DEFAULT_PAGE_TIMEOUT_MS = 180_000;
/** A safety bound on feeder refills in one batch (each must bring at least one page anyway). */
const MAX_RUNS = 1000;

interface Batch {
  req: ScanRequest;
  plan: ScanPlan;
  folder: string;
  pages: ScannedPage[];
  current: ScanProcess | null;
  /** Pages are described and handed to onPage one after another, in order. */
  chain: Promise<void>;
  callbackError: { error: unknown } | null;
  firstPageMs: number | null;
  started: number;
}

/** One scanimage run from page `startAt`; resolves when it has exited and its output is read. */
async function runOnce(b: Batch, startAt: number): Promise<{ end: RunEnd; pagesThisRun: number }> {
  const { req, plan } = b;
  const remaining = plan.count === undefined ? undefined : plan.count - b.pages.length;
  // scanimage passes --batch through printf: a % in our folder's path must be doubled.
  const pattern = path.join(b.folder.replace(/%/g, '%%'), `page-%04d.${FILE_EXTENSION[plan.format]}`);
  const args = [
    '--device-name', plan.device, `--format=${plan.format}`, `--batch=${pattern}`, `--batch-start=${startAt}`,
    ...(remaining !== undefined ? [`--batch-count=${remaining}`] : []), '--batch-print', ...plan.settingArgs,
  ];
  const seen: RunObservations = { lastStatus: null, openFailed: null, noSpace: false, timedOut: null, stoppedByUs: false };
  const timeoutMs = req.pageTimeoutMs ?? DEFAULT_PAGE_TIMEOUT_MS;
  let pagesThisRun = 0;
  let watchdog: NodeJS.Timeout | undefined;
  const alive = () => {
    clearTimeout(watchdog);
    watchdog = setTimeout(() => {
      seen.timedOut = { seconds: Math.max(1, Math.ceil(timeoutMs / 1000)) };
      proc.kill();
    }, timeoutMs);
  };

  const onStdout = (line: string) => {
    alive();
    const file = path.resolve(line.trim());
    if (!line.trim() || path.dirname(file) !== b.folder) return;
    pagesThisRun++;
    b.chain = b.chain.then(async () => {
      if (b.callbackError) return;
      const page = await pageInfo(b.pages.length + 1, file, plan.format, plan.resolution);
      b.pages.push(page);
      b.firstPageMs ??= performance.now() - b.started;
      await req.onPage?.(page);
    }).catch((error: unknown) => {
      b.callbackError ??= { error };
      seen.stoppedByUs = true;
      b.current?.stop();
    });
  };
  const onStderr = (line: string) => {
    alive();
    const msg = parseStderrLine(line);
    if (!msg) return;
    if (msg.kind === 'page-started') req.onPageStarted?.(msg.page);
    else if (msg.kind === 'status') seen.lastStatus = msg;
    else if (msg.kind === 'open-failed') seen.openFailed = msg.text;
    else seen.noSpace = true;
  };

  const proc = spawnScanimage(args, req.sane, onStdout, onStderr);
  b.current = proc;
  const onAbort = () => {
    seen.stoppedByUs = true;
    proc.stop();
  };
  req.signal?.addEventListener('abort', onAbort, { once: true });
  if (req.signal?.aborted) onAbort();
  if (proc.pid !== undefined) req.onProcess?.(proc.pid);
  alive();
  try {
    const exit = await proc.exited;
    return { end: classifyRunEnd(exit, seen), pagesThisRun };
  } finally {
    clearTimeout(watchdog);
    req.signal?.removeEventListener('abort', onAbort);
    b.current = null;
  }
}

/** Leftovers of a page cut off mid-scan ("page-0004.png.part"); an empty folder goes too. */
async function tidy(b: Batch): Promise<void> {
  const names = await readdir(b.folder).catch(() => [] as string[]);
  await Promise.all(names.filter((n) => n.endsWith('.part')).map((n) => rm(path.join(b.folder, n), { force: true })));
  if (b.pages.length === 0) await rmdir(b.folder).catch(() => undefined);
}

/**
 * Scans from `req.device`: one page from the flatbed, or the stack in the feeder. Each page is
 * reported through `onPage` as soon as it is whole. Resolves with every page scanned, also when the
 * scan ends badly: `endedBy: 'error'` with SCANNER_LOST { page, done, reason } / SCAN_FAILED /
 * DISK_FULL in `error`. Rejects only before any page: SCANNER_NOT_FOUND for an unknown device,
 * SCAN_FAILED for settings the device does not have or a missing scanimage; and with the error an
 * onPage callback threw (after stopping the scanner).
 */
export async function scanBatch(req: ScanRequest): Promise<ScanResult> {
  const started = performance.now();
  const caps = req.capabilities ?? (await describeDevice(req.device, req.sane));
  const plan = planScan(caps, req);
  await mkdir(req.outDir, { recursive: true });
  const b: Batch = {
    req, plan, folder: await mkdtemp(path.join(path.resolve(req.outDir), 'scan-')), pages: [], current: null,
    chain: Promise.resolve(), callbackError: null, firstPageMs: null, started,
  };
  let endedBy: ScanResult['endedBy'] = 'done';
  let error: AppError | undefined;
  const lost = (reason: string) => new AppError('SCANNER_LOST', { page: b.pages.length + 1, done: b.pages.length, reason });

  try {
    for (let run = 0; run < MAX_RUNS; run++) {
      if (req.signal?.aborted) {
        endedBy = 'cancelled';
        break;
      }
      const { end, pagesThisRun } = await runOnce(b, b.pages.length + 1);
      await b.chain;
      if (b.callbackError) throw b.callbackError.error;
      if (end.kind === 'feeder-empty') {
        if (b.pages.length === 0) {
          error = new AppError('SCAN_FAILED', { reason: t('scan.reason.noDocs') });
          endedBy = 'error';
        } else if (plan.count !== undefined && b.pages.length >= plan.count) {
          endedBy = 'done';
        } else if (pagesThisRun > 0 && req.onFeederEmpty && !req.signal?.aborted && (await req.onFeederEmpty({ pagesSoFar: b.pages.length }))) {
          continue;
        } else {
          endedBy = 'feeder-empty';
        }
        break;
      }
      if (end.kind === 'done' || end.kind === 'cancelled') {
        endedBy = end.kind;
        break;
      }
      endedBy = 'error';
      if (end.kind === 'cannot-start') {
        if (b.pages.length === 0) throw cannotStart(end.error);
        error = lost(cannotStart(end.error).message);
      } else if (end.kind === 'open-failed') {
        // The device was there when we read its options (or a moment ago, before a refill).
        if (run === 0 && b.pages.length === 0) throw new AppError('SCANNER_NOT_FOUND', { device: req.device });
        error = lost(t('scan.reason.reopenFailed'));
      } else if (end.kind === 'lost') {
        error = lost(end.reason);
      } else if (end.kind === 'disk-full') {
        error = new AppError('DISK_FULL');
      } else {
        error = new AppError('SCAN_FAILED', { reason: end.reason });
      }
      break;
    }
  } finally {
    b.current?.kill();
    await b.chain;
    await tidy(b);
  }
  return {
    device: req.device, folder: b.folder, pages: b.pages, endedBy, ...(error ? { error } : {}),
    resolution: plan.resolution, mode: plan.mode, source: plan.source,
    timings: { firstPageMs: b.firstPageMs, totalMs: performance.now() - started },
  };
}

/** One page: from the flatbed by default, or a single sheet from the feeder. */
export function scanPage(req: Omit<ScanRequest, 'count' | 'onFeederEmpty'>): Promise<ScanResult> {
  return scanBatch({ ...req, count: 1 });
}

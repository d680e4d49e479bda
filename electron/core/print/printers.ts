import { AppError } from '@shared/api/errors';
import type { PrinterInfo, PrinterList } from '@shared/print/schemas';
import { cupsFailure, isSchedulerDown, runCups, type CupsOutput } from './cups-command';
import { parseLpoptionsMedia, parseLpstat, type LpstatListing } from './lpstat-parse';
import { stoppedReason } from '@shared/print/reasons';

// The printers CUPS knows, with their state: one `lpstat -l -p -a -d` for the list, and one
// `lpoptions -p X -l` per printer for its paper sizes when asked.

function toInfo(listing: LpstatListing, p: LpstatListing['printers'][number]): PrinterInfo {
  const accept = listing.accepting.get(p.name);
  const accepting = accept?.accepting ?? true;
  const ok = p.state !== 'stopped' && accepting;
  return {
    name: p.name,
    description: p.description || p.name,
    location: p.location,
    state: p.state,
    accepting,
    reason: ok ? null : stoppedReason(p, accept),
    isDefault: listing.defaultPrinter === p.name,
  };
}

/** lpstat exits 1 with "No destinations added." on a machine with no queue: that is an empty list. */
function noDestinations(out: CupsOutput): boolean {
  return /no destinations added/i.test(out.stderr);
}

export async function listPrinters(opts: { media?: boolean } = {}): Promise<PrinterList> {
  const out = await runCups('lpstat', ['-l', '-p', '-a', '-d']);
  if (isSchedulerDown(out.stderr)) throw cupsFailure(out);
  if (out.code !== 0 && !noDestinations(out)) throw cupsFailure(out);
  const listing = parseLpstat(out.stdout);
  const printers = listing.printers.map((p) => toInfo(listing, p));
  if (opts.media) await Promise.all(printers.map(async (p) => (p.media = await printerMedia(p.name))));
  return { printers, defaultPrinter: listing.defaultPrinter };
}

/** One printer's state, read just before printing to it. PRINTER_NOT_FOUND if CUPS has no such queue. */
export async function getPrinter(name: string): Promise<PrinterInfo> {
  const out = await runCups('lpstat', ['-l', '-p', name, '-a', name, '-d']);
  if (isSchedulerDown(out.stderr)) throw cupsFailure(out);
  const listing = parseLpstat(out.stdout);
  const p = listing.printers.find((x) => x.name === name);
  if (!p) {
    if (out.code !== 0 && !/invalid destination name|does not exist|unknown destination/i.test(out.stderr)) throw cupsFailure(out);
    // with no cupsd, lpstat calls every name invalid: ask whether the scheduler is there at all
    const r = await runCups('lpstat', ['-r']);
    if (!/scheduler is running/i.test(r.stdout)) throw cupsFailure({ ...r, stderr: 'scheduler is not running' });
    throw new AppError('PRINTER_NOT_FOUND', { printer: name });
  }
  return toInfo(listing, p);
}

/** The paper sizes a printer offers (its driver's PageSize choices); [] if it has no driver options. */
export async function printerMedia(name: string): Promise<string[]> {
  const out = await runCups('lpoptions', ['-p', name, '-l']);
  return out.code === 0 ? parseLpoptionsMedia(out.stdout) : [];
}

import type { PrinterState } from '@shared/print/schemas';

// Readers for what the CUPS command-line tools print under LANG=C. Pure, so every format the tests
// have seen is pinned in tests/unit/print/. CUPS queue names never contain spaces, '/' or '#'.

export interface LpstatPrinter {
  name: string;
  state: PrinterState;
  /** the printer-state-message lines (the reason given to cupsdisable / cupsreject, or the driver's) */
  message: string;
  /** printer-state-reasons keywords ("Alerts:" in the long listing); [] when "none" */
  alerts: string[];
  description: string;
  location: string;
}

export interface LpstatListing {
  printers: LpstatPrinter[];
  /** name → accepting, with the refusal's message */
  accepting: Map<string, { accepting: boolean; message: string }>;
  defaultPrinter: string | null;
}

/** The keys `lpstat -l -p` prints under each printer; any other indented line is the state message. */
const LONG_KEYS = /^(Form mounted|Content types|Printer types|Description|Alerts|Location|Connection|Interface|On fault|After fault|Users allowed|Forms allowed|Banner required|Charset sets|Default pitch|Default page size|Default port settings)\b/;

const PRINTER_LINE = /^printer (\S+) (?:(is idle)|(now printing) \S*|(disabled) since)/;
const ACCEPT_LINE = /^(\S+) (not )?accepting requests since/;
const DEFAULT_LINE = /^system default destination: (\S+)/;

/** Reads `lpstat [-l] -p … -a … -d` (any of the three, in any order). */
export function parseLpstat(text: string): LpstatListing {
  const printers: LpstatPrinter[] = [];
  const accepting = new Map<string, { accepting: boolean; message: string }>();
  let defaultPrinter: string | null = null;
  let printer: LpstatPrinter | null = null;
  let accept: { accepting: boolean; message: string } | null = null;
  let inKeys = false;
  const addMessage = (target: { message: string }, line: string) => {
    target.message = target.message ? `${target.message}\n${line}` : line;
  };

  for (const raw of text.split('\n')) {
    const line = raw.replace(/\r$/, '');
    if (line.startsWith('\t')) {
      const body = line.slice(1);
      if (printer) {
        if (!inKeys && !body.startsWith('\t') && LONG_KEYS.test(body)) inKeys = true;
        if (!inKeys) addMessage(printer, body.trim());
        else if (body.startsWith('Description:')) printer.description = body.slice(12).trim();
        else if (body.startsWith('Location:')) printer.location = body.slice(9).trim();
        else if (body.startsWith('Alerts:')) printer.alerts = body.slice(7).trim().split(/[\s,]+/).filter((a) => a && a !== 'none');
      } else if (accept) addMessage(accept, body.trim());
      continue;
    }
    printer = null;
    accept = null;
    inKeys = false;
    let m = PRINTER_LINE.exec(line);
    if (m) {
      const state: PrinterState = m[2] ? 'idle' : m[3] ? 'printing' : 'stopped';
      printer = { name: m[1]!, state, message: '', alerts: [], description: '', location: '' };
      printers.push(printer);
      continue;
    }
    m = ACCEPT_LINE.exec(line);
    if (m) {
      accept = { accepting: !m[2], message: '' };
      accepting.set(m[1]!, accept);
      continue;
    }
    m = DEFAULT_LINE.exec(line);
    if (m) defaultPrinter = m[1]!;
  }
  return { printers, accepting, defaultPrinter };
}

/** The job id in lp's answer: "request id is PolicyDesk-PDF-12 (1 file(s))". */
export function parseLpRequestId(stdout: string): string | null {
  return /request id is (\S+)/.exec(stdout)?.[1] ?? null;
}

/** The paper sizes in `lpoptions -p X -l` (the PageSize or media line), without the custom-size template. */
export function parseLpoptionsMedia(stdout: string): string[] {
  const line = stdout.split('\n').find((l) => /^(PageSize|media)[/:]/i.test(l));
  if (!line) return [];
  const choices = line.slice(line.indexOf(':') + 1).trim().split(/\s+/);
  return choices.map((c) => c.replace(/^\*/, '')).filter((c) => c && !/^Custom\.WIDTHxHEIGHT$/i.test(c));
}

/** The numeric part of a CUPS job id ("PolicyDesk-PDF-12" → 12). */
export function jobNumber(jobId: string): number | null {
  const m = /-(\d+)$/.exec(jobId) ?? /^(\d+)$/.exec(jobId);
  return m ? Number(m[1]) : null;
}

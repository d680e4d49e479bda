// `npm run bench -- documents [--runs N] [--no-chromium] [--report-only]`
//
// The 80 mm 受理回执 made by PolicyDesk (pdf-lib + harfbuzz-cut font) against Chromium printing the
// same receipt from HTML (Playwright page.pdf()), in one process, on the same data, one after the
// other: cold (first in the process), then one warm-up and N timed runs each. Also the A4 受理通知书
// (ours only) and the scan hooks. Writes bench/results/documents.json and its section of docs/benchmarks.md.

import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { renderAcceptanceNotice } from '../../electron/core/documents/acceptance-notice';
import { renderAcceptanceReceipt } from '../../electron/core/documents/acceptance-receipt';
import { summarize, type Timed } from '../policy/measure';
import { writeSection } from '../doc-section';
import { startChromium } from './chromium';
import { buildReport, type Check, type RunResult } from './report';
import { receiptHtml } from './receipt-html';
import { RECEIPT } from './sample';
import { scanFigures } from './scan-hooks';

const ROOT = path.resolve(import.meta.dirname, '../..');
const RESOURCES = path.join(ROOT, 'resources');
const RESULTS = path.join(ROOT, 'bench/results/documents.json');
const DOC = path.join(ROOT, 'docs/benchmarks.md');
/** The raw results of the last run, so the report can be written again (--report-only). */
const LAST_RUN = path.join(ROOT, 'bench/.data/documents.last-run.json');

const log = (m: string) => console.log(`[bench documents ${new Date().toISOString().slice(11, 19)}] ${m}`);

function version(pkg: string): string {
  try {
    return (JSON.parse(fs.readFileSync(path.join(ROOT, 'node_modules', pkg, 'package.json'), 'utf8')) as { version: string }).version;
  } catch {
    return '';
  }
}

export function machine(chromiumVersion: string) {
  const cpus = os.cpus();
  return {
    cpu: cpus[0]?.model.trim() ?? 'unknown',
    cores: cpus.length,
    ramGb: Math.round(os.totalmem() / 2 ** 30),
    node: process.version,
    chromium: chromiumVersion,
    pdfLib: version('pdf-lib'),
    subsetFont: version('subset-font'),
    os: `${os.type()} ${os.release()}`,
    loadAverageAtStart: os.loadavg().map((l) => Math.round(l * 100) / 100),
  };
}

/** One untimed warm-up, then `runs` timed runs; the last output is kept. */
async function timeRuns(runs: number, make: () => Promise<Uint8Array>): Promise<{ timed: Timed; bytes: Uint8Array }> {
  let bytes = await make();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    bytes = await make();
    times.push(performance.now() - t);
  }
  return { timed: summarize(times), bytes };
}

/** What poppler sees in a PDF: its page size, the fonts embedded, whether the company's name is there. */
function inspect(bytes: Uint8Array, name: string): Check {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pd-bench-pdf-'));
  const file = path.join(dir, `${name}.pdf`);
  fs.writeFileSync(file, bytes);
  try {
    const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
    const size = /Page size:\s+([\d.]+) x ([\d.]+) pts/.exec(info);
    const fonts = execFileSync('pdffonts', [file], { encoding: 'utf8' }).split('\n').slice(2).filter(Boolean).map((l) => l.split(/\s+/)[0]!);
    const text = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
    return { widthPt: Number(size?.[1]), heightPt: Number(size?.[2]), fonts, hasText: text.includes(RECEIPT.company.name) && text.includes(RECEIPT.progress.code) };
  } catch {
    return null; // poppler-utils missing: reported as not checked
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

async function atomicWrite(file: string, content: string): Promise<void> {
  const tmp = `${file}.${process.pid}.tmp`;
  const fh = await fs.promises.open(tmp, 'w');
  try {
    await fh.writeFile(content);
    await fh.sync();
  } finally {
    await fh.close();
  }
  await fs.promises.rename(tmp, file);
}

export async function run(args: string[]): Promise<void> {
  const opt = (name: string) => {
    const i = args.indexOf(`--${name}`);
    return i >= 0 ? args[i + 1] : undefined;
  };
  if (args.includes('--report-only')) return write(JSON.parse(fs.readFileSync(LAST_RUN, 'utf8')) as RunResult);
  const runs = Math.max(50, Number(opt('runs') ?? 60));
  const withChromium = !args.includes('--no-chromium');
  const started = performance.now();

  // ---- PolicyDesk: cold (first in this process: fonts read and parsed), then warm
  log('PolicyDesk: receipt, cold…');
  let t = performance.now();
  const first = await renderAcceptanceReceipt(RESOURCES, RECEIPT);
  const oursColdMs = performance.now() - t;
  log(`PolicyDesk: receipt, ${runs} warm runs…`);
  const ours = await timeRuns(runs, () => renderAcceptanceReceipt(RESOURCES, RECEIPT));
  log(`PolicyDesk: A4 受理通知书, ${runs} warm runs…`);
  const a4 = await timeRuns(runs, () => renderAcceptanceNotice(RESOURCES, RECEIPT));
  if (first.length === 0) throw new Error('empty receipt');

  // ---- Chromium: launch and first print, then warm
  let peer: RunResult['peer'] = null;
  if (withChromium) {
    log('Chromium: launch and first print…');
    t = performance.now();
    const printer = await startChromium();
    try {
      const html = () => receiptHtml(RESOURCES, RECEIPT);
      await printer.print(html(), 'load');
      const coldMs = performance.now() - t;
      log(`Chromium ${printer.version}: ${runs} warm runs, content swapped into the loaded page…`);
      const warm = await timeRuns(runs, () => printer.print(html(), 'swap'));
      log(`Chromium: ${runs} warm runs, a page load each…`);
      const reload = await timeRuns(runs, () => printer.print(html(), 'load'));
      peer = { version: printer.version, launchMs: printer.launchMs, coldMs, timed: warm.timed, reload: reload.timed, bytes: warm.bytes.length, check: inspect(warm.bytes, 'chromium') };
    } finally {
      await printer.close();
    }
  }

  const result: RunResult = {
    date: new Date().toISOString(),
    machine: machine(peer?.version ?? 'not run'),
    runs,
    ours: { coldMs: oursColdMs, timed: ours.timed, bytes: ours.bytes.length, check: inspect(ours.bytes, 'ours') },
    a4: { timed: a4.timed, bytes: a4.bytes.length },
    peer,
    scans: await scanFigures(),
    seconds: (performance.now() - started) / 1000,
  };
  fs.mkdirSync(path.dirname(LAST_RUN), { recursive: true });
  await atomicWrite(LAST_RUN, JSON.stringify(result));
  await write(result);
}

async function write(result: RunResult): Promise<void> {
  const report = buildReport(result);
  console.log(`\n${report.table}\n`);
  await atomicWrite(RESULTS, `${JSON.stringify(report.json, null, 2)}\n`);
  writeSection(DOC, 'documents', report.markdown);
  log(`wrote ${path.relative(ROOT, RESULTS)} and ${path.relative(ROOT, DOC)}`);
}

import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import fontkit from '@pdf-lib/fontkit';
import { PDFDocument } from 'pdf-lib';
import subsetFont from 'subset-font';
import { DocumentWriter } from '../../../electron/core/documents/pdf-kit';

// The real CUPS the printing tests use: the PolicyDesk-PDF queue of scripts/ci/setup-cups.sh
// (CUPS-PDF writing one PDF per job) and throw-away queues of the same kind made per test file.

export const ROOT = path.resolve(import.meta.dirname, '../../..');
export const RESOURCES = path.join(ROOT, 'resources');
export const CI_QUEUE = 'PolicyDesk-PDF';
const env = { ...process.env, LANG: 'C', LC_ALL: 'C' };
export const isRoot = process.getuid?.() === 0;

export function sh(tool: string, args: string[]): string {
  return execFileSync(tool, args, { env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], timeout: 60_000 });
}

/** Starts cupsd and makes the PolicyDesk-PDF queue (the setup script, as root), or checks they are there. */
export function ensureCupsPdfQueue(): void {
  if (isRoot) {
    sh(path.join(ROOT, 'scripts/ci/setup-cups.sh'), []);
    return;
  }
  try {
    sh('lpstat', ['-p', CI_QUEUE]);
  } catch {
    throw new Error(`CUPS queue ${CI_QUEUE} missing or cupsd not running: run sudo scripts/ci/setup-cups.sh once`);
  }
}

let model: string | null = null;
/** The CUPS-PDF driver without options, as lpinfo names it (as the setup script picks it). */
function cupsPdfModel(): string {
  if (!model) {
    const models = sh('lpinfo', ['-m']).split('\n').map((l) => l.split(' ')[0]!).filter((m) => /cups-pdf/i.test(m));
    model = models.find((m) => /noopt/i.test(m)) ?? models[0] ?? null;
    if (!model) throw new Error('no CUPS-PDF driver (apt-get install printer-driver-cups-pdf)');
  }
  return model;
}

/** A throw-away CUPS-PDF queue, enabled and accepting; extra lpadmin options as given. */
export function makeQueue(name: string, opts: { instance?: string; options?: string[] } = {}): void {
  const extra = (opts.options ?? []).flatMap((o) => ['-o', o]);
  sh('lpadmin', ['-p', name, '-E', '-v', `cups-pdf:/${opts.instance ?? 'policydesk'}`, '-m', cupsPdfModel(), '-o', 'pdftops-renderer-default=pdftocairo', ...extra]);
  sh('cupsenable', [name]);
  sh('cupsaccept', [name]);
}

export function removeQueue(name: string): void {
  try {
    sh('lpadmin', ['-x', name]);
  } catch { /* already gone */ }
}

/** Where CUPS-PDF writes this user's jobs (the Out of /etc/cups/cups-pdf-policydesk.conf). */
export function outputDir(): string {
  return path.join('/var/spool/cups-pdf/policydesk', os.userInfo().username);
}

/** CUPS-PDF names the file "<title>…-job_<n>.pdf" (Label 2). */
export function outputFileOf(jobId: string): string | null {
  const n = /-(\d+)$/.exec(jobId)![1];
  const dir = outputDir();
  if (!fs.existsSync(dir)) return null;
  const hit = fs.readdirSync(dir).find((f) => new RegExp(`job_${n}(?!\\d)`).test(f) && f.endsWith('.pdf'));
  return hit ? path.join(dir, hit) : null;
}

const produced: string[] = [];
/** Deletes the PDFs this test file's jobs produced (the output folder is not left to grow). */
export function removeOutputs(): void {
  for (const file of produced.splice(0)) fs.rmSync(file, { force: true });
}

/** Polls the output folder for a job's PDF, up to timeoutMs. */
export async function waitForOutput(jobId: string, timeoutMs = 30_000): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const file = outputFileOf(jobId);
    if (file && fs.statSync(file).size > 0) {
      produced.push(file);
      return file;
    }
    if (Date.now() > deadline) throw new Error(`no PDF for ${jobId} in ${outputDir()} after ${timeoutMs} ms`);
    await sleep(200);
  }
}

export const pdftotext = (file: string) => sh('pdftotext', ['-layout', file, '-']);

/** Page sizes in points, from pdfinfo. */
export function pageSizesPt(file: string): { width: number; height: number }[] {
  const out = sh('pdfinfo', ['-f', '1', '-l', '999', file]);
  return [...out.matchAll(/Page\s+\d+ size:\s+([\d.]+) x ([\d.]+) pts/g)].map((m) => ({ width: Number(m[1]), height: Number(m[2]) }));
}

/** An A4 document with Chinese text, drawn as the counter's documents are. */
export async function a4Pdf(title: string, lines: string[]): Promise<Uint8Array> {
  const w = await DocumentWriter.create(RESOURCES);
  w.centred(title, 16);
  for (const line of lines) w.text(line);
  return w.save({ title });
}

const PT_PER_MM = 72 / 25.4;
/** An 80 mm receipt of the given length with Chinese text (the font cut with harfbuzz, as pdf-kit does). */
export async function receiptPdf(lines: string[], lengthMm: number): Promise<Uint8Array> {
  const font = fs.readFileSync(path.join(RESOURCES, 'fonts', 'NotoSansSC-Regular.ttf'));
  const cut = await subsetFont(font, [...new Set(lines.join(''))].join(''), { targetFormat: 'truetype' });
  const doc = await PDFDocument.create();
  doc.registerFontkit(fontkit);
  const f = await doc.embedFont(cut, { subset: false });
  const page = doc.addPage([80 * PT_PER_MM, lengthMm * PT_PER_MM]);
  lines.forEach((line, i) => page.drawText(line, { x: 4 * PT_PER_MM, y: (lengthMm - 10 - i * 6) * PT_PER_MM, size: 9, font: f }));
  return doc.save();
}

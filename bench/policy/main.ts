// `npm run bench -- policy [--rounds N] [--only ours,like,minisearch,matching] [--pragma k=v,…] [--report-only]`
//
// Generates (or reuses) the data, then runs each subject in its own process, one after another
// (PolicyDesk, plain LIKE, MiniSearch for policies, MiniSearch for enterprises, the matching hook),
// prints the table, and writes bench/results/policy.json and docs/benchmarks.md.

import { fork } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { ensureData, type DataMeta } from './generate';
import { lookupCases, searchCases } from './queries';
import { writeSection } from '../doc-section';
import { buildReport, type Report } from './report';
import type { SubjectResult } from './subjects/types';

const ROOT = path.resolve(import.meta.dirname, '../..');
const RESULTS = path.join(ROOT, 'bench/results/policy.json');
/** The raw results of the last run, so the report can be written again (--report-only). */
const LAST_RUN = path.join(ROOT, 'bench/.data/policy.last-run.json');
const DOC = path.join(ROOT, 'docs/benchmarks.md');

const log = (m: string) => console.log(`[bench policy ${new Date().toISOString().slice(11, 19)}] ${m}`);

function runChild(subject: string, rounds: number, heapMb?: number): Promise<SubjectResult> {
  return new Promise((resolve, reject) => {
    const execArgv = ['--import', 'tsx', '--expose-gc', ...(heapMb ? [`--max-old-space-size=${heapMb}`] : [])];
    const child = fork(path.join(import.meta.dirname, 'child.ts'), [subject, String(rounds)], { execArgv, stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    let result: SubjectResult | undefined;
    child.on('message', (m) => (result = m as SubjectResult));
    child.on('exit', (code) => (result ? resolve(result) : reject(new Error(`${subject} exited with ${code} and no result`))));
  });
}

export function machine() {
  const cpus = os.cpus();
  return {
    cpu: cpus[0]?.model.trim() ?? 'unknown',
    cores: cpus.length,
    ramGb: Math.round(os.totalmem() / 2 ** 30),
    node: process.version,
    sqlite: (new Database(':memory:').prepare('SELECT sqlite_version() AS v').get() as { v: string }).v,
    os: `${os.type()} ${os.release()}`,
    loadAverageAtStart: os.loadavg().map((l) => Math.round(l * 100) / 100),
  };
}

export async function run(args: string[]): Promise<void> {
  const opt = (name: string) => {
    const i = args.indexOf(`--${name}`);
    return i >= 0 ? args[i + 1] : undefined;
  };
  if (args.includes('--report-only')) {
    const last = JSON.parse(fs.readFileSync(LAST_RUN, 'utf8')) as Parameters<typeof buildReport>[0];
    return write(buildReport({ ...last, searchCases: searchCases(last.meta), lookupCases: lookupCases(last.meta) }));
  }
  const rounds = Number(opt('rounds') ?? 5);
  // --pragma a=1,b=2: PolicyDesk's connection gets these too (a what-if; the results are then only printed)
  const whatIf = opt('pragma');
  if (whatIf) process.env.BENCH_PRAGMAS = whatIf;
  const only = new Set((opt('only') ?? 'ours,like,minisearch,matching').split(','));
  const started = performance.now();
  const m = machine();
  log(`machine: ${m.cpu}, ${m.cores} cores, ${m.ramGb} GB, node ${m.node}, SQLite ${m.sqlite}, load ${m.loadAverageAtStart.join(' ')}`);
  const meta: DataMeta = ensureData(log);
  log(`queries: ${searchCases(meta).length} searches, ${lookupCases(meta).length} lookups, ${rounds} rounds each (LIKE: 1)`);

  const results: Record<string, SubjectResult> = {};
  const step = async (name: string, subject: string, heapMb?: number) => {
    const t = performance.now();
    log(`${name}…`);
    results[subject] = await runChild(subject, rounds, heapMb);
    log(`${name}: done in ${((performance.now() - t) / 1000).toFixed(1)} s`);
  };
  if (only.has('ours')) await step('PolicyDesk (FTS5)', 'ours');
  if (only.has('like')) await step('peer: plain SQL LIKE', 'like');
  if (only.has('minisearch')) {
    await step('peer: MiniSearch, policies', 'minisearch-policies', 16_000);
    await step('peer: MiniSearch, enterprises', 'minisearch-enterprises', 16_000);
  }
  if (only.has('matching')) await step('matching (hook)', 'matching');

  const raw = { date: new Date().toISOString(), machine: m, meta, results, rounds, seconds: (performance.now() - started) / 1000 };
  const report = buildReport({ ...raw, searchCases: searchCases(meta), lookupCases: lookupCases(meta) });
  if (whatIf) {
    console.log(`\nwith PRAGMA ${whatIf} (not written to the results):\n${report.table}\n`);
    return;
  }
  fs.writeFileSync(LAST_RUN, JSON.stringify(raw));
  write(report);
  log(`done in ${((performance.now() - started) / 1000).toFixed(0)} s`);
}

function write(report: Report): void {
  console.log(`\n${report.table}\n`);
  fs.mkdirSync(path.dirname(RESULTS), { recursive: true });
  fs.writeFileSync(RESULTS, `${JSON.stringify(report.json, null, 2)}\n`);
  writeSection(DOC, 'policy', report.markdown);
  log(`wrote ${path.relative(ROOT, RESULTS)} and ${path.relative(ROOT, DOC)}`);
}

// `npm run bench -- sync [--only push,pull,upload] [--runs N] [--pull-runs N] [--mutations N]
//   [--policies N] [--enterprises N] [--upload-mb N] [--work DIR] [--report-only]`
//
// Sync with the centre against its peers, on the same data in the same run (bench/sync/*.ts):
//   push    N mutations from a workstation core to the centre (PGlite; also PostgreSQL when
//           PG_TEST_URL is set)        vs PouchDB replication pouchdb-node → pouchdb-server
//   pull    first pull of the published policies and enterprises by a fresh workstation, until
//           searchable                 vs PouchDB replication pouchdb-server → fresh pouchdb-node
//   upload  scans through tus           vs a plain streamed PUT to a file, fsynced (the physical limit)
// Every server (centre, pouchdb-server, raw PUT) runs in its own process; the clients run here.
// Writes bench/results/sync.json and the sync section of docs/benchmarks.md.

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Rng } from '../policy/prng';
import { machine } from '../policy/main';
import { writeSection } from '../doc-section';
import { load, timeReplication } from './pouch';
import { startCentreProcess, startPouchServer } from './processes';
import { makePushWorkstation, outboxDocs, timeFirstPull, timePush } from './push';
import { makeReferenceFiles, publishedRecords } from './reference-data';
import { buildReport, type Measured } from './report';
import { log, round } from './stats';
import { makeScans, timeRaw, timeTus } from './upload';

const ROOT = path.resolve(import.meta.dirname, '../..');
const RESULTS = path.join(ROOT, 'bench/results/sync.json');
const DOC = path.join(ROOT, 'docs/benchmarks.md');
const DATA = path.join(ROOT, 'bench/.data/sync');
const WARM_UP_MB = 20;
/** each part's latest run at the standard sizes */
const LAST_RUN = path.join(DATA, 'last-run.json');

export async function run(args: string[]): Promise<void> {
  if (args.includes('--report-only')) {
    const last = JSON.parse(fs.readFileSync(LAST_RUN, 'utf8')) as { machine: ReturnType<typeof machine>; measured: Measured };
    const report = buildReport({ date: new Date().toISOString(), machine: last.machine, measured: last.measured, seconds: 0 });
    fs.writeFileSync(RESULTS, `${JSON.stringify(report.json, null, 2)}\n`);
    writeSection(DOC, 'sync', report.markdown);
    return log(`wrote ${path.relative(ROOT, RESULTS)} and ${path.relative(ROOT, DOC)} from ${path.relative(ROOT, LAST_RUN)}`);
  }
  const opt = (name: string, dflt: number) => {
    const i = args.indexOf(`--${name}`);
    return i >= 0 ? Number(args[i + 1]) : dflt;
  };
  const onlyAt = args.indexOf('--only');
  const only = new Set((onlyAt >= 0 ? args[onlyAt + 1]! : 'push,pull,upload').split(','));
  const workAt = args.indexOf('--work');
  const work = fs.mkdtempSync(path.join(workAt >= 0 ? args[workAt + 1]! : os.tmpdir(), 'pd-bench-sync-'));
  const sizes = { mutations: opt('mutations', 10_000), policies: opt('policies', 20_000), enterprises: opt('enterprises', 500_000), uploadMb: opt('upload-mb', 500) };
  const runs = opt('runs', 3);
  const pullRuns = opt('pull-runs', 1);
  const m = machine();
  log(`machine: ${m.cpu}, ${m.cores} cores, load ${m.loadAverageAtStart.join(' ')}; sizes ${JSON.stringify(sizes)}, ${runs} runs (pull ${pullRuns})`);
  const measured: Measured = { sizes, runs, pullRuns, loadAverages: [] };
  const load1 = () => measured.loadAverages.push(round(os.loadavg()[0]!));
  fs.mkdirSync(DATA, { recursive: true });
  const started = performance.now();
  let port = 15984;

  try {
    if (only.has('push')) {
      const template = await makePushWorkstation(DATA, sizes.mutations, new Rng(11), log);
      const docs = outboxDocs(template);
      const kinds: ('pglite' | 'pg')[] = process.env.PG_TEST_URL ? ['pglite', 'pg'] : ['pglite'];
      measured.push = { mutations: docs.length, ours: {}, pouch: [] };
      for (let i = 0; i < runs; i++) {
        for (const kind of kinds) {
          const centre = await startCentreProcess(kind);
          try {
            const r = await timePush(template, work, centre);
            (measured.push.ours[kind] ??= []).push(r.seconds);
            log(`push ${i + 1}/${runs}, centre on ${kind}: ${r.mutations} mutations in ${round(r.seconds)} s`);
          } finally {
            await centre.close();
          }
        }
        const server = await startPouchServer(path.join(work, `pouch-push-${i}`), port++);
        try {
          const local = path.join(work, `pouch-local-push-${i}`);
          await load(local, docs);
          const seconds = await timeReplication(local, `${server.url}/push`, docs.length, 200);
          measured.push.pouch.push(seconds);
          log(`push ${i + 1}/${runs}, PouchDB: ${docs.length} docs in ${round(seconds)} s`);
        } finally {
          await server.close();
        }
        load1();
      }
    }

    if (only.has('pull')) {
      const files = makeReferenceFiles(DATA, sizes);
      measured.pull = { policies: sizes.policies, enterprises: sizes.enterprises, records: 0, ours: [], rounds: [], pouch: [] };
      const centre = await startCentreProcess('pglite');
      try {
        let t = performance.now();
        await centre.admin('publish', 'policies', files.policies);
        await centre.admin('publish', 'enterprises', files.enterprises);
        log(`pull: published ${sizes.policies} policies and ${sizes.enterprises} enterprises at the centre in ${round((performance.now() - t) / 1000)} s`);
        for (let i = 0; i < pullRuns; i++) {
          t = performance.now();
          const r = await timeFirstPull(work, centre, files.probe);
          measured.pull.ours.push(r.seconds);
          measured.pull.rounds.push(r.rounds);
          log(`pull ${i + 1}/${pullRuns}: ${r.policies} policies, ${r.enterprises} enterprises searchable in ${round(r.seconds)} s (${r.rounds} sync rounds)`);
        }
      } finally {
        await centre.close();
      }
      const server = await startPouchServer(path.join(work, 'pouch-pull'), port++);
      try {
        const t = performance.now();
        const docs = (function* () {
          for (const r of publishedRecords(files, new Date())) yield { _id: `${r.entity}:${r.id}`, entity: r.entity, payload: r.payload };
        })();
        measured.pull.records = await load(`${server.url}/reference`, docs, 5000);
        log(`pull: ${measured.pull.records} docs loaded into pouchdb-server in ${round((performance.now() - t) / 1000)} s`);
        for (let i = 0; i < pullRuns; i++) {
          const seconds = await timeReplication(`${server.url}/reference`, path.join(work, `pouch-local-pull-${i}`), measured.pull.records, 1000);
          measured.pull.pouch.push(seconds);
          log(`pull ${i + 1}/${pullRuns}, PouchDB: ${measured.pull.records} docs in ${round(seconds)} s`);
        }
      } finally {
        await server.close();
      }
      load1();
    }

    if (only.has('upload')) {
      const scans = makeScans(DATA, sizes.uploadMb, new Rng(13));
      // other scans each server gets first, untimed (upload.ts timeTus)
      const warmUp = makeScans(path.join(DATA, 'warm-up'), WARM_UP_MB, new Rng(14));
      measured.upload = { files: scans.length, bytes: scans.reduce((n, s) => n + s.size, 0), tus: [], raw: [] };
      for (let i = 0; i < runs; i++) {
        // back to back, the order alternating (the machine's load drifts)
        const raw = i % 2 ? 0 : await timeRaw(scans, work, warmUp);
        const tus = await timeTus(scans, 'pglite', warmUp);
        const rawAfter = i % 2 ? await timeRaw(scans, work, warmUp) : raw;
        measured.upload.raw.push(rawAfter);
        measured.upload.tus.push(tus);
        // the same with the centre on PostgreSQL: how much of the gap is the embedded database's queries
        if (process.env.PG_TEST_URL) (measured.upload.tusPg ??= []).push(await timeTus(scans, 'pg', warmUp));
        const mb = measured.upload.bytes / 1e6;
        log(`upload ${i + 1}/${runs}: ${scans.length} files, ${round(mb)} MB: tus ${round(mb / tus)} MB/s${measured.upload.tusPg ? ` (centre on PostgreSQL: ${round(mb / measured.upload.tusPg.at(-1)!)} MB/s)` : ''}, raw ${round(mb / rawAfter)} MB/s`);
        load1();
      }
    }
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }

  const seconds = (performance.now() - started) / 1000;
  console.log(`\n${buildReport({ date: new Date().toISOString(), machine: m, measured, seconds }).table}\n`);
  // push and upload at the standard sizes only; the first pull at any size (the report names it:
  // 500,000 enterprises take long on a small shared machine)
  const standard = (!only.has('push') || sizes.mutations === 10_000) && (!only.has('upload') || sizes.uploadMb === 500);
  if (!standard) return log('not the standard sizes: results printed only, not written');
  // the parts may run one at a time (--only): the report takes each part's latest standard run
  const last = fs.existsSync(LAST_RUN) ? (JSON.parse(fs.readFileSync(LAST_RUN, 'utf8')) as { machine: typeof m; measured: Measured }) : null;
  const merged: Measured = { ...measured, push: measured.push ?? last?.measured.push, pull: measured.pull ?? last?.measured.pull, upload: measured.upload ?? last?.measured.upload, loadAverages: [...(last && only.size < 3 ? last.measured.loadAverages : []), ...measured.loadAverages] };
  const machineNow = only.size < 3 && last ? last.machine : m;
  fs.writeFileSync(LAST_RUN, JSON.stringify({ machine: machineNow, measured: merged }));
  const report = buildReport({ date: new Date().toISOString(), machine: machineNow, measured: merged, seconds });
  if (!merged.push || !merged.pull || !merged.upload) return log(`kept this part in ${path.relative(ROOT, LAST_RUN)}; the results are written once every part has run`);
  fs.writeFileSync(RESULTS, `${JSON.stringify(report.json, null, 2)}\n`);
  writeSection(DOC, 'sync', report.markdown);
  log(`wrote ${path.relative(ROOT, RESULTS)} and ${path.relative(ROOT, DOC)} (${round((performance.now() - started) / 1000, 0)} s)`);
}

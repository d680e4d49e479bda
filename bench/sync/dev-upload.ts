// Development helper: `npx tsx bench/sync/dev-upload.ts [MB] [runs]` — the upload part alone, small.
// With BENCH_PROF=<dir> the centre and the raw server write CPU profiles there (--cpu-prof).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Rng } from '../policy/prng';
import { makeScans, timeRaw, timeTus } from './upload';
import { log, median, round } from './stats';

const mb = Number(process.argv[2] ?? 50);
const runs = Number(process.argv[3] ?? 1);
const dir = path.join(os.tmpdir(), 'pd-bench-sync-dev');
fs.mkdirSync(dir, { recursive: true });
const scans = makeScans(dir, mb, new Rng(7));
const warm = process.env.WARM ? makeScans(path.join(dir, 'warm'), Number(process.env.WARM), new Rng(99)) : [];
const tus: number[] = [];
const raw: number[] = [];
for (let i = 0; i < runs; i++) {
  raw.push(await timeRaw(scans, dir, warm));
  tus.push(await timeTus(scans, 'pglite', warm));
  log(`run ${i + 1}: raw ${round(mb / raw.at(-1)!)} MB/s, tus ${round(mb / tus.at(-1)!)} MB/s`);
}
log(`${scans.length} files, ${mb} MB: raw ${round(mb / median(raw))} MB/s, tus ${round(mb / median(tus))} MB/s, ratio ${round(median(raw) / median(tus), 3)}`);
